import type { Deps } from '../../deps';
import { todayInVietnam } from '../../lib/clock';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { normaliseText } from '../../lib/vietnamese';
import { pgErrorCode } from '../../plugins/errors';
import { unitOfWork, type UnitOfWork } from '../audit/unit-of-work';
import { can, type Actor } from '../auth/auth.policy';
import { canWriteRecord } from '../people/people.policy';
import { getPersonInScope } from '../people/people.service';
import { catalogueEntry, isAwardCode } from '../../domain/eligibility/catalogue';
import * as repo from './records.repository';
import type { RecordKind } from './records.repository';

export type { RecordKind };

export function awardName(code: string): string {
  return isAwardCode(code) ? catalogueEntry(code).nameVi : code;
}

const ENTITY: Record<RecordKind, string> = {
  ratings: 'rating',
  initiatives: 'initiative',
  discipline: 'discipline',
  awards: 'award_record',
};

/** Checks the law and the calendar impose on an entry beyond its schema. */
function checkEntry(deps: Deps, kind: RecordKind, input: Record<string, unknown>) {
  const details: { path: string; message: string }[] = [];
  const thisYear = Number(todayInVietnam(deps.clock).slice(0, 4));
  if (typeof input.year === 'number' && input.year > thisYear) {
    details.push({ path: 'year', message: `Năm ${input.year} ở tương lai (năm hiện tại là ${thisYear}).` });
  }
  if (kind === 'awards' && typeof input.awardCode === 'string' && !isAwardCode(input.awardCode)) {
    details.push({
      path: 'awardCode',
      message: `Danh hiệu, hình thức khen thưởng có mã "${input.awardCode}" không có trong danh mục; hãy chọn trong danh mục khen thưởng.`,
    });
  }
  const dateField = kind === 'awards' ? 'decisionDate' : kind === 'discipline' ? 'decidedOn' : undefined;
  if (
    dateField &&
    typeof input[dateField] === 'string' &&
    (input[dateField] as string) > todayInVietnam(deps.clock)
  ) {
    details.push({ path: dateField, message: 'Ngày quyết định không được ở tương lai.' });
  }
  if (details.length > 0) {
    const only = (path: string) => details.every((d) => d.path === path);
    throw new AppError(
      only('year') ? 'year_in_future' : only('awardCode') ? 'unknown_award_code' : 'validation_failed',
      400,
      details.map((d) => d.message).join(' '),
      details,
    );
  }
}

function clean(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input))
    out[k] = typeof v === 'string' && k !== 'awardCode' ? normaliseText(v) : v;
  return out;
}

function duplicateError(kind: RecordKind, input: Record<string, unknown>) {
  return kind === 'ratings'
    ? new AppError('duplicate', 409, `Năm ${String(input.year)} đã có xếp loại; hãy sửa bản ghi đã có.`)
    : new AppError('duplicate', 409);
}

/** The person whose record is written, in scope, with the feature's policy applied inside the unit of work. */
async function personForRecord(uow: UnitOfWork, personId: string) {
  const person = await getPersonInScope(uow.deps, uow.actor, personId);
  uow.authorise(canWriteRecord(uow.actor, { path: person.unitPath }));
  return person;
}

/** One entry of a person's record (the person already found in scope), or 404. */
export async function getEntryOf(deps: Deps, kind: RecordKind, personId: string, entryId: string) {
  const row = await repo.findEntry(deps.db, kind, personId, entryId);
  if (!row) throw notFound();
  return row;
}

export async function addEntry(
  deps: Deps,
  actor: Actor,
  kind: RecordKind,
  personId: string,
  input: Record<string, unknown>,
) {
  if (!can(actor, 'record.write')) throw new AppError('forbidden', 403);
  checkEntry(deps, kind, input);
  try {
    return await unitOfWork(deps, actor, async (uow) => {
      const person = await personForRecord(uow, personId);
      const row = await repo.insertEntry(uow.tx, kind, { id: newId(), personId, ...clean(input) });
      await uow.record({
        action: `${ENTITY[kind]}.create`,
        entityType: ENTITY[kind],
        entityId: row.id,
        orgUnitId: person.orgUnitId,
        after: row,
      });
      return { id: row.id };
    });
  } catch (e) {
    if (pgErrorCode(e) === '23505') throw duplicateError(kind, input);
    throw e;
  }
}

export async function updateEntry(
  deps: Deps,
  actor: Actor,
  kind: RecordKind,
  personId: string,
  entryId: string,
  input: Record<string, unknown> & { version: number },
) {
  if (!can(actor, 'record.write')) throw new AppError('forbidden', 403);
  const { version, ...fields } = input;
  checkEntry(deps, kind, fields);
  try {
    return await unitOfWork(deps, actor, async (uow) => {
      const person = await personForRecord(uow, personId);
      const before = await repo.findEntry(uow.tx, kind, personId, entryId);
      if (!before) throw notFound();
      if (before.version !== version) throw versionConflict();
      const after = await repo.updateEntryVersioned(uow.tx, kind, entryId, version, clean(fields));
      if (!after) throw versionConflict();
      await uow.record({
        action: `${ENTITY[kind]}.update`,
        entityType: ENTITY[kind],
        entityId: entryId,
        orgUnitId: person.orgUnitId,
        before,
        after,
      });
      return { id: entryId };
    });
  } catch (e) {
    if (pgErrorCode(e) === '23505') throw duplicateError(kind, fields);
    throw e;
  }
}

export async function removeEntry(
  deps: Deps,
  actor: Actor,
  kind: RecordKind,
  personId: string,
  entryId: string,
) {
  if (!can(actor, 'record.write')) throw new AppError('forbidden', 403);
  await unitOfWork(deps, actor, async (uow) => {
    const person = await personForRecord(uow, personId);
    // Only the request that actually removes the row succeeds; one that lost the race finds nothing.
    const before = await repo.deleteEntry(uow.tx, kind, personId, entryId);
    if (!before) throw notFound();
    await uow.record({
      action: `${ENTITY[kind]}.delete`,
      entityType: ENTITY[kind],
      entityId: entryId,
      orgUnitId: person.orgUnitId,
      before,
    });
  });
}
