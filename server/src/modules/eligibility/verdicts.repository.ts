import { eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import { eligibilityStore } from '../../db/schema';
import { likePrefix } from '../../db/scope';

/** A stored verdict as judged (the key and what the list shows). */
export interface VerdictRow {
  personId: string;
  awardCode: string;
  year: number;
  newlyEligible: boolean;
  summary: string;
  basis: string;
}

/** Advisory lock key space of one person's verdicts. */
const PERSON_LOCK = 730_102;

/** One lock per person, taken in a fixed order so two transactions never wait on each other in a circle. */
export async function lockPeople(db: Db, personIds: readonly string[]) {
  const keys = [...new Set(personIds)].sort();
  for (let i = 0; i < keys.length; i += 500) {
    await db.execute(sql`select pg_advisory_xact_lock(${PERSON_LOCK}, h) from (
      select hashtext(x) as h from unnest(${`{${keys.slice(i, i + 500).join(',')}}`}::text[]) x order by 1) s`);
  }
}

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * Switch the triggers' queueing off (or back on) for the rest of this transaction: the bulk-load switch of
 * migration 0011, which the seed uses too.
 */
export async function setQueueTriggers(db: Db, on: boolean) {
  await db.execute(sql`select set_config('vinhdanh.bulk_load', ${on ? 'off' : 'on'}, true)`);
}

/**
 * Queue people for the keeper in one statement. Their rows carry tx 0, not this transaction's id: the
 * transaction's own refresh leaves them to the keeper instead of reading them all back.
 */
export async function queueForKeeper(db: Db, personIds: readonly string[]) {
  if (personIds.length === 0) return;
  await db.execute(sql`insert into eligibility_stale (person_id, tx)
    select p, 0 from unnest(${uuidArray(personIds)}) as p order by p`);
}

/** The people this very transaction queued (its own changes), with the queue rows' ids. */
export async function ownStale(db: Db): Promise<{ ids: number[]; personIds: string[] }> {
  const rows = rowsOf<{ id: string | number; person_id: string }>(
    await db.execute(sql`select id, person_id from eligibility_stale where tx = txid_current()`),
  );
  return { ids: rows.map((r) => Number(r.id)), personIds: [...new Set(rows.map((r) => r.person_id))] };
}

/** The oldest queued people left by others (an import, a seed, a large change), at most `limit` of them. */
export async function queuedStale(db: Db, limit: number): Promise<{ ids: number[]; personIds: string[] }> {
  const rows = rowsOf<{ id: string | number; person_id: string }>(
    await db.execute(sql`select s.id, s.person_id from eligibility_stale s
      where s.person_id in (select person_id from eligibility_stale group by person_id order by min(id) limit ${limit})`),
  );
  return { ids: rows.map((r) => Number(r.id)), personIds: [...new Set(rows.map((r) => r.person_id))] };
}

/** The queue rows of these people as they are now (read before judging them, deleted after). */
export async function staleIdsOf(db: Db, personIds: readonly string[]): Promise<number[]> {
  if (personIds.length === 0) return [];
  const rows = rowsOf<{ id: string | number }>(
    await db.execute(sql`select id from eligibility_stale where person_id = any(${uuidArray(personIds)})`),
  );
  return rows.map((r) => Number(r.id));
}

export async function deleteStale(db: Db, ids: readonly number[]) {
  for (let i = 0; i < ids.length; i += 5000) {
    await db.execute(
      sql`delete from eligibility_stale where id = any(${`{${ids.slice(i, i + 5000).join(',')}}`}::bigint[])`,
    );
  }
}

/**
 * Give back the space of the queue's dead rows (every change adds and removes its own): PGlite has no
 * autovacuum, and a bloated queue would make "is anyone of this unit waiting" slow. Outside a transaction.
 */
export async function vacuumQueue(db: Db) {
  await db.execute(sql`vacuum eligibility_stale`);
}

/** How many people wait in the queue, in the subtree (or anywhere). */
export async function countStale(db: Db, subtreePath?: string): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await db.execute(
      subtreePath
        ? sql`select count(distinct s.person_id)::int as n from eligibility_stale s
            join people p on p.id = s.person_id join org_units u on u.id = p.org_unit_id
            where u.path like ${likePrefix(subtreePath)}`
        : sql`select count(distinct person_id)::int as n from eligibility_stale`,
    ),
  );
  return Number(rows[0]?.n ?? 0);
}

