import { describe, expect, it } from 'vitest';
import { Doc } from './doc.js';
import { createLexicon } from './lexicon/index.js';
import { dictionaryWords, lineCase, lowercaseWords, readsAsVerb, truecaseHeadlines } from './ner-casing.js';
import { segment } from './stages/segments.js';
import { tokenize } from './stages/tokens.js';

const lexicon = createLexicon();

function docOf(text: string): Doc {
  const doc = new Doc(text);
  tokenize(doc);
  segment(doc);
  return doc;
}

/** Words mostly written in lower case, as lowercaseWords derives them from text (here by hand). */
const LOWERCASE = new Set([
  'army', 'warn', 'warns', 'deny', 'denies', 'share', 'sharing', 'intelligence', 'cheap', 'cheaper', 'unveil', 'unveils',
  'say', 'says', 'phone', 'apple', 'with',
]);

const forms = (text: string): string => {
  const doc = docOf(text);
  const truecased = truecaseHeadlines(doc, LOWERCASE, lexicon);
  return Array.from({ length: doc.tokenCount }, (_, i) => truecased?.get(i) ?? doc.word(i)).join(' ');
};

describe('headline truecasing', () => {
  it('tells title-case and capitals lines from sentences', () => {
    const doc = docOf('Taliban Denies Sharing Intelligence With Russia\n\nGERMANY WARNS RUSSIA OVER GAS\n\nThe Taliban denied it on Saturday.');
    const cases = doc.sentences.map((s) => lineCase(doc, s.tokenStart, s.tokenEnd));
    expect(cases).toEqual(['title', 'caps', null]);
  });

  it('writes common words of a headline in lower case and keeps names', () => {
    expect(forms('Taliban Denies Sharing Intelligence With Russia')).toBe('Taliban denies sharing intelligence with Russia');
    expect(forms('Angela Merkel Warns Britain')).toBe('Angela Merkel warns Britain');
  });

  it('takes the case the body writes a word in', () => {
    expect(forms('Apple Unveils Cheaper Phone\n\nThe phone from Apple costs less.')).toBe('Apple unveils cheaper phone The phone from Apple costs less .');
  });

  it('takes a name the body opens a sentence with as a name: "Harbour City came from behind"', () => {
    const words = new Set([...LOWERCASE, 'harbour', 'fire', 'fires', 'past', 'double']);
    const doc = docOf('Ruiz Double Fires Harbour City Past Rovers\n\nHarbour City came from behind to win.');
    const truecased = truecaseHeadlines(doc, words, lexicon);
    expect(Array.from({ length: 7 }, (_, i) => truecased?.get(i) ?? doc.word(i)).join(' ')).toBe('Ruiz double fires Harbour City past Rovers');
  });

  it('reads a first name that is a common word before a verb as the word: "Title Race Tightens"', () => {
    expect(lexicon.firstNameGender('race')).not.toBeNull();
    const words = new Set([...LOWERCASE, 'title', 'race', 'tighten', 'as', 'lose']);
    const doc = docOf('Title Race Tightens As Rovers Lose');
    const truecased = truecaseHeadlines(doc, words, lexicon);
    expect(Array.from({ length: doc.tokenCount }, (_, i) => truecased?.get(i) ?? doc.word(i)).join(' ')).toBe('title race tightens as Rovers lose');
  });

  it('leaves sentences and lines of names alone', () => {
    expect(truecaseHeadlines(docOf('The Taliban denied it on Saturday.'), LOWERCASE, lexicon)).toBeNull();
    expect(truecaseHeadlines(docOf('Barnsley 3 Port Vale 1'), LOWERCASE, lexicon)).toBeNull();
  });

  it('reads verbs: auxiliaries and common words whose stem is common', () => {
    expect(['says', 'warns', 'denies', 'is', 'will'].filter((w) => readsAsVerb(w, LOWERCASE))).toEqual(['says', 'warns', 'denies', 'is', 'will']);
    expect(['Russia', 'intelligence', 'merkel'].some((w) => readsAsVerb(w, LOWERCASE))).toBe(false);
    // A consonant is undoubled only where it is doubled: "rowling" is no "row".
    expect(readsAsVerb('rowling', new Set(['row']))).toBe(false);
    expect(readsAsVerb('running', new Set(['run']))).toBe(true);
    // "-es" only after a hiss or an o: "Mendes" is no "mends".
    expect(['fetches', 'pushes', 'goes', 'mendes'].filter((w) => readsAsVerb(w, new Set(['fetch', 'push', 'go', 'mend'])))).toEqual(['fetches', 'pushes', 'goes']);
  });

  it('reads dictionary words in lower case too, but a word after a first name only on the text\'s evidence', () => {
    const dictionary = new Set(['court', 'fetch', 'record', 'sum', 'musk', 'manuscript', 'widow', 'sentence']);
    const withDictionary = (text: string): string => {
      const doc = docOf(text);
      const truecased = truecaseHeadlines(doc, new Set([...LOWERCASE, ...dictionary]), lexicon, LOWERCASE);
      return Array.from({ length: doc.tokenCount }, (_, i) => truecased?.get(i) ?? doc.word(i)).join(' ');
    };
    // Without the dictionary the line has no verb it knows, so it is not read as a headline at all.
    expect(forms('Beethoven Manuscript Fetches Record Sum')).toBe('Beethoven Manuscript Fetches Record Sum');
    expect(withDictionary('Beethoven Manuscript Fetches Record Sum')).toBe('Beethoven manuscript fetches record sum');
    expect(withDictionary('Widow Sentenced by Iraqi Court')).toBe('widow sentenced by Iraqi court');
    expect(withDictionary('Elon Musk Says Tesla Will Build Plant')).toContain('Elon Musk says');
  });

  it('takes a word list\'s lower-case words that it does not also list capitalised', () => {
    expect(dictionaryWords('bill\nBill\ncourt\nCourt\'s\nfetch\nfetches\nNATO\nArmy\narmy\n', new Set(['army']))).toEqual(['court', 'fetch', 'fetches']);
  });

  it('derives the lower-case words from text: mostly lower case mid-sentence, seen twice', () => {
    expect(lowercaseWords([['The', 'army', 'and', 'Apple'], ['An', 'army', 'of', 'Apple'], ['apple', 'Apple', 'apple', 'and']])).toEqual(['and', 'army']);
  });
});
