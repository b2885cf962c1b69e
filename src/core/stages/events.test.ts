import { describe, expect, it } from 'vitest';
import { docFromConllu, parseConllu } from '../conllu.js';
import type { Claim, Doc, Quote } from '../doc.js';
import { readDictionaries } from '../lexicon/petrarch.js';
import { phoenixDictionaries } from '../lexicon/phoenix.js';
import { codeEvents } from './events.js';

/** A CoNLL-U sentence from rows of "id form lemma upos head deprel". */
function tree(rows: string): string {
  return `${rows
    .trim()
    .split('\n')
    .map((line) => {
      const [id, form, lemma, upos, head, deprel] = line.trim().split(/\s+/);
      return [id, form, lemma, upos, '_', '_', head, deprel, '_', '_'].join('\t');
    })
    .join('\n')}\n\n`;
}

function parsed(...sentences: string[]): Doc {
  return docFromConllu(parseConllu(sentences.map(tree).join(''), 'test'));
}

/** Small dictionaries in PETRARCH format, as a validation suite would have them. */
const TEST_DICTIONARIES = readDictionaries({
  verbs: `
&INFO
+INFORMATION
+INTELLIGENCE

--- SHARE [---] ---
SHARE
- * &INFO [064:064]

--- VISIT [042] ---
LEAVE {LEFT LEAVING}
- * (FOR) [032:033]

--- OPPOSE [112] ---
OPPOSE

--- RESTORE [---] ---
RESTORE
- * DIPLOMATIC TIES [064]

--- BREAK [1717] ---
+BREAK_OFF
BREAK {BROKE BROKEN}
- * TREATY [161]

--- REFUSE [---] ---
REFUSE
DENY
`,
  actors: [`
ARNOR [ARN]
GONDOR [GON]
+MINAS_TIRITH
OSGILIATH [OSG]
GOLLUM # a dated actor
+SMEAGOL
\t[HOB <950601]
\t[HOBGOV 19950601-19990815]
\t[HOBREB >990816]
`],
  agents: `
!PERSON! = MAN, MEN
OFFICIAL [~GOV]
POLICE {} [~COP]
MSF {} [NGO~]
CONGRESS!PERSON! [~LEG]
`,
  discards: 'BASEBALL\n+TYPHOON\n',
});

