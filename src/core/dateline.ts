/**
 * Datelines opening wire copy ("KABUL (Reuters) -", "SAN FRANCISCO, Aug. 3 —", "Moscow, Dec 25:")
 * and the dates in them, shared by the segmenter, which ends a sentence after a dateline, and the
 * meta stage, which reads it.
 */

export const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
];
/** "Jan", "Jan.", "January", "Sept." in title case or capitals. */
const MONTH = `(?:${MONTH_NAMES.map((m) => {
  const title = `${m[0].toUpperCase()}${m.slice(1, 3)}(?:${m === 'september' ? 't|tember' : m.slice(3)})?`;
  return `${title}|${title.toUpperCase()}`;
}).join('|')})\\.?`;
/** 2015-12-25, Dec 25, December 25, 2015, 25 December 2015. */
export const DATE = String.raw`(?:\d{4}-\d{2}-\d{2}|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}\s+${MONTH}(?:,?\s+\d{4})?)(?!\d)`;

const PLACE_WORD = String.raw`\p{Lu}[\p{L}'’.-]*`;
/**
 * Place (up to a few capitalised words, "Rio de Janeiro"), an optional state (", Ill.", ", D.C.", or a
 * region written out right before the dash, the date or the agency: "LITTLE HARBOUR, Newfoundland —",
 * "SAN JOSE, California, Feb 18 (Northstar Wire) -"),
 * date and agency, then a colon or dash before the body text.
 */
export const DATELINE = new RegExp(
  String.raw`^(?<place>${PLACE_WORD}(?:\s+(?:${PLACE_WORD}|de|da|del|do|dos|el|al|la)){0,4})` +
    String.raw`(?<state>,\s+(?!${MONTH})(?:(?:\p{Lu}\.){2,}|\p{Lu}\p{Ll}{1,5}\.|\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){0,2}(?=\s*[—–―:]|\s+--?|,?\s+${DATE}|\s*\()))?` +
    String.raw`(?:,?\s+(?<date>${DATE}))?` +
    String.raw`(?:\s*\((?<agency>[^()\n]{2,40})\))?` +
    String.raw`(?<separator>\s*:|\s*[—–―]|\s+--?)\s*(?=\S)`,
  'du',
);

/**
 * Marked as a dateline without a gazetteer: a date, an agency, or a place in capitals before a
 * dash ("HARARE (Reuters) -", "LONDON, Dec 2 —", "KABUL —"); "Kabul:" needs the gazetteer.
 */
export function markedWithoutGazetteer(groups: Record<string, string | undefined>): boolean {
  const { place = '', date, agency, separator = '' } = groups;
  return date !== undefined || agency !== undefined || (place === place.toUpperCase() && separator.trim() !== ':');
}

/** Where the text after a dateline that opens `text` starts, for a dateline marked without a gazetteer; -1 for none. */
export function bodyAfterDateline(text: string): number {
  const m = DATELINE.exec(text);
  return m?.groups && markedWithoutGazetteer(m.groups) ? m[0].length : -1;
}
