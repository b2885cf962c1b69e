import type { Doc } from '../doc.js';
import type { Stage } from '../pipeline.js';

/**
 * Deterministic rule tokenizer. Tokens are exact substrings of the text; clitics ('s, n't, 're …)
 * are split off as in the Penn Treebank, so "don't" → "do" + "n't" and "Trump’s" → "Trump" + "’s".
 * Stateless on purpose: the same text always gives the same tokens, whatever was read before.
 */

// Order matters: the first alternative that matches at a position wins.
const TOKEN = new RegExp(
  [
    String.raw`(?:https?://|www\.)[^\s<>"“”]+[^\s<>"“”.,;:!?'’)\]]`, // URL
    String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`, // e-mail
    String.raw`[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|gov|edu|int|info|io|co|uk|ru|de|fr|cn|in|pdf|docx?|xlsx?|pptx?|html?|txt|csv|jpe?g|png|gif|zip)(?![\p{L}\p{N}])`, // domain, file name
    String.raw`[@#][\p{L}\p{N}_]+`, // handle, hashtag
    String.raw`\d{3}-\d{3}-\d{4}|\d+(?:-\d+)+(?![\p{L}.,])`, // phone number, score, range: one token, as in UD
    String.raw`\p{Sc}?\d+(?:[.,:/]\d+)*(?:\p{L}{1,3}\b)?%?`, // number, money, time, 5.5m, 1990s
    String.raw`(?:\p{L}\.){2,}(?!\p{L})`, // U.S., p.m.
    String.raw`\p{Lu}-(?:(?:\p{Lu}\.){2,}|\p{Lu}\p{Ll}{1,4}\.(?=\)))`, // party-state: (D-N.C.), (D-Ore.)
    // An en dash joins names ("Austria–Hungary"); before a lower-case word it is a dash ("victims–and").
    String.raw`\p{L}[\p{L}\p{M}\p{N}]*(?:(?:['’\-&]\p{L}|–\p{Lu})[\p{L}\p{M}\p{N}]*)*(?:n['’]t)?`, // word, O'Neil, e-mail
    String.raw`[:;]-?[()](?![\p{L}\p{N}])`, // emoticon
    String.raw`\.{2,}|…|-{2,}|—|–|[!?]{2,}|([*=_~+<>])\1+`, // ellipsis, dashes, runs of one mark (UD keeps "!!!" whole)
    "''|``", // typewriter double quotes
    String.raw`\S`, // anything else, one character
  ].join('|'),
  'gu',
);

const CLITIC = /(?:n['’]t|['’](?:s|re|ve|ll|d|m))$/i;

/** Words UD and the Penn Treebank write as two: "cannot" → "can" + "not", "gonna" → "gon" + "na". */
const FUSED = /^(?:can(?=not$)|gon(?=na$)|wan(?=na$)|got(?=ta$))/i;

/** Abbreviations that keep their final period as part of the token. */
export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cmdr', 'adm', 'brig',
  'rep', 'reps', 'sen', 'sens', 'gov', 'pres', 'rev', 'hon', 'st', 'sr', 'jr', 'messrs', 'mt', 'ft', 'fr',
  'dept', 'univ', 'assn', 'bros', 'inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'no', 'nos', 'vol', 'vols',
  'fig', 'figs', 'pp', 'p', 'approx', 'est', 'vs', 'v', 'etc', 'al', 'ca', 'cf', 'e.g', 'i.e', 'a.m', 'p.m',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'kans', 'ky', 'la',
  'md', 'mass', 'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'va',
  'vt', 'wash', 'wis', 'wyo',
]);

export function tokenize(doc: Doc): void {
  const { text } = doc;
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(text)) !== null) {
    const start = match.index;
    let end = start + match[0].length;
    const first = text.charCodeAt(start);
    if (isLetter(first)) {
      const clitic = CLITIC.exec(match[0]);
      const split = clitic && clitic.index > 0 ? clitic.index : (FUSED.exec(match[0])?.[0].length ?? 0);
      if (split > 0) {
        push(doc, start, start + split);
        push(doc, start + split, end);
        continue;
      }
      // "Dept." and "J." keep their period; a sentence-final period stays a token of its own.
      if (text.charCodeAt(end) === 46 /* . */ && text.charCodeAt(end + 1) !== 46) {
        const word = match[0].toLowerCase();
        if (ABBREVIATIONS.has(word) || (match[0].length === 1 && isUpper(first))) {
          end += 1;
          TOKEN.lastIndex = end;
        }
      }
    }
    push(doc, start, end);
  }
}

function push(doc: Doc, start: number, end: number): void {
  doc.pushToken(start, end, lowerForm(doc.text.slice(start, end)));
}

/** A token's `lower` column: lower-cased, with the curly apostrophe folded to `'`. */
export function lowerForm(surface: string): string {
  const lower = surface.toLowerCase();
  // Most tokens have no curly apostrophe: skip the replace.
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code > 127 && /\p{L}/u.test(String.fromCharCode(code)));
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

export const tokensStage: Stage = {
  name: 'tokens',
  requires: [],
  assigns: ['tokens'],
  apply: tokenize,
};
