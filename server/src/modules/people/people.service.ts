import type { Static } from 'typebox';
import type {
  PeopleQuery,
  PersonCreate,
  PersonDetail,
  PersonSummary,
  PersonUpdate,
} from '../../../../contract/api';
import type { Deps } from '../../deps';
import type { RatingLevel } from '../../../../contract/vocabulary';
import { todayInVietnam } from '../../lib/clock';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { foldAccents, normaliseText, personSortKey } from '../../lib/vietnamese';
import { unitOfWork } from '../audit/unit-of-work';
import { can, type Actor } from '../auth/auth.policy';
import { getUnitInScope } from '../org-units/org-units.service';
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
    })),
    memberships: rec.memberships.map(({ membership: m, orgUnitName }) => ({
      orgUnitId: m.orgUnitId,
      orgUnitName,
      fromDate: m.fromDate,
      toDate: m.toDate,
    })),
  };
}

const dayBefore = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

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
    const unit = await getUnitInScope(uow.deps, actor, input.orgUnitId);
    uow.authorise(canAddPersonTo(actor, unit));
    const fullName = normaliseText(input.fullName);
    const id = newId();
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
    await repo.openMembership(uow.tx, {
      id: newId(),
      personId: id,
      orgUnitId: unit.id,
      fromDate: input.startedOn ?? todayInVietnam(deps.clock),
    });
    await uow.record({
      action: 'person.create',
      entityType: 'person',
      entityId: id,
      orgUnitId: unit.id,
      after: person,
    });
    return { id };
  }).catch((e: unknown) => {
    throw mapCodeConflict(e, input.code);
  });
}

export async function updatePerson(deps: Deps, actor: Actor, id: string, input: Static<typeof PersonUpdate>) {
  if (!can(actor, 'person.write')) throw new AppError('forbidden', 403);
  return unitOfWork(deps, actor, async (uow) => {
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
    const moving = fields.orgUnitId !== undefined && fields.orgUnitId !== current.person.orgUnitId;
    if (moving) {
      const target = await getUnitInScope(uow.deps, actor, fields.orgUnitId!);
      uow.authorise(canAddPersonTo(actor, target));
      patch.orgUnitId = target.id;
    }
    const updated = await repo.updatePersonVersioned(uow.tx, id, version, patch);
    if (!updated) throw versionConflict();
    if (moving) {
      const today = todayInVietnam(deps.clock);
      await repo.closeOpenMemberships(uow.tx, id, dayBefore(today));
      await repo.openMembership(uow.tx, {
        id: newId(),
        personId: id,
        orgUnitId: patch.orgUnitId!,
        fromDate: today,
      });
    }
    await uow.record({
      action: moving ? 'person.move' : 'person.update',
      entityType: 'person',
      entityId: id,
      orgUnitId: updated.orgUnitId,
      before: current.person,
      after: updated,
    });
    return { id };
  }).catch((e: unknown) => {
    throw mapCodeConflict(e, input.code);
  });
}
