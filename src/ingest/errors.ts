import { CoreError } from '../core/errors.js';

/** The catalogue codes a document can be rejected with before analysis starts. */
export type InputErrorCode = 'CG_E002' | 'CG_E003' | 'CG_E004' | 'CG_E005' | 'CG_E008' | 'CG_E009' | 'CG_E011';

/** A document that cannot be analysed; the message is one line a user can act on. */
export class InputError extends CoreError {
  declare readonly code: InputErrorCode;
  constructor(code: InputErrorCode, message: string) {
    super(code, message);
    this.name = 'InputError';
  }
}
