import type { ArticleJSON } from '../article.js';
import type { EntityType } from '../doc.js';
import type { Lexicon } from '../lexicon/index.js';
import { hashId } from '../hash.js';
import { firstNameGender } from '../lexicon/words.js';
import {
  bodyKey, bodyOf, canonicalName, compatibleGivenNames, describedBody, HONORIFIC_GENDERS, initials, normalizeName, parseBody, spellingVariants, surname,
  type Body, type CanonicalName,
} from './names.js';
import type { CorpusEntity } from './types.js';
import { Memo, StateWindow } from './window.js';

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
/** A name the tagger gave another type in an article of the entity's story ("typed:LOC:halvorsen"). */
const TYPED = 'typed:';
/** A description of a country's body ("military@Zimbabwe", names.ts). */
const DESCRIPTION = 'description:';
/** Aliases kept per entity; the rest add nothing for a reader. */
const MAX_ALIASES = 24;

/**
 * The owners of a key a decision reads: the most mentioned. A common surname gathers people
 * without end (thousands of Smiths over a million articles), and reading them all made placement
 * slow down with the corpus; a lone surname joins only a single owner anyway, and a full name
 * first matches its own key. The store reads no more (docs/scale.md).
 */
export const KEY_OWNER_CAPACITY = 64;

/**
 * The members of its story a new entity is compared with: those the story's sums weigh most
 * (mentions times rarity). A story that runs for months gathers entities without end, and loading
 * and comparing all of them, then 256, made placement slow down as stories grew (docs/scale.md).
 */
export const STORY_MEMBER_CAPACITY = 64;

/** A story's entity ids, the `limit` its articles mention most, leaving out those `skip` says (the story clusterer's `leadingEntitiesOf`). */
export type StoryMembers = (limit: number, skip: (id: string) => boolean) => string[];

/** What resolving or settling an article's entities reads that is not loaded: lookup keys (with every entity owning them) and entity ids. */
export interface EntityReads {
  keys: string[];
  ids: string[];
}

/** An article's entities being resolved ({@link EntityRegistry.start}): named ones first, so an unnamed one can key on its affiliation's canonical id. */
export interface ArticleEntities {
  article: string;
  /** The article's entities in the order they are resolved. */
  order: ArticleEntity[];
  /** How many of `order` are resolved. */
  resolved: number;
  /** How many of `order` are known to have everything they read loaded ({@link EntityRegistry.toLoad} found nothing missing): resolve() checks only those after. */
  ready: number;
  /** The canonical id of each local id resolved. */
  ids: Map<string, string>;
  /** How each named entity is looked up, worked out once. */
  lookups: Map<string, NamedLookup>;
}

/** How a named entity is looked up: its type and name after the lexicon, its names normalised, those it is found by, the bodies its names describe. */
interface NamedLookup {
  names: Array<{ surface: string } & CanonicalName & { normalized: string }>;
  type: EntityType;
  canonical: string;
  normalized: string[];
  lookup: string[];
  descriptions: string[];
}

/** Lexicon lookups and described bodies kept by name: the same names recur from article to article. */
const NAMES_CACHED = 50_000;

export class EntityRegistry {
  private readonly byId: StateWindow<string, CorpusEntity | null>;
  private readonly byKey: StateWindow<string, Set<string>>;
  private readonly canonical = new Memo<CanonicalName & { normalized: string }>(NAMES_CACHED);
  /** What kind of body each name says, described or named (names.ts). */
  private readonly bodies = new Memo<{ described: Body | null; named: Body | null }>(NAMES_CACHED);
  /** Names normalised: an article's new entities are compared with every name of its story's. */
  private readonly normalized = new Memo<string>(NAMES_CACHED);
  private readonly changed = new Set<string>();
  /** [key, entity] for each key an entity gained since the last {@link takeChanged}. */
  private gainedKeys: Array<[string, string]> = [];
  /** Entities the article being resolved created: only these may still join one of its story's. */
  private readonly created = new Set<string>();

