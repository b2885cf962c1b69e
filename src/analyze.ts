import { createPipeline, type Pipeline } from './core/pipeline.js';
import { defaultStages, type Resources } from './core/stages/index.js';

/** Loads the shipped models and lexicons (Node side) and builds the default pipeline. */
export async function loadResources(): Promise<Resources> {
  return {};
}

export async function createAnalyzer(): Promise<Pipeline> {
  return createPipeline(defaultStages(await loadResources()));
}
