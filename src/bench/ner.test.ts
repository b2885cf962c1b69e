import { describe, expect, it } from 'vitest';
import { goldDoc, parseConllNer } from '../eval/ner.js';
import { compromiseEntities } from './ner.js';

describe('compromiseEntities', () => {
  it("maps compromise's people, places and organizations onto gold tokens, without trailing punctuation", async () => {
    const { default: nlp } = await import('compromise');
    const conll = ['John', 'Smith', 'met', 'Mary', 'in', 'New', 'York', '.'].map((w) => `${w} O`).join('\n');
    const { doc } = goldDoc(parseConllNer(conll, 'x')[0], []);
    const spans = compromiseEntities(nlp, doc);
    const named = spans.map((s) => `${Array.from({ length: s.end - s.start }, (_, k) => doc.word(s.start + k)).join(' ')}/${s.type}`);
    expect(named).toContain('John Smith/PER');
    expect(named).toContain('New York/LOC'); // compromise's match is "New York ." in this spaced text
    for (const span of spans) expect(doc.word(span.end - 1)).not.toBe('.');
  });
});
