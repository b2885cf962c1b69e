import type { ArticleJSON } from '../article.js';
import type { EntityType } from '../doc.js';
import type { Lexicon } from '../lexicon/index.js';
import { hashId } from '../hash.js';
import { canonicalName, compatibleGivenNames, normalizeName, surname, type CanonicalName } from './names.js';
import type { CorpusEntity } from './types.js';

/**
 * Canonical entities across articles. An article entity joins the canonical entity that shares a
 * normalised name or alias with it (after the lexicon's canonical forms: ISIL, Daesh → Islamic
 * State; Russian → Russia), else a person whose surname it is ("Kabulov" → "Zamir Kabulov") or who
 * bears a compatible full name, else it starts a new one. MISC is the tagger's "unsure" type, so a
 * MISC name also joins an entity of another type with that name or surname. An unnamed entity ("a
 * Taliban spokesperson") joins only the same description with the same affiliation. A canonical
 * entity's actor code is the one its article entities carry most often (an article codes its
 * entities with the dictionary entry valid on its date).
 */

type ArticleEntity = ArticleJSON['entities'][number];

const NAME = 'name:';
const SURNAME = 'surname:';
const UNNAMED = 'unnamed:';
/** Aliases kept per entity; the rest add nothing for a reader. */
const MAX_ALIASES = 24;

export class EntityRegistry {
  private readonly byId = new Map<string, CorpusEntity>();
  private readonly byKey = new Map<string, Set<string>>();
  /** Lexicon lookups by type and name: the same names recur from article to article. */
  private readonly canonical = new Map<string, CanonicalName & { normalized: string }>();
  /** Each entity's name and aliases, lower-cased. */
  private readonly known = new Map<string, Set<string>>();
  private readonly changed = new Set<string>();

  constructor(
    private readonly lexicon: Lexicon,
    entities: readonly CorpusEntity[] = [],
  ) {
    for (const entity of entities) {
      const copy = { ...entity, aliases: [...entity.aliases], keys: [...entity.keys], codes: { ...entity.codes } };
      this.byId.set(copy.id, copy);
      for (const key of copy.keys) this.index(key, copy.id);
    }
  }

  get(id: string): CorpusEntity | undefined {
    return this.byId.get(id);
  }

  /** Copies of the entities changed since the last call, for the store. */
  takeChanged(): CorpusEntity[] {
    const changed = [...this.changed].map((id) => {
      const entity = this.byId.get(id) as CorpusEntity;
      return { ...entity, aliases: [...entity.aliases], keys: [...entity.keys], codes: { ...entity.codes } };
    });
    this.changed.clear();
    return changed;
  }

  /**
   * Resolves every entity of one article to the canonical id of each local id. Named entities go
   * first, so an unnamed one can key on its affiliation's canonical id.
   */
  resolveArticle(articleId: string, entities: ArticleJSON['entities']): Map<string, string> {
    const ids = new Map<string, string>();
    const counted = new Set<string>();
    const record = (local: ArticleEntity, entity: CorpusEntity): void => {
      ids.set(local.id, entity.id);
      entity.mentions += local.mentions.length;
      if (!counted.has(entity.id)) entity.articles += 1;
      counted.add(entity.id);
      if (local.code) countCode(entity, local.code);
      this.changed.add(entity.id);
    };
    for (const local of entities) if (!local.unnamed) record(local, this.resolveNamed(local));
    for (const local of entities) {
      if (!local.unnamed) continue;
      const anchor = ids.get(local.affiliation ?? '') ?? ids.get(local.related ?? '');
      const key = anchor ? `${UNNAMED}${local.type}:${normalizeName(local.name)}@${anchor}` : `${UNNAMED}${articleId}/${local.id}`;
      const [found] = this.owners(key);
      record(local, found ?? this.create(local.type, local.name, [key], true));
    }
    return ids;
  }

  private resolveNamed(local: ArticleEntity): CorpusEntity {
    const names = [local.name, ...local.aliases].map((n) => ({ surface: n, ...this.canonicalName(n, local.type) }));
    // A name the lexicon knows fixes the type ("Russian", NORP → Russia, GPE).
    const type = names.find((n) => n.listed)?.type ?? local.type;
    const canonical = names.find((n) => n.listed)?.name ?? local.name;
    const normalized = [...new Set(names.map((n) => n.normalized).filter((n) => n !== ''))];
    const found = this.findByName(type, normalized) ?? this.findPerson(type, normalized);
    const entity = found ?? this.create(type, canonical, [], false);
    this.absorb(entity, type, canonical, names.map((n) => n.surface), normalized);
    return entity;
  }

  private canonicalName(name: string, type: EntityType): CanonicalName & { normalized: string } {
    const key = `${type}\u0000${name}`;
    let found = this.canonical.get(key);
    if (!found) {
      const canonical = canonicalName(this.lexicon, name, type);
      this.canonical.set(key, (found = { ...canonical, normalized: normalizeName(canonical.name) }));
    }
    return found;
  }

