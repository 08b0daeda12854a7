import { and, asc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type {
  AwardCode,
  EligibilityAwardType,
  EligibilityCollective,
  EligibilityDisciplineForm,
  EligibilityIndividual,
  EligibilityInitiativeScope,
  EligibilityRatingLevel,
} from '../../../../contract/eligibility';
import type { Static } from 'typebox';
import { rowsOf, type Db } from '../../db/client';
import { awardRecords, disciplines, initiatives, orgUnits, people, ratings, settings } from '../../db/schema';
import { isAwardCode } from '../../domain/eligibility/catalogue';
import { inSubtree } from '../org-units/org-units.repository';

export type IndividualSubject = Static<typeof EligibilityIndividual>;
export type CollectiveSubject = Static<typeof EligibilityCollective>;

export interface PersonHead {
  id: string;
  fullName: string;
  orgUnitId: string;
  orgUnitName: string;
  gender: 'male' | 'female';
  directWorker: boolean;
  isLeader: boolean;
}

/**
 * One page of people in a subtree (keyset on id) with their whole record as engine subjects:
 * five set-based queries per page, whatever the page size.
 */
export async function loadIndividualsPage(
  db: Db,
  o: { subtreePath: string; afterId?: string; limit: number; personIds?: string[] },
): Promise<{ head: PersonHead; subject: IndividualSubject }[]> {
  const conds = [inSubtree(orgUnits.path, o.subtreePath)];
  if (o.afterId) conds.push(gt(people.id, o.afterId));
  if (o.personIds) conds.push(inArray(people.id, o.personIds));
  const heads = await db
    .select({
      id: people.id,
      fullName: people.fullName,
      orgUnitId: people.orgUnitId,
      orgUnitName: orgUnits.name,
      gender: people.gender,
      directWorker: people.directWorker,
      startedOn: people.startedOn,
      isLeader: sql<boolean>`exists (select 1 from positions p where p.person_id = ${people.id}
        and p.is_leadership and p.to_date is null)`,
    })
    .from(people)
    .innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
    .where(and(...conds))
    .orderBy(asc(people.id))
    .limit(o.limit);
  if (heads.length === 0) return [];
  // one array parameter rather than thousands of IN-list parameters (planning cost on PostgreSQL)
  const ids = sql`any(${`{${heads.map((h) => h.id).join(',')}}`}::uuid[])`;
  const [r, a, i, d] = await Promise.all([
    db
      .select({ id: ratings.personId, year: ratings.year, level: ratings.level })
      .from(ratings)
      .where(sql`${ratings.personId} = ${ids}`),
    db
      .select({
        id: awardRecords.personId,
        code: awardRecords.awardCode,
        year: awardRecords.year,
        type: awardRecords.type,
      })
      .from(awardRecords)
      .where(sql`${awardRecords.personId} = ${ids}`),
    db
      .select({ id: initiatives.personId, year: initiatives.year, scope: initiatives.scope })
      .from(initiatives)
      .where(sql`${initiatives.personId} = ${ids}`),
    db
      .select({ id: disciplines.personId, year: disciplines.year, form: disciplines.form })
      .from(disciplines)
      .where(sql`${disciplines.personId} = ${ids}`),
  ]);
  const byId = new Map<string, IndividualSubject>();
  const out = heads.map((h) => {
    const subject: IndividualSubject = {
      kind: 'individual',
      ...(h.startedOn ? { startedOn: h.startedOn } : {}),
      ratings: [],
      awards: [],
      initiatives: [],
      discipline: [],
    };
    byId.set(h.id, subject);
    const { startedOn: _s, ...head } = h;
    return { head: { ...head, isLeader: Boolean(h.isLeader) }, subject };
  });
  for (const x of r)
    byId.get(x.id!)?.ratings!.push({ year: x.year, level: x.level as EligibilityRatingLevel });
  for (const x of a) {
    if (isAwardCode(x.code))
      byId
        .get(x.id!)
        ?.awards!.push({ code: x.code as AwardCode, year: x.year, type: x.type as EligibilityAwardType });
  }
  for (const x of i)
    byId.get(x.id!)?.initiatives!.push({ year: x.year, scope: x.scope as EligibilityInitiativeScope });
  for (const x of d)
    byId.get(x.id!)?.discipline!.push({ year: x.year, form: x.form as EligibilityDisciplineForm });
  return out;
}

export interface UnitHead {
  id: string;
  name: string;
  kind: string;
  path: string;
}

/**
 * Collectives of a subtree as engine subjects for the judged year: their own ratings and awards, and
 * their members' figures for that year (members at the year's end, from the membership history).
 */
export async function loadCollectives(
  db: Db,
  o: { subtreePath: string; year: number; unitIds?: string[] },
): Promise<{ head: UnitHead; subject: CollectiveSubject }[]> {
  const conds = [inSubtree(orgUnits.path, o.subtreePath)];
  if (o.unitIds) conds.push(inArray(orgUnits.id, o.unitIds));
  const units = await db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path })
    .from(orgUnits)
    .where(and(...conds));
  if (units.length === 0) return [];
  const ids = units.map((u) => u.id);
  const yearEnd = `${o.year}-12-31`;
  const [r, a, m] = await Promise.all([
    db
      .select({ id: ratings.orgUnitId, year: ratings.year, level: ratings.level })
      .from(ratings)
      .where(and(isNull(ratings.personId), inArray(ratings.orgUnitId, ids))),
    db
      .select({
        id: awardRecords.orgUnitId,
        code: awardRecords.awardCode,
        year: awardRecords.year,
        type: awardRecords.type,
      })
      .from(awardRecords)
      .where(
        and(
          isNull(awardRecords.personId),
          isNotNull(awardRecords.orgUnitId),
          inArray(awardRecords.orgUnitId, ids),
        ),
      ),
    db.execute(sql`
      select pu.org_unit_id,
        count(*)::int as total,
        count(*) filter (where r.level in ('HTXS', 'HTT', 'HT'))::int as completed,
        count(*) filter (where exists (select 1 from award_records a where a.person_id = pu.person_id
          and a.award_code = 'LDTT' and a.year = ${o.year}))::int as ldtt,
        count(*) filter (where exists (select 1 from award_records a where a.person_id = pu.person_id
          and a.award_code = 'CSTDCS' and a.year = ${o.year}))::int as cstdcs,
        count(*) filter (where exists (select 1 from disciplines d where d.person_id = pu.person_id
          and d.year = ${o.year} and d.form <> 'KHIEN_TRACH'))::int as disciplined
      from person_units pu
      left join ratings r on r.person_id = pu.person_id and r.year = ${o.year}
      where pu.org_unit_id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
        and pu.from_date <= ${yearEnd}::date and (pu.to_date is null or pu.to_date >= ${yearEnd}::date)
      group by pu.org_unit_id`),
  ]);
  const byId = new Map<string, CollectiveSubject>();
  const out = units.map((u) => {
    const subject: CollectiveSubject = { kind: 'collective', ratings: [], awards: [] };
    byId.set(u.id, subject);
    return { head: u, subject };
  });
  for (const x of r)
    byId.get(x.id!)?.ratings!.push({ year: x.year, level: x.level as EligibilityRatingLevel });
  for (const x of a) {
    if (isAwardCode(x.code))
      byId
        .get(x.id!)
        ?.awards!.push({ code: x.code as AwardCode, year: x.year, type: x.type as EligibilityAwardType });
  }
  for (const row of rowsOf<{
    org_unit_id: string;
    total: number;
    completed: number;
    ldtt: number;
    cstdcs: number;
    disciplined: number;
  }>(m)) {
    const s = byId.get(row.org_unit_id);
    if (s) {
      s.members = {
        total: Number(row.total),
        completedTasks: Number(row.completed),
        ldtt: Number(row.ldtt),
        cstdcs: Number(row.cstdcs),
        disciplinedWarningOrAbove: Number(row.disciplined),
      };
    }
  }
  return out;
}

