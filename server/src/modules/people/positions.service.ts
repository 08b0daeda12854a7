/**
 * The posts of a person's career ("Quá trình công tác"): add, correct, end (a correction that sets
 * `toDate`) and delete. Rules:
 * - a person may hold several posts at once (kiêm nhiệm), even in one unit; but the same title in the same
 *   unit never twice over the same days (`position_overlap`, 409): that is a duplicate, not a second post.
 *   The person's row is locked while the check runs, so two requests at once cannot both pass it;
 * - days: never in the future, the end never before the start, never before the person's birth, and
 *   within the unit's own life (an open post only in an active unit);
 * - the post's unit must lie in the actor's scope when it is chosen; a post held long ago in a unit now
 *   outside it (e.g. a district merged away) can still be corrected or removed with the person.
 */
import type { PositionCreate, PositionUpdate } from '../../../../contract/editing';
import type { ErrorDetail } from '../../../../contract/errors';
import type { Deps } from '../../deps';
import { todayInVietnam } from '../../lib/clock';
import { viDate } from '../../lib/dates';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { normaliseText } from '../../lib/vietnamese';
import { unitOfWork, type UnitOfWork } from '../audit/unit-of-work';
import { can, type Actor } from '../auth/auth.policy';
import { findUnit, getUnitInScope, holdTreeShared, type OrgUnitRow } from '../org-units/org-units.service';
import { canEditPerson } from './people.policy';
import * as repo from './people.repository';
import { getPersonInScope } from './people.service';

type Post = Pick<repo.PositionRow, 'orgUnitId' | 'title' | 'isLeadership' | 'fromDate' | 'toDate'>;

/**
 * The person, in scope, with the policy applied and their row locked for the rest of the transaction; the
 * tree's lock is shared first, so a unit closing or merging at this moment sees the post or is seen by it.
 */
async function personForCareer(uow: UnitOfWork, personId: string) {
  await holdTreeShared(uow.deps);
  const found = await getPersonInScope(uow.deps, uow.actor, personId);
  uow.authorise(canEditPerson(uow.actor, { path: found.unitPath }));
  await repo.lockPerson(uow.tx, personId);
  return found.person;
}

function checkDays(deps: Deps, person: repo.PersonRow, unit: OrgUnitRow, post: Post) {
  const today = todayInVietnam(deps.clock);
  const details: ErrorDetail[] = [];
  if (post.fromDate > today)
    details.push({
      path: 'fromDate',
      message: `Ngày bắt đầu (${viDate(post.fromDate)}) không được ở tương lai.`,
    });
  if (post.toDate && post.toDate > today)
    details.push({
      path: 'toDate',
      message: `Ngày kết thúc (${viDate(post.toDate)}) không được ở tương lai.`,
    });
  if (post.toDate && post.toDate < post.fromDate)
    details.push({ path: 'toDate', message: 'Ngày kết thúc không được trước ngày bắt đầu.' });
  if (person.birthDate && post.fromDate < person.birthDate)
    details.push({ path: 'fromDate', message: 'Ngày bắt đầu không được trước ngày sinh.' });
  if (post.fromDate < unit.validFrom)
    details.push({
      path: 'fromDate',
      message: `"${unit.name}" hoạt động từ ngày ${viDate(unit.validFrom)}; chức vụ tại đó không bắt đầu trước ngày này.`,
    });
  if (unit.validTo && (post.toDate === null || post.toDate > unit.validTo))
    details.push({
      path: 'toDate',
      message: `"${unit.name}" đã kết thúc hoạt động ngày ${viDate(unit.validTo)}; chức vụ tại đó phải kết thúc chậm nhất ngày này.`,
    });
  if (details.length > 0)
    throw new AppError('invalid_dates', 400, details.map((d) => d.message).join(' '), details);
}

async function checkOverlap(uow: UnitOfWork, personId: string, post: Post, exceptId?: string) {
  const clash = await repo.overlappingPositions(uow.tx, { personId, ...post }, exceptId);
  if (clash.length > 0) {
    const c = clash[0]!;
    const message = `Cán bộ đã giữ chức vụ "${c.title}" tại đơn vị này từ ngày ${viDate(c.fromDate)}${
      c.toDate ? ` đến ngày ${viDate(c.toDate)}` : ''
    }: hai khoảng thời gian trùng nhau.`;
    throw new AppError('position_overlap', 409, message, [{ path: 'fromDate', message }]);
  }
}

export async function addPosition(deps: Deps, actor: Actor, personId: string, input: PositionCreate) {
  if (!can(actor, 'person.write')) throw new AppError('forbidden', 403);
  return unitOfWork(deps, actor, async (uow) => {
    const person = await personForCareer(uow, personId);
    const unit = await getUnitInScope(uow.deps, actor, input.orgUnitId);
    const post: Post = {
      orgUnitId: unit.id,
      title: normaliseText(input.title),
      isLeadership: input.isLeadership ?? false,
      fromDate: input.fromDate,
      toDate: input.toDate ?? null,
    };
    checkDays(deps, person, unit, post);
    await checkOverlap(uow, personId, post);
    const created = await repo.insertPosition(uow.tx, { id: newId(), personId, ...post });
    await uow.record({
      action: 'position.create',
      entityType: 'position',
      entityId: created.id,
      orgUnitId: person.orgUnitId,
      after: created,
    });
    return { id: created.id };
  });
}

export async function updatePosition(
  deps: Deps,
  actor: Actor,
  personId: string,
  positionId: string,
  input: PositionUpdate,
) {
  if (!can(actor, 'person.write')) throw new AppError('forbidden', 403);
  return unitOfWork(deps, actor, async (uow) => {
    const person = await personForCareer(uow, personId);
    const before = await repo.findPosition(uow.tx, personId, positionId);
    if (!before) throw notFound();
    if (before.version !== input.version) throw versionConflict();
    const changesUnit = input.orgUnitId !== undefined && input.orgUnitId !== before.orgUnitId;
    // a new unit must be one the actor may choose; the post's own unit may be an old one outside the scope
    const unit = changesUnit
      ? await getUnitInScope(uow.deps, actor, input.orgUnitId!)
      : await findUnit(uow.deps, before.orgUnitId);
    const post: Post = {
      orgUnitId: unit.id,
      title: input.title !== undefined ? normaliseText(input.title) : before.title,
      isLeadership: input.isLeadership ?? before.isLeadership,
      fromDate: input.fromDate ?? before.fromDate,
      toDate: input.toDate !== undefined ? input.toDate : before.toDate,
    };
    checkDays(deps, person, unit, post);
    await checkOverlap(uow, personId, post, positionId);
    const after = await repo.updatePositionVersioned(uow.tx, positionId, input.version, post);
    if (!after) throw versionConflict();
    await uow.record({
      action: 'position.update',
      entityType: 'position',
      entityId: positionId,
      orgUnitId: person.orgUnitId,
      before,
      after,
    });
    return { id: positionId };
  });
}

export async function removePosition(deps: Deps, actor: Actor, personId: string, positionId: string) {
  if (!can(actor, 'person.write')) throw new AppError('forbidden', 403);
  await unitOfWork(deps, actor, async (uow) => {
    const person = await personForCareer(uow, personId);
    const before = await repo.deletePosition(uow.tx, personId, positionId);
    if (!before) throw notFound();
    await uow.record({
      action: 'position.delete',
      entityType: 'position',
      entityId: positionId,
      orgUnitId: person.orgUnitId,
      before,
    });
  });
}
