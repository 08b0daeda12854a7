import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Health } from '../../../../contract/api';
import { ERROR_MESSAGES } from '../../../../contract/errors';
import type { Deps } from '../../deps';
import { DATABASE_RETRY_AFTER_SECONDS } from '../../plugins/errors';
import { pingDatabase } from './health.repository';

/** How long the health check waits for `select 1` before it calls the database unavailable. */
export const HEALTH_PING_TIMEOUT_MS = 3000;

export const healthRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['auth'],
        summary: 'Tình trạng hệ thống',
        description: '200 khi cơ sở dữ liệu trả lời; 503 (degraded, kèm Retry-After) khi không kết nối được.',
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      if (await pingDatabase(deps.db, HEALTH_PING_TIMEOUT_MS))
        return { status: 'ok' as const, db: deps.dbKind };
      return reply
        .status(503)
        .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
        .send({ status: 'degraded' as const, db: deps.dbKind, message: ERROR_MESSAGES.database_unavailable });
    },
  );
};
