import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Doc, type Span } from '../doc.js';
import { createLexicon } from '../lexicon/index.js';
import { createPipeline } from '../pipeline.js';
import { createMetaStage, metaStage } from './meta.js';
import { segmentsStage } from './segments.js';
import { tokensStage } from './tokens.js';

const pipeline = createPipeline([tokensStage, segmentsStage, metaStage]);

/** The meta spans as the text they cover. */
function meta(text: string, stages = pipeline): { title: string | null; dateline: string | null; source: string | null; published: string | null } {
  const doc: Doc = stages.run(text);
  const show = (span: Span | null): string | null => (span ? doc.slice(span) : null);
  return { title: show(doc.meta.title), dateline: show(doc.meta.dateline), source: show(doc.meta.source), published: doc.meta.published };
}

const SEED = new URL('../../../../shared/seed/taliban-denies-sharing-is-intelligence-with-russia.txt', import.meta.url);

describe('meta on the seed article', () => {
  it.skipIf(!existsSync(SEED))('finds the headline, the dateline and the misspelled agency line (skips without ../shared/seed)', () => {
    expect(meta(readFileSync(SEED, 'utf8'))).toEqual({
      title: 'Taliban denies sharing IS intelligence with Russia',
      dateline: 'Kabul',
      source: 'Indo-Aisan News Service',
      published: null,
    });
  });
});

describe('titles', () => {
  it('takes a short first line without a final period', () => {
    expect(meta('Taliban denies talks with Russia\n\nThe group said so on Saturday.').title).toBe('Taliban denies talks with Russia');
  });

  it('accepts a final period only in title case', () => {
    expect(meta('Taliban Denies Talks With Russia.\n\nThe group said so.').title).toBe('Taliban Denies Talks With Russia.');
    expect(meta('The Afghan Taliban has officially denied any talks with Russia.\n\nThe group said so.').title).toBeNull();
  });

  it('takes a quote signed after a colon for a headline', () => {
    expect(meta("'I was never afraid': Nobel laureate Maria Ressa on press freedom\n\nMaria Ressa spoke to us in London.").title)
      .toBe("'I was never afraid': Nobel laureate Maria Ressa on press freedom");
  });

  it('rejects quotes, long lines, bylines and lone paragraphs', () => {
    expect(meta('“We are having talks”\n\nA spokesperson said so.').title).toBeNull();
    expect(meta(`${'word '.repeat(26)}\n\nMore text.`).title).toBeNull();
    expect(meta('By Jane Doe\n\nThe group said so.').title).toBeNull();
    expect(meta('Taliban denies talks with Russia').title).toBeNull();
  });
});

