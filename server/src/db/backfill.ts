/**
 * Derived values a migration cannot compute in SQL (they follow the Vietnamese rules of lib/vietnamese.ts),
 * filled in code after the migrations: rows written before a column existed, or by a writer that did not know
 * it. Idempotent and cheap when there is nothing to fill.
 */
import { eq, isNull, or } from 'drizzle-orm';
import { foldAccents, personSortKey } from '../lib/vietnamese';
import type { Db } from './client';
import { users } from './schema';

/** Users' search name and collation key (the user administration list searches and sorts by them). */
export async function backfillUserNameKeys(db: Db): Promise<number> {
  const rows = await db
    .select({ id: users.id, fullName: users.fullName })
    .from(users)
    .where(or(isNull(users.searchName), isNull(users.sortKey)));
  for (const row of rows) {
    await db
      .update(users)
      .set({ searchName: foldAccents(row.fullName), sortKey: personSortKey(row.fullName) })
      .where(eq(users.id, row.id));
  }
  return rows.length;
}
