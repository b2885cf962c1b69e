import type { Doc } from '../doc.js';
import type { Stage } from '../pipeline.js';
import type { SentenceParser } from './deps.js';
import type { SentenceTagger } from './pos.js';

/**
 * Title-case and capitals lines (headlines, subheads) tagged and parsed again once the names are
 * known. Capitals say nothing of a word's part of speech there: "Lila Moor Quitting Glasshouse
 * After 12 Years, Sources Say" was tagged as one run of proper nouns. Each word is now read in the
 * case `truecase` gives it (the body's, else the casing table's), and the words of a name the
 * entities stage found keep their capitals. The name tagger itself reads the line as tagged first,
 * as it was trained; the stages after it read this parse.
 */
export function createHeadlineSyntaxStage(tagSentence: SentenceTagger, parseSentence: SentenceParser, truecase: (doc: Doc) => ReadonlyMap<number, string> | null): Stage {
  return {
    name: 'headline-syntax',
    requires: ['pos', 'deps', 'mentions'],
    assigns: ['pos', 'deps'],
    apply(doc: Doc): void {
      const forms = truecase(doc);
      if (forms === null || forms.size === 0) return;
      const read = new Map(forms);
      for (const m of doc.mentions) for (let i = m.tokenStart; i < m.tokenEnd; i++) read.delete(i);
      for (const { tokenStart, tokenEnd } of doc.sentences) {
        let recased = false;
        for (let i = tokenStart; i < tokenEnd && !recased; i++) recased = read.has(i);
        if (!recased) continue;
        tagSentence(doc, tokenStart, tokenEnd, read);
        parseSentence(doc, tokenStart, tokenEnd);
      }
    },
  };
}
