import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, WriteErrors } from '../../../../contract/api';
import { PeopleExportBody } from '../../../../contract/imports';
import { Job } from '../../../../contract/jobs';
import type { Deps } from '../../deps';
import { requireActor } from '../../plugins/session';
import { startPeopleExport } from './people-export.service';

/** "Xuất danh sách": the people list as an Excel workbook, built by a background job. */
export const peopleExportRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/api/v1/people/export-jobs',
    {
      schema: {
        tags: ['people', 'jobs'],
        summary: 'Xuất danh sách cán bộ ra Excel (theo bộ lọc của danh sách), chạy nền',
        description:
          'The filters of GET /api/v1/people (orgUnitId: the subtree, default the user’s unit; q: the ' +
          'search). Answers the job; follow it at GET /api/v1/jobs/{id}, download at GET /api/v1/jobs/{id}/output.',
        body: PeopleExportBody,
        response: { 202: Job, ...WriteErrors, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const job = await startPeopleExport(deps, requireActor(request), request.body);
      return reply.status(202).header('location', `/api/v1/jobs/${job.id}`).send(job);
    },
  );
};
