import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { CoreError } from './core/errors.js';
import { decodePosModel, type PosModel } from './core/stages/pos.js';
import { decodeCueModel, type CueModel } from './core/cue-model.js';
import { decodeNerModel, type NerModel } from './core/ner.js';
import { decodeWordClusters, type WordClusters } from './core/word-clusters.js';
import { decodeParserModel, type ParserModel } from './core/models/parser.js';
import { decodeContentSpanModel, type ContentSpanModel } from './core/models/content-span.js';

/** The shipped English POS model (see MODELS.md); `claimgraph train pos` rebuilds it. */
export const DEFAULT_POS_MODEL_PATH = fileURLToPath(new URL('../models/pos-en.bin', import.meta.url));

/** Reads a model file; a missing or unreadable file is CoreError CG_E006 naming the path. */
async function readModelFile(path: string, retrain: string): Promise<Uint8Array> {
  try {
    const bytes = await readFile(path);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    throw new CoreError('CG_E006', `cannot read model ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); ${retrain}`);
  }
}

export async function loadPosModel(path: string = DEFAULT_POS_MODEL_PATH): Promise<PosModel> {
  return decodeModelFile(path, 'rebuild it with "claimgraph train pos"', decodePosModel);
}

/** The learned attribution-cue filter (see MODELS.md); `claimgraph train cues` rebuilds it. */
export const DEFAULT_CUE_MODEL_PATH = fileURLToPath(new URL('../models/cues-en.bin', import.meta.url));

export async function loadCueModel(path: string = DEFAULT_CUE_MODEL_PATH): Promise<CueModel> {
  return decodeModelFile(path, 'rebuild it with "claimgraph train cues"', decodeCueModel);
}

/** The learned content-span model (see MODELS.md); `claimgraph train spans` rebuilds it. */
export const DEFAULT_SPAN_MODEL_PATH = fileURLToPath(new URL('../models/spans-en.bin', import.meta.url));

export async function loadSpanModel(path: string = DEFAULT_SPAN_MODEL_PATH): Promise<ContentSpanModel> {
  return decodeModelFile(path, 'rebuild it with "claimgraph train spans"', decodeContentSpanModel);
}

/** The statistical NER model (see MODELS.md); `claimgraph train ner` rebuilds it. */
export const DEFAULT_NER_MODEL_PATH = fileURLToPath(new URL('../models/ner-en.bin', import.meta.url));

/** Word clusters the NER model is trained with; `claimgraph train clusters` rebuilds them. */
export const DEFAULT_CLUSTERS_PATH = fileURLToPath(new URL('../models/clusters-en.bin', import.meta.url));

export async function loadNerModel(path: string = DEFAULT_NER_MODEL_PATH): Promise<NerModel> {
  return decodeModelFile(path, 'rebuild it with "claimgraph train ner"', decodeNerModel);
}

export async function loadWordClusters(path: string = DEFAULT_CLUSTERS_PATH): Promise<WordClusters> {
  return decodeModelFile(path, 'rebuild it with "claimgraph train clusters"', decodeWordClusters);
}

/** The Universal Dependencies parser (see MODELS.md); `claimgraph train deps` rebuilds it. */
export const DEFAULT_PARSER_MODEL_PATH = fileURLToPath(new URL('../models/deps-en.bin', import.meta.url));

export async function loadParserModel(path: string = DEFAULT_PARSER_MODEL_PATH): Promise<ParserModel> {
  return decodeModelFile(path, 'rebuild it with "claimgraph train deps"', decodeParserModel);
}

async function decodeModelFile<T>(path: string, retrain: string, decode: (bytes: Uint8Array) => T): Promise<T> {
  const bytes = await readModelFile(path, retrain);
  try {
    return decode(bytes);
  } catch (error) {
    if (error instanceof CoreError) throw new CoreError('CG_E006', `${path}: ${error.message.replace(/^CG_E006: /, '')}`);
    throw error;
  }
}