  /**
   * A registry without a store holds every entity. One backed by a store (`windows`) holds a
   * window of its entities and of its lookup keys (each with its owners): before each step the
   * node side loads what {@link toLoad} or {@link settleReads} name (src/corpus/placement.ts).
   */
  constructor(
    private readonly lexicon: Lexicon,
    windows: { entities: number; keys: number } | null = null,
  ) {
    this.byId = new StateWindow('entity', windows?.entities ?? null);
    this.byKey = new StateWindow('entity key', windows?.keys ?? null);
  }

  get(id: string): CorpusEntity | undefined {
    return this.byId.get(id) ?? undefined;
  }

  /** An entity as the store has it, or null for an id no entity has. */
  loadEntity(id: string, entity: CorpusEntity | null): void {
    this.byId.load(id, entity && { ...entity, aliases: [...entity.aliases], keys: [...entity.keys], codes: { ...entity.codes } });
  }

  /**
   * A lookup key as the store has it, with its most mentioned owners ({@link KEY_OWNER_CAPACITY}).
   * A key already held keeps the owners loaded (this batch may have added some) and drops the
   * others: the store has them as they stand, not among its most mentioned, so no decision reads
   * them, and waiting for them to be loaded would never end.
   */
  loadKey(key: string, owners: readonly CorpusEntity[]): void {
    for (const owner of owners) this.loadEntity(owner.id, owner);
    const held = this.byKey.peek(key);
    if (held === undefined) {
      this.byKey.load(key, new Set(owners.map((owner) => owner.id)));
      return;
    }
    for (const id of held) if (this.byId.peek(id) === undefined) held.delete(id);
  }

  /** The ids among `ids` not loaded (for the names a reason gives). */
  idsToLoad(ids: Iterable<string>): string[] {
    return this.byId.missing(ids);
  }

  /**
   * Copies of the entities changed since the last call, and the keys they gained, for the store;
   * a windowed registry then drops what is beyond its windows.
   */
  takeChanged(): { entities: CorpusEntity[]; keys: Array<[string, string]> } {
    const entities = [...this.changed].map((id) => {
      const entity = this.byId.peek(id) as CorpusEntity;
      return { ...entity, aliases: [...entity.aliases], keys: [...entity.keys], codes: { ...entity.codes } };
    });
    const keys = this.gainedKeys;
    this.changed.clear();
    this.gainedKeys = [];
    this.byId.settle();
    this.byKey.settle();
    return { entities, keys };
  }

  /** Begins resolving an article's entities: {@link resolve} goes on. */
  start(articleId: string, entities: ArticleJSON['entities']): ArticleEntities {
    this.created.clear();
    return { article: articleId, order: [...entities.filter((e) => !e.unnamed), ...entities.filter((e) => e.unnamed)], resolved: 0, ready: 0, ids: new Map(), lookups: new Map() };
  }

  /**
   * What resolving the article's next entities reads that is not loaded: every named entity's
   * keys, and an unnamed one's once the entities its key names are resolved; then the ids a new
   * entity might take. Load them and ask again until there are none, then {@link resolve}.
   */
  toLoad(article: ArticleEntities): EntityReads {
    if (this.byKey.holdsAll) return { keys: [], ids: [] };
    const ahead = new Set<string>();
    const reads: Array<{ keys: string[]; basis: string }> = [];
    for (const local of article.order.slice(article.resolved)) {
      // An unnamed entity keyed on one resolved before it: its key is known once that one is.
      if (local.unnamed && [local.affiliation, local.related].some((id) => id !== null && ahead.has(id))) break;
      reads.push(this.readsOf(article, local));
      ahead.add(local.id);
    }
    const missing = this.missing(reads);
    if (missing.keys.length === 0 && missing.ids.length === 0) article.ready = article.resolved + reads.length;
    return missing;
  }

  /** Resolves the article's entities as far as what is loaded allows: true when all are, false when {@link toLoad} has more to load. */
  resolve(article: ArticleEntities): boolean {
    for (; article.resolved < article.order.length; article.resolved++) {
      const local = article.order[article.resolved];
      if (article.resolved >= article.ready) {
        const missing = this.missing([this.readsOf(article, local)]);
        if (missing.keys.length > 0 || missing.ids.length > 0) return false;
      }
      this.record(article.ids, local, local.unnamed ? this.resolveUnnamed(article, local) : this.resolveNamed(article, local));
    }
    return true;
  }

