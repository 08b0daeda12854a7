import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DateString, ErrorResponse, Id, Offset, ReadErrors, WriteErrors } from '../../../../contract/api';
import {
  AwardDescription,
  AwardSummary,
  RuleSetSettings,
  SettingValue,
} from '../../../../contract/catalogue';
import {
  AWARD_CODES,
  EligibilityCheckBody,
  EligibilityCheckResponse,
  EligibilityStoreStatus,
  EligibleNowList,
  PersonEligibility,
  QuotaReport,
  UnitEligibility,
} from '../../../../contract/eligibility';
import type { AwardCode } from '../../../../contract/eligibility';
import { EligibleNowExportBody, Job } from '../../../../contract/jobs';
import type { Deps } from '../../deps';
import { todayInVietnam } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { requireActor } from '../../plugins/session';
import { getUnitInScope } from '../org-units/org-units.service';
import { eligibleNowWorkbook } from './eligible-now.xlsx';
import * as service from './eligibility.service';

const AtQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })), asOf: Type.Optional(DateString) },
  { additionalProperties: false },
);
const EligibleNowQuery = Type.Object(
  {
    orgUnitId: Type.Optional(Id),
    awards: Type.Optional(
      Type.String({ maxLength: 300, description: 'mã danh hiệu, cách nhau bởi dấu phẩy' }),
    ),
    year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
    asOf: Type.Optional(DateString),
    onlyNew: Type.Optional(Type.Boolean()),
    since: Type.Optional(DateString),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    offset: Type.Optional(Offset),
    format: Type.Optional(Type.Enum(['json', 'xlsx'])),
  },
  { additionalProperties: false },
);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SettingParams = Type.Object({ key: Type.String({ maxLength: 200 }) });

function parseAwards(raw: string | readonly string[] | undefined): AwardCode[] | undefined {
  if (!raw) return undefined;
  const codes = (typeof raw === 'string' ? raw.split(',') : raw).map((s) => s.trim()).filter(Boolean);
  const bad = codes.filter((c) => !(AWARD_CODES as readonly string[]).includes(c));
  if (bad.length) {
    throw new AppError('validation_failed', 400, `Mã danh hiệu không có trong danh mục: ${bad.join(', ')}.`, [
      { path: 'awards', message: `Mã danh hiệu không có trong danh mục: ${bad.join(', ')}.` },
    ]);
  }
  return codes as AwardCode[];
}

