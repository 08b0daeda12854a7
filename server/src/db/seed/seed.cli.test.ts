import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, rowsOf, type Database } from '../client';
import {
  createPostgresDatabase,
  dropPostgresDatabase,
  prepareDataDir,
  testDatabaseUrl,
} from '../../../test/db';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/** `npm run vinhdanh -- seed ...` as a user runs it; never throws on a non-zero exit. */
async function seed(args: string[], env: { DATA_DIR?: string; DATABASE_URL?: string }) {
  try {
    const { stdout, stderr } = await run(tsx, [path.join(root, 'server/src/cli.ts'), 'seed', ...args], {
      cwd: root,
      env: { ...process.env, DATA_DIR: '', DATABASE_URL: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** What the seed left: people and accounts, and whether the planner has statistics for the people. */
async function inspect(database: Database) {
  const [counts] = rowsOf<{ people: number; users: number }>(
    await database.db.execute(
      sql`select (select count(*)::int from people) as people, (select count(*)::int from users) as users`,
    ),
  );
  const [stats] = rowsOf<{ columns: number; reltuples: number }>(
    await database.db.execute(sql`
      select (select count(*)::int from pg_stats where schemaname = 'public' and tablename = 'people') as columns,
             (select reltuples::float8 from pg_class where oid = 'public.people'::regclass) as reltuples`),
  );
  return { ...counts!, ...stats! };
}

describe('vinhdanh seed on the embedded database', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vd-seed-'));
    await prepareDataDir(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fills an empty DATA_DIR with the city scaled to N people, the demo accounts, and statistics', async () => {
    const res = await seed(['--people', '400', '--years', '2'], { DATA_DIR: dir });
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`PGlite trong ${dir}`);
    expect(res.stdout).toMatch(/Đã tạo 400 cán bộ/);
    expect(res.stdout).toContain('ANALYZE');
    expect(res.stdout).toMatch(/canbo\s+officer\s+Phường Hoàn Kiếm/);
    const database = await openPglite(dir);
    try {
      const found = await inspect(database);
      expect(found.people).toBe(400);
      expect(found.users).toBe(6);
      expect(found.columns).toBeGreaterThan(0); // pg_stats is filled by ANALYZE only
      expect(found.reltuples).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('refuses a database that holds data, in Vietnamese, and changes nothing', async () => {
    const res = await seed(['--people', '500'], { DATA_DIR: dir });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('đã có dữ liệu');
    expect(res.stderr).toContain('không thay đổi gì');
    const database = await openPglite(dir);
    try {
      expect((await inspect(database)).people).toBe(400);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('refuses a count that is not a positive whole number with exit 2 and the usage', async () => {
    for (const people of ['0', '-5', 'nhiều', '1.5']) {
      const res = await seed([`--people=${people}`], { DATA_DIR: dir });
      expect(res.code, people).toBe(2);
      expect(res.stderr, people).toContain('--people phải là số nguyên');
    }
    expect((await seed(['--peple', '5'], { DATA_DIR: dir })).code).toBe(2);
  }, 120_000);
});

describe.skipIf(!TEST_DATABASE_URL)('vinhdanh seed on PostgreSQL', () => {
  let name: string;
  beforeAll(async () => {
    name = await createPostgresDatabase('vd_seed_cli');
  });
  afterAll(async () => {
    if (name) await dropPostgresDatabase(name);
  });

  it('migrates an empty database, seeds it, analyses it, and refuses to seed it twice', async () => {
    const url = testDatabaseUrl(name);
    const first = await seed(['--people', '400', '--years', '2'], { DATABASE_URL: url });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`PostgreSQL ${new URL(url).host}/${name}`);
    const database = openPostgres(url, 1);
    try {
      const found = await inspect(database);
      expect(found.people).toBe(400);
      expect(found.users).toBe(6);
      expect(found.columns).toBeGreaterThan(0);
      expect(found.reltuples).toBeGreaterThan(0);
    } finally {
      await database.close();
    }
    const second = await seed(['--people', '400'], { DATABASE_URL: url });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('đã có dữ liệu');
  }, 180_000);
});
