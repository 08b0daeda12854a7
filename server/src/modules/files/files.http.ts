/**
 * The HTTP side of file storage, for the routes of features that take uploads: multipart parsing
 * (registered only in their own plugin), the header that keeps cross-site forms out, the mapping of
 * parser failures to the app's errors, and how a stored file is sent back.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { UPLOAD_HEADER } from '../../../../contract/files';
import type { Deps } from '../../deps';
import { contentDisposition } from '../../domain/files/file-name';
import { AppError } from '../../lib/errors';
import { MAX_FILES_PER_UPLOAD, tooMany, type Download, type IncomingFile } from './files.service';
import { sweepTemp } from './files.store';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Accept multipart/form-data in this plugin (and only here). The app's CSRF defence elsewhere is "JSON
 * bodies only, and Origin/Sec-Fetch-Site checks"; a cross-site HTML form can send multipart, but cannot set
 * a custom header, so every request with a body here must carry `X-Requested-With: vinhdanh`.
 */
export async function registerUploads(app: FastifyInstance, deps: Deps): Promise<void> {
  await app.register(multipart, {
    // @fastify/busboy reads names as UTF-8 and, without preservePath, keeps only their last segment.
    preservePath: false,
    throwFileSizeLimit: true,
    limits: {
      fileSize: deps.config.filesMaxBytes,
      files: MAX_FILES_PER_UPLOAD,
      fields: 10,
      fieldSize: 1024,
      parts: MAX_FILES_PER_UPLOAD + 10,
      headerPairs: 20,
    },
  });
  app.addHook('onRequest', async (request) => {
    if (!BODY_METHODS.has(request.method)) return;
    if (request.headers[UPLOAD_HEADER.name]?.toString().toLowerCase() !== UPLOAD_HEADER.value) {
      throw new AppError('upload_header_required', 403);
    }
  });
  // Temporary files left by a crash (an upload takes seconds; a day is plenty).
  app.addHook('onReady', async () => {
    await sweepTemp(deps.config.filesDir, 24 * 3600 * 1000);
  });
}

/** The files of a multipart request, one at a time as they arrive; any other field is refused. */
export async function* readUploads(request: FastifyRequest): AsyncGenerator<IncomingFile> {
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') {
        throw new AppError(
          'invalid_upload',
          400,
          'Yêu cầu tải lên chỉ được chứa tệp, không chứa trường dữ liệu khác.',
        );
      }
      yield { fileName: part.filename, stream: part.file };
    }
  } catch (e) {
    throw toUploadError(e);
  }
}

/** The app's error for a failure while reading a multipart request. */
export function toUploadError(e: unknown): unknown {
  if (e instanceof AppError) return e;
  const code = (e as { code?: unknown }).code;
  switch (code) {
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('multipart_required', 415);
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('file_too_large', 413);
    case 'FST_FILES_LIMIT':
      return tooMany();
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
    case 'FST_MP_PREMATURE_CLOSE':
      return new AppError('invalid_upload', 400);
  }
  // busboy's own complaints about malformed multipart data
  const message = e instanceof Error ? e.message : '';
  if (/multipart|boundary|part|header|form/i.test(message) && !(e as { syscall?: unknown }).syscall) {
    return new AppError('invalid_upload', 400);
  }
  return e;
}

/**
 * Send a stored file as a download: always an attachment (ASCII fallback and UTF-8 name), the type found
 * at upload, and headers that stop a browser from sniffing or running it as a page.
 */
export function sendDownload(reply: FastifyReply, file: Download) {
  return reply
    .header('content-type', file.mime)
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(file.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cross-origin-resource-policy', 'same-origin')
    .header('cache-control', 'private, no-cache')
    .header('etag', `"${file.sha256}"`)
    .send(file.stream);
}
