import type { Static } from 'typebox';
import type { OrgUnit, OrgUnitCreate, OrgUnitDetail, OrgUnitUpdate } from '../../../../contract/api';
import type { OrgUnitClose, OrgUnitMerge, OrgUnitMergeResult } from '../../../../contract/editing';
import type { Deps } from '../../deps';
import { CHILD_KINDS, mayContain } from '../../domain/org-units/hierarchy';
import { todayInVietnam } from '../../lib/clock';
import { addDays, viDate } from '../../lib/dates';
import { AppError, badRequest, notFound, versionConflict } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { collationKey, normaliseText } from '../../lib/vietnamese';
import { unitOfWork } from '../audit/unit-of-work';
import { can, type Actor } from '../auth/auth.policy';
import {
  canCloseUnit,
  canCreateUnder,
  canEditUnit,
  canMergeUnit,
  canMoveUnit,
  canReadUnit,
} from './org-units.policy';
import * as repo from './org-units.repository';

export type OrgUnitRow = repo.OrgUnitRow;

/**
 * For a change that places people or units in the tree (adding or moving a person): share the tree's
 * lock until the transaction ends, so a close or merge (which take it alone) sees the change or is seen
 * by it, never half of each.
 */
export const holdTreeShared = (deps: Deps): Promise<void> => repo.lockTreeShared(deps.db);

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

