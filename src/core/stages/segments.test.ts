import { describe, expect, it } from 'vitest';
import { createPipeline } from '../pipeline.js';
import { segmentsStage } from './segments.js';
import { tokensStage } from './tokens.js';

const pipeline = createPipeline([tokensStage, segmentsStage]);
const words = (text: string) => {
  const doc = pipeline.run(text);
  return doc.tokens.start.map((s, i) => text.slice(s, doc.tokens.end[i]));
};
const sentences = (text: string) => pipeline.run(text).sentences.map((s) => text.slice(s.start, s.end));

describe('tokens', () => {
  it('splits clitics the Penn Treebank way and keeps every token a substring', () => {
    expect(words('They don’t know Trump’s plan, can\'t they?')).toEqual(
      ['They', 'do', 'n’t', 'know', 'Trump', '’s', 'plan', ',', 'ca', "n't", 'they', '?'],
    );
  });

  it('keeps abbreviations, initialisms, party-state tags and typewriter quotes whole', () => {
    expect(words("Lt. Gen. Smith of the U.S. Dept. of State (D-N.C.) said ''no'' at 5 p.m.")).toEqual(
      ['Lt.', 'Gen.', 'Smith', 'of', 'the', 'U.S.', 'Dept.', 'of', 'State', '(', 'D-N.C.', ')', 'said', "''", 'no', "''", 'at', '5', 'p.m.'],
    );
  });

  it('follows UD where it writes words apart or together: "cannot", "gonna", domains, files, runs of marks, emoticons, phone numbers, scores', () => {
    expect(words('I cannot say, gonna see. Amazon.com sent report.pdf!!! Wow :-) Call 303-832-8160; they won 2-1?!')).toEqual([
      'I', 'can', 'not', 'say', ',', 'gon', 'na', 'see', '.', 'Amazon.com', 'sent', 'report.pdf', '!!!', 'Wow', ':-)',
      'Call', '303-832-8160', ';', 'they', 'won', '2-1', '?!',
    ]);
  });

  it('reads an en dash before a lower-case word as a dash, and keeps one between names ("Austria–Hungary")', () => {
    expect(words('The Tribune–which keeps a tally of victims–and found it. Austria–Hungary fell.')).toEqual(
      ['The', 'Tribune', '–', 'which', 'keeps', 'a', 'tally', 'of', 'victims', '–', 'and', 'found', 'it', '.', 'Austria–Hungary', 'fell', '.'],
    );
  });

  it('keeps what UD splits but names and amounts need whole: hyphen compounds, currency amounts, a sentence-final period', () => {
    expect(words('The Russian-Taliban talks on al-Baghdadi cost $10 each. Canon sells.')).toEqual(
      ['The', 'Russian-Taliban', 'talks', 'on', 'al-Baghdadi', 'cost', '$10', 'each', '.', 'Canon', 'sells', '.'],
    );
  });

  it('is deterministic: the same text gives the same tokens whatever came before', () => {
    const text = 'Donald Trump’s best ideas';
    const first = words(text);
    words('Trump’s Trump’s Trump’s');
    expect(words(text)).toEqual(first);
  });
});

describe('sentences', () => {
  it('does not break after title abbreviations ("Lt. Gen.", "Dept.")', () => {
    expect(sentences('Lt. Gen. John Smith of the Dept. of State spoke. He left.')).toEqual(
      ['Lt. Gen. John Smith of the Dept. of State spoke.', 'He left.'],
    );
  });

  it('keeps a quote and its cue together, and ends on closing marks', () => {
    expect(sentences('“Why?” he asked. “Because.” She left.')).toEqual(['“Why?” he asked.', '“Because.”', 'She left.']);
  });

  it('breaks after an initialism only before a sentence opener', () => {
    expect(sentences('He met U.S. officials in the U.S. The talks failed.')).toEqual(
      ['He met U.S. officials in the U.S.', 'The talks failed.'],
    );
  });

  it('ends a sentence after a dateline marked by an agency, a date or capitals before a dash, in the first paragraphs only', () => {
    expect(sentences('Army holds Mugabe\n\nHARARE (Reuters) - Zimbabwe\'s military said it was in control.')).toEqual(
      ['Army holds Mugabe', 'HARARE (Reuters) -', 'Zimbabwe\'s military said it was in control.'],
    );
    expect(sentences('SAN FRANCISCO, Aug. 3 — Apple will release a watch.')).toEqual(['SAN FRANCISCO, Aug. 3 —', 'Apple will release a watch.']);
    // "Kabul:" needs the gazetteer (the meta stage reads it); a dash in a later paragraph is no dateline.
    expect(sentences('Kabul: The group said so.')).toEqual(['Kabul: The group said so.']);
    const late = `${'One. '.repeat(3).trim()}\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nNATO — the alliance — met.`;
    expect(sentences(late).at(-1)).toBe('NATO — the alliance — met.');
  });

  it('never crosses a paragraph and reads blank-line paragraphs', () => {
    const doc = pipeline.run('Headline here\n\nFirst para, no stop\n\nSecond para.');
    expect(doc.paragraphs.map((p) => doc.slice(p))).toEqual(['Headline here', 'First para, no stop', 'Second para.']);
    expect(doc.sentences).toHaveLength(3);
  });
});
