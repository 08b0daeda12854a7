import { ERROR_MESSAGES, type ErrorCode, type ErrorDetail } from '../../../contract/errors';

/** The one error type: a stable code, an HTTP status and a Vietnamese message the UI can show. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string = ERROR_MESSAGES[code],
    readonly details?: ErrorDetail[],
    /** response headers that belong to the error, e.g. Retry-After on 429 */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = () => new AppError('not_found', 404);
export const versionConflict = () => new AppError('version_conflict', 409);
export const badRequest = (code: ErrorCode, message?: string, details?: ErrorDetail[]) =>
  new AppError(code, 400, message, details);
