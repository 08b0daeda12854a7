import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { orgUnits, people } from '../../db/schema';
import { rowsOf } from '../../db/client';
import { inSubtree, likePrefix } from '../../db/scope';

export type OrgUnitRow = typeof orgUnits.$inferSelect;

export async function listInScope(db: Db, scopePath: string): Promise<OrgUnitRow[]> {
  return db
    .select()
    .from(orgUnits)
    .where(inSubtree(orgUnits.path, scopePath))
    .orderBy(asc(sql`${orgUnits.sortKey} collate "C"`));
}

export async function findInScope(db: Db, id: string, scopePath: string): Promise<OrgUnitRow | undefined> {
  const [row] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.id, id), inSubtree(orgUnits.path, scopePath)));
  return row;
}

export async function findById(db: Db, id: string): Promise<OrgUnitRow | undefined> {
  const [row] = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
  return row;
}

export async function namesByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: orgUnits.id,
      name: orgUnits.name,
      kind: orgUnits.kind,
      validTo: orgUnits.validTo,
      path: orgUnits.path,
    })
    .from(orgUnits)
    .where(inArray(orgUnits.id, ids));
}

export async function mergedFrom(db: Db, id: string) {
  return db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind, validTo: orgUnits.validTo })
    .from(orgUnits)
    .where(eq(orgUnits.mergedIntoId, id))
    .orderBy(asc(sql`${orgUnits.sortKey} collate "C"`));
}

export async function countPeopleInSubtree(db: Db, path: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(people)
    .innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
    .where(inSubtree(orgUnits.path, path));
  return Number(row?.n ?? 0);
}

export async function insert(db: Db, row: typeof orgUnits.$inferInsert): Promise<OrgUnitRow> {
  const [created] = await db.insert(orgUnits).values(row).returning();
  return created!;
}

