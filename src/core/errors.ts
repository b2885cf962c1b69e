/**
 * Error catalogue. Every code is documented in docs/errors.md (a test checks it), so a user who
 * sees `CG_E…` in a message can look it up.
 */
export const ERROR_CODES = {
  CG_E001: 'A pipeline stage requires a layer that no earlier stage assigns.',
  CG_E002: 'The input is empty or holds no text.',
  CG_E003: 'The input looks binary (NUL bytes or mostly control characters).',
  CG_E004: 'The input is larger than the configured size limit.',
  CG_E005: 'The input could not be decoded in any supported character encoding.',
  CG_E006: 'A model file is missing, corrupt or of an unsupported version.',
  CG_E007: 'A gold or corpus file is malformed.',
  CG_E008: 'The text does not look like English.',
  CG_E009: 'The input cannot be read: a missing file, a directory, no permission, or a URL that cannot be fetched or may not be.',
  CG_E010: 'Another process is writing to the corpus; one writer at a time.',
  CG_E011: 'The input exceeds a processing limit: an HTML page with too many elements, or an analysis past its time limit.',
  CG_E012: 'An unexpected failure while reading or analysing one document (a bug: please report it); the others go on.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class CoreError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(`${code}: ${message}`);
    this.name = 'CoreError';
    this.code = code;
  }
}

/** An error as a worker thread reports it: the catalogue code, when it has one, and the reason. */
export interface ErrorReply {
  code: ErrorCode | null;
  message: string;
}

export function errorReply(error: unknown): ErrorReply {
  if (error instanceof CoreError) return { code: error.code, message: error.message.slice(error.code.length + 2) };
  return { code: null, message: error instanceof Error ? error.message : String(error) };
}

/** The error a worker reported, as the catalogue error it was when it had a code. */
export function errorFromReply(reply: ErrorReply): Error {
  return reply.code ? new CoreError(reply.code, reply.message) : new Error(reply.message);
}