/** The stored verdicts of some people (to compare with a fresh judgement). */
export async function verdictsOf(db: Db, personIds: readonly string[]): Promise<VerdictRow[]> {
  if (personIds.length === 0) return [];
  return rowsOf<{
    person_id: string;
    award_code: string;
    year: number;
    newly_eligible: boolean;
    summary: string;
    basis: string;
  }>(
    await db.execute(sql`select person_id, award_code, year, newly_eligible, summary, basis
      from eligibility_verdicts where person_id = any(${uuidArray(personIds)})`),
  ).map((r) => ({
    personId: r.person_id,
    awardCode: r.award_code,
    year: Number(r.year),
    newlyEligible: Boolean(r.newly_eligible),
    summary: r.summary,
    basis: r.basis,
  }));
}

/** Remove verdicts by key. */
export async function deleteVerdicts(db: Db, keys: readonly VerdictRow[]) {
  for (let i = 0; i < keys.length; i += 5000) {
    const json = JSON.stringify(
      keys.slice(i, i + 5000).map((k) => ({ p: k.personId, a: k.awardCode, y: k.year })),
    );
    await db.execute(sql`delete from eligibility_verdicts v
      using jsonb_to_recordset(${json}::jsonb) as x(p uuid, a text, y int)
      where v.person_id = x.p and v.award_code = x.a and v.year = x.y`);
  }
}

/** Insert new verdicts (eligible from `now`) or update changed ones (keeping when they became eligible). */
export async function upsertVerdicts(db: Db, rows: readonly VerdictRow[], now: Date) {
  for (let i = 0; i < rows.length; i += 2000) {
    const json = JSON.stringify(
      rows.slice(i, i + 2000).map((r) => ({
        p: r.personId,
        a: r.awardCode,
        y: r.year,
        n: r.newlyEligible,
        s: r.summary,
        b: r.basis,
      })),
    );
    await db.execute(sql`insert into eligibility_verdicts
        (person_id, award_code, year, newly_eligible, summary, basis, eligible_since, judged_at,
         org_path, unit_sort_key, person_sort_key)
      select x.p, x.a, x.y, x.n, x.s, x.b, ${now}, ${now}, u.path, u.sort_key, p.sort_key
      from jsonb_to_recordset(${json}::jsonb) as x(p uuid, a text, y int, n boolean, s text, b text)
      join people p on p.id = x.p join org_units u on u.id = p.org_unit_id
      on conflict (person_id, award_code, year) do update set
        newly_eligible = excluded.newly_eligible, summary = excluded.summary, basis = excluded.basis,
        judged_at = excluded.judged_at, org_path = excluded.org_path, unit_sort_key = excluded.unit_sort_key,
        person_sort_key = excluded.person_sort_key`);
  }
}

/**
 * Put right what stored verdicts copy from the person and their unit (the unit's path, the collation keys)
 * where it differs from today's; answers how many rows it changed.
 */
export async function repairCopies(db: Db): Promise<number> {
  return rowsOf<{ person_id: string }>(
    await db.execute(sql`update eligibility_verdicts v
      set org_path = u.path, unit_sort_key = u.sort_key, person_sort_key = p.sort_key
      from people p join org_units u on u.id = p.org_unit_id
      where v.person_id = p.id
        and (v.org_path <> u.path or v.unit_sort_key <> u.sort_key or v.person_sort_key <> p.sort_key)
      returning v.person_id`),
  ).length;
}

