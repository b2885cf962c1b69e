import { describe, expect, it } from 'vitest';
import { Doc, type Entity, type Quote, type Span } from '../core/doc.js';
import { attributionErrors, emptyCounts, fromDoc, fromGold, report, tallyDocument, type Attribution, type AttributionReport } from './attribution.js';
import { charSet, type CharSet } from './charset.js';
import type { GoldArticle, GoldAttribution } from './gold.js';

const chars = (...ranges: [number, number][]): CharSet => charSet(ranges.map(([start, end]) => ({ start, end })));

function att(roles: { cue?: CharSet; source?: CharSet; content?: CharSet; cueText?: string; speaker?: string }): Attribution {
  return {
    cue: roles.cue ?? null,
    source: roles.source ?? null,
    content: roles.content ?? null,
    cueText: roles.cueText ?? null,
    speaker: roles.speaker ?? null,
  };
}

/** Scores documents given as [gold, predicted] pairs. */
function score(...documents: [Attribution[], Attribution[]][]): AttributionReport {
  const counts = emptyCounts();
  for (const [gold, predicted] of documents) tallyDocument(counts, gold, predicted);
  return report(counts);
}

const span = (text: string, part: string, from = 0): Span => {
  const start = text.indexOf(part, from);
  if (start < 0) throw new Error(`"${part}" not in text`);
  return { start, end: start + part.length };
};
const pair = ({ start, end }: Span): [number, number] => [start, end];

describe('quote metric (Gender Gap Tracker)', () => {
  it('matches when the prediction covers at least 30 % (or 80 %) of the gold characters', () => {
    const gold = [att({ content: chars([0, 10]) })];
    const r = score([gold, [att({ content: chars([0, 3], [50, 60]) })]]);
    expect(r['quote@0.3']).toEqual({ p: 100, r: 100, f1: 100 });
    expect(r['quote@0.8']).toEqual({ p: 0, r: 0, f1: 0 });
    expect(score([gold, [att({ content: chars([0, 2]) })]])['quote@0.3'].f1).toBe(0);
  });

  it('lets one prediction match one gold quote only', () => {
    const gold = [att({ content: chars([0, 10]) }), att({ content: chars([10, 20]) })];
    const r = score([gold, [att({ content: chars([0, 20]) })]]);
    // 1 match, 1 prediction, 2 gold: P 100, R 50, F1 2·1·0.5/1.5.
    expect(r['quote@0.3']).toEqual({ p: 100, r: 50, f1: 66.7 });
  });

  it('of predictions that cover a gold quote equally, matches the closer fit: a turn holding a nested report keeps its own gold', () => {
    // Gold: a transcript turn [0, 100) and the report nested in it [40, 60); we predict both.
    const gold = [att({ content: chars([40, 60]) }), att({ content: chars([0, 100]) })];
    const r = score([gold, [att({ content: chars([0, 100]) }), att({ content: chars([40, 60]) })]]);
    expect(r['quote@0.3']).toEqual({ p: 100, r: 100, f1: 100 });
  });

  it('matches within a document and sums counts over documents', () => {
    const quote = att({ content: chars([0, 10]) });
    const r = score([[quote], [quote]], [[quote], []], [[], [att({ content: chars([0, 10]) })]]);
    // Documents 2 and 3 have the same offsets but cannot match across documents: 1 hit, 2 predicted, 2 gold.
    expect(r.articles).toBe(3);
    expect(r['quote@0.3']).toEqual({ p: 50, r: 50, f1: 50 });
  });

  it('scores speaker and verb match on matched quotes, speaker only where gold has a source', () => {
    const text = 'Smith said "we won" and Jones Said "we lost". They claimed "a draw". Lee noted "rain".';
    const article = goldArticle(text, [
      { source: role(text, 'Smith'), cue: role(text, 'said'), content: role(text, 'we won') },
      { source: role(text, 'Jones'), cue: role(text, 'Said'), content: role(text, 'we lost') },
      { type: 'Attribution-no-source', cue: role(text, 'claimed'), content: role(text, 'a draw') },
      { source: role(text, 'Lee'), cue: role(text, 'noted'), content: role(text, 'rain') },
    ]);
    const doc = new Doc(text);
    doc.quotes.push(
      quote(span(text, 'we won'), span(text, 'said'), span(text, 'Smith')), // speaker ✓ verb ✓
      quote(span(text, 'we lost'), span(text, 'and'), null), // speaker ✗ verb ✗ ("and" ≠ "said")
      quote(span(text, 'a draw'), span(text, 'claimed'), span(text, 'They')), // no gold source; verb ✓
      quote(span(text, 'Lee noted'), span(text, 'noted'), span(text, 'Lee')), // covers 0 of "rain": unmatched
    );
    const r = score([fromGold(article), fromDoc(doc)]);
    expect(r['quote@0.3']).toEqual({ p: 75, r: 75, f1: 75 });
    expect(r.speakerMatch).toBe(50); // Smith ✓, Jones ✗; E3 has no source, E4 is unmatched
    expect(r.verbMatch).toBe(66.7); // said ✓, "said" vs "and" ✗, claimed ✓
  });

  it('compares cue strings case-insensitively', () => {
    const text = 'Smith SAID it. Jones said so.';
    const article = goldArticle(text, [{ cue: role(text, 'SAID'), content: role(text, 'it') }]);
    const doc = new Doc(text);
    doc.quotes.push(quote(span(text, 'it'), span(text, 'said'), null));
    expect(score([fromGold(article), fromDoc(doc)]).verbMatch).toBe(100);
  });
});

