import type { Static } from 'typebox';
import type {
  PeopleQuery,
  PersonCreate,
  PersonDetail,
  PersonSummary,
  PersonUpdate,
} from '../../../../contract/api';
import type { NewPosition, PersonMove } from '../../../../contract/editing';
import type { ErrorDetail } from '../../../../contract/errors';
import type { Deps } from '../../deps';
import type { RatingLevel } from '../../../../contract/vocabulary';
import { todayInVietnam } from '../../lib/clock';
import { addDays, viDate } from '../../lib/dates';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { foldAccents, normaliseText, personSortKey } from '../../lib/vietnamese';
import { unitOfWork, type UnitOfWork } from '../audit/unit-of-work';
import { can, type Actor } from '../auth/auth.policy';
import { getUnitInScope, holdTreeShared, type OrgUnitRow } from '../org-units/org-units.service';
import { pgErrorCode } from '../../plugins/errors';
import { awardName } from '../records/records.service';
import { canAddPersonTo, canEditPerson } from './people.policy';
import * as repo from './people.repository';

type SummaryRow = repo.PeopleListRow;

/**
 * The people list counts its matches up to this many and then says "more than 10,000": the page is
 * still exact, but a common name is not counted to the last of its 60,000 bearers on every keystroke.
 */
export const PEOPLE_COUNT_CAP = 10_000;

function toSummary(r: SummaryRow): PersonSummary {
  return {
    id: r.id,
    code: r.code,
    fullName: r.fullName,
    gender: r.gender,
    birthDate: r.birthDate,
    category: r.category,
    directWorker: r.directWorker,
    orgUnitId: r.orgUnitId,
    orgUnitName: r.orgUnitName,
    currentPosition: r.currentPosition,
    latestRating:
      r.latestRatingYear !== null && r.latestRatingLevel !== null
        ? { year: Number(r.latestRatingYear), level: r.latestRatingLevel as RatingLevel }
        : null,
  };
}

export async function listPeople(deps: Deps, actor: Actor, query: Static<typeof PeopleQuery>) {
  if (!can(actor, 'person.read')) throw new AppError('forbidden', 403);
  const unitPath = query.orgUnitId ? (await getUnitInScope(deps, actor, query.orgUnitId)).path : undefined;
  const words = query.q ? foldAccents(query.q).split(' ').filter(Boolean) : [];
  const { items, total, totalIsLowerBound } = await repo.listPeople(deps.db, {
    scopePath: actor.scopePath,
    unitPath,
    words,
    limit: query.limit ?? 20,
    offset: query.offset ?? 0,
    countCap: deps.config.peopleCountCap ?? PEOPLE_COUNT_CAP,
  });
  return { items: items.map(toSummary), total, totalIsLowerBound };
}

/** A person in the actor's scope, or 404 exactly like a missing one. */
export async function getPersonInScope(deps: Deps, actor: Actor, id: string) {
  const row = await repo.findInScope(deps.db, id, actor.scopePath);
  if (!row) throw notFound();
  return row;
}

export async function getPerson(deps: Deps, actor: Actor, id: string): Promise<PersonDetail> {
  if (!can(actor, 'person.read')) throw new AppError('forbidden', 403);
  const row = await getPersonInScope(deps, actor, id);
  const rec = await repo.loadRecord(deps.db, id);
  return {
    ...toSummary(row),
    ethnicity: row.person.ethnicity,
    startedOn: row.person.startedOn,
    version: row.person.version,
    ratings: rec.ratings.map((r) => ({ id: r.id, year: r.year, level: r.level, version: r.version })),
    initiatives: rec.initiatives.map((r) => ({
      id: r.id,
      year: r.year,
      title: r.title,
      kind: r.kind,
      scope: r.scope,
      version: r.version,
    })),
    discipline: rec.discipline.map((r) => ({
      id: r.id,
      year: r.year,
      form: r.form,
      decidedOn: r.decidedOn,
      reason: r.reason,
      version: r.version,
    })),
    awards: rec.awards.map((r) => ({
      id: r.id,
      awardCode: r.awardCode,
      awardName: awardName(r.awardCode),
      year: r.year,
      type: r.type,
      decisionNo: r.decisionNo,
      decisionDate: r.decisionDate,
      issuer: r.issuer,
      version: r.version,
    })),
    positions: rec.positions.map(({ position: p, orgUnitName }) => ({
      id: p.id,
      orgUnitId: p.orgUnitId,
      orgUnitName,
      title: p.title,
      isLeadership: p.isLeadership,
      fromDate: p.fromDate,
      toDate: p.toDate,
      version: p.version,
    })),
    memberships: rec.memberships.map(({ membership: m, orgUnitName }) => ({
      orgUnitId: m.orgUnitId,
      orgUnitName,
      fromDate: m.fromDate,
      toDate: m.toDate,
    })),
  };
}