  /**
   * The entities owning `key`, most mentioned first, then by id. The order is part of every
   * decision, so it must depend only on the entities, never on the order their keys were indexed
   * in: a registry rebuilt from the store then decides as the one that never stopped.
   */
  private owners(key: string): CorpusEntity[] {
    return [...(this.byKey.get(key) ?? [])].map((id) => this.byId.get(id) as CorpusEntity).sort(byPrecedence);
  }

  /** An entity that owns one of the names, of the same type, or either side being MISC. */
  private findByName(type: EntityType, names: readonly string[]): CorpusEntity | null {
    for (const name of names) {
      const candidates = this.owners(NAME + name);
      const same = candidates.find((e) => e.type === type);
      const loose = candidates.filter((e) => e.type === 'MISC' || type === 'MISC');
      if (same) return same;
      if (loose.length === 1) return loose[0];
    }
    return null;
  }

  /**
   * A person by surname: a one-word name joins the only person with that surname; a full name joins
   * a person known by the surname alone, or the only one whose given name is compatible.
   */
  private findPerson(type: EntityType, names: readonly string[]): CorpusEntity | null {
    if (type !== 'PERSON' && type !== 'MISC') return null;
    const full = names.find((n) => n.includes(' ')) ?? names[0];
    if (full === undefined) return null;
    const people = this.owners(SURNAME + surname(full));
    const matches = full.includes(' ')
      ? people.filter((p) => {
          const known = normalizeName(p.name);
          return !known.includes(' ') || compatibleGivenNames(known, full);
        })
      : people;
    return matches.length === 1 ? matches[0] : null;
  }

  private create(type: EntityType, name: string, keys: string[], unnamed: boolean): CorpusEntity {
    const entity: CorpusEntity = {
      id: this.newId(`${type}\u0000${keys[0] ?? normalizeName(name)}`),
      type,
      name,
      aliases: [],
      keys: [],
      articles: 0,
      mentions: 0,
      unnamed,
      code: null,
      codes: {},
    };
    this.byId.set(entity.id, entity);
    for (const key of keys) this.addKey(entity, key);
    return entity;
  }

  /**
   * A hash of what made the entity. Two entities can be made of the same thing (a "Trump" of type
   * MISC after the first one became a person), so a taken id is hashed again with a counter: the
   * first entity keeps its id, and a resumed registry, holding the same ids, picks the same one.
   */
  private newId(basis: string): string {
    let id = `n${hashId(basis)}`;
    for (let n = 1; this.byId.has(id); n++) id = `n${hashId(`${basis}\u0000${n}`)}`;
    return id;
  }

  /** Adds names and keys; a person's longer full name and a surer type replace the old ones. */
  private absorb(entity: CorpusEntity, type: EntityType, canonical: string, surfaces: readonly string[], names: readonly string[]): void {
    if (entity.type === 'MISC' && type !== 'MISC') entity.type = type;
    let known = this.known.get(entity.id);
    if (!known) this.known.set(entity.id, (known = new Set([entity.name, ...entity.aliases].map((n) => n.toLowerCase()))));
    if (entity.type === 'PERSON' && type !== 'MISC' && canonical.split(/\s+/).length > entity.name.split(/\s+/).length) {
      entity.aliases.push(entity.name);
      entity.name = canonical;
      known.add(canonical.toLowerCase());
    }
    for (const surface of [canonical, ...surfaces]) {
      if (known.has(surface.toLowerCase()) || entity.aliases.length >= MAX_ALIASES) continue;
      known.add(surface.toLowerCase());
      entity.aliases.push(surface);
    }
    for (const name of names) {
      this.addKey(entity, NAME + name);
      // A one-word MISC name may be a surname the tagger was unsure of ("Kabulov, the envoy").
      if (entity.type === 'PERSON' || (entity.type === 'MISC' && !name.includes(' '))) this.addKey(entity, SURNAME + surname(name));
    }
  }

  private addKey(entity: CorpusEntity, key: string): void {
    const owners = this.byKey.get(key);
    if (owners?.has(entity.id)) return;
    entity.keys.push(key);
    this.index(key, entity.id);
  }

  private index(key: string, id: string): void {
    const ids = this.byKey.get(key);
    if (ids) ids.add(id);
    else this.byKey.set(key, new Set([id]));
  }
}

/**
 * Counts one more article entity with actor code `code` and takes the most counted code. Counts
 * add up the same in any order, and the codes are kept sorted, so the code and the stored counts do
 * not depend on how the ingest was split or resumed.
 */
function countCode(entity: CorpusEntity, code: string): void {
  const counts = Object.entries({ ...entity.codes, [code]: (entity.codes[code] ?? 0) + 1 }).sort(([a], [b]) => (a < b ? -1 : 1));
  entity.codes = Object.fromEntries(counts);
  entity.code = counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** Which of two entities sharing a key wins: the more mentioned, then the smaller id. */
function byPrecedence(a: CorpusEntity, b: CorpusEntity): number {
  return b.mentions - a.mentions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