  private record(ids: Map<string, string>, local: ArticleEntity, entity: CorpusEntity): void {
    const counted = [...ids.values()].includes(entity.id);
    ids.set(local.id, entity.id);
    entity.mentions += local.mentions.length;
    if (!counted) entity.articles += 1;
    if (local.code) countCode(entity, local.code);
    this.changed.add(entity.id);
  }

  /** The keys resolving `local` reads or adds to, and what a new entity for it would be made of (its id's basis). */
  private readsOf(article: ArticleEntities, local: ArticleEntity): { keys: string[]; basis: string } {
    if (local.unnamed) {
      const key = this.unnamedKey(article, local);
      return { keys: [key], basis: `${local.type}\u0000${key}` };
    }
    const { type, canonical, normalized, lookup, descriptions } = this.namedLookup(article, local);
    const keys = [
      ...lookup.flatMap((name) => [NAME + name, `${TYPED}${type}:${name}`]),
      ...normalized.flatMap((name) => [NAME + name, SURNAME + surname(name)]),
      ...descriptions.map((key) => DESCRIPTION + key),
    ];
    return { keys, basis: `${type}\u0000${normalizeName(canonical)}` };
  }

  /**
   * The keys not loaded (or whose owners are not all loaded), and the ids not loaded that new
   * entities of these bases might take: as many free ids per basis as entities it may make.
   */
  private missing(reads: ReadonlyArray<{ keys: string[]; basis: string }>): EntityReads {
    if (this.byKey.holdsAll) return { keys: [], ids: [] };
    const keys = this.keysToLoad(reads.flatMap((r) => r.keys));
    const made = new Map<string, number>();
    for (const { basis } of reads) made.set(basis, (made.get(basis) ?? 0) + 1);
    const ids: string[] = [];
    for (const [basis, count] of made) {
      for (let n = 0, free = 0; free < count; n++) {
        const id = entityId(basis, n);
        const held = this.byId.peek(id);
        if (held === undefined) ids.push(id);
        if (held === undefined || held === null) free++;
      }
    }
    return { keys, ids };
  }

  /** The keys not loaded, or whose owners are not all loaded. */
  private keysToLoad(keys: readonly string[]): string[] {
    return [...new Set(keys)].filter((key) => {
      const owners = this.byKey.peek(key);
      return owners === undefined || [...owners].some((id) => this.byId.peek(id) === undefined);
    });
  }

  /** The key an unnamed entity is found by: the body it describes, else its description and canonical affiliation, else itself alone. */
  private unnamedKey(article: ArticleEntities, local: ArticleEntity): string {
    const description = local.type === 'ORG' ? this.described(local.name) : null;
    const anchor = article.ids.get(local.affiliation ?? '') ?? article.ids.get(local.related ?? '');
    return description
      ? DESCRIPTION + bodyKey(description)
      : anchor ? `${UNNAMED}${local.type}:${normalizeName(local.name)}@${anchor}` : `${UNNAMED}${article.article}/${local.id}`;
  }

  private resolveUnnamed(article: ArticleEntities, local: ArticleEntity): CorpusEntity {
    const key = this.unnamedKey(article, local);
    const found = this.owners(key).find((e) => compatibleCodes(e.code, local.code));
    // A description the body is known by is one of its names for a reader ("Zimbabwe's army").
    if (found && key.startsWith(DESCRIPTION)) this.absorb(found, found.type, found.name, [local.name], []);
    return found ?? this.create(local.type, local.name, [key], true);
  }

  private namedLookup(article: ArticleEntities, local: ArticleEntity): NamedLookup {
    const known = article.lookups.get(local.id);
    if (known) return known;
    const names = personNames(local).map((n) => ({ surface: n, ...this.canonicalName(n, local.type) }));
    // A name the lexicon knows fixes the type ("Russian", NORP → Russia, GPE).
    const type = names.find((n) => n.listed)?.type ?? local.type;
    const canonical = names.find((n) => n.listed)?.name ?? names[0].surface;
    const normalized = [...new Set(names.map((n) => n.normalized).filter((n) => n !== ''))];
    // A person named in full is found by full names; a surname alone may be someone else's (surname rules).
    const lookup = type === 'PERSON' && normalized.some((n) => n.includes(' ')) ? normalized.filter((n) => n.includes(' ')) : normalized;
    const descriptions = type === 'ORG' ? [...new Set(names.flatMap((n) => this.described(n.surface) ?? []).map(bodyKey))] : [];
    const found = { names, type, canonical, normalized, lookup, descriptions };
    article.lookups.set(local.id, found);
    return found;
  }

