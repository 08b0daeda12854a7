import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse } from '../../../../contract/api';
import {
  CALENDAR_MAX_YEAR,
  CALENDAR_MIN_YEAR,
  CalendarCountBody,
  CalendarCountResponse,
  CalendarYear,
  CalendarYearCreate,
  CalendarYearUpdate,
} from '../../../../contract/calendar';
import type { Deps } from '../../deps';
import { requireActor } from '../../plugins/session';
import * as service from './calendar.service';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
const YearParams = Type.Object(
  { year: Type.Integer({ minimum: CALENDAR_MIN_YEAR, maximum: CALENDAR_MAX_YEAR }) },
  { additionalProperties: false },
);

export const calendarRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/api/v1/calendar/count',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Tính ngày làm việc: ngày làm việc thứ N sau một ngày, hoặc số ngày làm việc giữa hai ngày',
        description:
          'Một yêu cầu hoặc một mảng yêu cầu; trả lời một kết quả hoặc một mảng theo cùng thứ tự. ' +
          'Ngày của `from` không được tính. `provisional` là true khi có ngày được đếm thuộc năm tạm tính.',
        body: CalendarCountBody,
        response: { 200: CalendarCountResponse, ...errors },
      },
      // The domain's own parser checks the queries (naming every bad field), exactly as on the command line.
      validatorCompiler: () => (data: unknown) => ({ value: data }),
    },
    async (request) => service.countQueries(deps, requireActor(request), request.body),
  );

  app.get(
    '/api/v1/calendar/years',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Lịch làm việc: các năm đã có (ngày nghỉ, ngày làm bù, đã quyết định hay tạm tính)',
        response: { 200: Type.Object({ items: Type.Array(CalendarYear) }), ...errors },
      },
    },
    async (request) => ({ items: await service.listYears(deps, requireActor(request)) }),
  );

  app.get(
    '/api/v1/calendar/years/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Lịch làm việc của một năm',
        params: YearParams,
        response: { 200: CalendarYear, ...errors },
      },
    },
    async (request) => service.getYear(deps, requireActor(request), request.params.year),
  );

  app.post(
    '/api/v1/calendar/years',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Tạo năm tạm tính theo Bộ luật Lao động (ngày lễ, Tết và nghỉ bù) (quản trị viên)',
        body: CalendarYearCreate,
        response: { 201: CalendarYear, ...errors },
      },
    },
    async (request, reply) => {
      const created = await service.createProvisionalYear(deps, requireActor(request), request.body.year);
      return reply.status(201).send(created);
    },
  );

  app.put(
    '/api/v1/calendar/years/:year',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Sửa lịch làm việc của một năm; đánh dấu đã quyết định (quản trị viên)',
        params: YearParams,
        body: CalendarYearUpdate,
        response: { 200: CalendarYear, ...errors },
      },
    },
    async (request) => service.updateYear(deps, requireActor(request), request.params.year, request.body),
  );
};
