import { beforeAll, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../src/analyze.js';
import { toArticleJSON, type ArticleJSON } from '../src/core/article.js';
import type { Pipeline } from '../src/core/pipeline.js';

/** Name shapes (issue 15): particles, titles that belong to a name, roles, hyphens, apostrophes, initials. Sentences written for this test. */

let analyzer: Pipeline;
beforeAll(async () => {
  analyzer = await createAnalyzer();
});

const people = (text: string): ArticleJSON['entities'] =>
  toArticleJSON(analyzer.run(text)).entities.filter((e) => e.type === 'PERSON' && !e.unnamed);

describe('names of people', () => {
  it.each([
    ['Osama bin Laden', 'Officials said Osama bin Laden had lived in the house for years.'],
    ['Abu Bakr al-Baghdadi', 'The group said Abu Bakr al-Baghdadi was still alive.'],
    ['Ayatollah Khamenei', 'Ayatollah Khamenei said on Friday that talks were pointless.'],
    ['Pope Francis', 'Pope Francis told reporters that the war must end.'],
    ['Mullah Omar', 'Their former leader Mullah Omar would have wished for peace, he said.'],
    ['Jean-Claude Juncker', 'Jean-Claude Juncker told the parliament that the deal was fair.'],
    ["Sinead O'Connor", "Sinead O'Connor said the tour would go ahead."],
    ['George W. Bush', 'Former president George W. Bush said he would not endorse anyone.'],
  ])('keeps %s whole', (name, text) => {
    expect(people(text).map((e) => e.name)).toContain(name);
  });

  it('keeps a role title out of the name and as a role: "President Putin"', () => {
    const putin = people('President Putin said on Monday that Russia would respond.').find((e) => e.name === 'Putin');
    expect(putin?.roles).toContain('President');
  });
});
