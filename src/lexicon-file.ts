import { readFile } from 'node:fs/promises';
import { LexiconExtensionError, parseLexiconExtension, type LexiconExtension } from './core/lexicon/index.js';

/**
 * Reads a user lexicon file (`--lexicon FILE` or $CLAIMGRAPH_LEXICON), e.g.
 * `{"entries": [{"name": "Islamic State", "type": "ORG", "aliases": ["Daish"]}]}`.
 * Every problem is a {@link LexiconExtensionError} that names the file and the bad field.
 */
export async function loadLexiconExtension(path: string): Promise<LexiconExtension> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new LexiconExtensionError(`lexicon file ${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new LexiconExtensionError(`lexicon file ${path}: is not valid JSON (${(error as Error).message})`);
  }
  return parseLexiconExtension(value, `lexicon file ${path}`);
}
