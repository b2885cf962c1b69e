import type { Stage } from '../pipeline.js';
import { tokensStage } from './tokens.js';
import { segmentsStage } from './segments.js';

/** Data the stages need, loaded by the caller (the core does no I/O). */
export interface Resources {}

/** The default English pipeline, in order. Every stage is registered here and only here. */
export function defaultStages(_resources: Resources): Stage[] {
  return [tokensStage, segmentsStage];
}
