import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, Id } from '../../../../contract/api';
import { Job, JobList, JobListQuery } from '../../../../contract/jobs';
import type { Deps } from '../../deps';
import { contentDisposition } from '../../lib/content-disposition';
import { requireActor } from '../../plugins/session';
import * as service from './jobs.service';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
const Params = Type.Object({ id: Id });

/**
 * Generic job routes: a user's own jobs, one job's status and progress, its file, and cancelling it.
 * Jobs are started by each feature's own route (e.g. POST /api/v1/eligibility/eligible-now/export-jobs).
 */
export const jobRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/jobs',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Công việc nền của người dùng (mới nhất trước)',
        querystring: JobListQuery,
        response: { 200: JobList, ...errors },
      },
    },
    async (request) => service.listJobs(deps, requireActor(request), request.query),
  );

  app.get(
    '/api/v1/jobs/:id',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Trạng thái, tiến độ, lỗi của một công việc nền',
        params: Params,
        response: { 200: Job, ...errors },
      },
    },
    async (request) => service.getJob(deps, requireActor(request), request.params.id),
  );

  app.get(
    '/api/v1/jobs/:id/output',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Tải tệp kết quả của công việc đã hoàn thành',
        params: Params,
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'the file' }),
          409: ErrorResponse,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const file = await service.getJobOutput(deps, requireActor(request), request.params.id);
      return reply
        .header('content-type', file.mime)
        .header('content-disposition', contentDisposition(file.name))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  );

  app.post(
    '/api/v1/jobs/:id/cancel',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Hủy công việc đang chờ hoặc đang chạy',
        params: Params,
        response: { 200: Job, 409: ErrorResponse, ...errors },
      },
    },
    async (request) => service.cancelJob(deps, requireActor(request), request.params.id),
  );
};