describe('events stage on the parse', () => {
  it('takes the subject as source and the prepositional object as target, with the pattern code', () => {
    const doc = parsed(`
      1 Arnor Arnor PROPN 3 nsubj
      2 is be AUX 3 cop
      3 about about ADJ 0 root
      4 to to PART 5 mark
      5 restore restore VERB 3 xcomp
      6 diplomatic diplomatic ADJ 7 amod
      7 ties tie NOUN 5 obj
      8 with with ADP 9 case
      9 Gondor Gondor PROPN 5 obl
      10 . . PUNCT 3 punct`);
    codeEvents(doc, TEST_DICTIONARIES);
    expect(doc.events.map((e) => [e.source?.code, e.code, e.target?.code])).toEqual([['ARN', '064', 'GON']]);
    const [event] = doc.events;
    expect(doc.slice(event.predicate)).toBe('restore');
    expect(doc.slice(event.source!)).toBe('Arnor');
    expect(doc.slice(event.target!)).toBe('Gondor');
    expect(event.claim).toBeNull();
    expect(event.plover).toEqual({ type: 'COOPERATE', mode: '' });
  });

  it('tells who shares with whom, and codes the reverse event of a paired code', () => {
    const doc = parsed(`
      1 Osgiliath Osgiliath PROPN 2 nsubj
      2 shares share VERB 0 root
      3 intelligence intelligence NOUN 2 obj
      4 with with ADP 5 case
      5 Arnor Arnor PROPN 2 obl`);
    codeEvents(doc, TEST_DICTIONARIES);
    expect(doc.events.map((e) => [e.source?.code, e.code, e.target?.code])).toEqual([['OSG', '064', 'ARN'], ['ARN', '064', 'OSG']]);
  });

  it('pairs conjoined subjects with each other when there is no object actor, and combines agents with countries', () => {
    const doc = parsed(`
      1 Gondor Gondor PROPN 5 nsubj
      2 and and CCONJ 4 cc
      3 Arnor Arnor PROPN 4 compound
      4 officials official NOUN 1 conj
      5 restored restore VERB 0 root
      6 diplomatic diplomatic ADJ 7 amod
      7 ties tie NOUN 5 obj`);
    codeEvents(doc, TEST_DICTIONARIES);
    expect(doc.events.map((e) => [e.source?.code, e.code, e.target?.code])).toEqual([['GON', '064', 'ARNGOV'], ['ARNGOV', '064', 'GON']]);
  });

  it('takes the passive agent as source and the passive subject as target', () => {
    const doc = parsed(`
      1 Arnor Arnor PROPN 3 nsubj:pass
      2 was be AUX 3 aux:pass
      3 opposed oppose VERB 0 root
      4 by by ADP 5 case
      5 Osgiliath Osgiliath PROPN 3 obl:agent`);
    codeEvents(doc, TEST_DICTIONARIES);
    expect(doc.events.map((e) => [e.source?.code, e.code, e.target?.code])).toEqual([['OSG', '112', 'ARN']]);
  });

  it('uses a multi-word verb with its particle, and the date for dated actor codes', () => {
    const text = `
      1 Smeagol Smeagol PROPN 2 nsubj
      2 broke break VERB 0 root
      3 off off ADP 2 compound:prt
      4 with with ADP 5 case
      5 Gondor Gondor PROPN 2 obl`;
    for (const [published, code] of [[null, 'HOBREB'], ['1990-01-01', 'HOB'], ['1997-05-01', 'HOBGOV'], ['2001-01-01', 'HOBREB']] as const) {
      const doc = parsed(text);
      doc.meta.published = published;
      codeEvents(doc, TEST_DICTIONARIES);
      expect(doc.events.map((e) => [e.source?.code, e.code, e.target?.code])).toEqual([[code, '1717', 'GON']]);
    }
  });

  it('negates what is refused or denied, and not what is refused twice over', () => {
    const refused = parsed(`
      1 Osgiliath Osgiliath PROPN 2 nsubj
      2 refused refuse VERB 0 root
      3 to to PART 4 mark
      4 share share VERB 2 xcomp
      5 intelligence intelligence NOUN 4 obj
      6 with with ADP 7 case
      7 Arnor Arnor PROPN 4 obl`);
    codeEvents(refused, TEST_DICTIONARIES);
    expect(refused.events.map((e) => [e.code, e.negated])).toEqual([['064', true], ['064', true]]);

    // "denied any exchange of information with Arnor": the action noun is the event.
    const denied = parsed(`
      1 Osgiliath Osgiliath PROPN 3 nsubj
      2 has have AUX 3 aux
      3 denied deny VERB 0 root
      4 any any DET 5 det
      5 sharing sharing NOUN 3 obj
      6 of of ADP 7 case
      7 intelligence intelligence NOUN 5 nmod
      8 with with ADP 9 case
      9 Arnor Arnor PROPN 5 nmod`);
    codeEvents(denied, TEST_DICTIONARIES);
    expect(denied.events.map((e) => [e.source?.code, e.code, e.target?.code, e.negated])).toEqual([
      ['OSG', '064', 'ARN', true],
      ['ARN', '064', 'OSG', true],
    ]);

    const notRefused = parsed(`
      1 Osgiliath Osgiliath PROPN 4 nsubj
      2 did do AUX 4 aux
      3 not not PART 4 advmod
      4 refuse refuse VERB 0 root
      5 to to PART 6 mark
      6 share share VERB 4 xcomp
      7 intelligence intelligence NOUN 6 obj
      8 with with ADP 9 case
      9 Arnor Arnor PROPN 6 obl`);
    codeEvents(notRefused, TEST_DICTIONARIES);
    expect(notRefused.events.every((e) => !e.negated)).toBe(true);
  });

  it('reads future and possible modality off the auxiliaries', () => {
    const doc = parsed(`
      1 Arnor Arnor PROPN 3 nsubj
      2 will will AUX 3 aux
      3 share share VERB 0 root
      4 intelligence intelligence NOUN 3 obj
      5 with with ADP 6 case
      6 Gondor Gondor PROPN 3 obl`, `
      1 Arnor Arnor PROPN 3 nsubj
      2 could could AUX 3 aux
      3 share share VERB 0 root
      4 intelligence intelligence NOUN 3 obj
      5 with with ADP 6 case
      6 Gondor Gondor PROPN 3 obl`);
    codeEvents(doc, TEST_DICTIONARIES);
    expect(doc.events.filter((e) => e.source?.code === 'ARN').map((e) => e.modality)).toEqual(['future', 'possible']);
  });

  it('drops a discarded sentence, and every event of a story with a story discard', () => {
    const sentence = `
      1 Arnor Arnor PROPN 2 nsubj
      2 shares share VERB 0 root
      3 intelligence intelligence NOUN 2 obj
      4 with with ADP 5 case
      5 Gondor Gondor PROPN 2 obl`;
    const baseball = parsed(sentence, `
      1 Baseball baseball NOUN 2 nsubj
      2 shares share VERB 0 root
      3 intelligence intelligence NOUN 2 obj
      4 with with ADP 5 case
      5 Gondor Gondor PROPN 2 obl`);
    codeEvents(baseball, TEST_DICTIONARIES);
    expect(baseball.events.map((e) => e.source?.code)).toEqual(['ARN', 'GON']);
    const typhoon = parsed(sentence, `
      1 Typhoon typhoon NOUN 2 nsubj
      2 hit hit VERB 0 root`);
    codeEvents(typhoon, TEST_DICTIONARIES);
    expect(typhoon.events).toEqual([]);
  });

  it('puts an event under the claim whose content holds it, and gives the claim its codes', () => {
    // "Kabulov said Arnor and Gondor share intelligence": a statement in the article's voice,
    // and a 064 between Arnor and Gondor that only Kabulov asserts.
    const doc = parsed(`
      1 Kabulov Kabulov PROPN 2 nsubj
      2 said say VERB 0 root
      3 Arnor Arnor PROPN 6 nsubj
      4 and and CCONJ 5 cc
      5 Gondor Gondor PROPN 3 conj
      6 share share VERB 2 ccomp
      7 intelligence intelligence NOUN 6 obj`);
    const content = { start: doc.tokens.start[2], end: doc.tokens.end[6] };
    const quote: Quote = { id: 'q1', kind: 'indirect', content, cue: null, source: null, speaker: null, addressee: null, addresseeSource: null };
    const claim: Claim = {
      id: 'c1', quote: 'q1', speaker: null, stance: 'deny', basis: '',
      proposition: { ...content, entities: [], terms: [], cameo: [], predicates: [], predicate: '', negated: false, self: false, agent: null, topic: null },
      events: [],
    };
    doc.quotes.push(quote);
    doc.claims.push(claim);
    codeEvents(doc, TEST_DICTIONARIES);
    expect(doc.events.map((e) => [e.source?.code, e.code, e.target?.code, e.claim, e.modality, e.negated])).toEqual([
      ['ARN', '064', 'GON', 'c1', 'reported', true],
      ['GON', '064', 'ARN', 'c1', 'reported', true],
    ]);
    expect(claim.events).toEqual(['v1', 'v2']);
    expect(claim.proposition.cameo).toEqual(['064']);
  });
});