describe('span metrics per role and for triples', () => {
  const gold = [
    att({ cue: chars([10, 14]), content: chars([20, 30]) }),
    att({ cue: chars([40, 44]), source: chars([35, 39]), content: chars([50, 60]) }),
    att({ cue: chars([70, 74]), source: chars([65, 69]), content: chars([80, 90]) }),
  ];
  const predicted = [
    att({ cue: chars([10, 14]), content: chars([20, 30]) }), // identical, source absent on both sides
    att({ cue: chars([40, 44]), content: chars([50, 60]) }), // source missing
    att({ cue: chars([70, 73]), source: chars([66, 69]), content: chars([80, 85]) }), // every role overlaps
  ];
  const r = score([gold, predicted]);

  it('scores exact matches as identical character sets', () => {
    expect(r.exact.cue).toEqual({ p: 66.7, r: 66.7, f1: 66.7 });
    expect(r.exact.source).toEqual({ p: 0, r: 0, f1: 0 });
    expect(r.exact.content).toEqual({ p: 66.7, r: 66.7, f1: 66.7 });
    expect(r.exact.triple).toEqual({ p: 33.3, r: 33.3, f1: 33.3 });
  });

  it('scores overlap as shared characters of matched spans over all predicted or gold characters', () => {
    // cue: shared 4+4+3 = 11 of 11 predicted and 12 gold characters.
    expect(r.overlap.cue).toEqual({ p: 100, r: 91.7, f1: 95.7 });
    // source: shared 3 of 3 predicted and 8 gold characters.
    expect(r.overlap.source).toEqual({ p: 100, r: 37.5, f1: 54.5 });
    // content: shared 10+10+5 = 25 of 25 predicted and 30 gold characters.
    expect(r.overlap.content).toEqual({ p: 100, r: 83.3, f1: 90.9 });
    // triples 1 and 3 match; triple 2 has a source on the gold side only.
    expect(r.overlap.triple).toEqual({ p: 66.7, r: 66.7, f1: 66.7 });
  });

  it('reads discontinuous gold spans and split predicted contents as character sets', () => {
    const text = '"We will win," she said, "and soon."';
    const first = span(text, '"We will win,"');
    const second = span(text, '"and soon."');
    const article = goldArticle(text, [
      { content: { spans: [pair(first), pair(second)], text: '"We will win," "and soon."' } },
    ]);
    const split = new Doc(text);
    split.quotes.push(quote({ start: first.start, end: second.end, parts: [first, second] }, null, null));
    expect(score([fromGold(article), fromDoc(split)]).exact.content.f1).toBe(100);

    const whole = new Doc(text);
    whole.quotes.push(quote({ start: first.start, end: second.end }, null, null));
    const r = score([fromGold(article), fromDoc(whole)]);
    expect(r.exact.content.f1).toBe(0);
    // The 25 gold characters (14 + 11) out of the 36 predicted ones, which include ' she said, '.
    expect(r.overlap.content).toEqual({ p: 69.4, r: 100, f1: 82 });
  });
});

describe('empty input', () => {
  it('gives 0 for P, R and F1 without predictions, and null for ratios with nothing to measure', () => {
    const gold = [att({ cue: chars([0, 4]), source: chars([5, 8]), content: chars([10, 20]), speaker: 'Ann Lee' })];
    const r = score([gold, []]);
    for (const prf of [r['quote@0.3'], r['quote@0.8'], r.exact.cue, r.exact.triple, r.overlap.content]) {
      expect(prf).toEqual({ p: 0, r: 0, f1: 0 });
    }
    expect(r.speakerMatch).toBeNull();
    expect(r.verbMatch).toBeNull();
    expect(r.referenceAccuracy).toBe(0); // the gold reference exists, so it is missed, not unmeasured
    expect(score([[], []]).referenceAccuracy).toBeNull();
  });

  it('drops gold attributions that mark no span at all', () => {
    const article = goldArticle('x said y', [
      { type: 'Attribution-no-source' },
      { cue: { spans: [[2, 6]], text: 'said' } },
    ]);
    expect(fromGold(article)).toEqual([att({ cue: chars([2, 6]), cueText: 'said' })]);
  });
});