/** A unit by id, whatever the scope (for checks on a record that already points at it), or 404. */
export async function findUnit(deps: Deps, id: string): Promise<repo.OrgUnitRow> {
  const unit = await repo.findById(deps.db, id);
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
  const [ancestors, from, into, peopleCount, ownPeopleCount, children] = await Promise.all([
    repo.namesByIds(deps.db, ancestorIds),
    repo.mergedFrom(deps.db, unit.id),
    unit.mergedIntoId ? repo.namesByIds(deps.db, [unit.mergedIntoId]) : Promise.resolve([]),
    repo.countPeopleInSubtree(deps.db, unit.path),
    repo.countOwnPeople(deps.db, unit.id),
    repo.activeChildren(deps.db, unit.id),
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
    ownPeopleCount,
    activeChildCount: children.length,
    childKinds: [...CHILD_KINDS[unit.kind]],
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
    requireActive(parent, 'parentId');
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
    // An update that ends the unit is a close: alone on the tree too, like closes and merges.
    if (moving || input.validTo) await repo.lockTreeExclusive(tx);
    else await repo.lockTreeShared(tx);
    const unit = await repo.findInScope(tx, id, actor.scopePath);
    if (!unit) throw notFound();
    uow.authorise(canEditUnit(actor, unit));
    if (unit.version !== input.version) throw versionConflict();
    checkDates(input.validFrom ?? unit.validFrom, input.validTo === undefined ? unit.validTo : input.validTo);
    // ending a unit through an update is a close: the same conditions hold
    if (input.validTo && unit.validTo === null) {
      uow.authorise(canCloseUnit(actor, unit));
      await checkClosable(tx, unit, input.validTo);
    }

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
      if (unit.validTo === null) requireActive(target, 'parentId');
      parent = target;
      patch.parentId = target.id;
      newPath = `${target.path}${unit.id}/`;
    }
    if (parent && (patch.kind !== undefined || patch.parentId !== undefined))
      checkKind(parent, patch.kind ?? unit.kind);
    const updated = await repo.updateVersioned(tx, id, version, patch);
    if (!updated) throw versionConflict();
    if (newPath) await repo.rewritePaths(tx, unit.path, newPath);
    if (input.validTo && unit.validTo === null) await repo.endPostsIn(tx, id, input.validTo);
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

/** An active unit, or 400 `org_unit_closed` on the field that chose it. */
function requireActive(unit: repo.OrgUnitRow, path: string) {
  if (unit.validTo !== null) {
    throw new AppError('org_unit_closed', 400, undefined, [
      {
        path,
        message: `Đơn vị "${unit.name}" đã ngừng hoạt động từ sau ngày ${viDate(unit.validTo)}.`,
      },
    ]);
  }
}

/**
 * A unit may close on `validTo` (its last day) when nobody belongs to it any more, none of its sub-units
 * is still active, and nobody left it after that day. Otherwise 409 `org_unit_not_empty` says how many
 * remain (a merge moves them instead), or 400 for the dates.
 */
async function checkClosable(db: Deps['db'], unit: repo.OrgUnitRow, validTo: string) {
  // one after the other: inside a transaction the statements share one connection
  const people = await repo.countOwnPeople(db, unit.id);
  const children = await repo.activeChildren(db, unit.id);
  const lastEnd = await repo.lastMembershipEnd(db, unit.id);
  if (people > 0 || children.length > 0) {
    const parts = [
      people > 0 ? `${people} cán bộ` : null,
      children.length > 0 ? `${children.length} đơn vị trực thuộc đang hoạt động` : null,
    ].filter(Boolean);
    const details = [
      ...(people > 0
        ? [
            {
              path: 'people',
              message: `Còn ${people} cán bộ thuộc đơn vị: hãy chuyển công tác trước khi đóng.`,
            },
          ]
        : []),
      ...(children.length > 0
        ? [
            {
              path: 'children',
              message: `Còn ${children.length} đơn vị trực thuộc đang hoạt động: ${children
                .map((c) => c.name)
                .join(', ')}.`,
            },
          ]
        : []),
    ];
    throw new AppError(
      'org_unit_not_empty',
      409,
      `Đơn vị "${unit.name}" còn ${parts.join(' và ')}: hãy chuyển đi trước khi đóng đơn vị, hoặc sáp nhập đơn vị vào đơn vị khác (cán bộ và đơn vị trực thuộc sẽ được chuyển theo).`,
      details,
    );
  }
  // posts held in the unit by people of other units (kiêm nhiệm) end with it; none may begin after it
  const late = await repo.lateStarts(db, unit.id, addDays(validTo, 1));
  if (late.posts > 0) {
    throw new AppError(
      'invalid_dates',
      400,
      `Có ${late.posts} chức vụ tại đơn vị bắt đầu sau ngày ${viDate(validTo)}; ngày kết thúc hoạt động không được trước đó.`,
      [{ path: 'validTo', message: `Có chức vụ tại đơn vị bắt đầu sau ngày ${viDate(validTo)}.` }],
    );
  }
  if (lastEnd && lastEnd > validTo) {
    throw new AppError(
      'invalid_dates',
      400,
      `Có cán bộ công tác tại đơn vị đến ngày ${viDate(lastEnd)}; ngày kết thúc hoạt động không được trước ngày đó.`,
      [{ path: 'validTo', message: `Không được trước ngày ${viDate(lastEnd)}.` }],
    );
  }
}

/**
 * Dates a close or merge must respect: the day it takes effect (`day`) never in the future, the unit's
 * last day (`lastDay`) never before it began.
 */
function checkEndDate(
  deps: Deps,
  unit: repo.OrgUnitRow,
  o: { day: string; lastDay: string; path: string; label: string },
) {
  const today = todayInVietnam(deps.clock);
  const details: { path: string; message: string }[] = [];
  if (o.day > today)
    details.push({
      path: o.path,
      message: `${o.label} (${viDate(o.day)}) không được ở tương lai (hôm nay là ${viDate(today)}).`,
    });
  if (o.lastDay < unit.validFrom)
    details.push({
      path: o.path,
      message: `Đơn vị hoạt động từ ngày ${viDate(unit.validFrom)}; ngày kết thúc hoạt động không được trước đó.`,
    });
  if (details.length > 0)
    throw new AppError('invalid_dates', 400, details.map((d) => d.message).join(' '), details);
}

/**
 * Close a unit ("giải thể", "kết thúc hoạt động") on `validTo`, its last day. Refused while people or
 * active sub-units remain (see `checkClosable`); a closed unit takes no new people and no new sub-units.
 */
export async function closeOrgUnit(
  deps: Deps,
  actor: Actor,
  id: string,
  input: OrgUnitClose,
): Promise<OrgUnit> {
  if (!can(actor, 'org_unit.write')) throw new AppError('forbidden', 403);
  return unitOfWork(deps, actor, async (uow) => {
    const tx = uow.tx;
    // alone on the tree: nobody is placed in the unit or under it while it closes
    await repo.lockTreeExclusive(tx);
    const unit = await repo.findInScope(tx, id, actor.scopePath);
    if (!unit) throw notFound();
    uow.authorise(canCloseUnit(actor, unit));
    if (unit.version !== input.version) throw versionConflict();
    if (unit.validTo !== null) throw new AppError('org_unit_closed', 409);
    checkEndDate(deps, unit, {
      day: input.validTo,
      lastDay: input.validTo,
      path: 'validTo',
      label: 'Ngày kết thúc hoạt động',
    });
    await checkClosable(tx, unit, input.validTo);
    const updated = await repo.updateVersioned(tx, id, input.version, { validTo: input.validTo });
    if (!updated) throw versionConflict();
    const postsEnded = await repo.endPostsIn(tx, id, input.validTo);
    const after = toOrgUnit(updated);
    await uow.record({
      action: 'org_unit.close',
      entityType: 'org_unit',
      entityId: id,
      orgUnitId: id,
      before: toOrgUnit(unit),
      after: { ...after, postsEnded },
    });
    return after;
  });
}

/**
 * Merge a unit into another ("sáp nhập") from `effectiveDate`, in one transaction holding the tree alone:
 * its people move to the target (memberships ended the day before and opened on the day; posts carried
 * over except leadership posts), its active sub-units move under the target with their subtrees, and the
 * unit ends the day before with `mergedIntoId` pointing at the target. Refused: into itself or its own
 * subtree (`org_unit_cycle`), into a closed unit or from one (`org_unit_closed`), sub-units of a kind the
 * target may not hold, across scopes the actor cannot write (404 like a missing unit).
 */
export async function mergeOrgUnit(
  deps: Deps,
  actor: Actor,
  id: string,
  input: OrgUnitMerge,
): Promise<OrgUnitMergeResult> {
  if (!can(actor, 'org_unit.write')) throw new AppError('forbidden', 403);
  return unitOfWork(deps, actor, async (uow) => {
    const tx = uow.tx;
    await repo.lockTreeExclusive(tx);
    const unit = await repo.findInScope(tx, id, actor.scopePath);
    if (!unit) throw notFound();
    const target = await repo.findInScope(tx, input.targetId, actor.scopePath);
    if (!target) throw notFound();
    uow.authorise(canMergeUnit(actor, unit, target));
    if (unit.version !== input.version) throw versionConflict();
    if (target.path.startsWith(unit.path)) {
      const message =
        target.id === unit.id
          ? 'Không thể sáp nhập một đơn vị vào chính nó.'
          : `"${target.name}" là đơn vị trực thuộc của "${unit.name}": không thể sáp nhập một đơn vị vào đơn vị trực thuộc nó.`;
      throw badRequest('org_unit_cycle', message, [{ path: 'targetId', message }]);
    }
    if (unit.validTo !== null) throw new AppError('org_unit_closed', 409);
    requireActive(target, 'targetId');
    const lastDay = addDays(input.effectiveDate, -1);
    checkEndDate(deps, unit, {
      day: input.effectiveDate,
      lastDay,
      path: 'effectiveDate',
      label: 'Ngày sáp nhập',
    });
    if (input.effectiveDate < target.validFrom) {
      const message = `"${target.name}" hoạt động từ ngày ${viDate(target.validFrom)}; ngày sáp nhập không được trước đó.`;
      throw new AppError('invalid_dates', 400, message, [{ path: 'effectiveDate', message }]);
    }
    const late = await repo.lateStarts(tx, unit.id, input.effectiveDate);
    if (late.members > 0 || late.posts > 0) {
      const message = `Có ${late.members} cán bộ vào đơn vị và ${late.posts} chức vụ tại đơn vị bắt đầu từ ngày ${viDate(input.effectiveDate)} trở về sau: ngày sáp nhập phải sau các ngày đó.`;
      throw new AppError('invalid_dates', 400, message, [{ path: 'effectiveDate', message }]);
    }
    const children = await repo.activeChildren(tx, unit.id);
    const misfits = children.filter((c) => !mayContain(target.kind, c.kind));
    if (misfits.length > 0) {
      throw new AppError(
        'org_unit_kind_not_allowed',
        400,
        `Không thể chuyển ${misfits.map((c) => `"${c.name}"`).join(', ')} về dưới "${target.name}": loại đơn vị không phù hợp.`,
        misfits.map((c) => ({
          path: 'targetId',
          message: `Không thể đặt đơn vị loại "${c.kind}" ("${c.name}") dưới đơn vị loại "${target.kind}".`,
        })),
      );
    }

    const moved = await repo.mergePeople(tx, {
      fromId: unit.id,
      toId: target.id,
      effectiveDate: input.effectiveDate,
      lastDay,
    });
    for (const child of children) await repo.reparent(tx, child, target);
    const updated = await repo.updateVersioned(tx, id, input.version, {
      validTo: lastDay,
      mergedIntoId: target.id,
    });
    if (!updated) throw versionConflict();
    const result: OrgUnitMergeResult = {
      id,
      targetId: target.id,
      validTo: lastDay,
      peopleMoved: moved.people,
      unitsMoved: children.length,
      leadershipEnded: moved.leadershipEnded,
    };
    await uow.record({
      action: 'org_unit.merge',
      entityType: 'org_unit',
      entityId: id,
      orgUnitId: target.id,
      before: toOrgUnit(unit),
      after: {
        ...toOrgUnit(updated),
        effectiveDate: input.effectiveDate,
        target: { id: target.id, name: target.name },
        peopleMoved: moved.people,
        leadershipEnded: moved.leadershipEnded,
        unitsMoved: children.map((c) => ({ id: c.id, name: c.name })),
      },
    });
    return result;
  });
}
