import type { Static } from 'typebox';
import type { OrgUnit, OrgUnitCreate, OrgUnitDetail, OrgUnitUpdate } from '../../../../contract/api';
import type { Deps } from '../../deps';
import { AppError, badRequest, notFound, versionConflict } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { collationKey, normaliseText } from '../../lib/vietnamese';
import { unitOfWork } from '../audit/unit-of-work';
import { can, type Actor } from '../auth/auth.policy';
import * as repo from './org-units.repository';

export function toOrgUnit(r: repo.OrgUnitRow): OrgUnit {
  return {
    id: r.id,
    parentId: r.parentId,
    code: r.code,
    name: r.name,
    shortName: r.shortName,
    kind: r.kind,
    validFrom: r.validFrom,
    validTo: r.validTo,
    mergedIntoId: r.mergedIntoId,
    headPersonId: r.headPersonId,
    version: r.version,
  };
}

export async function listOrgUnits(deps: Deps, actor: Actor): Promise<OrgUnit[]> {
  if (!can(actor, 'org_unit.read')) throw new AppError('forbidden', 403);
  return (await repo.listInScope(deps.db, actor.scopePath)).map(toOrgUnit);
}

/** A unit in the actor's scope, or 404 exactly like a missing one. */
export async function getUnitInScope(deps: Deps, actor: Actor, id: string): Promise<repo.OrgUnitRow> {
  const unit = await repo.findInScope(deps.db, id, actor.scopePath);
  if (!unit) throw notFound();
  return unit;
}

export async function getOrgUnit(deps: Deps, actor: Actor, id: string): Promise<OrgUnitDetail> {
  if (!can(actor, 'org_unit.read')) throw new AppError('forbidden', 403);
  const unit = await getUnitInScope(deps, actor, id);
  const ancestorIds = unit.path.split('/').filter((x) => x && x !== unit.id);
  const [ancestors, from, into, peopleCount] = await Promise.all([
    repo.namesByIds(deps.db, ancestorIds),
    repo.mergedFrom(deps.db, unit.id),
    unit.mergedIntoId ? repo.namesByIds(deps.db, [unit.mergedIntoId]) : Promise.resolve([]),
    repo.countPeopleInSubtree(deps.db, unit.path),
  ]);
  const byId = new Map(ancestors.map((a) => [a.id, a]));
  return {
    ...toOrgUnit(unit),
    // only the part of the chain the actor may see
    ancestors: ancestorIds
      .map((a) => byId.get(a))
      .filter((a): a is NonNullable<typeof a> => !!a && a.path.startsWith(actor.scopePath))
      .map((a) => ({ id: a.id, name: a.name })),
    mergedFrom: from,
    mergedInto: into[0] ? { id: into[0].id, name: into[0].name } : null,
    peopleCount,
  };
}

function checkDates(validFrom: string, validTo: string | null | undefined) {
  if (validTo && validTo < validFrom) {
    throw badRequest('invalid_date_range', undefined, [
      { path: 'validTo', message: 'Ngày hết hiệu lực phải sau hoặc bằng ngày có hiệu lực.' },
    ]);
  }
}

export async function createOrgUnit(
  deps: Deps,
  actor: Actor,
  input: Static<typeof OrgUnitCreate>,
): Promise<OrgUnit> {
  return unitOfWork(deps, actor, async (uow) => {
    uow.authorise(can(actor, 'org_unit.write'));
    checkDates(input.validFrom, input.validTo);
    const tx = uow.tx;
    const parent = await repo.findInScope(tx, input.parentId, actor.scopePath);
    if (!parent) throw notFound();
    const id = newId();
    const name = normaliseText(input.name);
    const created = await repo.insert(tx, {
      id,
      parentId: parent.id,
      path: `${parent.path}${id}/`,
      code: input.code,
      name,
      shortName: input.shortName ? normaliseText(input.shortName) : null,
      kind: input.kind,
      sortKey: collationKey(name),
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
    });
    await uow.record({
      action: 'org_unit.create',
      entityType: 'org_unit',
      entityId: id,
      orgUnitId: id,
      after: toOrgUnit(created),
    });
    return toOrgUnit(created);
  });
}

export async function updateOrgUnit(
  deps: Deps,
  actor: Actor,
  id: string,
  input: Static<typeof OrgUnitUpdate>,
): Promise<OrgUnit> {
  return unitOfWork(deps, actor, async (uow) => {
    uow.authorise(can(actor, 'org_unit.write'));
    const tx = uow.tx;
    const unit = await repo.findInScope(tx, id, actor.scopePath);
    if (!unit) throw notFound();
    if (unit.version !== input.version) throw versionConflict();
    checkDates(input.validFrom ?? unit.validFrom, input.validTo === undefined ? unit.validTo : input.validTo);

    const { version, ...fields } = input;
    const patch: Partial<repo.OrgUnitRow> = {};
    if (fields.name !== undefined) {
      patch.name = normaliseText(fields.name);
      patch.sortKey = collationKey(patch.name);
    }
    if (fields.shortName !== undefined)
      patch.shortName = fields.shortName ? normaliseText(fields.shortName) : null;
    if (fields.kind !== undefined) patch.kind = fields.kind;
    if (fields.validFrom !== undefined) patch.validFrom = fields.validFrom;
    if (fields.validTo !== undefined) patch.validTo = fields.validTo;
    if (fields.headPersonId !== undefined) patch.headPersonId = fields.headPersonId;
    if (fields.mergedIntoId !== undefined) {
      if (fields.mergedIntoId === unit.id) {
        throw badRequest('org_unit_cycle', 'Không thể sáp nhập một đơn vị vào chính nó.', [
          { path: 'mergedIntoId', message: 'Không thể sáp nhập một đơn vị vào chính nó.' },
        ]);
      }
      if (fields.mergedIntoId && !(await repo.findInScope(tx, fields.mergedIntoId, actor.scopePath)))
        throw notFound();
      patch.mergedIntoId = fields.mergedIntoId;
    }
    let newPath: string | undefined;
    if (fields.parentId !== undefined && fields.parentId !== unit.parentId) {
      const parent = await repo.findInScope(tx, fields.parentId, actor.scopePath);
      if (!parent) throw notFound();
      if (parent.path.startsWith(unit.path)) {
        throw badRequest('org_unit_cycle', undefined, [
          { path: 'parentId', message: 'Đơn vị cấp trên không được là chính nó hoặc đơn vị trực thuộc nó.' },
        ]);
      }
      if (unit.path === actor.scopePath) throw new AppError('forbidden', 403);
      patch.parentId = parent.id;
      newPath = `${parent.path}${unit.id}/`;
    }
    const updated = await repo.updateVersioned(tx, id, version, patch);
    if (!updated) throw versionConflict();
    if (newPath) await repo.rewritePaths(tx, unit.path, newPath);
    const after = toOrgUnit(updated);
    await uow.record({
      action: 'org_unit.update',
      entityType: 'org_unit',
      entityId: id,
      orgUnitId: id,
      before: toOrgUnit(unit),
      after,
    });
    return after;
  });
}
