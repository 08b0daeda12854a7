import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { backfillUserNameKeys } from './backfill';
import type { Database } from './client';
import { MIGRATIONS_DIR } from '../paths';

export const migrationsFolder = MIGRATIONS_DIR;

/** Apply the committed migrations (idempotent), then fill what only code can compute (db/backfill.ts). */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
  }
  await backfillUserNameKeys(database.db);
}