describe('events with the shipped CAMEO and Phoenix dictionaries', () => {
  const shares = (subject: string[], object: string[]): Doc => {
    const rows = [
      ...subject.map((w, k) => `${k + 1} ${w} ${w.toLowerCase()} ${k === subject.length - 1 ? 'PROPN' : 'DET'} ${k === subject.length - 1 ? subject.length + 1 : subject.length} ${k === subject.length - 1 ? 'nsubj' : 'det'}`),
      `${subject.length + 1} shares share VERB 0 root`,
      `${subject.length + 2} intelligence intelligence NOUN ${subject.length + 1} obj`,
      `${subject.length + 3} with with ADP ${subject.length + 3 + object.length} case`,
      ...object.map((w, k) => `${subject.length + 4 + k} ${w} ${w.toLowerCase()} ${k === object.length - 1 ? 'PROPN' : 'DET'} ${k === object.length - 1 ? subject.length + 1 : subject.length + 3 + object.length} ${k === object.length - 1 ? 'obl' : 'det'}`),
    ];
    const doc = parsed(rows.join('\n'));
    codeEvents(doc, phoenixDictionaries());
    return doc;
  };

  it('tells "Russia shares intelligence with the Taliban" from the reverse', () => {
    const forward = shares(['Russia'], ['the', 'Taliban']);
    expect(forward.events.map((e) => [e.source?.code, e.code, e.target?.code])[0]).toEqual(['RUS', '064', 'AFGREB']);
    const backward = shares(['The', 'Taliban'], ['Russia']);
    expect(backward.events.map((e) => [e.source?.code, e.code, e.target?.code])[0]).toEqual(['AFGREB', '064', 'RUS']);
  });
});
