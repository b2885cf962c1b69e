import { readFile } from 'node:fs/promises';
import { createAnalyzer } from '../../analyze.js';
import { toArticleJSON } from '../../core/article.js';
import type { Command } from '../command.js';
import { renderArticle } from '../render.js';

/** The article the project started with (IANS wire copy, unchanged). */
export const SEED_ARTICLE = new URL('../../../demo/taliban-denies-sharing-is-intelligence-with-russia.txt', import.meta.url);

export const demoCommand: Command = {
  name: 'demo',
  usage: `Usage: claimgraph demo [--json]

Analyses demo/taliban-denies-sharing-is-intelligence-with-russia.txt and prints who said what,
with stances and the contradiction between the Taliban and Russian officials.`,
  async run(argv) {
    const analyzer = await createAnalyzer();
    const article = toArticleJSON(analyzer.run(await readFile(SEED_ARTICLE, 'utf8')));
    process.stdout.write(argv.includes('--json') ? `${JSON.stringify(article, null, 2)}\n` : renderArticle(article, process.stdout.isTTY === true));
    return 0;
  },
};
