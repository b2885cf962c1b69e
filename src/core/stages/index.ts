import type { Stage } from '../pipeline.js';
import type { Lexicon } from '../lexicon/index.js';
import type { PosModel } from './pos.js';
import { createPosStage, createSentenceTagger } from './pos.js';
import { tokensStage } from './tokens.js';
import { createDepsStage, createSentenceParser } from './deps.js';
import { createHeadlineSyntaxStage } from './headline-syntax.js';
import type { ParserModel } from '../models/parser.js';
import { segmentsStage } from './segments.js';
import { createMetaStage } from './meta.js';
import { createEntitiesStage } from './entities.js';
import { createCorefStage } from './coref.js';
import { createQuotesStage, type QuotesOptions } from './quotes.js';
import type { CueModel } from '../cue-model.js';
import type { ContentSpanModel } from '../models/content-span.js';
import type { NerModel } from '../ner.js';
import { createSpeakersStage } from './speakers.js';
import { claimsStage } from './claims.js';
import { createEventsStage } from './events.js';
import type { EventDictionaries } from '../lexicon/petrarch.js';
import { phoenixDictionaries } from '../lexicon/phoenix.js';
import { contradictionsStage } from './contradictions.js';
import { headlineCasing } from '../ner.js';

/** Data the stages need, loaded by the caller (the core does no I/O). */
export interface Resources {
  posModel: PosModel;
  parserModel: ParserModel;
  lexicon: Lexicon;
  /** The learned cue filter; null keeps to the cue lexicon. */
  cueModel: CueModel | null;
  /** The learned content-span model; null or absent keeps the rules' spans. */
  spanModel?: ContentSpanModel | null;
  /** The statistical name tagger; null falls back to capitalisation rules. */
  nerModel: NerModel | null;
  /** CAMEO verb patterns, actors, agents and discards; defaults to the shipped CAMEO.2.0/Phoenix tables. */
  eventDictionaries?: () => EventDictionaries;
}

/** The default English pipeline, in order. Every stage is registered here and only here. */
export function defaultStages({ posModel, parserModel, lexicon, cueModel, spanModel, nerModel, eventDictionaries = phoenixDictionaries }: Resources, quotes: QuotesOptions = { cueModel, spanModel }): Stage[] {
  const tagSentence = createSentenceTagger(posModel);
  const parseSentence = createSentenceParser(parserModel);
  return [
    tokensStage,
    segmentsStage,
    createPosStage(posModel, tagSentence),
    createDepsStage(parserModel, parseSentence),
    createMetaStage(lexicon),
    createEntitiesStage(lexicon, nerModel),
    ...(nerModel ? [createHeadlineSyntaxStage(tagSentence, parseSentence, headlineCasing(nerModel, lexicon))] : []),
    createCorefStage(lexicon),
    createQuotesStage(quotes),
    createSpeakersStage(lexicon),
    claimsStage,
    createEventsStage(eventDictionaries),
    contradictionsStage,
  ];
}
