import { and, desc, eq, isNull, sql, type SQL, asc } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import {
  awardRecords,
  disciplines,
  initiatives,
  orgUnits,
  people,
  personUnits,
  positions,
  ratings,
} from '../../db/schema';
import { inSubtree, likeContains, likePrefix } from '../../db/scope';

export type PersonRow = typeof people.$inferSelect;

const summaryColumns = {
  id: people.id,
  code: people.code,
  fullName: people.fullName,
  gender: people.gender,
  birthDate: people.birthDate,
  category: people.category,
  directWorker: people.directWorker,
  orgUnitId: people.orgUnitId,
  orgUnitName: orgUnits.name,
  currentPosition: sql<string | null>`(select p.title from positions p where p.person_id = ${people.id}
    and p.to_date is null order by p.is_leadership desc, p.from_date desc limit 1)`,
  latestRatingYear: sql<number | null>`(select r.year from ratings r where r.person_id = ${people.id}
    order by r.year desc limit 1)`,
  latestRatingLevel: sql<string | null>`(select r.level from ratings r where r.person_id = ${people.id}
    order by r.year desc limit 1)`,
};

export interface PeopleFilter {
  scopePath: string;
  unitPath?: string;
  /** accent-folded words; every one must occur in the name */
  words: string[];
  limit: number;
  offset: number;
  /**
   * Count the matches up to this many. When there are more, `total` is the cap and `totalIsLowerBound` is
   * true (the page itself is still exact): counting 60,000 matches to print a number is not worth it.
   */
  countCap: number;
}

/** One person of the list, as the search returns them. */
export interface PeopleListRow {
  id: string;
  code: string | null;
  fullName: string;
  gender: PersonRow['gender'];
  birthDate: string | null;
  category: PersonRow['category'];
  directWorker: boolean;
  orgUnitId: string;
  orgUnitName: string;
  currentPosition: string | null;
  latestRatingYear: number | null;
  latestRatingLevel: string | null;
}

export interface PeoplePage {
  items: PeopleListRow[];
  total: number;
  /** true when counting stopped at the cap: there are more than `total` matches */
  totalIsLowerBound: boolean;
}

/** Runs one statement and answers its rows (the app runs it through Drizzle; the benchmark's bare server through pg). */
export type RunSql = <T>(query: SQL) => Promise<T[]>;

/**
 * A word typed that stands for more vocabulary words than this is matched with LIKE on the whole name
 * instead: the same people (a typed word has no space, so it can only occur inside one word of the name),
 * and cheaper than comparing every row with a long list. Such short words match most people anyway, so
 * the plan is a walk down the list's order, not an index lookup.
 */
const MAX_WORD_EXPANSION = 32;

/** A PostgreSQL array literal of texts (each quoted, `"` and `\` escaped). */
const textArray = (items: string[]) =>
  `{${items.map((w) => `"${w.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

/**
 * The words that must each occur in a name, without those implied by another (a word inside another
 * word typed is found wherever that one is) or typed twice: one condition per word that matters.
 */
export function essentialWords(words: string[]): string[] {
  const distinct = [...new Set(words.filter(Boolean))];
  return distinct.filter((w) => !distinct.some((other) => other !== w && other.includes(w)));
}

/**
 * One page of people in the subtree, in Vietnamese order (given name first), and how many match, counted
 * up to `countCap`. Two statements, the same on PGlite and PostgreSQL:
 *
 * 1. what the filter stands for: the units of the scope (and of the unit filter), and for each typed word
 *    the vocabulary words that contain it (`name_vocabulary`, a few thousand rows at most). Both go into
 *    the second statement as constants, so the planner sees how many people those units and words hold
 *    (its statistics on `org_unit_id` and `search_words`): a ward is read through `people_org_unit_idx`,
 *    a rare full name through the GIN index on `search_words`, the whole city by a scan;
 * 2. one statement answers the count and the page: the matches are gathered up to the cap + 1 (by the
 *    cheapest way the planner sees: an index lookup for few matches, a scan that stops at cap + 1 for
 *    many). When they all fit under the cap, the page is the first rows of those matches in order (no
 *    second pass); when there are more, the page is read by walking the list's order index
 *    (`people_sort_idx`) from the top, which stops after `offset + limit` matches, and the count stays at
 *    the cap. Each branch runs only when its one-time condition holds.
 */
