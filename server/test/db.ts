import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database, type DbKind } from '../src/db/client';
import { migrate } from '../src/db/migrate';

/** The databases every database test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const TEST_DB_KINDS: DbKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** A fresh, migrated database of its own; close() also drops a PostgreSQL one. */
export async function createTestDb(kind: DbKind): Promise<Database> {
  if (kind === 'pglite') {
    const database = await openPglite(undefined);
    await migrate(database);
    return database;
  }
  const url = new URL(process.env.TEST_DATABASE_URL!);
  const name = `vd_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const database = openPostgres(dbUrl.toString(), 5);
  await migrate(database);
  return {
    ...database,
    async close() {
      await database.close();
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      await dropDatabase(c, name);
      await c.end();
    },
  };
}

/**
 * Drop a test database. The pool's end() resolves once its connections were told to close, not once
 * they have: wait for their server processes to go first, so that `with (force)` does not kill one still
 * saying goodbye (an unhandled "terminating connection" error in the test run).
 */
export async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await admin.query<{ n: number }>(
      'select count(*)::int as n from pg_stat_activity where datname = $1',
      [name],
    );
    if (Number(rows[0]?.n) === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await admin.query(`drop database if exists ${name} with (force)`);
}