  private resolveNamed(article: ArticleEntities, local: ArticleEntity): CorpusEntity {
    const { names, type, canonical, normalized, lookup, descriptions } = this.namedLookup(article, local);
    const found = this.findByName(type, lookup) ?? this.findByDescription(descriptions, local.code) ?? this.findPerson(type, normalized);
    const entity = found ?? this.create(type, canonical, [], false);
    this.absorb(entity, type, canonical, names.map((n) => n.surface), normalized);
    for (const key of descriptions) this.addKey(entity, DESCRIPTION + key);
    return entity;
  }

  /** The body a description names ("Zimbabwe's army" → the Zimbabwe Defence Forces), when the actor codes agree. */
  private findByDescription(keys: readonly string[], code: string | null): CorpusEntity | null {
    for (const key of keys) {
      const found = this.owners(DESCRIPTION + key).find((e) => compatibleCodes(e.code, code));
      if (found) return found;
    }
    return null;
  }

  private canonicalName(name: string, type: EntityType): CanonicalName & { normalized: string } {
    return this.canonical.get(`${type}\u0000${name}`, () => {
      const canonical = canonicalName(this.lexicon, name, type);
      return { ...canonical, normalized: normalizeName(canonical.name) };
    });
  }

  /**
   * The entities owning `key`, most mentioned first, then by id, at most {@link KEY_OWNER_CAPACITY}.
   * The order is part of every decision, so it must depend only on the entities, never on the
   * order their keys were indexed in: a registry rebuilt from the store then decides as the one
   * that never stopped.
   */
  private owners(key: string): CorpusEntity[] {
    return [...(this.byKey.get(key) ?? [])].map((id) => this.byId.get(id) as CorpusEntity).sort(byPrecedence).slice(0, KEY_OWNER_CAPACITY);
  }

  /** An entity that owns one of the names, of the same type (or once typed so in its story), or either side being MISC. */
  private findByName(type: EntityType, names: readonly string[]): CorpusEntity | null {
    for (const name of names) {
      const candidates = this.owners(NAME + name);
      const same = candidates.find((e) => e.type === type) ?? this.owners(`${TYPED}${type}:${name}`)[0];
      const loose = candidates.filter((e) => e.type === 'MISC' || type === 'MISC');
      if (same) return same;
      if (loose.length === 1) return loose[0];
    }
    return null;
  }

  /**
   * A person by surname: a one-word name joins the only person with that surname; a full name joins
   * the only one whose given name is compatible, else the only person known by the surname alone.
   */
  private findPerson(type: EntityType, names: readonly string[]): CorpusEntity | null {
    if (type !== 'PERSON' && type !== 'MISC') return null;
    const full = names.find((n) => n.includes(' ')) ?? names[0];
    if (full === undefined) return null;
    const people = this.owners(SURNAME + surname(full));
    if (!full.includes(' ')) return people.length === 1 ? people[0] : null;
    const named = people.filter((p) => normalizeName(p.name).includes(' '));
    const compatible = named.filter((p) => compatibleGivenNames(normalizeName(p.name), full, (given) => this.lexicon.firstNameGender(given)));
    // "G. Bush" is George Bush, the one full name it fits, before a bare "Bush" it fits too.
    if (compatible.length === 1) return compatible[0];
    const bare = people.filter((p) => !named.includes(p));
    return compatible.length === 0 && bare.length === 1 ? bare[0] : null;
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
    this.created.add(entity.id);
    for (const key of keys) this.addKey(entity, key);
    return entity;
  }

