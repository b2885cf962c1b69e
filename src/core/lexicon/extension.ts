/** Entity types a lexicon entry may have; people are found by the tagger, not listed. */
export const LEXICON_ENTRY_TYPES = ['ORG', 'GPE', 'LOC', 'NORP', 'MISC'] as const;
export type LexiconEntryType = (typeof LEXICON_ENTRY_TYPES)[number];

export interface LexiconEntry {
  name: string;
  type: LexiconEntryType;
  aliases?: string[];
}

/** User additions, e.g. from a JSON file: `{"entries": [{"name": "…", "type": "ORG", "aliases": ["…"]}]}`. */
export interface LexiconExtension {
  entries: LexiconEntry[];
}

export class LexiconExtensionError extends Error {
  override name = 'LexiconExtensionError';
}

const ENTRY_KEYS = new Set(['name', 'type', 'aliases']);

/** Checks parsed JSON against {@link LexiconExtension}; `origin` names the source in messages. */
export function parseLexiconExtension(value: unknown, origin: string): LexiconExtension {
  const fail = (where: string, problem: string): never => {
    throw new LexiconExtensionError(`${origin}: ${where} ${problem}`);
  };
  if (!isRecord(value) || !Array.isArray(value.entries)) {
    return fail('the top level', 'must be an object with an "entries" array');
  }
  const entries = value.entries.map((entry: unknown, index): LexiconEntry => {
    const where = `entries[${index}]`;
    if (!isRecord(entry)) return fail(where, 'must be an object with "name", "type" and optional "aliases"');
    for (const key of Object.keys(entry)) {
      if (!ENTRY_KEYS.has(key)) fail(`${where}.${key}`, 'is not a known field (use "name", "type", "aliases")');
    }
    if (!isText(entry.name)) fail(`${where}.name`, 'must be a non-empty string');
    if (!LEXICON_ENTRY_TYPES.includes(entry.type as LexiconEntryType)) {
      fail(`${where}.type`, `must be one of ${LEXICON_ENTRY_TYPES.join(', ')} (got ${JSON.stringify(entry.type)})`);
    }
    const aliases = entry.aliases ?? [];
    if (!Array.isArray(aliases) || !aliases.every(isText)) fail(`${where}.aliases`, 'must be an array of non-empty strings');
    return { name: entry.name as string, type: entry.type as LexiconEntryType, aliases: aliases as string[] };
  });
  return { entries };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
