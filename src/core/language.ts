/**
 * A cheap English check: news prose in English is about 40 % function words ("the", "of", "said"),
 * other languages share almost none of them. Good enough to refuse a French or Chinese article
 * before the English-only stages produce nonsense; not a language identifier.
 */

/** Frequent English function words that are not also frequent words of French, German or Spanish. */
const FUNCTION_WORDS = new Set([
  'the', 'of', 'and', 'to', 'is', 'that', 'for', 'it', 'was', 'with', 'he', 'by', 'at', 'from',
  'his', 'her', 'she', 'they', 'we', 'you', 'be', 'this', 'have', 'has', 'had', 'are', 'were',
  'not', 'but', 'or', 'which', 'who', 'their', 'been', 'will', 'would', 'said', 'says', 'there',
  'what', 'when', 'about', 'after', 'its', 'him', 'them', 'our', 'more', 'if', 'than', 'can', 'could',
  'into', 'did', 'does', 'out', 'up', 'over', 'all', 'one', 'other', 'some', 'only',
  'just', 'because', 'while', 'where', 'how', 'should', 'these', 'those', 'then', 'such', 'being',
  'any', 'very', 'my', 'us', 'your', 'told', 'against', 'before', 'between', 'during', 'under',
  'whether', 'through', 'still', 'new', 'like', 'many', 'most', 'now', 'year', 'years', 'people',
]);

/**
 * Below this share of function words a text is not English. PolNeAR news articles score 0.13–0.47
 * (median 0.35); news paragraphs in French, German, Spanish, Italian, Dutch, Portuguese, Russian
 * and Chinese score 0–0.03.
 */
export const ENGLISH_MIN_SCORE = 0.08;
/** Texts shorter than this many words are too short to judge and pass. */
export const ENGLISH_MIN_WORDS = 20;
/** Words examined; the first few thousand words are as telling as the whole text. */
const SAMPLE_WORDS = 3000;

// Han and kana are written without spaces: each character counts as a word so a Chinese or
// Japanese paragraph is long enough to judge.
const WORD = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{M}]+/gu;

export interface EnglishCheck {
  english: boolean;
  /** Share of words (0–1) that are English function words. */
  score: number;
}

export function looksEnglish(text: string): EnglishCheck {
  let words = 0;
  let functionWords = 0;
  for (const match of text.matchAll(WORD)) {
    words += 1;
    if (FUNCTION_WORDS.has(match[0].toLowerCase())) functionWords += 1;
    if (words === SAMPLE_WORDS) break;
  }
  const score = words === 0 ? 0 : functionWords / words;
  return { english: words < ENGLISH_MIN_WORDS || score >= ENGLISH_MIN_SCORE, score };
}
