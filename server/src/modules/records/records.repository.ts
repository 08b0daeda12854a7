import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { awardRecords, disciplines, initiatives, ratings } from '../../db/schema';

/** The four kinds of yearly-record entry share id, person_id and version; one set of functions serves all. */
export const RECORD_TABLES = {
  ratings,
  initiatives,
  discipline: disciplines,
  awards: awardRecords,
} as const;
export type RecordKind = keyof typeof RECORD_TABLES;

// Drizzle's builders are typed per table; the shared columns make this cast safe.
const t = (kind: RecordKind) => RECORD_TABLES[kind] as unknown as typeof ratings;

export async function insertEntry(db: Db, kind: RecordKind, values: Record<string, unknown>) {
  const [row] = await db
    .insert(t(kind))
    .values(values as typeof ratings.$inferInsert)
    .returning();
  return row as unknown as Record<string, unknown> & { id: string; version: number };
}

export async function findEntry(db: Db, kind: RecordKind, personId: string, entryId: string) {
  const table = t(kind);
  const [row] = await db
    .select()
    .from(table)
    .where(and(eq(table.id, entryId), eq(table.personId, personId)));
  return row as unknown as (Record<string, unknown> & { id: string; version: number }) | undefined;
}

export async function updateEntryVersioned(
  db: Db,
  kind: RecordKind,
  entryId: string,
  version: number,
  patch: Record<string, unknown>,
) {
  const table = t(kind);
  const [row] = await db
    .update(table)
    .set({ ...(patch as Partial<typeof ratings.$inferInsert>), version: sql`${table.version} + 1` })
    .where(and(eq(table.id, entryId), eq(table.version, version)))
    .returning();
  return row as unknown as (Record<string, unknown> & { id: string; version: number }) | undefined;
}

/** Delete an entry of the person; answers the row removed, or undefined when there was none (any more). */
export async function deleteEntry(db: Db, kind: RecordKind, personId: string, entryId: string) {
  const table = t(kind);
  const [row] = await db
    .delete(table)
    .where(and(eq(table.id, entryId), eq(table.personId, personId)))
    .returning();
  return row as unknown as (Record<string, unknown> & { id: string; version: number }) | undefined;
}
