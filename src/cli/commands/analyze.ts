import { parseArgs } from 'node:util';
import { createAnalyzer } from '../../analyze.js';
import { toArticleJSON } from '../../core/article.js';
import { CoreError } from '../../core/errors.js';
import { loadInput } from '../../ingest/load.js';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { renderArticle } from '../render.js';

const USAGE = `Usage: claimgraph analyze FILE|- [--format text|json] [--tokens] [--max-bytes N] [--lexicon FILE]

Analyses one article (plain text or an HTML page; "-" reads standard input) and prints its
entities, quotes with resolved speakers and stances, claims and contradictions.

Options:
  --format text|json  text (default) is the readable view; json follows docs/schema/article.schema.json
  --tokens            with --format json: add the sentences and the tokens with offsets, tags,
                      lemmas and the dependency parse (head, relation)
  --max-bytes N       refuse larger inputs (default 10485760)
  --lexicon FILE      extra organisations and aliases (JSON, see docs/lexicon.md); also CLAIMGRAPH_LEXICON

Exit codes: 0 ok, 1 bad input (one-line reason on stderr), 2 usage error.`;

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'analyse one article: entities, quotes, speakers, stances, contradictions',
  usage: USAGE,
  async run(argv) {
    const { values, positionals } = parseArgv(argv);
    if (positionals.length !== 1) throw new UsageError('expected exactly one FILE (or - for standard input)');
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
    const maxBytes = values['max-bytes'] === undefined ? undefined : Number(values['max-bytes']);
    if (maxBytes !== undefined && !(Number.isInteger(maxBytes) && maxBytes > 0)) throw new UsageError('--max-bytes must be a positive whole number');
    if (values.tokens && format !== 'json') throw new UsageError('--tokens goes with --format json');
    const file = positionals[0];
    try {
      const input = await loadInput(file, { maxBytes });
      const analyzer = await createAnalyzer({ lexiconPath: values.lexicon });
      const article = toArticleJSON(analyzer.run(articleText(input)), { tokens: values.tokens });
      process.stdout.write(format === 'json' ? `${JSON.stringify(article, null, 2)}\n` : renderArticle(article, process.stdout.isTTY === true));
      return 0;
    } catch (error) {
      if (error instanceof CoreError) {
        process.stderr.write(`claimgraph: ${file}: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};

function parseArgv(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: { format: { type: 'string' }, tokens: { type: 'boolean' }, 'max-bytes': { type: 'string' }, lexicon: { type: 'string' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** An HTML page's headline goes first, as in a plain-text article, so the meta stage finds it. */
export function articleText(input: { text: string; title: string | null }): string {
  if (!input.title || input.text.trimStart().startsWith(input.title)) return input.text;
  return `${input.title}\n\n${input.text}`;
}
