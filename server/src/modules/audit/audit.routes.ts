import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, ReadErrors, WriteErrors } from '../../../../contract/api';
import { AuditChainStatus, AuditEntryDetail, AuditList, AuditQuery } from '../../../../contract/audit';
import { Job } from '../../../../contract/jobs';
import type { Deps } from '../../deps';
import { requireActor } from '../../plugins/session';
import * as service from './audit.service';

/** "Nhật ký hoạt động": the audit log of the reader's scope, one entry, and the hash chain's state. */
export const auditRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Nhật ký hoạt động trong phạm vi của người xem (mới nhất trước, phân trang theo số)',
        querystring: AuditQuery,
        response: { 200: AuditList, ...ReadErrors },
      },
    },
    async (request) => service.listAuditEntries(deps, requireActor(request), request.query),
  );

  app.get(
    '/api/v1/audit/chain',
    {
      schema: {
        tags: ['audit'],
        summary: 'Tình trạng chuỗi băm của nhật ký: lần kiểm tra gần nhất và các bản ghi mới nhất',
        response: { 200: AuditChainStatus, ...ReadErrors },
      },
    },
    async (request) => service.chainStatus(deps, requireActor(request)),
  );

  app.post(
    '/api/v1/audit/chain/verify',
    {
      schema: {
        tags: ['audit', 'jobs'],
        summary: 'Kiểm tra toàn bộ chuỗi băm của nhật ký (chạy nền)',
        response: { 202: Job, ...WriteErrors, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const job = await service.startChainVerification(deps, requireActor(request));
      return reply.status(202).header('location', `/api/v1/jobs/${job.id}`).send(job);
    },
  );

  app.get(
    '/api/v1/audit/:seq',
    {
      schema: {
        tags: ['audit'],
        summary: 'Một bản ghi nhật ký: trước, sau và các trường đã đổi',
        params: Type.Object({ seq: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }),
        response: { 200: AuditEntryDetail, ...ReadErrors },
      },
    },
    async (request) => service.getAuditEntry(deps, requireActor(request), request.params.seq),
  );
};