/** Dates a person's record must respect: none in the future, work never starting before birth. */
function checkPersonDates(
  deps: Deps,
  birthDate: string | null | undefined,
  startedOn: string | null | undefined,
) {
  const today = todayInVietnam(deps.clock);
  const details: { path: string; message: string }[] = [];
  if (birthDate && birthDate > today)
    details.push({ path: 'birthDate', message: 'Ngày sinh không được ở tương lai.' });
  if (startedOn && startedOn > today)
    details.push({ path: 'startedOn', message: 'Ngày bắt đầu công tác không được ở tương lai.' });
  if (birthDate && startedOn && startedOn < birthDate)
    details.push({ path: 'startedOn', message: 'Ngày bắt đầu công tác không được trước ngày sinh.' });
  if (details.length > 0)
    throw new AppError('invalid_dates', 400, details.map((d) => d.message).join(' '), details);
}

/**
 * A person's code as stored: trimmed (inner white space collapsed), null when blank; 409
 * `person_code_taken` when another person holds it in any case. The unique index backs the check when two
 * requests race (its violation answers the same).
 */
async function cleanCode(db: Deps['db'], code: string | null, exceptId?: string): Promise<string | null> {
  const cleaned = code === null ? '' : normaliseText(code);
  if (cleaned === '') return null;
  if (await repo.codeTaken(db, cleaned, exceptId)) throw codeTaken();
  return cleaned;
}

const codeTaken = () => new AppError('person_code_taken', 409);

/** A unique violation while writing a person with a code: the code index (nothing else can clash). */
function mapCodeConflict(e: unknown, code: string | null | undefined): unknown {
  return code && pgErrorCode(e) === '23505' ? codeTaken() : e;
}

export async function createPerson(deps: Deps, actor: Actor, input: Static<typeof PersonCreate>) {
  if (!can(actor, 'person.write')) throw new AppError('forbidden', 403);
  checkPersonDates(deps, input.birthDate, input.startedOn);
  return unitOfWork(deps, actor, async (uow) => {
    // a unit being closed or merged at this moment either sees this person or refuses them
    await holdTreeShared(uow.deps);
    const unit = await getUnitInScope(uow.deps, actor, input.orgUnitId);
    uow.authorise(canAddPersonTo(actor, unit));
    requireActiveUnit(unit, 'orgUnitId');
    const fullName = normaliseText(input.fullName);
    const id = newId();
    const from = input.startedOn ?? todayInVietnam(deps.clock);
    const person = await repo.insertPerson(uow.tx, {
      id,
      code: await cleanCode(uow.tx, input.code ?? null),
      fullName,
      searchName: foldAccents(fullName),
      sortKey: personSortKey(fullName),
      gender: input.gender,
      birthDate: input.birthDate ?? null,
      ethnicity: input.ethnicity ? normaliseText(input.ethnicity) : 'Kinh',
      category: input.category,
      directWorker: input.directWorker ?? false,
      startedOn: input.startedOn ?? null,
      orgUnitId: unit.id,
    });
    await repo.openMembership(uow.tx, { id: newId(), personId: id, orgUnitId: unit.id, fromDate: from });
    const position = input.position
      ? await repo.insertPosition(uow.tx, {
          id: newId(),
          personId: id,
          orgUnitId: unit.id,
          title: normaliseText(input.position.title),
          isLeadership: input.position.isLeadership ?? false,
          fromDate: from,
        })
      : null;
    await uow.record({
      action: 'person.create',
      entityType: 'person',
      entityId: id,
      orgUnitId: unit.id,
      after: position ? { ...person, position } : person,
    });
    return { id };
  }).catch((e: unknown) => {
    throw mapCodeConflict(e, input.code);
  });
}

