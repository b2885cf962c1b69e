import { readGumNer } from './src/eval/gum-ner.js';
import { defaultLexicon } from './src/core/lexicon/index.js';
import { goldDoc, loadNerSystem } from './src/eval/ner.js';
const sys = await loadNerSystem();
const docs = await readGumNer('/work/shared/data/gum', 'dev', defaultLexicon());
const fp: Record<string, number> = {}; const fn: Record<string, number> = {};
for (const d of docs) {
  const { doc, gold } = goldDoc(d.document, sys.stages);
  const pred = sys.tag(doc);
  const key = (c: {start:number;end:number;type:string}) => `${c.start}:${c.end}:${c.type}`;
  const g = new Set(gold.map(key)); const p = new Set(pred.map(key));
  const text = (c: {start:number;end:number}) => Array.from({length: c.end-c.start}, (_, k) => doc.word(c.start+k)).join(' ');
  for (const c of gold) if (!p.has(key(c))) { const s = `${c.type} ${text(c)}`; fn[s] = (fn[s] ?? 0) + 1; }
  for (const c of pred) if (!g.has(key(c))) { const s = `${c.type} ${text(c)}`; fp[s] = (fp[s] ?? 0) + 1; }
}
const top = (o: Record<string, number>) => Object.entries(o).sort((a, b) => b[1] - a[1]).slice(0, 60).map(([k, v]) => `${v} ${k}`).join(' | ');
console.log('MISSED:', top(fn)); console.log('\nSPURIOUS:', top(fp));
