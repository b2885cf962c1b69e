import { readFile } from 'node:fs/promises';
import { createAnalyzer } from '../../analyze.js';
import { toArticleJSON } from '../../core/article.js';
import { SEED_ARTICLE, seedDemo } from '../../corpus/demo.js';
import { openSqliteStore } from '../../store/sqlite/index.js';
import type { Command } from '../command.js';
import { renderArticle, renderCorpusCounts } from '../render.js';

export const demoCommand: Command = {
  name: 'demo',
  usage: `Usage: claimgraph demo [--json]

Analyses demo/taliban-denies-sharing-is-intelligence-with-russia.txt and prints who said what,
with stances, events and the contradictions between the Taliban and Russian officials; then
sums up the demo corpus that \`npm start\` serves (the seed and test/fixtures/corpus), counting
contradictions as the web app and /api/health do: claim pairs scoring at least 0.5.

Options:
  --json   the seed's article JSON only (docs/article.md)`,
  async run(argv) {
    const analyzer = await createAnalyzer();
    const article = toArticleJSON(analyzer.run(await readFile(SEED_ARTICLE, 'utf8')));
    if (argv.includes('--json')) {
      process.stdout.write(`${JSON.stringify(article, null, 2)}\n`);
      return 0;
    }
    const colour = process.stdout.isTTY === true;
    process.stdout.write(`${renderArticle(article, colour)}\n`);
    // The demo corpus, built in memory as `serve --demo` builds it on disk.
    const store = openSqliteStore(':memory:');
    try {
      await seedDemo(store, { analyzer, workers: 0 });
      const propositions = (await store.contradictions()).length;
      process.stdout.write(renderCorpusCounts('Demo corpus (npm start serves it)', await store.count(), propositions, colour));
    } finally {
      await store.close();
    }
    return 0;
  },
};
