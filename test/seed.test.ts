import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../src/analyze.js';
import { toArticleJSON, type ArticleJSON } from '../src/core/article.js';

/**
 * The article the project started with: every paragraph is an attribution problem. These are its
 * attributions as a careful human reads them; the pipeline must find each one, with the right
 * speaker, stance and kind, and the contradiction between the Taliban and the Russian side.
 */

const SEED = readFileSync(new URL('../demo/taliban-denies-sharing-is-intelligence-with-russia.txt', import.meta.url), 'utf8');

let article: ArticleJSON;
beforeAll(async () => {
  article = toArticleJSON((await createAnalyzer()).run(SEED));
});

const entity = (id: string | null) => article.entities.find((e) => e.id === id);
/** The quote whose content contains `words`; of a quote and one nested in it, the one that starts with them. */
function quoteWith(words: string) {
  const containing = article.quotes.filter((q) => q.content.text.includes(words));
  const starting = containing.filter((q) => q.content.text.startsWith(words));
  const matches = containing.length > 1 && starting.length === 1 ? starting : containing;
  expect(matches, `one quote containing "${words}"`).toHaveLength(1);
  return matches[0];
}
const stanceOf = (quoteId: string) => article.claims.find((c) => c.quote === quoteId)?.stance;

describe('seed article', () => {
  it('reads the metadata: headline, dateline and the agency line as written', () => {
    expect(article.meta.title).toBe('Taliban denies sharing IS intelligence with Russia');
    expect(article.meta.dateline).toBe('Kabul');
    expect(article.meta.source).toBe('Indo-Aisan News Service');
    expect(article.meta.published).toBeNull();
  });

  // [content words, speaker, stance, kind, cue (null for a floating quote)]
  const statements: Array<[string, string, string, string, string | null]> = [
    ['any negotiations or exchange of information with Russia', 'Taliban', 'deny', 'indirect', 'has officially denied'],
    ['the claims', 'Taliban', 'deny', 'indirect', 'dismissed'],
    // With the parse, "don't need" is read as a negated predicate: a denial that they need support.
    ['don’t need anyone’s support', 'Taliban', 'deny', 'mixed', 'saying'],
    ['We are having talks', 'Taliban spokesperson', 'assert', 'direct', 'told'],
    ['are a few bunch based only in Nangarhar', 'Taliban spokesperson', 'assert', 'direct', null],
    ['the Taliban interest objectively coincides with ours', 'Zamir Kabulov', 'assert', 'mixed', 'said'],
    ['we and the Taliban have channels for exchanging information', 'Zamir Kabulov', 'assert', 'direct', 'said'],
    // A statement that negates its predicate denies it: they do not recognise IS.
    ['Both the Taliban of Afghanistan', 'Zamir Kabulov', 'deny', 'direct', null],
    // …and inside it, what he reports the Taliban have said: an attribution nested in his.
    ['that they don’t recognise (IS leader Abu Bakr) Al-Baghdadi as a caliph', 'Taliban', 'deny', 'indirect', 'have said'],
    ['“shared interest” in fighting IS', 'Taliban breakaway faction', 'condemn', 'mixed', 'condemned'],
    ['partnering with Russia was', 'Abdul Manan Niazi', 'assert', 'mixed', 'told'],
    ['They have now turned to infidels', 'Abdul Manan Niazi', 'assert', 'direct', 'said'],
    ['IS does not exist in Afghanistan', 'Abdul Manan Niazi', 'deny', 'direct', null],
    ['to have a communication channel with the Taliban', 'Russia', 'assert', 'indirect', 'claims'],
    ['to step up operations', 'Islamic State', 'threaten', 'indirect', 'vowed'],
  ];

  it.each(statements)('attributes "%s" to %s (%s, %s)', (words, speaker, stance, kind, cue) => {
    const quote = quoteWith(words);
    expect(entity(quote.speaker)?.name).toBe(speaker);
    expect(stanceOf(quote.id)).toBe(stance);
    expect(quote.kind).toBe(kind);
    expect(quote.cue?.text ?? null).toBe(cue);
  });

  it('finds the 15 body statements plus the headline, and nothing else', () => {
    expect(article.quotes).toHaveLength(statements.length + 1);
    const headline = article.quotes.find((q) => q.content.end <= article.meta.spans.title!.end)!;
    expect(entity(headline.speaker)?.name).toBe('Taliban');
    expect(stanceOf(headline.id)).toBe('deny');
  });

  it('resolves the two different "he"s to Kabulov and to Niazi', () => {
    const pronouns = article.quotes.filter((q) => q.source?.text === 'he');
    expect(pronouns.map((q) => entity(q.speaker)?.name)).toEqual(['Zamir Kabulov', 'Abdul Manan Niazi']);
  });

  it('resolves "the group" and "the channel" through coreference', () => {
    expect(entity(quoteWith('the claims').speaker)?.name).toBe('Taliban');
    expect(entity(quoteWith('partnering with Russia was').addressee)?.name).toBe('Al Jazeera');
    expect(entity(quoteWith('We are having talks').addressee)?.name).toBe('Al Jazeera');
    expect(entity(quoteWith('we and the Taliban have channels').addressee)?.name).toBe('Russian media');
  });

  it('keeps roles and affiliations', () => {
    const kabulov = article.entities.find((e) => e.name === 'Zamir Kabulov')!;
    expect(kabulov.roles).toContain('official at the Russian foreign ministry');
    expect(kabulov.roles).toContain('special representative for Afghanistan');
    expect(entity(kabulov.affiliation)?.name).toBe('Russian foreign ministry');
    const niazi = article.entities.find((e) => e.name === 'Abdul Manan Niazi')!;
    expect(niazi.roles).toContain('spokesperson for the group');
    expect(entity(niazi.affiliation)?.name).toBe('Taliban breakaway faction');
    const spokesperson = article.entities.find((e) => e.name === 'Taliban spokesperson')!;
    expect(spokesperson).toMatchObject({ type: 'PERSON', unnamed: true });
    expect(entity(spokesperson.affiliation)?.name).toBe('Taliban');
    const faction = article.entities.find((e) => e.name === 'Taliban breakaway faction')!;
    expect(faction.type).toBe('ORG');
    expect(entity(faction.related)?.name).toBe('Taliban');
  });

  it('finds the people, organisations and places, with IS as the Islamic State', () => {
    const byType = (type: string) => article.entities.filter((e) => e.type === type && !e.unnamed).map((e) => e.name);
    expect(byType('PERSON')).toEqual(expect.arrayContaining(['Zamir Kabulov', 'Vladimir Putin', 'Abdul Manan Niazi']));
    expect(byType('ORG')).toEqual(expect.arrayContaining(['Taliban', 'Islamic State', 'Al Jazeera']));
    expect(byType('GPE')).toEqual(expect.arrayContaining(['Russia', 'Afghanistan', 'Pakistan', 'Moscow']));
    expect(byType('LOC')).toEqual(expect.arrayContaining(['Nangarhar']));
    expect(article.entities.filter((e) => e.name === 'Zamir Kabulov')).toHaveLength(1);
    const is = article.entities.find((e) => e.name === 'Islamic State')!;
    expect(is.aliases).toContain('IS');
  });

  it('keeps names with particles and titles whole: "(IS leader Abu Bakr) Al-Baghdadi" is one person, so is Mullah Omar', () => {
    const baghdadi = article.entities.filter((e) => /Baghdadi|Abu Bakr/.test(e.name));
    expect(baghdadi.map((e) => [e.type, e.name])).toEqual([['PERSON', 'Abu Bakr Al-Baghdadi']]);
    expect(baghdadi[0].mentions.map((m) => m.text)).toEqual(['Abu Bakr', 'Al-Baghdadi']);
    const omar = article.entities.filter((e) => e.name.includes('Omar'));
    expect(omar.map((e) => [e.type, e.name])).toEqual([['PERSON', 'Mullah Omar']]);
    expect(omar[0].roles).not.toContain('Mullah');
  });

  it('flags the Taliban denial against what Kabulov and "Russia claims" assert', () => {
    const denial = article.claims.find((c) => c.quote === quoteWith('any negotiations or exchange').id)!;
    const partners = article.contradictions
      .filter((c) => c.claims.includes(denial.id))
      .map((c) => c.claims.find((id) => id !== denial.id)!)
      .map((id) => article.claims.find((c) => c.id === id)!);
    expect(partners.map((c) => entity(c.speaker)?.name).sort()).toEqual(['Russia', 'Zamir Kabulov']);
    expect(partners.every((c) => c.stance === 'assert')).toBe(true);
    // No contradiction pits the Taliban against their own spokesperson.
    for (const pair of article.contradictions) {
      const speakers = pair.claims.map((id) => entity(article.claims.find((c) => c.id === id)!.speaker)?.name);
      expect(speakers).not.toEqual(expect.arrayContaining(['Taliban', 'Taliban spokesperson']));
    }
  });

  describe('events', () => {
    const events = () => article.events;
    const claimOf = (words: string) => article.claims.find((c) => c.quote === quoteWith(words).id)!;
    const codes = (e: ArticleJSON['events'][number]) => [e.source?.code ?? '', e.target?.code ?? ''].sort();

    it("holds a 064 between Russia and the Taliban in Kabulov's claim, attributed to him and not to the article", () => {
      const kabulov = claimOf('we and the Taliban have channels for exchanging information');
      const shared = events().filter((e) => e.claim === kabulov.id && e.code.startsWith('064'));
      expect(shared.length).toBeGreaterThan(0);
      for (const e of shared) {
        expect(codes(e)[0]).toBe('AFGREB');
        expect(codes(e)[1]).toMatch(/^RUS/);
        expect(e.negated).toBe(false);
        expect(e.modality).toBe('reported');
      }
      expect(kabulov.events).toEqual(expect.arrayContaining(shared.map((e) => e.id)));
      // Kabulov's own statement is the article's report: no claim holds it.
      const said = events().find((e) => e.predicate.text === 'said' && entity(e.source?.entity ?? null)?.name === 'Zamir Kabulov' && e.claim === null);
      expect(said?.code).toMatch(/^01/);
    });

    it('negates the same event in the Taliban denial', () => {
      const denial = claimOf('any negotiations or exchange of information with Russia');
      const denied = events().filter((e) => e.claim === denial.id && e.code === '064');
      expect(denied.length).toBeGreaterThan(0);
      for (const e of denied) {
        expect(e.negated).toBe(true);
        expect(codes(e)).toEqual(['AFGREB', 'RUS']);
      }
    });

    it("codes the faction's condemnation as 111 with the faction as source", () => {
      const condemnation = events().find((e) => e.predicate.text === 'condemned')!;
      expect(condemnation.code).toMatch(/^111/);
      expect(entity(condemnation.source!.entity)?.name).toBe('Taliban breakaway faction');
      expect(condemnation.source!.code).toBe('AFGREB');
      expect(condemnation.plover?.type).toBe('ACCUSE');
    });

    it('gives entities their CAMEO actor codes', () => {
      const code = (name: string) => article.entities.find((e) => e.name === name)?.code;
      expect(code('Taliban')).toBe('AFGREB');
      expect(code('Russia')).toBe('RUS');
      expect(code('Russian foreign ministry')).toBe('RUSGOV');
      expect(code('Zamir Kabulov')).toBe('RUSGOV');
    });

    it('gives event offsets that index the original text', () => {
      for (const e of events()) {
        expect(SEED.slice(e.predicate.start, e.predicate.end)).toBe(e.predicate.text);
        for (const a of [e.source, e.target]) if (a) expect(SEED.slice(a.start, a.end)).toBe(a.text);
        expect(e.sentence.start).toBeLessThanOrEqual(e.predicate.start);
        expect(e.sentence.end).toBeGreaterThanOrEqual(e.predicate.end);
      }
    });
  });

  it('gives offsets that index the original text', () => {
    for (const q of article.quotes) {
      expect(SEED.slice(q.content.start, q.content.end)).toBe(q.content.text);
      if (q.cue) expect(SEED.slice(q.cue.start, q.cue.end)).toBe(q.cue.text);
      if (q.source) expect(SEED.slice(q.source.start, q.source.end)).toBe(q.source.text);
    }
    for (const e of article.entities) for (const m of e.mentions) expect(SEED.slice(m.start, m.end)).toBe(m.text);
  });
});
