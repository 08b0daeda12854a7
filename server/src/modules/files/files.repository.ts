import { count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { files } from '../../db/schema';

export type FileRow = typeof files.$inferSelect;

/** Advisory locks of the file store: the first key names the store, the second the content. */
const STORE_LOCK = 0x46494c45; // "FILE"

/**
 * Hold, until the transaction ends, the lock of one content (SHA-256). Whoever places a blob and records
 * it, and whoever removes a blob no row refers to, hold it: so a blob is never removed under a new row.
 */
export async function lockContent(db: Db, sha256: string): Promise<void> {
  const key = Number.parseInt(sha256.slice(0, 8), 16) | 0; // a signed 32-bit integer
  await db.execute(sql`select pg_advisory_xact_lock(${STORE_LOCK}::int, ${key}::int)`);
}

export async function insertFile(db: Db, row: typeof files.$inferInsert): Promise<FileRow> {
  const [inserted] = await db.insert(files).values(row).returning();
  return inserted!;
}

export async function findFile(db: Db, id: string): Promise<FileRow | undefined> {
  const [row] = await db.select().from(files).where(eq(files.id, id));
  return row;
}

export async function deleteFile(db: Db, id: string): Promise<void> {
  await db.delete(files).where(eq(files.id, id));
}

export async function countWithContent(db: Db, sha256: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(files).where(eq(files.sha256, sha256));
  return Number(row?.n ?? 0);
}
