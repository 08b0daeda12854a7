import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
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