export async function updatePerson(deps: Deps, actor: Actor, id: string, input: Static<typeof PersonUpdate>) {
  if (!can(actor, 'person.write')) throw new AppError('forbidden', 403);
  return unitOfWork(deps, actor, async (uow) => {
    const moving = input.orgUnitId !== undefined;
    if (moving) await holdTreeShared(uow.deps);
    const current = await getPersonInScope(uow.deps, actor, id);
    uow.authorise(canEditPerson(actor, { path: current.unitPath }));
    if (current.person.version !== input.version) throw versionConflict();
    const { version, ...fields } = input;
    checkPersonDates(
      deps,
      fields.birthDate === undefined ? current.person.birthDate : fields.birthDate,
      fields.startedOn === undefined ? current.person.startedOn : fields.startedOn,
    );
    const patch: Partial<repo.PersonRow> = {};
    if (fields.code !== undefined) patch.code = await cleanCode(uow.tx, fields.code, id);
    if (fields.fullName !== undefined) {
      patch.fullName = normaliseText(fields.fullName);
      patch.searchName = foldAccents(patch.fullName);
      patch.sortKey = personSortKey(patch.fullName);
    }
    if (fields.gender !== undefined) patch.gender = fields.gender;
    if (fields.birthDate !== undefined) patch.birthDate = fields.birthDate;
    if (fields.ethnicity !== undefined) patch.ethnicity = normaliseText(fields.ethnicity);
    if (fields.category !== undefined) patch.category = fields.category;
    if (fields.directWorker !== undefined) patch.directWorker = fields.directWorker;
    if (fields.startedOn !== undefined) patch.startedOn = fields.startedOn;
    let target: OrgUnitRow | undefined;
    if (moving && fields.orgUnitId !== current.person.orgUnitId) {
      target = await getUnitInScope(uow.deps, actor, fields.orgUnitId!);
      uow.authorise(canAddPersonTo(actor, target));
      requireActiveUnit(target, 'orgUnitId');
      patch.orgUnitId = target.id;
    }
    // the row's lock is taken here: a concurrent edit or move of the person waits, then finds a new version
    const updated = await repo.updatePersonVersioned(uow.tx, id, version, patch);
    if (!updated) throw versionConflict();
    // a move through this route takes effect today, without a new post (POST /moves does more)
    const career = target
      ? await moveCareer(uow, updated, target, todayInVietnam(deps.clock), undefined)
      : undefined;
    await uow.record({
      action: target ? 'person.move' : 'person.update',
      entityType: 'person',
      entityId: id,
      orgUnitId: updated.orgUnitId,
      before: career ? { person: current.person, ...career.before } : current.person,
      after: career ? { person: updated, ...career.after } : updated,
    });
    return { id };
  }).catch((e: unknown) => {
    throw mapCodeConflict(e, input.code);
  });
}

/** An active unit, or 400 `org_unit_closed` on the field that chose it. */
function requireActiveUnit(unit: OrgUnitRow, path: string) {
  if (unit.validTo !== null) {
    throw new AppError('org_unit_closed', 400, undefined, [
      {
        path,
        message: `Đơn vị "${unit.name}" đã ngừng hoạt động từ sau ngày ${viDate(unit.validTo)}: không nhận thêm cán bộ.`,
      },
    ]);
  }
}

/**
 * The career side of a move, inside the unit of work (the person's row already locked by the update):
 * from `effectiveDate` the person belongs to `target`; the open membership and every open post end the
 * day before; the new membership (and the new post, when given) start on the day. A membership that would
 * have lasted no day at all (it started on the day itself: the person was placed in the wrong unit) is
 * removed rather than ended. A post that starts on or after the day cannot end before it: the move is
 * refused, naming it, rather than the post silently removed.
 */
