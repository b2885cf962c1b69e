import { describe, expect, it } from 'vitest';
import type { ArticleJSON } from '../article.js';
import type { EntityType } from '../doc.js';
import { createLexicon, defaultLexicon } from '../lexicon/index.js';
import { EntityRegistry } from './entities.js';
import { canonicalName, normalizeName } from './names.js';
import type { CorpusEntity } from './types.js';

type Local = ArticleJSON['entities'][number];

/** An article entity with `mentions` mentions (their spans do not matter here). */
function local(id: string, type: EntityType, name: string, options: Partial<Local> & { count?: number } = {}): Local {
  const { count = 1, ...rest } = options;
  const mention = { start: 0, end: name.length, text: name, kind: 'name' as const };
  return { id, type, name, aliases: [], mentions: Array(count).fill(mention), roles: [], affiliation: null, related: null, unnamed: false, code: null, ...rest };
}

describe('names', () => {
  it('normalises case, accents, possessives, punctuation and a leading "the"', () => {
    expect(normalizeName('Al-Qaeda')).toBe(normalizeName('al Qaeda'));
    expect(normalizeName('The Kremlin’s')).toBe('kremlin');
    expect(normalizeName('Zamir  Kábulov')).toBe('zamir kabulov');
  });

  it('takes the lexicon’s canonical name and type, and a nationality’s country', () => {
    const lexicon = defaultLexicon();
    expect(canonicalName(lexicon, 'ISIL', 'MISC')).toEqual({ name: 'Islamic State', type: 'ORG', listed: true });
    expect(canonicalName(lexicon, 'Afghan', 'NORP')).toEqual({ name: 'Afghanistan', type: 'GPE', listed: true });
    expect(canonicalName(lexicon, 'Zamir Kabulov', 'PERSON')).toEqual({ name: 'Zamir Kabulov', type: 'PERSON', listed: false });
    // "is" in lower case is not the acronym.
    expect(canonicalName(lexicon, 'is', 'MISC').listed).toBe(false);
  });
});

