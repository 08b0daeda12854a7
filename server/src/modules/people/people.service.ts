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
import { awardName } from '../records/records.service';
import * as repo from './people.repository';

type SummaryRow = Awaited<ReturnType<typeof repo.listPeople>>['items'][number];

function toSummary(r: SummaryRow): PersonSummary {
  return {
    id: r.id,
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
  const { items, total } = await repo.listPeople(deps.db, {
    scopePath: actor.scopePath,
    unitPath,
    words,
    limit: query.limit ?? 20,
    offset: query.offset ?? 0,
  });
  return { items: items.map(toSummary), total };
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

export async function createPerson(deps: Deps, actor: Actor, input: Static<typeof PersonCreate>) {
  return unitOfWork(deps, actor, async (uow) => {
    uow.authorise(can(actor, 'person.write'));
    const tx = uow.tx;
    const unit = await getUnitInScope(uow.deps, actor, input.orgUnitId);
    const fullName = normaliseText(input.fullName);
    const id = newId();
    const person = await repo.insertPerson(tx, {
      id,
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
    await repo.openMembership(tx, {
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
  });
}

export async function updatePerson(deps: Deps, actor: Actor, id: string, input: Static<typeof PersonUpdate>) {
  return unitOfWork(deps, actor, async (uow) => {
    uow.authorise(can(actor, 'person.write'));
    const tx = uow.tx;
    const txDeps = uow.deps;
    const current = await getPersonInScope(txDeps, actor, id);
    if (current.person.version !== input.version) throw versionConflict();
    const { version, ...fields } = input;
    const patch: Partial<repo.PersonRow> = {};
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
    if (moving) patch.orgUnitId = (await getUnitInScope(txDeps, actor, fields.orgUnitId!)).id;
    const updated = await repo.updatePersonVersioned(tx, id, version, patch);
    if (!updated) throw versionConflict();
    if (moving) {
      const today = todayInVietnam(deps.clock);
      await repo.closeOpenMemberships(tx, id, dayBefore(today));
      await repo.openMembership(tx, {
        id: newId(),
        personId: id,
        orgUnitId: patch.orgUnitId!,
        fromDate: today,
      });
    }
    await uow.record({
      action: 'person.update',
      entityType: 'person',
      entityId: id,
      orgUnitId: updated.orgUnitId,
      before: current.person,
      after: updated,
    });
    return { id };
  });
}
