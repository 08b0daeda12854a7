import type { EligibilityErrorCode } from '../../../../contract/eligibility';

export interface EligibilityErrorDetail {
  /** Field path inside the case, e.g. `subject.ratings[1].level` or `[2].asOf` for the third case of an array. */
  path: string;
  message: string;
}

/**
 * The one error type of the eligibility engine: a malformed case, file or setting.
 * `code` is stable (snake_case); `message` is Vietnamese and names the first offending field;
 * `details` lists every problem found.
 */
export class EligibilityInputError extends Error {
  override readonly name = 'EligibilityInputError';

  constructor(
    readonly code: EligibilityErrorCode,
    message: string,
    readonly details: EligibilityErrorDetail[] = [],
  ) {
    super(message);
  }
}