describe('EntityRegistry', () => {
  it('merges the Islamic State’s aliases and a nationality with its country across articles', () => {
    const registry = new EntityRegistry(defaultLexicon());
    const a = registry.resolveArticle('a', [local('e1', 'ORG', 'Islamic State', { aliases: ['IS'], count: 3 }), local('e2', 'GPE', 'Russia')]);
    const b = registry.resolveArticle('b', [local('e1', 'ORG', 'Daesh'), local('e2', 'NORP', 'Russian')]);
    const c = registry.resolveArticle('c', [local('e1', 'MISC', 'ISIL')]);
    const is = a.get('e1') as string;
    expect(b.get('e1')).toBe(is);
    expect(c.get('e1')).toBe(is);
    expect(b.get('e2')).toBe(a.get('e2'));
    const entity = registry.get(is);
    expect(entity).toMatchObject({ name: 'Islamic State', type: 'ORG', articles: 3, mentions: 5 });
    expect(entity?.aliases).toEqual(expect.arrayContaining(['IS', 'Daesh', 'ISIL']));
    expect(registry.get(b.get('e2') as string)?.aliases).toContain('Russian');
  });

  it('merges a surname with the full name in either order, and an unsure MISC surname too', () => {
    for (const order of [['Zamir Kabulov', 'Kabulov'], ['Kabulov', 'Zamir Kabulov']]) {
      const registry = new EntityRegistry(defaultLexicon());
      const first = registry.resolveArticle('a', [local('e1', 'PERSON', order[0])]).get('e1');
      const second = registry.resolveArticle('b', [local('e1', 'PERSON', order[1])]).get('e1');
      const third = registry.resolveArticle('c', [local('e1', 'MISC', 'Kabulov')]).get('e1');
      expect(new Set([first, second, third]).size).toBe(1);
      expect(registry.get(first as string)).toMatchObject({ name: 'Zamir Kabulov', type: 'PERSON', articles: 3, aliases: ['Kabulov'] });
    }
  });

  it('keeps people with other given names, and an ambiguous surname, apart', () => {
    const registry = new EntityRegistry(defaultLexicon());
    const george = registry.resolveArticle('a', [local('e1', 'PERSON', 'George Bush')]).get('e1');
    const jeb = registry.resolveArticle('b', [local('e1', 'PERSON', 'Jeb Bush')]).get('e1');
    const bare = registry.resolveArticle('c', [local('e1', 'PERSON', 'Bush')]).get('e1');
    expect(jeb).not.toBe(george);
    expect(bare).not.toBe(george);
    expect(bare).not.toBe(jeb);
    const initial = registry.resolveArticle('d', [local('e1', 'PERSON', 'G. Bush')]).get('e1');
    expect(initial).toBe(george);
  });

  it('merges an unnamed entity only with the same description and affiliation', () => {
    const registry = new EntityRegistry(defaultLexicon());
    const spokesperson = (article: string, group: string) =>
      registry.resolveArticle(article, [local('e1', 'ORG', group), local('e2', 'PERSON', 'spokesperson', { unnamed: true, affiliation: 'e1' })]).get('e2');
    expect(spokesperson('a', 'Taliban')).toBe(spokesperson('b', 'Taliban'));
    expect(spokesperson('c', 'Hamas')).not.toBe(spokesperson('a', 'Taliban'));
    const loose = (article: string) => registry.resolveArticle(article, [local('e1', 'PERSON', 'an official', { unnamed: true })]).get('e1');
    expect(loose('d')).not.toBe(loose('e'));
  });

  it('takes user aliases from a lexicon extension', () => {
    const lexicon = createLexicon({ entries: [{ name: 'Taliban', type: 'ORG', aliases: ['Islamic Emirate'] }] });
    const registry = new EntityRegistry(lexicon);
    const taliban = registry.resolveArticle('a', [local('e1', 'ORG', 'Taliban')]).get('e1');
    expect(registry.resolveArticle('b', [local('e1', 'PERSON', 'Islamic Emirate')]).get('e1')).toBe(taliban);
    expect(new EntityRegistry(defaultLexicon()).resolveArticle('b', [local('e1', 'PERSON', 'Islamic Emirate')]).get('e1')).not.toBe(taliban);
  });

  it('gives an entity the actor code its article entities carry most often, ties to the smaller code, in any order', () => {
    const putin = (code: string | null) => [local('e1', 'PERSON', 'Vladimir Putin', { code })];
    const articles = [putin('RUSGOV'), putin('RUSELI'), putin(null), putin('RUSELI'), putin('RUSGOV'), putin('RUSGOV')];
    const codeAfter = (order: number[]) => {
      const registry = new EntityRegistry(defaultLexicon());
      let id = '';
      for (const i of order) id = registry.resolveArticle(`a${i}`, articles[i]).get('e1') as string;
      return { code: registry.get(id)?.code, codes: registry.get(id)?.codes };
    };
    expect(codeAfter([0, 1, 2, 3, 4, 5])).toEqual({ code: 'RUSGOV', codes: { RUSELI: 2, RUSGOV: 3 } });
    expect(codeAfter([5, 4, 3, 2, 1, 0])).toEqual(codeAfter([0, 1, 2, 3, 4, 5]));
    // Two each: the smaller code, whichever came first.
    expect(codeAfter([0, 1, 3, 4])).toEqual({ code: 'RUSELI', codes: { RUSELI: 2, RUSGOV: 2 } });
    expect(codeAfter([4, 3, 1, 0]).code).toBe('RUSELI');
    expect(codeAfter([2]).code).toBeNull();
  });

  it('resumes from its own entities', () => {
    const registry = new EntityRegistry(defaultLexicon());
    const ids = registry.resolveArticle('a', [local('e1', 'PERSON', 'Zamir Kabulov'), local('e2', 'ORG', 'ISIS')]);
    const changed = registry.takeChanged();
    expect(changed.map((e) => e.id).sort()).toEqual([...ids.values()].sort());
    expect(registry.takeChanged()).toEqual([]);
    const resumed = new EntityRegistry(defaultLexicon(), changed);
    const again = resumed.resolveArticle('b', [local('e1', 'MISC', 'Kabulov'), local('e2', 'ORG', 'Daesh')]);
    expect([...again.values()]).toEqual([...ids.values()]);
  });

  describe('decides the same however its work was split', () => {
    // Two Kennedys come to share the name "Kennedy" in the opposite order to their creation, and a
    // second MISC "Trump" (a person and an organisation go by the name) would be made of the same thing as the first, which became a person.
    const articles: Local[][] = [
      [local('e1', 'PERSON', 'Ted Kennedy')],
      [local('e1', 'PERSON', 'Anthony Kennedy')],
      [local('e1', 'PERSON', 'Anthony Kennedy', { aliases: ['Kennedy'] })],
      [local('e1', 'PERSON', 'Ted Kennedy', { aliases: ['Kennedy'], count: 2 })],
      [local('e1', 'PERSON', 'Kennedy')],
      [local('e1', 'MISC', 'Trump')],
      [local('e1', 'PERSON', 'Donald Trump', { aliases: ['Trump'] })],
      [local('e1', 'PERSON', 'Ivanka Trump'), local('e2', 'ORG', 'Trump')],
      [local('e1', 'MISC', 'Trump')],
      [local('e1', 'PERSON', 'Kennedy'), local('e2', 'PERSON', 'Donald Trump')],
    ];
    /** Resolves every article; at `split`, a new registry resumes from the entities stored so far, listed in `order`. */
    const run = (split: number | null, order: (entities: CorpusEntity[]) => CorpusEntity[] = (e) => e) => {
      const stored = new Map<string, CorpusEntity>();
      let registry = new EntityRegistry(defaultLexicon());
      const resolved = articles.map((entities, i) => {
        if (i === split) registry = new EntityRegistry(defaultLexicon(), order([...stored.values()]));
        const ids = registry.resolveArticle(`a${i}`, entities);
        for (const entity of registry.takeChanged()) stored.set(entity.id, entity);
        return Object.fromEntries(ids);
      });
      return { resolved, entities: [...stored.values()].sort((a, b) => (a.id < b.id ? -1 : 1)) };
    };
    const whole = run(null);

    it('never gives two entities one id: the first keeps it', () => {
      const donald = whole.resolved[6].e1;
      expect(whole.entities.find((e) => e.id === donald)).toMatchObject({ name: 'Donald Trump', type: 'PERSON' });
      expect(whole.resolved[9].e2).toBe(donald);
      expect(whole.resolved[8].e1).not.toBe(donald);
      expect(new Set(whole.resolved.flatMap((ids) => Object.values(ids))).size).toBe(whole.entities.length);
    });

    it('resumed at any article, from entities listed in any order', () => {
      for (let split = 1; split < articles.length; split++) {
        expect(run(split)).toEqual(whole);
        expect(run(split, (e) => e.reverse())).toEqual(whole);
      }
    });
  });
});