  /**
   * A second look once the article's story is known (`story`: the ids of the entities its
   * articles mention). An entity the article has just created joins one of the story's when,
   * with compatible actor codes, it is a spelling of a person's name ("Constantine Chiwenga" /
   * "Constantino Chiwenga") or names the same kind of body in no other country ("the space
   * agency", "the Federal Space Agency" / Roscosmos, known as "Russia's space agency"): within
   * one story such names mean one actor, across the corpus they need not. Updates `ids`.
   */
  settleInStory(entities: ArticleJSON['entities'], ids: Map<string, string>, story: StoryMembers): void {
    const fresh = this.freshOf(entities, ids);
    if (fresh.length === 0) return;
    const members = this.storyMembers(story)
      .map((id) => this.byId.get(id))
      .filter((e): e is CorpusEntity => e != null)
      .sort(byPrecedence);
    for (const entity of fresh) {
      const target = this.storyMatch(entity, members) ?? this.sameNameInStory(entity, members);
      if (!target) continue;
      // The tagger may type the name so again: later articles find the actor under that type too.
      if (entity.type !== target.type) this.addKey(target, `${TYPED}${entity.type}:${normalizeName(entity.name)}`);
      this.mergeInto(entity, target, ids);
    }
  }

  /**
   * What {@link settleInStory} reads that is not loaded: nothing when the article made no entity
   * that may still join one of the story's; else the story's entities, and the keys a fresh entity
   * would give the one it joins.
   */
  settleReads(entities: ArticleJSON['entities'], ids: Map<string, string>, story: StoryMembers): EntityReads {
    const fresh = this.freshOf(entities, ids);
    if (fresh.length === 0 || this.byKey.holdsAll) return { keys: [], ids: [] };
    const keys = fresh.flatMap((entity) => {
      const name = normalizeName(entity.name);
      return [`${TYPED}${entity.type}:${name}`, NAME + name, SURNAME + surname(name)];
    });
    return { keys: this.keysToLoad(keys), ids: this.byId.missing(this.storyMembers(story)) };
  }

  /** The story's members a fresh entity is compared with: those it weighs most, none the article has just made. */
  private storyMembers(story: StoryMembers): string[] {
    return story(STORY_MEMBER_CAPACITY, (id) => this.created.has(id));
  }

  /** The entities the article has just made, that may still join one of its story's (not the affiliation of another of its entities). */
  private freshOf(entities: ArticleJSON['entities'], ids: Map<string, string>): CorpusEntity[] {
    const anchors = new Set(entities.flatMap((e) => [e.affiliation, e.related]));
    const fresh = entities
      .filter((local) => !anchors.has(local.id))
      .map((local) => this.byId.peek(ids.get(local.id) ?? ''))
      .filter((e): e is CorpusEntity => e != null && this.created.has(e.id));
    return [...new Set(fresh)];
  }

  /**
   * Within one story, a name the tagger typed otherwise than before ("river Ness" a place in one
   * article, "Ness" a person in a headline of the next) is the one actor the story already has,
   * when exactly one member bears it. (Short forms, "Halvorsen" for "Halvorsen Chemicals", were
   * tried: on PolNeAR they also made "Texas" the Texas Tribune and "Asian" a bank.)
   */
  private sameNameInStory(fresh: CorpusEntity, members: readonly CorpusEntity[]): CorpusEntity | null {
    if (fresh.unnamed) return null;
    const name = normalizeName(fresh.name);
    const named = members.filter((m) => !m.unnamed && compatibleCodes(m.code, fresh.code));
    const retyped = named.filter((m) => m.type !== fresh.type && this.normalizedNames(m).includes(name));
    return retyped.length === 1 ? retyped[0] : null;
  }

  private storyMatch(fresh: CorpusEntity, members: readonly CorpusEntity[]): CorpusEntity | null {
    const compatible = members.filter((m) => m.type === fresh.type && compatibleCodes(m.code, fresh.code));
    if (fresh.type === 'PERSON' && !fresh.unnamed) {
      const names = this.normalizedNames(fresh);
      const gender = (given: string): string | null => this.lexicon.firstNameGender(given);
      const matches = compatible.filter((m) => !m.unnamed && this.normalizedNames(m).some((a) => names.some((b) => spellingVariants(a, b, gender))));
      return matches.length === 1 ? matches[0] : null;
    }
    if (fresh.type !== 'ORG') return null;
    const [kind] = this.kindsOf(fresh);
    // A name of one common word after its modifiers ("National Media") is a name, not a description.
    if (!kind || (!fresh.unnamed && !kind.kind.includes(' '))) return null;
    // The story's body is the same kind or a kind of it ("agency" → "space agency"), of the same country if one is said.
    const fits = (k: Body): boolean => (k.kind === kind.kind || k.kind.endsWith(` ${kind.kind}`)) && (kind.country === null || k.country === kind.country);
    const matches = compatible.filter((m) => this.kindsOf(m).some(fits));
    // One word ("the agency") says too little to choose between bodies.
    return kind.kind.includes(' ') || matches.length === 1 ? matches[0] ?? null : null;
  }