describe('datelines', () => {
  it.each([
    ['Kabul: The Afghan Taliban has denied it.', 'Kabul', null],
    ['KABUL — The Afghan Taliban has denied it.', 'KABUL', null],
    ['KABUL (Reuters) - The Afghan Taliban has denied it.', 'KABUL', 'Reuters'],
    ['Moscow, Dec 25: Russia said it talks to the Taliban.', 'Moscow, Dec 25', null],
    ['WASHINGTON — The president said so.', 'WASHINGTON', null],
    ['NEW YORK, Jan. 5 (AP) — A man said so.', 'NEW YORK, Jan. 5', 'AP'],
    ['SPRINGFIELD, Ill. (AP) — A man said so.', 'SPRINGFIELD, Ill.', 'AP'],
    ['RIO DE JANEIRO — Officials said so.', 'RIO DE JANEIRO', null],
    ['LITTLE HARBOUR, Newfoundland — Every weekday she opens the door.', 'LITTLE HARBOUR, Newfoundland', null],
    ['SAN JOSE, California, Feb 18 (Northstar Wire) - Kestrel Devices denied the reports.', 'SAN JOSE, California, Feb 18', 'Northstar Wire'],
    ['SAN JOSE, California (Northstar Wire) - Kestrel Devices denied the reports.', 'SAN JOSE, California', 'Northstar Wire'],
  ])('reads %j', (body, dateline, agency) => {
    const found = meta(`Headline here\n\n${body}\n\nMore text.`);
    expect(found.dateline).toBe(dateline);
    expect(found.source).toBe(agency);
  });

  it('reads a dateline below a one-line standfirst, which makes a sentence-case first line a headline', () => {
    expect(meta('Charlotte struggles to return to normal.\n\nCurfew lifted, but city still in limbo.\n\nCHARLOTTE ― Nearly a week later.\n\nMore.')).toMatchObject({
      title: 'Charlotte struggles to return to normal.',
      dateline: 'CHARLOTTE',
    });
    expect(meta('The Latest: Trump urges supporters to vote.\n\nWASHINGTON (AP) — The Latest on the race.\n\nMore.')).toMatchObject({
      title: 'The Latest: Trump urges supporters to vote.',
      dateline: 'WASHINGTON',
      source: 'AP',
    });
  });

  it('takes "Place: words" over more text for a headline, not a dateline', () => {
    expect(meta('Russia: Taliban deny talks\n\nThe group said so.')).toMatchObject({ title: 'Russia: Taliban deny talks', dateline: null });
  });

  it('reads the dateline of an article without a headline', () => {
    expect(meta('KABUL — The group said so.\n\nMore text.').dateline).toBe('KABUL');
  });

  it('ignores a speaker label, a colon heading and a dateline-like line inside the body', () => {
    expect(meta('Headline here\n\nClinton: I will win, she told supporters.\n\nMore.').dateline).toBeNull();
    expect(meta('Headline here\n\nBREAKING: The group said so.\n\nMore.').dateline).toBeNull();
    expect(meta(`Headline here\n\n${'The group said so again. '.repeat(8)}\n\nKABUL — More.`).dateline).toBeNull();
    expect(meta('Headline here\n\nThe group said so.\n\nKabul: More.').dateline).toBeNull();
    expect(meta('The Afghan Taliban has denied it.\n\nClinton: I will win.').dateline).toBeNull();
  });

  it('knows places from the lexicon it is given', () => {
    const stages = createPipeline([tokensStage, segmentsStage, createMetaStage(createLexicon({ entries: [{ name: 'Jalalabad', type: 'GPE' }] }))]);
    expect(meta('Headline\n\nJalalabad: Officials said so.\n\nMore.', stages).dateline).toBe('Jalalabad');
    expect(meta('Headline\n\nJalalabadx: Officials said so.\n\nMore.', stages).dateline).toBeNull();
  });
});

describe('sources', () => {
  it.each([
    ['— Reuters', 'Reuters'],
    ['–Indo-Asian News Service', 'Indo-Asian News Service'],
    ['(AP)', 'AP'],
    ['By Jane Doe, Reuters', 'Jane Doe, Reuters'],
    ['(Reporting by Jane Doe; Editing by John Roe)', 'Jane Doe'],
  ])('reads the closing line %j', (line, source) => {
    expect(meta(`Headline\n\nThe group said so.\n\nMore text.\n\n${line}`).source).toBe(source);
  });

  it('reads a byline near the top and stops the name at a date', () => {
    expect(meta('Headline\n\nBy Jane Doe | December 25, 2015\n\nThe group said so.\n\nMore.')).toMatchObject({
      source: 'Jane Doe',
      published: '2015-12-25',
    });
  });

  it('does not take a closing sentence for an agency line', () => {
    expect(meta('Headline\n\nThe group said so.\n\nMore.\n\nBy Monday, the troops had left.').source).toBeNull();
    expect(meta('Headline\n\nThe group said so.\n\nMore.\n\n— and that was the end of it.').source).toBeNull();
  });
});

describe('publication dates', () => {
  it.each([
    ['KABUL, Dec 25, 2015 — The group said so.', '2015-12-25'],
    ['KABUL, December 25, 2015 (Reuters) - The group said so.', '2015-12-25'],
    ['Kabul, 2015-12-25: The group said so.', '2015-12-25'],
    ['KABUL, 25 December 2015 — The group said so.', '2015-12-25'],
    ['Moscow, Dec 25: The group said so.', null],
    ['The group said on December 25, 2015 that it would talk.', null],
  ])('reads %j', (body, published) => {
    expect(meta(`Headline\n\n${body}\n\nMore.`).published).toBe(published);
  });

  it('reads a date line under the headline and rejects impossible dates', () => {
    expect(meta('Headline\n\nPublished: Dec. 25, 2015 10:42 am\n\nThe group said so.\n\nMore.').published).toBe('2015-12-25');
    expect(meta('Headline\n\nFeb. 30, 2015\n\nThe group said so.\n\nMore.').published).toBeNull();
  });
});
