import type { FastifyError, FastifyInstance } from 'fastify';
import { ERROR_MESSAGES } from '../../../contract/errors';
import { AppError } from '../lib/errors';
import { RequestValidationError } from './validation';

/** One error shape everywhere: { code, message, details? }. 5xx bodies are generic. */
export function registerErrorHandler(app: FastifyInstance, opts: { spaFallback?: boolean } = {}): void {
  app.setErrorHandler((error: FastifyError & { cause?: unknown }, request, reply) => {
    if (error instanceof AppError) {
      if (error.headers) void reply.headers(error.headers);
      return reply
        .status(error.status)
        .send({ code: error.code, message: error.message, details: error.details });
    }
    if (error instanceof RequestValidationError || error.validation) {
      const details =
        error instanceof RequestValidationError
          ? error.details
          : (error.validation ?? []).map((v) => ({
              path: v.instancePath || '(body)',
              message: v.message ?? '',
            }));
      return reply.status(400).send({
        code: 'validation_failed',
        message: `${ERROR_MESSAGES.validation_failed} ${details.map((d) => d.message).join(' ')}`.trim(),
        details,
      });
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return reply.status(400).send({ code: 'invalid_json', message: ERROR_MESSAGES.invalid_json });
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return reply
          .status(413)
          .send({ code: 'payload_too_large', message: ERROR_MESSAGES.payload_too_large });
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return reply
          .status(415)
          .send({ code: 'unsupported_media_type', message: ERROR_MESSAGES.unsupported_media_type });
    }
    if (error instanceof SyntaxError) {
      return reply.status(400).send({ code: 'invalid_json', message: ERROR_MESSAGES.invalid_json });
    }
    const pgCode = pgErrorCode(error);
    if (pgCode === '23505') {
      return reply.status(409).send({ code: 'duplicate', message: ERROR_MESSAGES.duplicate });
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      return reply
        .status(503)
        .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
        .send({ code: 'database_unavailable', message: ERROR_MESSAGES.database_unavailable });
    }
    if (error.statusCode === 429) {
      return reply.status(429).send({ code: 'too_many_attempts', message: ERROR_MESSAGES.too_many_attempts });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'internal_error', message: ERROR_MESSAGES.internal_error });
  });

  // Client-side routes of the web application fall back to index.html; unknown /api paths stay 404 JSON, and
  // so does a missing hashed asset (an old page asking for a chunk a new build replaced must fail as a
  // script, not receive index.html).
  app.setNotFoundHandler((request, reply) => {
    if (
      opts.spaFallback &&
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !request.url.startsWith('/assets/')
    ) {
      return reply.sendFile('index.html');
    }
    return reply.status(404).send({ code: 'not_found', message: ERROR_MESSAGES.not_found });
  });
}

/** The PostgreSQL SQLSTATE of an error, looking through Drizzle's wrapping. */
export function pgErrorCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Seconds a client is asked to wait (`Retry-After`) when the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// SQLSTATEs of a lost or refused connection: class 08 (connection exception), 57P01 admin shutdown,
// 57P02 crash shutdown, 57P03 cannot connect now (starting up, shutting down), 53300 too many connections.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
// node-postgres says these in words only: the socket closed, the pool's connect timeout, a client whose
// connection already failed, a pool being closed at shutdown.
const UNAVAILABLE_MESSAGE =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end on the pool|Client was closed and is not queryable)/;

/**
 * Is this a failure to reach PostgreSQL (not a failing statement)? Looks through Drizzle's wrapping
 * (`cause`) and Node's AggregateError (`errors`, when every address of a host refused).
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code)))
    return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
