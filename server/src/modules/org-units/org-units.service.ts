import type { Static } from 'typebox';
import type { OrgUnit, OrgUnitCreate, OrgUnitDetail, OrgUnitUpdate } from '../../../../contract/api';
import type { Deps } from '../../deps';
import { mayContain } from '../../domain/org-units/hierarchy';
import { AppError, badRequest, notFound, versionConflict } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { collationKey, normaliseText } from '../../lib/vietnamese';
import { unitOfWork } from '../audit/unit-of-work';
import { can, type Actor } from '../auth/auth.policy';
import { canCreateUnder, canEditUnit, canMoveUnit, canReadUnit } from './org-units.policy';
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

/**
 * A unit with its parent and the root of its tree (whatever the actor's scope: only names and kinds),
 * e.g. for the heading of a document the unit issues.
 */
export async function unitLineage(deps: Deps, unitId: string) {
  const unit = await repo.findById(deps.db, unitId);
  if (!unit) throw notFound();
  const ids = unit.path.split('/').filter(Boolean);
  const byId = new Map((await repo.namesByIds(deps.db, ids)).map((u) => [u.id, u]));
  const pick = (id: string | null | undefined) => {
    const u = id ? byId.get(id) : undefined;
    return u ? { id: u.id, name: u.name, kind: u.kind } : null;
  };
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    parent: pick(unit.parentId),
    root: pick(ids[0]) ?? { id: unit.id, name: unit.name, kind: unit.kind },
  };
}

/**
 * One unit with its lineage. Readable: the actor's subtree, and the predecessors of it (units merged into
 * it or into a unit of it, at any remove, with their own sub-units); those are read-only.
 */
export async function getOrgUnit(deps: Deps, actor: Actor, id: string): Promise<OrgUnitDetail> {
  const unit = await repo.findById(deps.db, id);
  const inSubtree = !!unit && unit.path.startsWith(actor.scopePath);
  const lineage = !!unit && !inSubtree && (await repo.isPredecessorOf(deps.db, unit.path, actor.scopePath));
  if (!unit || !canReadUnit(actor, unit, lineage)) {
    if (!can(actor, 'org_unit.read')) throw new AppError('forbidden', 403);
    throw notFound();
  }
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
    readOnly: !inSubtree,
  };
}

function checkDates(validFrom: string, validTo: string | null | undefined) {
  if (validTo && validTo < validFrom) {
    throw badRequest('invalid_date_range', undefined, [
      { path: 'validTo', message: 'Ngày hết hiệu lực phải sau hoặc bằng ngày có hiệu lực.' },
    ]);
  }
}

function checkKind(parent: repo.OrgUnitRow, kind: repo.OrgUnitRow['kind']) {
  if (!mayContain(parent.kind, kind)) {
    throw new AppError('org_unit_kind_not_allowed', 400, undefined, [
      { path: 'kind', message: `Không thể đặt đơn vị loại "${kind}" dưới đơn vị loại "${parent.kind}".` },
    ]);
  }
}

/** A head must be a person of the unit itself. */
async function checkHead(deps: Deps, unitId: string, headPersonId: string | null | undefined) {
  if (!headPersonId) return;
  if ((await repo.personUnitId(deps.db, headPersonId)) !== unitId) {
    throw new AppError('invalid_head_person', 400, undefined, [
      { path: 'headPersonId', message: 'Người đứng đầu phải là người đang thuộc đơn vị này.' },
    ]);
  }
}

export async function createOrgUnit(
  deps: Deps,
  actor: Actor,
  input: Static<typeof OrgUnitCreate>,
): Promise<OrgUnit> {
  if (!can(actor, 'org_unit.write')) throw new AppError('forbidden', 403);
  checkDates(input.validFrom, input.validTo);
  return unitOfWork(deps, actor, async (uow) => {
    // a unit placed while its parent moves must land under the parent's new path
    await repo.lockTreeShared(uow.tx);
    const parent = await repo.findInScope(uow.tx, input.parentId, actor.scopePath);
    if (!parent) throw notFound();
    uow.authorise(canCreateUnder(actor, parent));
    checkKind(parent, input.kind);
    const id = newId();
    const name = normaliseText(input.name);
    const created = await repo.insert(uow.tx, {
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
    const after = toOrgUnit(created);
    await uow.record({
      action: 'org_unit.create',
      entityType: 'org_unit',
      entityId: id,
      orgUnitId: id,
      after,
    });
    return after;
  });
}

export async function updateOrgUnit(
  deps: Deps,
  actor: Actor,
  id: string,
  input: Static<typeof OrgUnitUpdate>,
): Promise<OrgUnit> {
  if (!can(actor, 'org_unit.write')) throw new AppError('forbidden', 403);
  const moving = input.parentId !== undefined;
  return unitOfWork(deps, actor, async (uow) => {
    const tx = uow.tx;
    // Moves are serialised: two moves at once (A under B, B under A) would each see the old tree and
    // together make a cycle. Everything below reads the tree as it is after the lock.
    if (moving) await repo.lockTreeExclusive(tx);
    else await repo.lockTreeShared(tx);
    const unit = await repo.findInScope(tx, id, actor.scopePath);
    if (!unit) throw notFound();
    uow.authorise(canEditUnit(actor, unit));
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
    if (fields.headPersonId !== undefined) {
      await checkHead(uow.deps, unit.id, fields.headPersonId);
      patch.headPersonId = fields.headPersonId;
    }
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
    let parent = unit.parentId ? await repo.findById(tx, unit.parentId) : undefined;
    if (fields.parentId !== undefined && fields.parentId !== unit.parentId) {
      const target = await repo.findInScope(tx, fields.parentId, actor.scopePath);
      if (!target) throw notFound();
      if (target.path.startsWith(unit.path)) {
        throw badRequest('org_unit_cycle', undefined, [
          { path: 'parentId', message: 'Đơn vị cấp trên không được là chính nó hoặc đơn vị trực thuộc nó.' },
        ]);
      }
      uow.authorise(canMoveUnit(actor, unit, target));
      parent = target;
      patch.parentId = target.id;
      newPath = `${target.path}${unit.id}/`;
    }
    if (parent && (patch.kind !== undefined || patch.parentId !== undefined))
      checkKind(parent, patch.kind ?? unit.kind);
    const updated = await repo.updateVersioned(tx, id, version, patch);
    if (!updated) throw versionConflict();
    if (newPath) await repo.rewritePaths(tx, unit.path, newPath);
    const after = toOrgUnit(updated);
    await uow.record({
      action: newPath ? 'org_unit.move' : 'org_unit.update',
      entityType: 'org_unit',
      entityId: id,
      orgUnitId: id,
      before: toOrgUnit(unit),
      after,
    });
    return after;
  });
}
