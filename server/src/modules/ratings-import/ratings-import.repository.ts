import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import { likePrefix } from '../../db/scope';
import type { RatingLevel } from '../../../../contract/vocabulary';

/** A PostgreSQL array literal of plain tokens (uuids, level codes): nothing in them needs quoting. */
const tokens = (items: readonly string[]) => `{${items.join(',')}}`;

export interface UnitRow {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  path: string;
  sortKey: string;
}

/** Every unit of a subtree (the root too). */
export async function subtreeUnits(db: Db, path: string): Promise<UnitRow[]> {
  return rowsOf<UnitRow>(
    await db.execute(sql`select id, code, name, short_name as "shortName", path, sort_key as "sortKey"
      from org_units where path like ${likePrefix(path)}`),
  );
}

export interface PersonRow {
  id: string;
  fullName: string;
  birthDate: string | null;
  code: string | null;
  orgUnitId: string;
  /** the person's rating of the year being imported, when there is one */
  level: RatingLevel | null;
}

/**
 * The people of some units with their rating of `year`: all of them (`limit` null: one statement, in no
 * particular order), or one page in id order after `afterId` (keyset: each page one short statement).
 */
export async function peoplePage(
  db: Db,
  unitIds: readonly string[],
  year: number,
  afterId: string | null,
  limit: number | null,
): Promise<PersonRow[]> {
  return rowsOf<PersonRow>(
    await db.execute(sql`select p.id, p.full_name as "fullName", to_char(p.birth_date, 'YYYY-MM-DD') as "birthDate",
        p.code, p.org_unit_id as "orgUnitId", r.level
      from people p
      left join ratings r on r.person_id = p.id and r.year = ${year}::int
      where p.org_unit_id = any(${tokens(unitIds)}::uuid[])
        ${afterId ? sql`and p.id > ${afterId}::uuid` : sql``}
      ${limit === null ? sql`` : sql`order by p.id limit ${limit}`}`),
  );
}

/** How many people some units hold. */
export async function countPeople(db: Db, unitIds: readonly string[]): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from people where org_unit_id = any(${tokens(unitIds)}::uuid[])`,
    ),
  );
  return Number(row?.n ?? 0);
}

/**
 * Insert ratings of one year in one statement (people who had none). Rows in person order with ascending
 * ids touch the indexes, and the people the foreign key looks up, page after page rather than at random.
 * Someone else's rating for one of them written meanwhile makes it fail (a unique violation): the job is
 * tried again and then finds it.
 */
export async function insertRatings(
  db: Db,
  year: number,
  rows: readonly { id: string; personId: string; level: RatingLevel }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`insert into ratings (id, person_id, year, level)
    select x.id, x.person_id, ${year}::int, x.level
    from unnest(${tokens(rows.map((r) => r.id))}::uuid[], ${tokens(rows.map((r) => r.personId))}::uuid[],
      ${tokens(rows.map((r) => r.level))}::text[]) as x(id, person_id, level)`);
}

/** Change the level of stored ratings of one year (their version goes up); answers how many were changed. */
export async function updateRatings(
  db: Db,
  year: number,
  rows: readonly { personId: string; level: RatingLevel }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`with changed as (
        update ratings r set level = x.level, version = r.version + 1
        from unnest(${tokens(rows.map((r) => r.personId))}::uuid[], ${tokens(rows.map((r) => r.level))}::text[])
          as x(person_id, level)
        where r.person_id = x.person_id and r.year = ${year}::int
        returning 1)
      select count(*)::int as n from changed`),
  );
  return Number(row?.n ?? 0);
}

/** How many of these people belong to these units now (all of them, unless someone moved meanwhile). */
export async function countInUnits(
  db: Db,
  personIds: readonly string[],
  unitIds: readonly string[],
): Promise<number> {
  if (personIds.length === 0) return 0;
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from people
      where id = any(${tokens(personIds)}::uuid[]) and org_unit_id = any(${tokens(unitIds)}::uuid[])`),
  );
  return Number(row?.n ?? 0);
}

export interface TemplateRow {
  code: string | null;
  fullName: string;
  birthDate: string | null;
  orgUnitId: string;
}

/** The people of a subtree for its template, by unit then name (Vietnamese order); at most `limit`. */
export async function templatePeople(db: Db, path: string, limit: number): Promise<TemplateRow[]> {
  return rowsOf<TemplateRow>(
    await db.execute(sql`select p.code, p.full_name as "fullName",
        to_char(p.birth_date, 'YYYY-MM-DD') as "birthDate", p.org_unit_id as "orgUnitId"
      from people p join org_units u on u.id = p.org_unit_id
      where u.path like ${likePrefix(path)}
      order by u.sort_key collate "C", p.sort_key collate "C", p.id
      limit ${limit}`),
  );
}