  private normalizedNames(entity: CorpusEntity): string[] {
    return [entity.name, ...entity.aliases].map((name) => this.normalized.get(name, () => normalizeName(name)));
  }

  /** The kinds of body an organisation's descriptions and names say it is (names.ts). */
  private kindsOf(entity: CorpusEntity): Body[] {
    const described = entity.keys.filter((k) => k.startsWith(DESCRIPTION)).map((k) => parseBody(k.slice(DESCRIPTION.length)));
    const named = [entity.name, ...entity.aliases].map((n) => this.bodyOf(n)).filter((b) => b !== null);
    return [...described, ...named];
  }

  private bodyOf(name: string): Body | null {
    return this.bodiesOf(name).named;
  }

  private described(name: string): Body | null {
    return this.bodiesOf(name).described;
  }

  private bodiesOf(name: string): { described: Body | null; named: Body | null } {
    return this.bodies.get(name, () => ({ described: describedBody(this.lexicon, name), named: bodyOf(this.lexicon, name) }));
  }

  /** `fresh`, made by this article, is `target` after all: the target takes its names, keys, counts and codes. */
  private mergeInto(fresh: CorpusEntity, target: CorpusEntity, ids: Map<string, string>): void {
    const counted = [...ids.values()].includes(target.id);
    target.mentions += fresh.mentions;
    if (!counted) target.articles += fresh.articles;
    for (const [code, count] of Object.entries(fresh.codes)) countCode(target, code, count);
    this.absorb(target, fresh.type, fresh.unnamed ? target.name : fresh.name, [fresh.name, ...fresh.aliases], fresh.unnamed ? [] : [normalizeName(fresh.name)]);
    for (const key of fresh.keys) {
      this.byKey.get(key)?.delete(fresh.id);
      this.addKey(target, key);
    }
    for (const [local, id] of ids) if (id === fresh.id) ids.set(local, target.id);
    // Never stored: its id is free again, and the keys it gained are the target's.
    this.byId.set(fresh.id, null);
    this.gainedKeys = this.gainedKeys.filter(([, id]) => id !== fresh.id);
    this.changed.delete(fresh.id);
    this.created.delete(fresh.id);
    this.changed.add(target.id);
  }

  /** The first id made of `basis` that no entity holds ({@link entityId}). */
  private newId(basis: string): string {
    let id = entityId(basis, 0);
    for (let n = 1; this.byId.get(id); n++) id = entityId(basis, n);
    return id;
  }

