import { and, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
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
import { awardRecords, orgUnits, ratings, settings } from '../../db/schema';
import { isAwardCode } from '../../domain/eligibility/catalogue';
import { inSubtree, likePrefix } from '../../db/scope';
import { cursorPages, isPool } from '../../db/cursor';

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

interface SubjectRow {
  id: string;
  full_name: string;
  org_unit_id: string;
  org_unit_name: string;
  gender: 'male' | 'female';
  direct_worker: boolean;
  started_on: string | null;
  is_leader: boolean;
  r: string | null;
  a: string | null;
  i: string | null;
  d: string | null;
}

/**
 * Entries "<year><value>" separated by commas ("2025HTXS,2024HTT") → `make(year, value)` for each. The
 * year's digits are read in place: no array of parts and no substring for it (a whole city is some
 * 3.5 million entries).
 */
function parseEntries<T>(s: string | null, make: (year: number, value: string) => T | undefined): T[] {
  const out: T[] = [];
  if (!s) return out;
  const n = s.length;
  let from = 0;
  while (from < n) {
    let to = s.indexOf(',', from);
    if (to < 0) to = n;
    let i = from;
    const negative = s.charCodeAt(i) === 45; // '-'
    if (negative) i++;
    let year = 0;
    for (let c = s.charCodeAt(i); c >= 48 && c <= 57; c = s.charCodeAt(++i)) year = year * 10 + (c - 48);
    const item = make(negative ? -year : year, s.slice(i, to));
    if (item !== undefined) out.push(item);
    from = to + 1;
  }
  return out;
}

const toRating = (year: number, level: string) => ({ year, level: level as EligibilityRatingLevel });
const toAward = (year: number, value: string) => {
  // "<code>:<type>"; codes the catalogue does not know are left out
  const colon = value.indexOf(':');
  const code = value.slice(0, colon);
  return isAwardCode(code)
    ? { code: code as AwardCode, year, type: value.slice(colon + 1) as EligibilityAwardType }
    : undefined;
};
const toInitiative = (year: number, scope: string) => ({ year, scope: scope as EligibilityInitiativeScope });
const toDiscipline = (year: number, form: string) => ({ year, form: form as EligibilityDisciplineForm });

/** A row with each kind of record aggregated into a compact string ("2025HTXS,2024HTT", ...) → engine subject. */
function toSubject(row: SubjectRow): { head: PersonHead; subject: IndividualSubject } {
  const ratings = parseEntries(row.r, toRating);
  const awards = parseEntries(row.a, toAward);
  const initiatives = parseEntries(row.i, toInitiative);
  const discipline = parseEntries(row.d, toDiscipline);
  const subject: IndividualSubject = row.started_on
    ? { kind: 'individual', startedOn: row.started_on, ratings, awards, initiatives, discipline }
    : { kind: 'individual', ratings, awards, initiatives, discipline };
  return {
    head: {
      id: row.id,
      fullName: row.full_name,
      orgUnitId: row.org_unit_id,
      orgUnitName: row.org_unit_name,
      gender: row.gender,
      directWorker: Boolean(row.direct_worker),
      isLeader: Boolean(row.is_leader),
    },
    subject,
  };
}

const HEAD_COLUMNS =
  sql.raw(`p.id, p.full_name, p.org_unit_id, u.name as org_unit_name, p.gender, p.direct_worker,
  to_char(p.started_on, 'YYYY-MM-DD') as started_on`);

/**
 * One page of people in a subtree (keyset on id) with their whole record as engine subjects, in ONE
 * query: each kind of record comes back as a compact aggregated string per person (index lookups per
 * person: the right plan for a unit or a few thousand people).
 */
export async function loadIndividualsPage(
  db: Db,
  o: { subtreePath: string; afterId?: string; limit: number; personIds?: string[] },
): Promise<{ head: PersonHead; subject: IndividualSubject }[]> {
  const conds = [sql`u.path like ${likePrefix(o.subtreePath)}`];
  if (o.afterId) conds.push(sql`p.id > ${o.afterId}::uuid`);
  if (o.personIds) conds.push(sql`p.id = any(${`{${o.personIds.join(',')}}`}::uuid[])`);
  const rows = rowsOf<SubjectRow>(
    await db.execute(sql`
      select ${HEAD_COLUMNS},
        exists (select 1 from positions x where x.person_id = p.id and x.is_leadership and x.to_date is null) as is_leader,
        (select string_agg(r.year || r.level, ',') from ratings r where r.person_id = p.id) as r,
        (select string_agg(a.year || a.award_code || ':' || a.type, ',') from award_records a where a.person_id = p.id) as a,
        (select string_agg(i.year || i.scope, ',') from initiatives i where i.person_id = p.id) as i,
        (select string_agg(d.year || d.form, ',') from disciplines d where d.person_id = p.id) as d
      from people p join org_units u on u.id = p.org_unit_id
      where ${sql.join(conds, sql` and `)}
      order by p.id
      limit ${o.limit}`),
  );
  return rows.map(toSubject);
}

/**
 * Everyone in a subtree (with `after`: those whose id comes after it), in one set-based query ordered by
 * id: each kind of record is scanned once in person order, grouped by person and merge-joined, so the rows
 * can be handed over as they are produced; far cheaper than per-person lookups when the subtree is a
 * large part of the city.
 *
 * The records are narrowed to the subtree before they are grouped only with `narrow` (a subtree that is
 * a small part of the city); otherwise everyone's are grouped and the outer join keeps the subtree's
 * (for the whole city, five joins fewer).
 */
function groupedQuery(subtreePath: string, o: { narrow: boolean; after?: string; limit?: number }) {
  const pattern = likePrefix(subtreePath);
  const after = (column: string) => (o.after ? sql` and ${sql.raw(column)} > ${o.after}::uuid` : sql``);
  const records = (t: string) =>
    o.narrow
      ? sql`join people p2 on p2.id = ${sql.raw(t)}.person_id join org_units u2 on u2.id = p2.org_unit_id
          where u2.path like ${pattern}${after(`${t}.person_id`)}`
      : sql`where ${sql.raw(t)}.person_id is not null${after(`${t}.person_id`)}`;
  return sql`
      select ${HEAD_COLUMNS}, l.person_id is not null as is_leader, r.s as r, a.s as a, i.s as i, d.s as d
      from people p join org_units u on u.id = p.org_unit_id
      left join (select x.person_id, string_agg(x.year || x.level, ',') as s from ratings x ${records('x')}
        group by x.person_id) r on r.person_id = p.id
      left join (select x.person_id, string_agg(x.year || x.award_code || ':' || x.type, ',') as s
        from award_records x ${records('x')} group by x.person_id) a on a.person_id = p.id
      left join (select x.person_id, string_agg(x.year || x.scope, ',') as s from initiatives x ${records('x')}
        group by x.person_id) i on i.person_id = p.id
      left join (select x.person_id, string_agg(x.year || x.form, ',') as s from disciplines x ${records('x')}
        group by x.person_id) d on d.person_id = p.id
      left join (select distinct x.person_id from positions x ${records('x')}
        and x.is_leadership and x.to_date is null) l on l.person_id = p.id
      where u.path like ${pattern}${after('p.id')}
      order by p.id${o.limit === undefined ? sql`` : sql` limit ${o.limit}`}`;
}

/** How many people a subtree holds, and the whole database. */
async function subtreeShare(db: Db, subtreePath: string): Promise<{ inside: number; total: number }> {
  const [row] = rowsOf<{ inside: number; total: number }>(
    await db.execute(sql`
      select count(*) filter (where u.path like ${likePrefix(subtreePath)})::int as inside, count(*)::int as total
      from people p join org_units u on u.id = p.org_unit_id`),
  );
  return { inside: Number(row?.inside ?? 0), total: Number(row?.total ?? 0) };
}

/**
 * People read under one cursor when the reads share one connection (PGlite, or a transaction): the cursor's
 * transaction holds that connection, so it reads this many, closes, and only then hands them over; the
 * next cursor starts after the last id read.
 */
const SEGMENT_PEOPLE = 10_000;

/**
 * A plan that produces rows as they are fetched (index scans in person order, merge joins), not one that
 * sorts or hashes whole tables first: each segment would then redo that work for everyone after it.
 */
const LAZY_PLAN = sql.raw(
  `select set_config('enable_sort', 'off', true), set_config('enable_hashagg', 'off', true),
    set_config('enable_hashjoin', 'off', true), set_config('enable_bitmapscan', 'off', true)`,
);

/**
 * Everyone in a subtree as engine subjects, read set-based (each kind of record scanned once and grouped
 * by person), in pages of `pageSize` people in id order, through a cursor: rows are produced as they are
 * fetched, so nothing is held beyond a few pages.
 *
 * On a PostgreSQL pool the cursor has a connection of its own for the whole read, and the database
 * produces the next pages while the caller works on the current one. On one connection (PGlite) an open
 * transaction would hold every other query back, and a caller that wrote between two pages would wait for
 * itself: the read goes `segmentPeople` at a time, each segment fetched a page at a time (the event loop
 * runs in between) and its cursor closed before the caller gets the pages.
 */
export async function* individualsGrouped(
  db: Db,
  subtreePath: string,
  pageSize = 1000,
  segmentPeople = SEGMENT_PEOPLE,
) {
  // grouping everyone's records costs less than narrowing them to a subtree of two thirds of the city
  const { inside, total } = await subtreeShare(db, subtreePath);
  const narrow = inside * 3 < total * 2;
  if (isPool(db)) {
    for await (const rows of cursorPages<SubjectRow>(db, groupedQuery(subtreePath, { narrow }), pageSize))
      yield rows.map(toSubject);
    return;
  }
  // whole pages in every segment
  const limit = Math.max(1, Math.round(segmentPeople / pageSize)) * pageSize;
  let after: string | undefined;
  for (;;) {
    const segment: SubjectRow[][] = [];
    let read = 0;
    const query = groupedQuery(subtreePath, { narrow, after, limit });
    for await (const rows of cursorPages<SubjectRow>(db, query, pageSize, { ahead: 1, setup: LAZY_PLAN })) {
      segment.push(rows);
      read += rows.length;
      after = rows[rows.length - 1]!.id;
    }
    for (const rows of segment) yield rows.map(toSubject);
    if (read < limit) return;
  }
}

/**
 * Everyone in a (large) subtree in set-based reads: each kind of record is scanned once and grouped
 * by person, then joined; far cheaper than per-person lookups when the subtree is a large part of the city.
 */
export async function loadIndividualsGrouped(db: Db, subtreePath: string) {
  const all: { head: PersonHead; subject: IndividualSubject }[] = [];
  for await (const page of individualsGrouped(db, subtreePath)) for (const x of page) all.push(x);
  return all;
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
  // JSON null ("none") is a value of its own, not SQL NULL
  const json = sql`${JSON.stringify(value)}::jsonb`;
  await db
    .insert(settings)
    .values({ key, value: json, updatedBy })
    .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedBy, updatedAt: sql`now()` } });
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
        where u.path like ${likePrefix(subtreePath)}
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

