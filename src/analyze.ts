import { createPipeline, type Pipeline } from './core/pipeline.js';
import { createLexicon } from './core/lexicon/index.js';
import { defaultStages, type Resources } from './core/stages/index.js';
import { loadLexiconExtension } from './lexicon-file.js';
import { loadCueModel, loadNerModel, loadParserModel, loadPosModel, loadSpanModel } from './models.js';

export interface AnalyzerOptions {
  /** A JSON file of extra organisations and aliases; defaults to $CLAIMGRAPH_LEXICON when set. */
  lexiconPath?: string;
  /** Leave the cue model out (null), as when training it. */
  withoutCueModel?: boolean;
  /** Leave the content-span model out (null), as when training it. */
  withoutSpanModel?: boolean;
}

/** Loads the shipped models and lexicons (Node side) for the pure core. */
export async function loadResources(options: AnalyzerOptions = {}): Promise<Resources> {
  const extensionPath = options.lexiconPath ?? process.env.CLAIMGRAPH_LEXICON;
  const [posModel, parserModel, cueModel, spanModel, nerModel, extension] = await Promise.all([
    loadPosModel(),
    loadParserModel(),
    options.withoutCueModel ? Promise.resolve(null) : loadCueModel(),
    options.withoutSpanModel ? Promise.resolve(null) : loadSpanModel(),
    loadNerModel(),
    extensionPath ? loadLexiconExtension(extensionPath) : Promise.resolve(undefined),
  ]);
  return { posModel, parserModel, cueModel, spanModel, nerModel, lexicon: createLexicon(extension) };
}

/** The default pipeline with the shipped models: `(await createAnalyzer()).run(text)` gives a Doc. */
export async function createAnalyzer(options: AnalyzerOptions = {}): Promise<Pipeline> {
  return createPipeline(defaultStages(await loadResources(options)));
}
