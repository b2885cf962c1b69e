import { Doc, type LayerName } from './doc.js';
import { CoreError } from './errors.js';

/** One pipeline component: reads the layers it requires and adds the layers it assigns. */
export interface Stage {
  readonly name: string;
  readonly requires: readonly LayerName[];
  readonly assigns: readonly LayerName[];
  apply(doc: Doc): void;
}

export interface Pipeline {
  readonly stages: readonly Stage[];
  /** Runs every stage over a new Doc of `text`. */
  run(text: string): Doc;
}

/** Checks that each stage's requirements are assigned by an earlier stage, then composes them. */
export function createPipeline(stages: readonly Stage[]): Pipeline {
  const available = new Set<LayerName>();
  for (const stage of stages) {
    for (const layer of stage.requires) {
      if (!available.has(layer)) {
        throw new CoreError('CG_E001', `stage "${stage.name}" requires layer "${layer}", which no earlier stage assigns`);
      }
    }
    for (const layer of stage.assigns) available.add(layer);
  }
  return {
    stages,
    run(text: string): Doc {
      const doc = new Doc(text);
      for (const stage of stages) {
        stage.apply(doc);
        for (const layer of stage.assigns) doc.layers.add(layer);
      }
      return doc;
    },
  };
}

/**
 * The leading stages of `pipeline`, through the last that assigns `layer`: what that layer needs
 * and nothing after it (a dependency parse on demand runs through the names, which headlines are
 * parsed again with, and stops before quotes).
 */
export function pipelineThrough(pipeline: Pipeline, layer: LayerName): Pipeline {
  let last = -1;
  pipeline.stages.forEach((stage, k) => {
    if (stage.assigns.includes(layer)) last = k;
  });
  if (last < 0) throw new CoreError('CG_E001', `no stage of the pipeline assigns layer "${layer}"`);
  return createPipeline(pipeline.stages.slice(0, last + 1));
}