export const eligibilityRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/api/v1/eligibility/check',
    {
      schema: {
        tags: ['eligibility'],
        summary: 'Kiểm tra điều kiện khen thưởng (một hồ sơ hoặc một danh sách)',
        body: EligibilityCheckBody,
        response: { 200: EligibilityCheckResponse, ...WriteErrors },
      },
      // The engine's own parser checks the case (strictly, naming every bad field), as on the command line.
      validatorCompiler: () => (data: unknown) => ({ value: data }),
    },
    async (request) => service.checkCases(deps, requireActor(request), request.body),
  );

  app.get(
    '/api/v1/people/:id/eligibility',
    {
      schema: {
        tags: ['eligibility'],
        params: Type.Object({ id: Id }),
        querystring: AtQuery,
        response: { 200: PersonEligibility, ...ReadErrors },
      },
    },
    async (request) =>
      service.personEligibility(deps, requireActor(request), request.params.id, request.query),
  );

  app.get(
    '/api/v1/org-units/:id/eligibility',
    {
      schema: {
        tags: ['eligibility'],
        params: Type.Object({ id: Id }),
        querystring: AtQuery,
        response: { 200: UnitEligibility, ...ReadErrors },
      },
    },
    async (request) => service.unitEligibility(deps, requireActor(request), request.params.id, request.query),
  );

  app.get(
    '/api/v1/eligibility/eligible-now',
    {
      schema: {
        tags: ['eligibility'],
        summary: 'Danh sách đủ điều kiện đề nghị (JSON hoặc Excel với format=xlsx)',
        querystring: EligibleNowQuery,
        response: {
          200: {
            description: 'Danh sách (JSON), hoặc tệp Excel với format=xlsx',
            content: {
              'application/json': { schema: EligibleNowList },
              [XLSX]: { schema: Type.String({ format: 'binary' }) },
            },
          },
          ...ReadErrors,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const q = request.query;
      const year = q.year ?? service.defaultYear(deps);
      const filters = { ...q, year, awards: parseAwards(q.awards) };
      if (q.format === 'xlsx') {
        const items = await service.eligibleNow(deps, actor, filters);
        const unitName = (await getUnitInScope(deps, actor, q.orgUnitId ?? actor.orgUnitId)).name;
        const buf = await eligibleNowWorkbook(items, {
          year,
          unitName,
          generatedOn: todayInVietnam(deps.clock),
        });
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="du-dieu-kien-de-nghi-${year}.xlsx"`)
          .send(buf as never); // a Buffer bypasses the JSON serializer
      }
      return service.eligibleNowList(deps, actor, filters, { limit: q.limit, offset: q.offset });
    },
  );

  app.post(
    '/api/v1/eligibility/eligible-now/export-jobs',
    {
      schema: {
        tags: ['eligibility', 'jobs'],
        summary: 'Xuất Excel danh sách đủ điều kiện đề nghị của cả một cây đơn vị, chạy nền',
        description:
          'Các bộ lọc như bản xuất Excel trực tiếp. Trả về công việc nền; theo dõi tiến độ tại ' +
          'GET /api/v1/jobs/{id}, tải tệp tại GET /api/v1/jobs/{id}/output.',
        body: EligibleNowExportBody,
        response: { 202: Job, ...WriteErrors, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const job = await service.startEligibleNowExport(deps, requireActor(request), {
        ...b,
        awards: parseAwards(b.awards),
      });
      return reply.status(202).header('location', `/api/v1/jobs/${job.id}`).send(job);
    },
  );

  app.get(
    '/api/v1/eligibility/store',
    {
      schema: {
        tags: ['eligibility'],
        summary: 'Kết quả xét điều kiện đã lưu: ngày xét, lần tính lại gần nhất, số người đang chờ xét lại',
        response: { 200: EligibilityStoreStatus, ...ReadErrors },
      },
    },
    async (request) => service.storeInfo(deps, requireActor(request)),
  );

  app.post(
    '/api/v1/eligibility/store/rebuild',
    {
      schema: {
        tags: ['eligibility', 'jobs'],
        summary: 'Tính lại toàn bộ kết quả xét điều kiện đã lưu và sửa sai lệch (chạy nền)',
        response: { 202: Job, ...WriteErrors, 429: ErrorResponse },
      },
    },
    async (request, reply) => {
      const job = await service.startStoreRebuild(deps, requireActor(request));
      return reply.status(202).header('location', `/api/v1/jobs/${job.id}`).send(job);
    },
  );

  app.get(
    '/api/v1/eligibility/quotas',
    {
      schema: {
        tags: ['eligibility'],
        summary: 'Tỷ lệ Chiến sĩ thi đua cơ sở trên Lao động tiên tiến theo đơn vị',
        querystring: Type.Object(
          {
            orgUnitId: Type.Optional(Id),
            year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: QuotaReport,
          ...ReadErrors,
        },
      },
    },
    async (request) => service.quotaReport(deps, requireActor(request), request.query),
  );

  app.get(
    '/api/v1/eligibility/catalogue',
    {
      schema: {
        tags: ['eligibility'],
        summary: 'Danh mục danh hiệu thi đua, hình thức khen thưởng',
        response: { 200: Type.Object({ items: Type.Array(AwardSummary) }), ...ReadErrors },
      },
    },
    async (request) => ({ items: await service.catalogue(deps, requireActor(request)) }),
  );
  app.get(
    '/api/v1/eligibility/catalogue/:code',
    {
      schema: {
        tags: ['eligibility'],
        summary: 'Một danh hiệu, hình thức: tiêu chuẩn theo từng giai đoạn pháp luật',
        params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
        response: { 200: AwardDescription, ...ReadErrors },
      },
    },
    async (request) => service.awardPage(deps, requireActor(request), request.params.code),
  );

  app.get(
    '/api/v1/eligibility/settings',
    {
      schema: {
        tags: ['eligibility'],
        summary: 'Thiết lập của các bộ quy tắc (giá trị chưa chắc chắn)',
        response: { 200: Type.Object({ items: Type.Array(RuleSetSettings) }), ...ReadErrors },
      },
    },
    async (request) => ({ items: await service.listSettings(deps, requireActor(request)) }),
  );

  app.put(
    '/api/v1/eligibility/settings/:key',
    {
      schema: {
        tags: ['eligibility'],
        summary: 'Thay đổi một thiết lập (ghi nhật ký)',
        params: SettingParams,
        body: Type.Object(
          { value: SettingValue, reason: Type.Optional(Type.String({ maxLength: 1000 })) },
          { additionalProperties: false },
        ),
        response: { 204: Type.Null(), ...WriteErrors },
      },
    },
    async (request, reply) => {
      await service.changeSetting(
        deps,
        requireActor(request),
        request.params.key,
        request.body.value,
        request.body.reason,
      );
      return reply.status(204).send(null);
    },
  );
  app.delete(
    '/api/v1/eligibility/settings/:key',
    {
      schema: {
        tags: ['eligibility'],
        summary: 'Bỏ thay đổi một thiết lập (trở về giá trị mặc định)',
        params: SettingParams,
        response: { 204: Type.Null(), ...WriteErrors },
      },
    },
    async (request, reply) => {
      await service.changeSetting(deps, requireActor(request), request.params.key, undefined, undefined);
      return reply.status(204).send(null);
    },
  );
};