async function moveCareer(
  uow: UnitOfWork,
  person: repo.PersonRow,
  target: OrgUnitRow,
  effectiveDate: string,
  position: NewPosition | undefined,
) {
  const tx = uow.tx;
  const today = todayInVietnam(uow.deps.clock);
  const membership = await repo.findOpenMembership(tx, person.id);
  const open = await repo.openPositions(tx, person.id);
  const details: ErrorDetail[] = [];
  const on = (message: string) => details.push({ path: 'effectiveDate', message });
  if (effectiveDate > today)
    on(
      `Ngày chuyển công tác (${viDate(effectiveDate)}) không được ở tương lai (hôm nay là ${viDate(today)}).`,
    );
  if (membership && effectiveDate < membership.fromDate)
    on(
      `Ngày chuyển công tác không được trước ngày bắt đầu công tác ở đơn vị hiện tại (${viDate(membership.fromDate)}).`,
    );
  if (effectiveDate < target.validFrom)
    on(
      `Đơn vị "${target.name}" hoạt động từ ngày ${viDate(target.validFrom)}; ngày chuyển không được trước đó.`,
    );
  for (const p of open.filter((x) => x.fromDate >= effectiveDate))
    on(
      `Chức vụ "${p.title}" bắt đầu từ ngày ${viDate(p.fromDate)} nên không thể kết thúc trước ngày chuyển; hãy sửa hoặc xóa chức vụ đó trước.`,
    );
  if (details.length > 0)
    throw new AppError('invalid_dates', 400, details.map((d) => d.message).join(' '), details);

  const lastDay = addDays(effectiveDate, -1);
  if (membership) {
    if (membership.fromDate === effectiveDate) await repo.deleteMembership(tx, membership.id);
    else await repo.closeMembership(tx, membership.id, lastDay);
  }
  const ended = open.length > 0 ? await repo.closeOpenPositions(tx, person.id, lastDay) : [];
  const opened = { id: newId(), personId: person.id, orgUnitId: target.id, fromDate: effectiveDate };
  await repo.openMembership(tx, opened);
  const started = position
    ? await repo.insertPosition(tx, {
        id: newId(),
        personId: person.id,
        orgUnitId: target.id,
        title: normaliseText(position.title),
        isLeadership: position.isLeadership ?? false,
        fromDate: effectiveDate,
      })
    : null;
  return {
    before: { membership: membership ?? null, positions: open },
    after: {
      effectiveDate,
      membership: { ...opened, toDate: null },
      endedPositions: ended,
      position: started,
    },
  };
}

/**
 * Move a person to another unit ("chuyển công tác") from `effectiveDate`, optionally with the post they
 * take there: one transaction, one audit row `person.move` with the person, membership and posts before
 * and after.
 */
export async function movePerson(deps: Deps, actor: Actor, id: string, input: PersonMove) {
  if (!can(actor, 'person.write')) throw new AppError('forbidden', 403);
  return unitOfWork(deps, actor, async (uow) => {
    await holdTreeShared(uow.deps);
    const current = await getPersonInScope(uow.deps, actor, id);
    uow.authorise(canEditPerson(actor, { path: current.unitPath }));
    if (current.person.version !== input.version) throw versionConflict();
    const target = await getUnitInScope(uow.deps, actor, input.orgUnitId);
    uow.authorise(canAddPersonTo(actor, target));
    requireActiveUnit(target, 'orgUnitId');
    if (target.id === current.person.orgUnitId) {
      throw new AppError('already_in_unit', 400, undefined, [
        { path: 'orgUnitId', message: `Cán bộ đang thuộc "${target.name}"; hãy chọn đơn vị khác.` },
      ]);
    }
    const updated = await repo.updatePersonVersioned(uow.tx, id, input.version, { orgUnitId: target.id });
    if (!updated) throw versionConflict();
    const career = await moveCareer(uow, updated, target, input.effectiveDate, input.position);
    await uow.record({
      action: 'person.move',
      entityType: 'person',
      entityId: id,
      orgUnitId: target.id,
      before: { person: current.person, ...career.before },
      after: { person: updated, ...career.after },
    });
    return { id, version: updated.version };
  });
}
