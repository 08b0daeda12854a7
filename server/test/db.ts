import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import {
  openPglite,
  openPostgres,
  pgliteExtensions,
  wrapPglite,
  type Database,
  type DbKind,
} from '../src/db/client';
import { migrate } from '../src/db/migrate';

/** The databases every database test runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const TEST_DB_KINDS: DbKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** A fresh, migrated database of its own; close() also drops a PostgreSQL one. */
export async function createTestDb(kind: DbKind): Promise<Database> {
  if (kind === 'pglite') {
    const database = await openPgliteFromTemplate();
    await migrate(database); // nothing to apply when the template is current
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
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
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