/** Update when the version still matches; undefined means someone else changed it first. */
export async function updateVersioned(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof orgUnits.$inferInsert>,
): Promise<OrgUnitRow | undefined> {
  const [row] = await db
    .update(orgUnits)
    .set({ ...patch, version: sql`${orgUnits.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(orgUnits.id, id), eq(orgUnits.version, version)))
    .returning();
  return row;
}

/** Move a subtree: rewrite the path prefix of every unit under it in one statement. */
export async function rewritePaths(db: Db, oldPrefix: string, newPrefix: string): Promise<void> {
  await db
    .update(orgUnits)
    .set({ path: sql`${newPrefix} || substr(${orgUnits.path}, ${oldPrefix.length + 1})` })
    .where(inSubtree(orgUnits.path, oldPrefix));
}

// One advisory lock guards the shape of the tree: moves take it alone, other tree writes share it.
const TREE_LOCK = 7_301_001;

export async function lockTreeExclusive(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${TREE_LOCK})`);
}

export async function lockTreeShared(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock_shared(${TREE_LOCK})`);
}

/** The unit a person belongs to today, or undefined when there is no such person. */
export async function personUnitId(db: Db, personId: string): Promise<string | undefined> {
  const [row] = await db.select({ orgUnitId: people.orgUnitId }).from(people).where(eq(people.id, personId));
  return row?.orgUnitId;
}

/**
 * Is the unit at `path` (or one of the units above it) a predecessor of the subtree at `scopePath`, i.e.
 * merged, at any remove, into a unit of that subtree?
 */
export async function isPredecessorOf(db: Db, path: string, scopePath: string): Promise<boolean> {
  const ids = path.split('/').filter(Boolean);
  const result = await db.execute(sql`
    with recursive chain(id, merged_into_id, path, depth) as (
      select id, merged_into_id, path, 0 from org_units where id in (${sql.join(
        ids.map((i) => sql`${i}::uuid`),
        sql`, `,
      )}) and merged_into_id is not null
      union all
      select u.id, u.merged_into_id, u.path, c.depth + 1
        from org_units u join chain c on u.id = c.merged_into_id
       where c.depth < 32
    )
    select exists (select 1 from chain where depth > 0 and path like ${likePrefix(scopePath)}) as found`);
  return Boolean(rowsOf<{ found: boolean }>(result)[0]?.found);
}

/** People whose unit is this one itself (not a sub-unit). */
export async function countOwnPeople(db: Db, unitId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(people).where(eq(people.orgUnitId, unitId));
  return Number(row?.n ?? 0);
}

/** The sub-units directly under the unit that are still active (no `validTo`). */
export async function activeChildren(db: Db, unitId: string): Promise<OrgUnitRow[]> {
  return db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.parentId, unitId), isNull(orgUnits.validTo)))
    .orderBy(asc(sql`${orgUnits.sortKey} collate "C"`));
}

/**
 * What stands in the way of people of the unit changing units on `effectiveDate`: how many of them joined
 * it on or after that day, and how many open posts in it start on or after that day (neither can end the
 * day before).
 */
export async function lateStarts(db: Db, unitId: string, effectiveDate: string) {
  const [row] = rowsOf<{ members: number; posts: number }>(
    await db.execute(sql`
      select
        (select count(*)::int from person_units m join people p on p.id = m.person_id
          where p.org_unit_id = ${unitId} and m.to_date is null and m.from_date >= ${effectiveDate}::date) as members,
        (select count(*)::int from positions x
          where x.org_unit_id = ${unitId} and x.to_date is null and x.from_date >= ${effectiveDate}::date) as posts`),
  );
  return { members: Number(row?.members ?? 0), posts: Number(row?.posts ?? 0) };
}

/**
 * The people side of a merge: every person of `fromId` belongs to `toId` from `effectiveDate` (open
 * memberships end on `lastDay`, new ones open on the day, the person's row gets the new unit and a new
 * version); the open posts held in `fromId` end on `lastDay`, and those that are not leadership posts go
 * on in `toId` under the same title from the day (a head of the merged unit is not a head of the target).
 * A few set-based statements, whatever the unit's size.
 */
export async function mergePeople(
  db: Db,
  o: { fromId: string; toId: string; effectiveDate: string; lastDay: string },
): Promise<{ people: number; leadershipEnded: number }> {
  const moving = sql`select id from people where org_unit_id = ${o.fromId}`;
  await db.execute(sql`
    update person_units set to_date = ${o.lastDay}::date
    where to_date is null and person_id in (${moving})`);
  const opened = rowsOf<{ n: number }>(
    await db.execute(sql`
      with ins as (
        insert into person_units (id, person_id, org_unit_id, from_date)
        select gen_random_uuid(), id, ${o.toId}, ${o.effectiveDate}::date from people where org_unit_id = ${o.fromId}
        returning 1)
      select count(*)::int as n from ins`),
  );
  await db.execute(sql`
    insert into positions (id, person_id, org_unit_id, title, is_leadership, from_date)
    select gen_random_uuid(), person_id, ${o.toId}, title, false, ${o.effectiveDate}::date
    from positions where org_unit_id = ${o.fromId} and to_date is null and not is_leadership`);
  const ended = rowsOf<{ n: number }>(
    await db.execute(sql`
      with upd as (
        update positions set to_date = ${o.lastDay}::date, version = version + 1
        where org_unit_id = ${o.fromId} and to_date is null
        returning is_leadership)
      select count(*) filter (where is_leadership)::int as n from upd`),
  );
  await db
    .update(people)
    .set({ orgUnitId: o.toId, version: sql`${people.version} + 1`, updatedAt: sql`now()` })
    .where(eq(people.orgUnitId, o.fromId));
  return { people: Number(opened[0]?.n ?? 0), leadershipEnded: Number(ended[0]?.n ?? 0) };
}

/** Put `child` (and its subtree) directly under `parent`. */
export async function reparent(db: Db, child: OrgUnitRow, parent: OrgUnitRow): Promise<void> {
  await db
    .update(orgUnits)
    .set({ parentId: parent.id, version: sql`${orgUnits.version} + 1`, updatedAt: sql`now()` })
    .where(eq(orgUnits.id, child.id));
  await rewritePaths(db, child.path, `${parent.path}${child.id}/`);
}

/** The last day anyone's membership of the unit ran to (null when nobody ever left it). */
export async function lastMembershipEnd(db: Db, unitId: string): Promise<string | null> {
  const [row] = rowsOf<{ last: string | null }>(
    await db.execute(
      sql`select to_char(max(to_date), 'YYYY-MM-DD') as last from person_units where org_unit_id = ${unitId}`,
    ),
  );
  return row?.last ?? null;
}

/** End the posts still held in the unit (by anyone) on `lastDay`; answers how many. */
export async function endPostsIn(db: Db, unitId: string, lastDay: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`
      with upd as (
        update positions set to_date = ${lastDay}::date, version = version + 1
        where org_unit_id = ${unitId} and to_date is null
        returning 1)
      select count(*)::int as n from upd`),
  );
  return Number(row?.n ?? 0);
}