/** How many people a subtree holds. */
export async function countIndividualsInSubtree(db: Db, subtreePath: string): Promise<number> {
  const [{ n } = { n: 0 }] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from people p join org_units u on u.id = p.org_unit_id
      where u.path like ${likePrefix(subtreePath)}`),
  );
  return Number(n);
}

/** Let the event loop run (other requests, timers) between two pages of a long read. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Above this many people a subtree is read set-based rather than with lookups person by person. */
export const GROUPED_READ_THRESHOLD = 20_000;

/**
 * Every person of a subtree, in pages. A large subtree (the whole city) is read set-based and streamed
 * (see `individualsGrouped`); a small one page by page (keyset on id), the next page requested as soon as
 * the current one arrives so the database reads while the caller judges. The event loop gets a turn
 * before every page, so a long batch never holds the server for more than a page's work.
 */
export async function* individualsInSubtree(db: Db, subtreePath: string, pageSize = 1000) {
  const n = await countIndividualsInSubtree(db, subtreePath);
  if (n > GROUPED_READ_THRESHOLD) {
    for await (const page of individualsGrouped(db, subtreePath, pageSize)) {
      await breathe();
      yield page;
    }
    return;
  }
  let next: ReturnType<typeof loadIndividualsPage> | undefined = loadIndividualsPage(db, {
    subtreePath,
    limit: pageSize,
  });
  while (next) {
    const page: Awaited<ReturnType<typeof loadIndividualsPage>> = await next;
    next =
      page.length === pageSize
        ? loadIndividualsPage(db, { subtreePath, afterId: page[page.length - 1]!.head.id, limit: pageSize })
        : undefined;
    if (page.length > 0) {
      await breathe();
      yield page;
    }
  }
}