/** Remove verdicts of judged years or awards the store no longer holds (after a year turns, say). */
export async function deleteOutsideScope(db: Db, years: readonly number[], awards: readonly string[]) {
  await db.execute(sql`delete from eligibility_verdicts
    where not (year = any(${`{${years.join(',')}}`}::int[]) and award_code = any(${`{${awards.join(',')}}`}::text[]))`);
}

export type StoreState = typeof eligibilityStore.$inferSelect;

export async function readState(db: Db): Promise<StoreState | undefined> {
  const [row] = await db.select().from(eligibilityStore).where(eq(eligibilityStore.id, 1));
  return row;
}

export async function writeState(
  db: Db,
  s: Pick<
    StoreState,
    | 'consideredOn'
    | 'settingsFingerprint'
    | 'rulesFingerprint'
    | 'years'
    | 'awards'
    | 'builtAt'
    | 'lastReport'
  >,
) {
  await db
    .insert(eligibilityStore)
    .values({ id: 1, ...s })
    .onConflictDoUpdate({ target: eligibilityStore.id, set: s });
}

/** Take (or extend) the rebuild lease for `holder` until `seconds` from now; false when another holds it. */
export async function takeLease(db: Db, holder: string, seconds: number): Promise<boolean> {
  const rows = rowsOf<{ id: number }>(
    await db.execute(sql`update eligibility_store
      set lease_by = ${holder}, lease_until = now() + make_interval(secs => ${seconds})
      where id = 1 and (lease_by is null or lease_by = ${holder} or lease_until < now())
      returning id`),
  );
  return rows.length > 0;
}

export async function releaseLease(db: Db, holder: string) {
  await db.execute(
    sql`update eligibility_store set lease_by = null, lease_until = null where id = 1 and lease_by = ${holder}`,
  );
}

/**
 * In one statement: the store's row, whether someone is rebuilding, the settings as stored, and whether
 * anyone of the subtree waits in the queue (what every read of the list needs to know first).
 */
export async function readStatus(
  db: Db,
  subtreePath: string,
): Promise<{
  state: StoreState | undefined;
  rebuilding: boolean;
  settings: Record<string, unknown>;
  staleInSubtree: boolean;
}> {
  const [row] = rowsOf<{
    considered_on: string | null;
    settings_fingerprint: string | null;
    rules_fingerprint: string | null;
    years: number[] | null;
    awards: string[] | null;
    built_at: string | Date | null;
    last_report: Record<string, unknown> | null;
    lease_by: string | null;
    lease_until: string | Date | null;
    rebuilding: boolean;
    settings: Record<string, unknown> | null;
    stale: boolean;
  }>(
    await db.execute(sql`select to_char(s.considered_on, 'YYYY-MM-DD') as considered_on, s.settings_fingerprint,
        s.rules_fingerprint, s.years, s.awards, s.built_at, s.last_report, s.lease_by, s.lease_until,
        (s.lease_by is not null and s.lease_until >= now()) as rebuilding,
        (select jsonb_object_agg(key, value) from settings) as settings,
        exists (select 1 from eligibility_stale q join people p on p.id = q.person_id
          join org_units u on u.id = p.org_unit_id where u.path like ${likePrefix(subtreePath)}) as stale
      from eligibility_store s where s.id = 1`),
  );
  if (!row) return { state: undefined, rebuilding: false, settings: {}, staleInSubtree: false };
  const date = (v: string | Date | null) => (v === null ? null : new Date(v));
  return {
    state: {
      id: 1,
      consideredOn: row.considered_on,
      settingsFingerprint: row.settings_fingerprint,
      rulesFingerprint: row.rules_fingerprint,
      years: row.years,
      awards: row.awards,
      builtAt: date(row.built_at),
      lastReport: row.last_report,
      leaseBy: row.lease_by,
      leaseUntil: date(row.lease_until),
    },
    rebuilding: Boolean(row.rebuilding),
    settings: row.settings ?? {},
    staleInSubtree: Boolean(row.stale),
  };
}

