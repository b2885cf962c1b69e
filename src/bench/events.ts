import { Doc } from '../core/doc.js';
import type { Stage } from '../core/pipeline.js';
import { measure } from './bench.js';

/** The events stage alone, on Docs the rest of the pipeline has analysed: its share of a full pass. */
export interface EventsBenchReport {
  seconds: number;
  /** Percent of the full pipeline's time over the same texts. */
  share: number;
}

export function runEventsBenchmark(texts: readonly string[], stages: readonly Stage[], pipelineSeconds: number): EventsBenchReport {
  const events = stages.find((s) => s.name === 'events');
  if (!events) return { seconds: 0, share: 0 };
  const docs = texts.map((text) => {
    const doc = new Doc(text);
    for (const stage of stages) {
      if (stage === events) continue;
      stage.apply(doc);
      for (const layer of stage.assigns) doc.layers.add(layer);
    }
    return doc;
  });
  // The stage replaces what it assigned, so it can run again over the same Docs.
  const { seconds } = measure((doc: Doc) => {
    events.apply(doc);
    return 0;
  }, docs);
  return { seconds: Number(seconds.toPrecision(4)), share: Math.round((1000 * seconds) / pipelineSeconds) / 10 };
}
