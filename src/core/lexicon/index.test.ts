import { readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Doc } from '../doc.js';
import { tokenize } from '../stages/tokens.js';
import { createLexicon, defaultLexicon, type Lexicon, type LexiconMatch } from './index.js';

/** Every match in `text`, scanning left to right and skipping over each match. */
function matches(lexicon: Lexicon, text: string): Array<{ text: string } & LexiconMatch> {
  const doc = new Doc(text);
  tokenize(doc);
  const found = [];
  for (let i = 0; i < doc.tokenCount; i++) {
    const match = lexicon.matchAt(doc.tokens.lower, i, (j) => doc.word(j));
    if (!match) continue;
    found.push({ text: text.slice(doc.tokens.start[i], doc.tokens.end[i + match.length - 1]), ...match });
    i += match.length - 1;
  }
  return found;
}

function only(lexicon: Lexicon, text: string): LexiconMatch & { text: string } {
  const found = matches(lexicon, text);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('lexicon matching', () => {
  const lexicon = defaultLexicon();

  it.each(['Islamic State', 'ISIL', 'ISIS', 'Daesh', 'IS', 'Islamic State of Iraq and the Levant'])('maps %s to Islamic State', (name) => {
    expect(only(lexicon, `${name} fighters`)).toMatchObject({ text: name, kind: 'organization', type: 'ORG', canonical: 'Islamic State' });
  });

  it('reads nationality words as NORP with their country', () => {
    expect(only(lexicon, 'the Russian foreign ministry')).toMatchObject({ text: 'Russian', kind: 'demonym', type: 'NORP', country: 'Russia' });
    expect(only(lexicon, 'many Afghans')).toMatchObject({ canonical: 'Afghan', country: 'Afghanistan' });
  });

  it('resolves country aliases, with the tokenizer splitting them as in a Doc', () => {
    for (const alias of ['U.S.', 'US', 'USA', 'America', 'United States of America']) {
      expect(only(lexicon, `said ${alias} officials`)).toMatchObject({ text: alias, kind: 'country', type: 'GPE', canonical: 'United States' });
    }
    expect(only(lexicon, "Britain's envoy")).toMatchObject({ text: 'Britain', canonical: 'United Kingdom' });
    expect(only(lexicon, 'Russian Federation')).toMatchObject({ kind: 'country', canonical: 'Russia' });
  });

  it('needs capitals for short acronyms that spell common words', () => {
    expect(matches(lexicon, 'it is up to us')).toEqual([]);
    expect(only(lexicon, 'it is up to US')).toMatchObject({ canonical: 'United States' });
    const doc = new Doc('US');
    tokenize(doc);
    expect(lexicon.matchAt(doc.tokens.lower, 0)).toBeNull();
  });

  it('finds organisations, cities and regions', () => {
    expect(only(lexicon, 'told Al Jazeera.')).toMatchObject({ text: 'Al Jazeera', kind: 'organization', type: 'ORG' });
    expect(only(lexicon, 'the al-Qaida network')).toMatchObject({ canonical: 'Al Qaeda' });
    expect(only(lexicon, 'in Kabul on Monday')).toMatchObject({ kind: 'city', type: 'GPE', country: 'Afghanistan' });
    expect(only(lexicon, 'the former Soviet Union')).toMatchObject({ text: 'Soviet Union', kind: 'region', type: 'GPE' });
    expect(only(lexicon, 'across the Middle East')).toMatchObject({ kind: 'region', type: 'LOC' });
  });

  it('finds a larger city by its name without its qualifier: "Frankfurt" is Frankfurt am Main', () => {
    expect(only(lexicon, 'a plant near Frankfurt on Monday')).toMatchObject({ text: 'Frankfurt', kind: 'city', canonical: 'Frankfurt am Main', country: 'Germany' });
    expect(only(lexicon, 'a plant near Frankfurt am Main')).toMatchObject({ text: 'Frankfurt am Main', kind: 'city' });
  });

  it('prefers the longest match', () => {
    expect(only(lexicon, 'the New York Times reported')).toMatchObject({ text: 'New York Times', kind: 'organization' });
    expect(only(lexicon, 'in New York yesterday')).toMatchObject({ text: 'New York', kind: 'city', country: 'United States' });
  });

  it('matches ASCII spellings of accented city names', () => {
    expect(only(lexicon, 'near Kandahar')).toMatchObject({ kind: 'city', country: 'Afghanistan' });
  });

  it('leaves out cities named like common words', () => {
    expect(matches(lexicon, 'Split the bill. Reading it was nice.')).toEqual([]);
  });

  it('finds a large city by its name without accents, a small town not: "Zurich" is Zürich, "Bush" no Būsh', () => {
    expect(only(lexicon, 'in Zurich')).toMatchObject({ kind: 'city', canonical: 'Zürich' });
    expect(matches(lexicon, 'the Bush campaign and Garcia')).toEqual([]);
  });
});

describe('lexicon word lists', () => {
  const lexicon = defaultLexicon();

  it.each([
    ['russian', 'Russia'], ['russians', 'Russia'], ['american', 'United States'], ['soviet', 'Soviet Union'],
    ['kurds', null], ['ministry', null],
  ])('maps the nationality word %j to %j', (word, country) => {
    expect(lexicon.demonymCountry(word)).toBe(country);
  });

  it.each([['vladimir', 'male'], ['angela', 'female'], ['taylor', 'unisex'], ['said', null], ['china', null]])(
    'gives the first name %j the gender %j',
    (name, gender) => {
      expect(lexicon.firstNameGender(name)).toBe(gender);
    },
  );

  it('recognises organisation cues and roles, singular or plural', () => {
    for (const word of ['ministry', 'ministries', 'party', 'faction', 'channel', 'forces']) expect(lexicon.isOrgCue(word)).toBe(true);
    for (const word of ['spokesperson', 'spokesmen', 'officials', 'minister', 'gen.', 'mullah']) expect(lexicon.isRoleWord(word)).toBe(true);
    for (const word of ['said', 'russia', 'the']) {
      expect(lexicon.isOrgCue(word)).toBe(false);
      expect(lexicon.isRoleWord(word)).toBe(false);
    }
  });
});

describe('lexicon extensions', () => {
  it('adds aliases and new entries ahead of the shipped ones', () => {
    const lexicon = createLexicon({
      entries: [
        { name: 'Islamic State', type: 'ORG', aliases: ['Daish'] },
        { name: 'Khorasan Province', type: 'ORG', aliases: ['ISKP'] },
        { name: 'Kabul', type: 'ORG' },
      ],
    });
    expect(only(lexicon, 'Daish fighters')).toMatchObject({ canonical: 'Islamic State', kind: 'organization' });
    expect(only(lexicon, 'the ISKP said')).toMatchObject({ canonical: 'Khorasan Province' });
    expect(only(lexicon, 'Kabul said')).toMatchObject({ kind: 'organization' });
    expect(only(defaultLexicon(), 'Kabul said')).toMatchObject({ kind: 'city' });
    expect(matches(defaultLexicon(), 'Daish fighters')).toEqual([]);
  });

  it('gives region and demonym kinds to place and people entries', () => {
    const lexicon = createLexicon({ entries: [{ name: 'Nangarhar', type: 'GPE' }, { name: 'Tajiks', type: 'NORP' }] });
    expect(only(lexicon, 'in Nangarhar')).toMatchObject({ kind: 'region', type: 'GPE' });
    expect(only(lexicon, 'the Tajiks')).toMatchObject({ kind: 'demonym', type: 'NORP' });
  });
});

describe('generated lexicon data', () => {
  // 2.5 MB since the PETRARCH dictionaries (events) and the actor names (NER features) joined;
  // both come from the Phoenix actor files, and reading the names from one table is to do.
  it('stays under 2.5 MB in total', () => {
    const dir = new URL('./generated/', import.meta.url);
    const bytes = readdirSync(dir).reduce((sum, file) => sum + statSync(new URL(file, dir)).size, 0);
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(2.5 * 1024 * 1024);
  });
});

describe('PETRARCH2 actor names', () => {
  const lexicon = defaultLexicon();
  const actorsIn = (text: string): string[] => {
    const doc = new Doc(text);
    tokenize(doc);
    const found: string[] = [];
    for (let i = 0; i < doc.tokenCount; i++) {
      const match = lexicon.actorAt(doc.tokens.lower, i);
      if (match) found.push(`${doc.tokens.lower.slice(i, i + match.length).join(' ')}/${match.kind}`);
    }
    return found;
  };

  it('finds the longest name at a token, of two tokens or more, with its kind', () => {
    // "abu bakar" is a group, "abu bakar bin apong" a person: the longer name wins.
    expect(actorsIn('Abu Bakar Bin Apong met Vladimir Putin.')).toEqual(['abu bakar bin apong/person', 'vladimir putin/person']);
    expect(actorsIn('Abu Bakar said so.')).toEqual(['abu bakar/group']);
    expect(actorsIn('Putin spoke.')).toEqual([]);
  });
});
