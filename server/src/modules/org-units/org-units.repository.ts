import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { orgUnits, people } from '../../db/schema';
import { inSubtree } from '../../db/scope';

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
