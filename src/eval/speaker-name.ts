/** Words after a surname that are not the surname. */
const GENERATIONAL_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Lower case, no diacritics, punctuation to spaces: "Donald J. Trump" → "donald j trump". */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Our name equals the gold reference or contains its surname (last word, skipping "Jr." and the like) as a word. */
export function sameSpeaker(ours: string, reference: string): boolean {
  const name = normalizeName(ours);
  const gold = normalizeName(reference);
  if (name === '' || gold === '') return false;
  if (name === gold) return true;
  const goldWords = gold.split(' ');
  while (goldWords.length > 1 && GENERATIONAL_SUFFIXES.has(goldWords[goldWords.length - 1])) goldWords.pop();
  return name.split(' ').includes(goldWords[goldWords.length - 1]);
}
