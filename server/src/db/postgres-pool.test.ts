import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../plugins/errors';
import { createPostgresDatabase, dropPostgresDatabase, testDatabaseUrl } from '../../test/db';
import { openPostgres, rowsOf, type Database, type DbLogger } from './client';

// The pool on the shared test server (TEST_DATABASE_URL): connections killed under it never become
// unhandled errors, and close() really is finished when it resolves.

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

describe.skipIf(!TEST_DATABASE_URL)('the PostgreSQL pool when connections are killed', () => {
  const warnings: string[] = [];
  const logger: DbLogger = {
    warn: ({ err }, msg) =>
      warnings.push(`${msg}: ${(err as { code?: string }).code ?? ''} ${(err as Error).message}`),
  };
  const uncaught: unknown[] = [];
  const onUncaught = (e: unknown) => uncaught.push(e);
  let admin: pg.Client;
  const adminErrors: unknown[] = [];
  const pids = async (database: Database) =>
    rowsOf<{ pid: number }>(await database.db.execute(sql`select pg_backend_pid() as pid`))[0]!.pid;

  beforeAll(async () => {
    process.on('uncaughtException', onUncaught);
    process.on('unhandledRejection', onUncaught);
    admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    admin.on('error', (e) => adminErrors.push(e));
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    process.off('uncaughtException', onUncaught);
    process.off('unhandledRejection', onUncaught);
  });
  beforeEach(() => {
    warnings.length = 0;
    uncaught.length = 0;
  });
  afterEach(() => {
    expect(uncaught).toEqual([]);
    expect(adminErrors).toEqual([]);
  });

  it('close() resolves only when every connection is gone, so a forced drop right after ends none', async () => {
    // The drop comes from a connection already open, as fast as it can: before close() waited for the
    // sockets, most rounds ended a backend that had not yet read its Terminate (a late 57P01).
    for (let round = 0; round < 8; round++) {
      const name = await createPostgresDatabase('vd_pool');
      const database = openPostgres(testDatabaseUrl(name), { max: 5, logger });
      await Promise.all([1, 2, 3, 4, 5].map(() => database.db.execute(sql`select pg_sleep(0.01)`)));
      await database.close();
      const { rows } = await admin.query(
        `select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
        [name],
      );
      await admin.query(`drop database ${name} with (force)`);
      expect(rows[0].n).toBe(0);
      await database.close(); // idempotent
    }
    await new Promise((r) => setTimeout(r, 100)); // a late error would arrive here
    expect(warnings).toEqual([]);
  });

  describe('on a database of its own', () => {
    let name: string;
    let database: Database;
    beforeAll(async () => {
      name = await createPostgresDatabase('vd_pool');
      database = openPostgres(testDatabaseUrl(name), { max: 1, logger });
    });
    afterAll(async () => {
      await database?.close();
      if (name) await dropPostgresDatabase(name);
    });

    it('reports and discards an idle connection the server ends, and opens a new one', async () => {
      const before = await pids(database);
      await admin.query('select pg_terminate_backend($1)', [before]);
      const deadline = Date.now() + 5000;
      while (warnings.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(warnings.join('\n')).toMatch(/idle connection lost and discarded: 57P01/);
      const after = await pids(database);
      expect(after).not.toBe(before);
    });

    it('fails a transaction whose connection is ended under it, crashes nothing, and recovers', async () => {
      const failure = await database.db
        .transaction(async (tx) => {
          const pid = rowsOf<{ pid: number }>(await tx.execute(sql`select pg_backend_pid() as pid`))[0]!.pid;
          await admin.query('select pg_terminate_backend($1)', [pid]);
          await new Promise((r) => setTimeout(r, 200)); // the FATAL arrives while the client is checked out
          await tx.execute(sql`select 1`);
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(failure).toBeDefined();
      expect(isDatabaseUnavailable(failure)).toBe(true);
      expect(warnings.join('\n')).toMatch(/connection lost while in use: 57P01/);
      expect(await pids(database)).toBeGreaterThan(0);
    });
  });
});
