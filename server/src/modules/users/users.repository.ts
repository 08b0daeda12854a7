import { eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { orgUnits, users } from '../../db/schema';

export type UnitRow = typeof orgUnits.$inferSelect;

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return taken !== undefined;
}

export async function findUnitByCode(db: Db, code: string): Promise<UnitRow | undefined> {
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.code, code));
  return unit;
}

/** The root of the organisation tree (the city), if there is one yet. */
export async function findRootUnit(db: Db): Promise<UnitRow | undefined> {
  const [unit] = await db.select().from(orgUnits).where(isNull(orgUnits.parentId)).limit(1);
  return unit;
}

export async function insertRootUnit(
  db: Db,
  row: { id: string; name: string; sortKey: string; validFrom: string },
): Promise<UnitRow> {
  const [unit] = await db
    .insert(orgUnits)
    .values({ ...row, path: `/${row.id}/`, code: 'ROOT', kind: 'city' })
    .returning();
  return unit!;
}

export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<void> {
  await db.insert(users).values(row);
}