  /**
   * Adds names and keys; a surer type replaces the old one, and a better name the old name: a
   * person's full name over a nickname or quoted epithet ({@link betterPersonName}), an
   * organisation's name over a description of it ("Zimbabwe's army" → Zimbabwe Defence Forces)
   * or over its acronym.
   */
  private absorb(entity: CorpusEntity, type: EntityType, canonical: string, surfaces: readonly string[], names: readonly string[]): void {
    if (entity.type === 'MISC' && type !== 'MISC') entity.type = type;
    const known = new Set([entity.name, ...entity.aliases].map((n) => n.toLowerCase()));
    const person = entity.type === 'PERSON' && type !== 'MISC';
    const named = entity.unnamed && names.length > 0;
    // "ZDF" first, then "Zimbabwe Defence Forces": the name its initials stand for.
    const expanded = !person && names.length > 0 && initials(canonical) === entity.name;
    if ((person && betterPersonName(canonical, entity.name)) || named || expanded) {
      if (!entity.aliases.includes(entity.name)) entity.aliases.push(entity.name);
      entity.aliases = entity.aliases.filter((a) => a !== canonical);
      entity.name = canonical;
      entity.unnamed = false;
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
    // The entity's own keys say what it owns: a held key's owners may be only the most mentioned.
    if (!entity.keys.includes(key)) {
      entity.keys.push(key);
      this.gainedKeys.push([key, entity.id]);
    }
    if (owners) owners.add(entity.id);
    else this.byKey.set(key, new Set([entity.id]));
  }
}

/**
 * The id of an entity made of `basis` (a hash of what made it). Two entities can be made of the
 * same thing (a "Trump" of type MISC after the first one became a person), so the nth taken id
 * is hashed again with a counter: the first entity keeps its id, and a resumed registry, holding
 * the same ids, picks the same one.
 */
function entityId(basis: string, n: number): string {
  return `n${hashId(n === 0 ? basis : `${basis}\u0000${n}`)}`;
}

/**
 * Whether two actor codes can be one actor's: either unknown, or one extends the other (ZWE and
 * ZWEMIL; not RUSGOV and RUSMIL, nor ZWE and DZA).
 */
function compatibleCodes(a: string | null, b: string | null): boolean {
  return a === null || b === null || a.startsWith(b) || b.startsWith(a);
}

/**
 * The names an article entity goes by. A surname known only with a title ("Mrs Mugabe", the
 * president's wife) keeps the title: it is not the bare surname, which may be her husband's.
 */
function personNames(local: ArticleEntity): string[] {
  if (local.type !== 'PERSON' || local.name.includes(' ')) return [local.name, ...local.aliases];
  const title = local.roles.find((r) => HONORIFIC_GENDERS.has(normalizeName(r)));
  return title ? [`${title} ${local.name}`] : [local.name, ...local.aliases];
}

/**
 * Whether `name` should replace a person's name `old`. A quoted name or one with a quoted part
 * (a nickname or epithet: 'Robert "Bob" Mugabe', "“Comrade Bob”") is worse than any other, then
 * one that is no person's name as written (a lower-case word or "and": "Lives of Donald J.
 * Trump", "Bill and Hillary Clinton", from title-case headlines), then a title with a surname
 * ("Mr Mugabe"), then an initial for a given name ("B. Hussein Obama"); otherwise more words are
 * better ("Zamir Kabulov").
 */
function betterPersonName(name: string, old: string): boolean {
  const rank = (n: string): number[] => {
    const words = n.split(/\s+/);
    return [
      /["“”«»]|(?:^|\s)['‘]|['’](?:\s|$)/.test(n) ? 0 : 1,
      words.some((w) => /^(?:and|&|of)$/i.test(w) || (/^\p{Ll}/u.test(w) && !NAME_PARTICLES.test(w))) ? 0 : 1,
      HONORIFIC_GENDERS.has(normalizeName(n).split(' ')[0]) ? 0 : 1,
      /^\p{L}\.?$/u.test(words[0]) ? 0 : 1,
      // "Ted Cruz" over a headline's "Casually Conflates Ted Cruz": a full name opens with a given name.
      firstNameGender(words[0].toLowerCase()) !== null ? 1 : 0,
      words.length,
    ];
  };
  const [a, b] = [rank(name), rank(old)];
  const differs = a.findIndex((x, i) => x !== b[i]);
  return differs >= 0 && a[differs] > b[differs];
}

/** Lower-case words inside people's names: "Osama bin Laden", "Ludwig van Beethoven", "al-Assad". */
const NAME_PARTICLES = /^(?:al|el|ad|as|ash|at|az|ar|an|ibn|bin|bint|abu|ben|van|von|der|den|de|del|della|di|da|dos|du|la|le|y)(?:$|[-‐‑])/;

/**
 * Counts one more article entity with actor code `code` and takes the most counted code. Counts
 * add up the same in any order, and the codes are kept sorted, so the code and the stored counts do
 * not depend on how the ingest was split or resumed.
 */
function countCode(entity: CorpusEntity, code: string, count = 1): void {
  const counts = Object.entries({ ...entity.codes, [code]: (entity.codes[code] ?? 0) + count }).sort(([a], [b]) => (a < b ? -1 : 1));
  entity.codes = Object.fromEntries(counts);
  entity.code = counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** Which of two entities sharing a key wins: the more mentioned, then the smaller id. */
function byPrecedence(a: CorpusEntity, b: CorpusEntity): number {
  return b.mentions - a.mentions || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