export async function searchPeople(run: RunSql, f: PeopleFilter): Promise<PeoplePage> {
  const nobody = { items: [], total: 0, totalIsLowerBound: false };
  const words = essentialWords(f.words);
  const [filter] = await run<{ units: string[] | null; found: [number, string][] | null }>(sql`
    -- people search, 1: the units of the scope and the vocabulary words of each typed word
    select
      (select json_agg(u.id) from org_units u
        where u.path like ${likePrefix(f.scopePath)}
        ${f.unitPath ? sql`and u.path like ${likePrefix(f.unitPath)}` : sql``}) as units,
      (select json_agg(json_build_array(q.i, v.word))
        from unnest(${textArray(words)}::text[]) with ordinality as q(w, i)
        join name_vocabulary v on strpos(v.word, q.w) > 0) as found`);
  const units = filter?.units ?? [];
  if (units.length === 0) return nobody;
  const conds: SQL[] = [sql`p.org_unit_id = any(${`{${units.join(',')}}`}::uuid[])`];
  const expansions = words.map((): string[] => []);
  for (const [i, word] of filter?.found ?? []) expansions[Number(i) - 1]!.push(word);
  // a word that occurs in nobody's name: nobody matches
  if (expansions.some((e) => e.length === 0)) return nobody;
  words.forEach((w, i) => {
    const e = expansions[i]!.sort();
    conds.push(
      e.length > MAX_WORD_EXPANSION
        ? sql`p.search_name like ${likeContains(w)}`
        : sql`p.search_words && ${textArray(e)}::text[]`,
    );
  });
  const where = sql.join(conds, sql` and `);
  const cap = f.countCap;
  const rows = await run<PeopleListRow & { total: number; sort_key: string | null }>(sql`
    -- people search, 2: the count up to the cap and the page
    with m as materialized (
      select p.id, p.sort_key from people p
      where ${where}
      limit ${cap + 1}
    ),
    n as (select count(*)::int as total from m)
    select n.total, page.* from n left join lateral (
      select ids.sort_key, p.id, p.code, p.full_name as "fullName", p.gender, to_char(p.birth_date, 'YYYY-MM-DD') as "birthDate",
        p.category, p.direct_worker as "directWorker", p.org_unit_id as "orgUnitId", u.name as "orgUnitName",
        (select x.title from positions x where x.person_id = p.id and x.to_date is null
          order by x.is_leadership desc, x.from_date desc limit 1) as "currentPosition",
        r.year as "latestRatingYear", r.level as "latestRatingLevel"
      from (
        (select m.id, m.sort_key from m where n.total <= ${cap}
          order by m.sort_key collate "C", m.id limit ${f.limit} offset ${f.offset})
        union all
        (select p.id, p.sort_key from people p
          where n.total > ${cap} and ${where}
          order by p.sort_key collate "C", p.id limit ${f.limit} offset ${f.offset})
      ) ids
      join people p on p.id = ids.id
      join org_units u on u.id = p.org_unit_id
      left join lateral (select r.year, r.level from ratings r where r.person_id = p.id
        order by r.year desc limit 1) r on true
    ) page on true
    order by page.sort_key collate "C", page.id`);
  const total = Number(rows[0]?.total ?? 0);
  return {
    items: rows
      .filter((r) => r.id !== null)
      .map(({ total: _total, sort_key: _key, ...r }) => ({
        ...r,
        latestRatingYear: r.latestRatingYear === null ? null : Number(r.latestRatingYear),
      })),
    total: Math.min(total, cap),
    totalIsLowerBound: total > cap,
  };
}

/** One page of people in the subtree, in Vietnamese order, and how many match (see `searchPeople`). */
export function listPeople(db: Db, f: PeopleFilter): Promise<PeoplePage> {
  return searchPeople(async <T>(query: SQL) => rowsOf<T>(await db.execute(query)), f);
}

/** The person with the path of their unit, only when that unit lies in the scope. */
export async function findInScope(db: Db, id: string, scopePath: string) {
  const [row] = await db
    .select({ ...summaryColumns, person: people, unitPath: orgUnits.path })
    .from(people)
    .innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
    .where(and(eq(people.id, id), inSubtree(orgUnits.path, scopePath)));
  return row;
}

/** The whole record of one person: a fixed number of queries, whatever its size. */
export async function loadRecord(db: Db, personId: string) {
  const [r, i, d, a, p, m] = await Promise.all([
    db.select().from(ratings).where(eq(ratings.personId, personId)).orderBy(desc(ratings.year)),
    db.select().from(initiatives).where(eq(initiatives.personId, personId)).orderBy(desc(initiatives.year)),
    db.select().from(disciplines).where(eq(disciplines.personId, personId)).orderBy(desc(disciplines.year)),
    db
      .select()
      .from(awardRecords)
      .where(eq(awardRecords.personId, personId))
      .orderBy(desc(awardRecords.year), asc(awardRecords.awardCode)),
    db
      .select({ position: positions, orgUnitName: orgUnits.name })
      .from(positions)
      .innerJoin(orgUnits, eq(orgUnits.id, positions.orgUnitId))
      .where(eq(positions.personId, personId))
      .orderBy(desc(positions.fromDate)),
    db
      .select({ membership: personUnits, orgUnitName: orgUnits.name })
      .from(personUnits)
      .innerJoin(orgUnits, eq(orgUnits.id, personUnits.orgUnitId))
      .where(eq(personUnits.personId, personId))
      .orderBy(desc(personUnits.fromDate)),
  ]);
  return { ratings: r, initiatives: i, discipline: d, awards: a, positions: p, memberships: m };
}