export async function readSettingOverrides(db: Db): Promise<Record<string, unknown>> {
  const rows = await db.select().from(settings);
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export async function writeSetting(db: Db, key: string, value: unknown, updatedBy: string) {
  await db
    .insert(settings)
    .values({ key, value, updatedBy })
    .onConflictDoUpdate({ target: settings.key, set: { value, updatedBy, updatedAt: sql`now()` } });
}

export async function deleteSetting(db: Db, key: string) {
  await db.delete(settings).where(eq(settings.key, key));
}

export interface QuotaRow {
  orgUnitId: string;
  orgUnitName: string;
  members: number;
  ldtt: number;
  cstdcs: number;
  cstdcsLeaders: number;
  cstdcsDirectWorkers: number;
  cstdcsWomen: number;
}

/** Per unit of the subtree: members at the year's end, LĐTT and CSTĐCS of the year, and who got CSTĐCS. */
export async function quotaFigures(db: Db, subtreePath: string, year: number): Promise<QuotaRow[]> {
  const yearEnd = `${year}-12-31`;
  const rows = rowsOf<{
    org_unit_id: string;
    name: string;
    members: number;
    ldtt: number;
    cstdcs: number;
    cstdcs_leaders: number;
    cstdcs_direct: number;
    cstdcs_women: number;
  }>(
    await db.execute(sql`
      with m as (
        select pu.org_unit_id, p.id as person_id, p.gender, p.direct_worker,
          exists (select 1 from award_records a where a.person_id = p.id and a.award_code = 'LDTT' and a.year = ${year}) as ldtt,
          exists (select 1 from award_records a where a.person_id = p.id and a.award_code = 'CSTDCS' and a.year = ${year}) as cstdcs,
          exists (select 1 from positions po where po.person_id = p.id and po.is_leadership
            and po.from_date <= ${yearEnd}::date and (po.to_date is null or po.to_date >= ${yearEnd}::date)) as leader
        from person_units pu
        join people p on p.id = pu.person_id
        join org_units u on u.id = pu.org_unit_id
        where u.path like ${`${subtreePath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}
          and pu.from_date <= ${yearEnd}::date and (pu.to_date is null or pu.to_date >= ${yearEnd}::date)
      )
      select m.org_unit_id, u.name, count(*)::int as members,
        count(*) filter (where m.ldtt)::int as ldtt,
        count(*) filter (where m.cstdcs)::int as cstdcs,
        count(*) filter (where m.cstdcs and m.leader)::int as cstdcs_leaders,
        count(*) filter (where m.cstdcs and m.direct_worker)::int as cstdcs_direct,
        count(*) filter (where m.cstdcs and m.gender = 'female')::int as cstdcs_women
      from m join org_units u on u.id = m.org_unit_id
      group by m.org_unit_id, u.name`),
  );
  return rows.map((r) => ({
    orgUnitId: r.org_unit_id,
    orgUnitName: r.name,
    members: Number(r.members),
    ldtt: Number(r.ldtt),
    cstdcs: Number(r.cstdcs),
    cstdcsLeaders: Number(r.cstdcs_leaders),
    cstdcsDirectWorkers: Number(r.cstdcs_direct),
    cstdcsWomen: Number(r.cstdcs_women),
  }));
}
