import { Doc } from '../core/doc.js';
import { createDepsStage } from '../core/stages/deps.js';
import { createPosStage } from '../core/stages/pos.js';
import { segmentsStage } from '../core/stages/segments.js';
import { tokensStage } from '../core/stages/tokens.js';
import { loadParserModel, loadPosModel } from '../models.js';
import { measure } from './bench.js';

/**
 * The dependency parser alone, in tokens per second, on Docs whose tokens, sentences and tags are
 * already set: the row `claimgraph bench` sets against the parser target.
 */
export async function runParserBenchmark(texts: readonly string[]): Promise<number> {
  const [posModel, parserModel] = await Promise.all([loadPosModel(), loadParserModel()]);
  const prepare = [tokensStage, segmentsStage, createPosStage(posModel)];
  const docs = texts.map((text) => {
    const doc = new Doc(text);
    for (const stage of prepare) stage.apply(doc);
    return doc;
  });
  const deps = createDepsStage(parserModel);
  const { seconds, total } = measure((doc) => (deps.apply(doc), doc.tokenCount), docs);
  return Math.round(total / seconds);
}