describe('reference accuracy', () => {
  it('scores reference accuracy over every gold reference, through the quotes matched at 0.3', () => {
    const text = 'Trump said "yes". Clinton said "no". Kaine said "maybe".';
    const article = goldArticle(text, [
      { content: role(text, 'yes'), reference: 'Donald Trump' },
      { content: role(text, 'no'), reference: 'Hillary Clinton' },
      { content: role(text, 'maybe'), reference: 'Tim Kaine' },
      { content: role(text, 'said', 40) },
    ]);
    const doc = new Doc(text);
    doc.entities.push(person('E1', 'Donald J. Trump'), person('E2', 'Tim Kaine'));
    doc.quotes.push(
      { ...quote(span(text, 'yes'), null, null), speaker: 'E1' }, // ✓ surname
      { ...quote(span(text, 'no'), null, null), speaker: 'E2' }, // ✗ wrong person
      // "maybe" is not predicted: its reference counts as missed.
    );
    expect(score([fromGold(article), fromDoc(doc)]).referenceAccuracy).toBe(33.3);
  });
});

describe('reference accuracy of spokespeople', () => {
  it('names an unnamed spokesperson\'s quote after the body the spokesperson speaks for', () => {
    const text = 'A spokeswoman for Kelmore Metro said "fair".';
    const article = goldArticle(text, [{ content: role(text, 'fair'), reference: 'Kelmore Metro' }]);
    const doc = new Doc(text);
    doc.entities.push(
      { ...person('E1', 'Kelmore Metro'), type: 'ORG' },
      { ...person('E2', 'spokeswoman for Kelmore Metro'), unnamed: true, roles: ['spokeswoman'], affiliation: 'E1' },
    );
    doc.quotes.push({ ...quote(span(text, 'fair'), null, null), speaker: 'E2' });
    expect(fromDoc(doc)[0].speaker).toBe('Kelmore Metro');
    expect(score([fromGold(article), fromDoc(doc)]).referenceAccuracy).toBe(100);
  });
});

/** A gold article whose attributions get ids E1, E2, … and type "Attribution" unless given. */
function goldArticle(text: string, attributions: Partial<GoldAttribution>[]): GoldArticle {
  return { id: 'a', text, attributions: attributions.map((a, i) => ({ id: `E${i + 1}`, type: 'Attribution', ...a })) };
}

function role(text: string, part: string, from = 0) {
  const { start, end } = span(text, part, from);
  return { spans: [[start, end] as [number, number]], text: part };
}

function quote(content: Quote['content'], cue: Span | null, source: Span | null): Quote {
  return {
    id: 'Q',
    kind: 'direct',
    content,
    cue: cue && { ...cue, lemma: '', class: 'assert', negated: false },
    source,
    speaker: null,
    addressee: null,
    addresseeSource: null,
  };
}

function person(id: string, name: string): Entity {
  return {
    id,
    type: 'PERSON',
    name,
    aliases: [],
    mentions: [],
    roles: [],
    affiliation: null,
    related: null,
    gender: null,
    unnamed: false,
  };
}

describe('attributionErrors (eval attribution --errors)', () => {
  const text = 'Kim said the plan works. The striker appeared to trip. Lee told Reuters the vote was rigged. "Fine."';
  const at = (part: string): CharSet => charSet([span(text, part)]);
  it('sorts false, missed and misattributed quotes by whether the cue was right', () => {
    const gold = [
      att({ cue: at('said'), source: at('Kim'), content: at('the plan works') }),
      att({ cue: at('told'), source: at('Lee'), content: at('the vote was rigged') }),
    ];
    const predicted = [
      att({ cue: at('said'), source: at('plan'), content: at('the plan works') }),
      att({ cue: at('appeared'), source: at('The striker'), content: at('to trip') }),
      att({ content: at('"Fine."') }),
    ];
    const errors = attributionErrors('a1', text, gold, predicted);
    expect(errors.map((e) => [e.kind, e.cue, e.content])).toEqual([
      ['falseCue', 'appeared', 'to trip'],
      ['falseUncued', null, '"Fine."'],
      ['wrongSpeaker', 'said', 'the plan works'],
      ['missedCue', 'told', 'the vote was rigged'],
    ]);
    expect(errors.find((e) => e.kind === 'wrongSpeaker')).toMatchObject({ source: 'plan', goldSource: 'Kim', article: 'a1' });
  });
});
