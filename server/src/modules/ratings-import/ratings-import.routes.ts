import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, Id } from '../../../../contract/api';
import { UPLOAD_HEADER } from '../../../../contract/files';
import { MAX_IMPORT_ROWS, RatingsImportQuery, RatingsTemplateQuery } from '../../../../contract/imports';
import { Job } from '../../../../contract/jobs';
import type { Deps } from '../../deps';
import { contentDisposition } from '../../lib/content-disposition';
import { requireActor } from '../../plugins/session';
import { validatorCompiler } from '../../plugins/validation';
import { stageUploads } from '../files/files.service';
import { readUploads, registerUploads, toUploadError } from '../files/files.http';
import * as service from './ratings-import.service';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const Params = Type.Object({ id: Id });
const UploadBody = Type.Object({ file: Type.String({ format: 'binary' }) });

/** Excel import of a unit's year-end ratings, and its template. Multipart parsing is registered here only. */
export const ratingsImportRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  await registerUploads(app as never, deps);

  app.post(
    '/api/v1/org-units/:id/rating-imports',
    {
      schema: {
        tags: ['records', 'jobs'],
        summary: 'Nhập kết quả xếp loại cuối năm của một đơn vị từ tệp Excel (chạy nền, tất cả hoặc không)',
        description:
          `multipart/form-data with one file part (an .xlsx, recognised from its bytes); the header ` +
          `\`${UPLOAD_HEADER.name}: ${UPLOAD_HEADER.value}\` is required. The sheet: a header row among the ` +
          `first 20 (Họ và tên; Ngày sinh or Mã cán bộ; Xếp loại; optionally STT, Đơn vị, Năm), at most ` +
          `${MAX_IMPORT_ROWS.toLocaleString('en')} rows. Answers the job (202); its result is a ` +
          `RatingsImportResult (contract/imports.ts) and its file the report. When any row is refused nothing ` +
          `is written. Problems of the whole file fail the job with their code (import_no_header, …).`,
        consumes: ['multipart/form-data'],
        params: Params,
        querystring: RatingsImportQuery,
        body: UploadBody,
        response: {
          202: Job,
          ...errors,
          409: ErrorResponse,
          413: ErrorResponse,
          415: ErrorResponse,
          429: ErrorResponse,
        },
      },
      // the body is a stream read by the handler (stageUploads checks it); only the rest is validated
      validatorCompiler: (route) =>
        route.httpPart === 'body' ? () => ({ value: undefined }) : validatorCompiler(route),
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { id } = request.params;
      const { year } = request.query;
      await service.assertMayImport(deps, actor, id, year);
      let staged;
      try {
        staged = await stageUploads(deps, readUploads(request), service.IMPORT_UPLOAD);
      } catch (e) {
        // refused before the request was read to its end: say so, and do not wait for the rest
        reply.header('connection', 'close');
        throw toUploadError(e);
      }
      try {
        const job = await service.startRatingsImport(deps, actor, id, year, staged);
        return await reply.status(202).header('location', `/api/v1/jobs/${job.id}`).send(job);
      } finally {
        await staged.discard();
      }
    },
  );

  app.get(
    '/api/v1/org-units/:id/rating-imports/template',
    {
      schema: {
        tags: ['records'],
        summary:
          'Tệp mẫu nhập xếp loại của đơn vị: danh sách cán bộ (mã, họ tên, ngày sinh, đơn vị), cột xếp loại để trống',
        params: Params,
        querystring: RatingsTemplateQuery,
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'the workbook' }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const file = await service.ratingsTemplate(
        deps,
        requireActor(request),
        request.params.id,
        request.query.year,
      );
      return reply
        .header('content-type', file.mime)
        .header('content-disposition', contentDisposition(file.name))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  );
};
