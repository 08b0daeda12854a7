import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  Id,
  OrgUnit,
  OrgUnitCreate,
  OrgUnitDetail,
  OrgUnitList,
  OrgUnitUpdate,
  ReadErrors,
  WriteErrors,
} from '../../../../contract/api';
import { OrgUnitClose, OrgUnitMerge, OrgUnitMergeResult } from '../../../../contract/editing';
import type { Deps } from '../../deps';
import { requireActor } from '../../plugins/session';
import * as service from './org-units.service';

const IdParams = Type.Object({ id: Id });

export const orgUnitRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/v1/org-units',
    {
      schema: {
        tags: ['org-units'],
        summary: 'Cây đơn vị trong phạm vi',
        response: { 200: OrgUnitList, ...ReadErrors },
      },
    },
    async (request) => ({ items: await service.listOrgUnits(deps, requireActor(request)) }),
  );
  app.get(
    '/api/v1/org-units/:id',
    { schema: { tags: ['org-units'], params: IdParams, response: { 200: OrgUnitDetail, ...ReadErrors } } },
    async (request) => service.getOrgUnit(deps, requireActor(request), request.params.id),
  );
  app.post(
    '/api/v1/org-units',
    { schema: { tags: ['org-units'], body: OrgUnitCreate, response: { 201: OrgUnit, ...WriteErrors } } },
    async (request, reply) =>
      reply.status(201).send(await service.createOrgUnit(deps, requireActor(request), request.body)),
  );
  app.patch(
    '/api/v1/org-units/:id',
    {
      schema: {
        tags: ['org-units'],
        params: IdParams,
        body: OrgUnitUpdate,
        response: { 200: OrgUnit, ...WriteErrors },
      },
    },
    async (request) => service.updateOrgUnit(deps, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/org-units/:id/close',
    {
      schema: {
        tags: ['org-units'],
        summary: 'Kết thúc hoạt động của đơn vị (khi không còn cán bộ, đơn vị trực thuộc)',
        params: IdParams,
        body: OrgUnitClose,
        response: { 200: OrgUnit, ...WriteErrors },
      },
    },
    async (request) => service.closeOrgUnit(deps, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/org-units/:id/merge',
    {
      schema: {
        tags: ['org-units'],
        summary: 'Sáp nhập đơn vị vào đơn vị khác: chuyển cán bộ và đơn vị trực thuộc',
        params: IdParams,
        body: OrgUnitMerge,
        response: { 200: OrgUnitMergeResult, ...WriteErrors },
      },
    },
    async (request) => service.mergeOrgUnit(deps, requireActor(request), request.params.id, request.body),
  );
};