/** Someone is rebuilding right now (their lease has not run out). */
export async function leaseHeld(db: Db): Promise<boolean> {
  const rows = rowsOf<{ held: boolean }>(
    await db.execute(
      sql`select (lease_by is not null and lease_until >= now()) as held from eligibility_store where id = 1`,
    ),
  );
  return Boolean(rows[0]?.held);
}

export interface StoredListRow {
  person_id: string;
  full_name: string;
  org_unit_id: string;
  org_unit_name: string;
  award_code: string;
  year: number;
  newly_eligible: boolean;
  is_leader: boolean;
  direct_worker: boolean;
  gender: 'male' | 'female';
  summary: string;
  basis: string;
}

interface ListFilter {
  subtreePath: string;
  year: number;
  awards: readonly string[];
  onlyNew: boolean;
  since?: Date;
}

function listWhere(f: ListFilter) {
  return sql`v.year = ${f.year} and v.award_code = any(${`{${f.awards.join(',')}}`}::text[])
    and v.org_path like ${likePrefix(f.subtreePath)}
    ${f.onlyNew ? sql`and v.newly_eligible` : sql``}
    ${f.since ? sql`and v.eligible_since >= ${f.since}` : sql``}`;
}

/**
 * One page of the stored "eligible now" list of a subtree, in the list's order: by award as asked, then
 * unit, then given name (the copied Vietnamese collation keys, compared byte-wise). The page is chosen
 * from the list index alone; only its rows are read with their person and unit.
 */
export async function storedListPage(
  db: Db,
  f: ListFilter & { limit: number | null; offset: number },
): Promise<StoredListRow[]> {
  const awards = sql`${`{${f.awards.join(',')}}`}::text[]`;
  return rowsOf<StoredListRow>(
    await db.execute(sql`
      select v.person_id, p.full_name, p.org_unit_id, u.name as org_unit_name, v.award_code, v.year,
        v.newly_eligible, p.direct_worker, p.gender, v.summary, v.basis,
        exists (select 1 from positions x where x.person_id = p.id and x.is_leadership and x.to_date is null) as is_leader
      from (
        select v.person_id, v.award_code, v.year, v.unit_sort_key, v.org_path, v.person_sort_key,
          array_position(${awards}, v.award_code) as rank
        from eligibility_verdicts v
        where ${listWhere(f)}
        order by rank, v.unit_sort_key collate "C", v.org_path, v.person_sort_key collate "C", v.person_id
        ${f.limit === null ? sql`` : sql`limit ${f.limit}`} offset ${f.offset}
      ) k
      join eligibility_verdicts v on v.person_id = k.person_id and v.award_code = k.award_code and v.year = k.year
      join people p on p.id = v.person_id
      join org_units u on u.id = p.org_unit_id
      order by k.rank, k.unit_sort_key collate "C", k.org_path, k.person_sort_key collate "C", k.person_id`),
  );
}

/** The stored list's size: rows per award and distinct people. */
export async function storedListCounts(
  db: Db,
  f: ListFilter,
): Promise<{ byAward: { award: string; count: number }[]; people: number }> {
  const rows = rowsOf<{ award_code: string | null; n: number; people: number }>(
    await db.execute(sql`
      select v.award_code, count(*)::int as n, count(distinct v.person_id)::int as people
      from eligibility_verdicts v
      where ${listWhere(f)}
      group by grouping sets ((v.award_code), ())`),
  );
  return {
    byAward: rows
      .filter((r) => r.award_code !== null)
      .map((r) => ({ award: r.award_code!, count: Number(r.n) })),
    people: Number(rows.find((r) => r.award_code === null)?.people ?? 0),
  };
}