export async function insertPerson(db: Db, row: typeof people.$inferInsert) {
  const [created] = await db.insert(people).values(row).returning();
  return created!;
}

/** Is the code someone else's (whatever its case)? */
export async function codeTaken(db: Db, code: string, exceptId?: string): Promise<boolean> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`select id from people where lower(code) = lower(${code})
      ${exceptId ? sql`and id <> ${exceptId}` : sql``} limit 1`),
  );
  return rows.length > 0;
}

export async function updatePersonVersioned(db: Db, id: string, version: number, patch: Partial<PersonRow>) {
  const [row] = await db
    .update(people)
    .set({ ...patch, version: sql`${people.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(people.id, id), eq(people.version, version)))
    .returning();
  return row;
}

export async function openMembership(db: Db, row: typeof personUnits.$inferInsert) {
  await db.insert(personUnits).values(row);
}

export async function closeOpenMemberships(db: Db, personId: string, toDate: string) {
  await db
    .update(personUnits)
    .set({ toDate })
    .where(and(eq(personUnits.personId, personId), isNull(personUnits.toDate)));
}

export type MembershipRow = typeof personUnits.$inferSelect;
export type PositionRow = typeof positions.$inferSelect;

/**
 * Lock the person's row for the rest of the transaction: changes of one person's career (moves, posts)
 * are serialised, so a check made here (no overlapping post, the open membership) still holds at commit.
 */
export async function lockPerson(db: Db, id: string): Promise<void> {
  await db.execute(sql`select 1 from people where id = ${id} for update`);
}

/** The person's open membership (there is at most one: `person_units_one_open_idx`). */
export async function findOpenMembership(db: Db, personId: string): Promise<MembershipRow | undefined> {
  const [row] = await db
    .select()
    .from(personUnits)
    .where(and(eq(personUnits.personId, personId), isNull(personUnits.toDate)));
  return row;
}

export async function closeMembership(db: Db, id: string, toDate: string): Promise<void> {
  await db.update(personUnits).set({ toDate }).where(eq(personUnits.id, id));
}

export async function deleteMembership(db: Db, id: string): Promise<void> {
  await db.delete(personUnits).where(eq(personUnits.id, id));
}

export async function openPositions(db: Db, personId: string): Promise<PositionRow[]> {
  return db
    .select()
    .from(positions)
    .where(and(eq(positions.personId, personId), isNull(positions.toDate)))
    .orderBy(asc(positions.fromDate));
}

/** End every open post of the person on `toDate` (their last day). */
export async function closeOpenPositions(db: Db, personId: string, toDate: string): Promise<PositionRow[]> {
  return db
    .update(positions)
    .set({ toDate, version: sql`${positions.version} + 1` })
    .where(and(eq(positions.personId, personId), isNull(positions.toDate)))
    .returning();
}

export async function insertPosition(db: Db, row: typeof positions.$inferInsert): Promise<PositionRow> {
  const [created] = await db.insert(positions).values(row).returning();
  return created!;
}

export async function findPosition(db: Db, personId: string, id: string): Promise<PositionRow | undefined> {
  const [row] = await db
    .select()
    .from(positions)
    .where(and(eq(positions.id, id), eq(positions.personId, personId)));
  return row;
}

export async function updatePositionVersioned(
  db: Db,
  id: string,
  version: number,
  patch: Partial<PositionRow>,
): Promise<PositionRow | undefined> {
  const [row] = await db
    .update(positions)
    .set({ ...patch, version: sql`${positions.version} + 1` })
    .where(and(eq(positions.id, id), eq(positions.version, version)))
    .returning();
  return row;
}

export async function deletePosition(db: Db, personId: string, id: string): Promise<PositionRow | undefined> {
  const [row] = await db
    .delete(positions)
    .where(and(eq(positions.id, id), eq(positions.personId, personId)))
    .returning();
  return row;
}

/**
 * Posts of the person with the same title in the same unit whose days meet [fromDate, toDate] (an open
 * end runs on for ever), other than `exceptId`. Titles compare without regard to case.
 */
export async function overlappingPositions(
  db: Db,
  p: { personId: string; orgUnitId: string; title: string; fromDate: string; toDate: string | null },
  exceptId?: string,
): Promise<PositionRow[]> {
  return db
    .select()
    .from(positions)
    .where(
      and(
        eq(positions.personId, p.personId),
        eq(positions.orgUnitId, p.orgUnitId),
        sql`lower(${positions.title}) = lower(${p.title})`,
        exceptId ? sql`${positions.id} <> ${exceptId}` : undefined,
        sql`(${positions.toDate} is null or ${positions.toDate} >= ${p.fromDate})`,
        p.toDate === null ? undefined : sql`${positions.fromDate} <= ${p.toDate}`,
      ),
    );
}
