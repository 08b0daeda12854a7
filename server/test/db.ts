import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import {
  openPglite,
  openPostgres,
  pgliteExtensions,
  withPgClient,
  wrapPglite,
  type Database,
  type DbKind,
} from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { testDbLogger, trackOpenDatabase } from './pg-guard';

/** The databases every database test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const TEST_DB_KINDS: DbKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** The URL of database `name` on the server TEST_DATABASE_URL names. */
export function testDatabaseUrl(name: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Create an empty PostgreSQL database of its own on the test server; answers its name. */
export async function createPostgresDatabase(prefix = 'vd_test'): Promise<string> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withPgClient(process.env.TEST_DATABASE_URL!, (c) => c.query(`create database ${name}`), testDbLogger);
  return name;
}

/** Drop a test database; every pool on it must be closed first (force only ends strays, e.g. a crashed test). */
export async function dropPostgresDatabase(name: string): Promise<void> {
  await withPgClient(
    process.env.TEST_DATABASE_URL!,
    (c) => c.query(`drop database if exists ${name} with (force)`),
    testDbLogger,
  );
}

/**
 * A fresh, migrated database of its own. close() is idempotent and ordered: the pool is closed and every
 * connection's socket gone before a PostgreSQL database is dropped. A database a test forgets to close is
 * closed, and reported, by the guard in `server/test/setup.ts`.
 */
export async function createTestDb(kind: DbKind): Promise<Database> {
  if (kind === 'pglite') {
    const database = await openPgliteFromTemplate();
    const tracked = trackOpenDatabase(database, 'PGlite');
    try {
      await migrate(tracked); // nothing to apply when the template is current
    } catch (e) {
      await tracked.close();
      throw e;
    }
    return tracked;
  }
  const name = await createPostgresDatabase();
  const database = openPostgres(testDatabaseUrl(name), { max: 5, logger: testDbLogger });
  let closing: Promise<void> | undefined;
  const tracked = trackOpenDatabase(
    {
      ...database,
      close() {
        closing ??= (async () => {
          try {
            await database.close();
          } finally {
            await dropPostgresDatabase(name);
          }
        })();
        return closing;
      },
    },
    `PostgreSQL ${name}`,
  );
  try {
    await migrate(tracked);
  } catch (e) {
    await tracked.close();
    throw e;
  }
  return tracked;
}

let template: Blob | undefined;
function templateTarball(): Blob | undefined {
  const file = inject('pgliteTemplate');
  if (!file) return undefined;
  template ??= new Blob([readFileSync(file)]);
  return template;
}

/** An embedded database in memory (or in `dir`), loaded from the run's migrated template when there is one. */
async function openPgliteFromTemplate(): Promise<Database> {
  const loadDataDir = templateTarball();
  if (!loadDataDir) return openPglite(undefined);
  return wrapPglite(await PGlite.create(undefined, { extensions: pgliteExtensions, loadDataDir }));
}

/**
 * Fill a data directory (as DATA_DIR) with a copy of the migrated template, so a test that needs a real
 * directory does not wait for initdb. Without a template it is left empty (the app creates it).
 */
export async function prepareDataDir(dataDir: string): Promise<void> {
  const loadDataDir = templateTarball();
  if (!loadDataDir) return;
  const client = await PGlite.create(path.join(dataDir, 'pglite'), {
    extensions: pgliteExtensions,
    loadDataDir,
  });
  await client.close();
}
