import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AwardCreate,
  AwardUpdate,
  DisciplineCreate,
  DisciplineUpdate,
  Id,
  InitiativeCreate,
  InitiativeUpdate,
  PeopleList,
  PeopleQuery,
  PersonCreate,
  PersonDetail,
  PersonUpdate,
  RatingCreate,
  RatingUpdate,
  ReadErrors,
  WriteErrors,
} from '../../../../contract/api';
import { PersonMove, PositionCreate, PositionUpdate } from '../../../../contract/editing';
import type { Deps } from '../../deps';
import { requireActor } from '../../plugins/session';
import * as records from '../records/records.service';
import type { RecordKind } from '../records/records.service';
import * as service from './people.service';
import * as positions from './positions.service';

const IdParams = Type.Object({ id: Id });
const EntryParams = Type.Object({ id: Id, entryId: Id });
const PositionParams = Type.Object({ id: Id, positionId: Id });
const Created = Type.Object({ id: Id });

const RECORD_SCHEMAS = {
  ratings: { create: RatingCreate, update: RatingUpdate, label: 'xếp loại' },
  initiatives: { create: InitiativeCreate, update: InitiativeUpdate, label: 'sáng kiến, đề tài' },
  discipline: { create: DisciplineCreate, update: DisciplineUpdate, label: 'kỷ luật' },
  awards: { create: AwardCreate, update: AwardUpdate, label: 'khen thưởng đã nhận' },
} as const;

export const peopleRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Danh sách cán bộ (tìm không dấu)',
        querystring: PeopleQuery,
        response: { 200: PeopleList, ...ReadErrors },
      },
    },
    async (request) => service.listPeople(deps, requireActor(request), request.query),
  );
  app.get(
    '/api/v1/people/:id',
    { schema: { tags: ['people'], params: IdParams, response: { 200: PersonDetail, ...ReadErrors } } },
    async (request) => service.getPerson(deps, requireActor(request), request.params.id),
  );
  app.post(
    '/api/v1/people',
    { schema: { tags: ['people'], body: PersonCreate, response: { 201: Created, ...WriteErrors } } },
    async (request, reply) =>
      reply.status(201).send(await service.createPerson(deps, requireActor(request), request.body)),
  );
  app.patch(
    '/api/v1/people/:id',
    {
      schema: {
        tags: ['people'],
        params: IdParams,
        body: PersonUpdate,
        response: { 200: Created, ...WriteErrors },
      },
    },
    async (request) => service.updatePerson(deps, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/people/:id/moves',
    {
      schema: {
        tags: ['people'],
        summary: 'Chuyển công tác: sang đơn vị khác từ một ngày, kèm chức vụ mới',
        params: IdParams,
        body: PersonMove,
        response: { 201: Type.Object({ id: Id, version: Type.Integer() }), ...WriteErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.movePerson(deps, requireActor(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/people/:id/positions',
    {
      schema: {
        tags: ['people'],
        summary: 'Thêm chức vụ vào quá trình công tác',
        params: IdParams,
        body: PositionCreate,
        response: { 201: Created, ...WriteErrors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await positions.addPosition(deps, requireActor(request), request.params.id, request.body)),
  );
  app.patch(
    '/api/v1/people/:id/positions/:positionId',
    {
      schema: {
        tags: ['people'],
        summary: 'Sửa chức vụ, hoặc kết thúc chức vụ (ngày kết thúc)',
        params: PositionParams,
        body: PositionUpdate,
        response: { 200: Created, ...WriteErrors },
      },
    },
    async (request) =>
      positions.updatePosition(
        deps,
        requireActor(request),
        request.params.id,
        request.params.positionId,
        request.body,
      ),
  );
  app.delete(
    '/api/v1/people/:id/positions/:positionId',
    {
      schema: {
        tags: ['people'],
        summary: 'Xóa chức vụ nhập nhầm',
        params: PositionParams,
        response: { 204: Type.Null(), ...WriteErrors },
      },
    },
    async (request, reply) => {
      await positions.removePosition(
        deps,
        requireActor(request),
        request.params.id,
        request.params.positionId,
      );
      return reply.status(204).send(null);
    },
  );

  for (const [kind, s] of Object.entries(RECORD_SCHEMAS) as [
    RecordKind,
    (typeof RECORD_SCHEMAS)[RecordKind],
  ][]) {
    app.post(
      `/api/v1/people/:id/${kind}`,
      {
        schema: {
          tags: ['records'],
          summary: `Thêm ${s.label}`,
          params: IdParams,
          body: s.create,
          response: { 201: Created, ...WriteErrors },
        },
      },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        const created = await records.addEntry(
          deps,
          requireActor(request),
          kind,
          id,
          request.body as Record<string, unknown>,
        );
        return reply.status(201).send(created);
      },
    );
    app.patch(
      `/api/v1/people/:id/${kind}/:entryId`,
      {
        schema: {
          tags: ['records'],
          summary: `Sửa ${s.label}`,
          params: EntryParams,
          body: s.update,
          response: { 200: Created, ...WriteErrors },
        },
      },
      async (request) => {
        const { id, entryId } = request.params as { id: string; entryId: string };
        const body = request.body as Record<string, unknown> & { version: number };
        return records.updateEntry(deps, requireActor(request), kind, id, entryId, body);
      },
    );
    app.delete(
      `/api/v1/people/:id/${kind}/:entryId`,
      {
        schema: {
          tags: ['records'],
          summary: `Xóa ${s.label}`,
          params: EntryParams,
          response: { 204: Type.Null(), ...WriteErrors },
        },
      },
      async (request, reply) => {
        const { id, entryId } = request.params as { id: string; entryId: string };
        await records.removeEntry(deps, requireActor(request), kind, id, entryId);
        return reply.status(204).send(null);
      },
    );
  }
};
