/**
 * The two doors give the same answers: the command line (`vinhdanh calendar count FILE`, run as a user
 * would) and POST /api/v1/calendar/count, on the same database, after an administrator changed a year.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarYear } from '../../../../contract/calendar';
import { loginAs, testConfig } from '../../../test/app';
import {
  createPostgresDatabase,
  dropPostgresDatabase,
  prepareDataDir,
  TEST_DB_KINDS,
  testDatabaseUrl,
} from '../../../test/db';
import { createUnit, createUser } from '../../../test/factories';
import { buildApp } from '../../app';
import { openPglite, openPostgres, type Database, type DbKind } from '../../db/client';
import { migrate } from '../../db/migrate';
import {
  BUILT_IN_CALENDAR,
  buildCalendar,
  countWorkingDays,
  formatIsoDay,
  parseIsoDay,
} from '../../domain/calendar';
import { fixedClock } from '../../lib/clock';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

async function cli(file: string, env: { DATA_DIR?: string; DATABASE_URL?: string }) {
  try {
    const { stdout, stderr } = await run(
      tsx,
      [path.join(root, 'server/src/cli.ts'), 'calendar', 'count', file],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: '', ...env },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** The contract's examples, queries the edit below changes, and 30 random ones (a fixed seed). */
function queries() {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const first = parseIsoDay('2025-01-01')!;
  const lastFrom = parseIsoDay('2027-05-31')!;
  const last = parseIsoDay('2027-12-31')!;
  const list: object[] = [
    { id: 'a', from: '2026-02-09', add: 10 },
    { id: 'b', from: '2026-02-13', to: '2026-02-23' },
    { id: 'edited-add', from: '2027-02-04', add: 1 },
    { id: 'edited-to', from: '2027-02-26', to: '2027-03-05' },
    { id: 'boundary', from: '2026-12-30', add: 3 },
  ];
  for (let i = 0; i < 30; i++) {
    const from = first + Math.floor(random() * (lastFrom - first));
    if (random() < 0.5)
      list.push({ id: `r${i}`, from: formatIsoDay(from), add: 1 + Math.floor(random() * 120) });
    else {
      const to = Math.min(last, from - 10 + Math.floor(random() * 250));
      list.push({ id: `r${i}`, from: formatIsoDay(from), to: formatIsoDay(to) });
    }
  }
  return list;
}

/** A migrated database whose address a child process can use: a data directory, or a PostgreSQL URL. */
async function openAddressable(kind: DbKind, dir: string) {
  if (kind === 'pglite') {
    await prepareDataDir(dir);
    const database = await openPglite(dir);
    await migrate(database);
    return { database, env: { DATA_DIR: dir }, drop: async () => {} };
  }
  const name = await createPostgresDatabase('vd_cal');
  const database = openPostgres(testDatabaseUrl(name), 5);
  await migrate(database);
  return {
    database,
    env: { DATA_DIR: path.join(dir, 'unused'), DATABASE_URL: testDatabaseUrl(name) },
    drop: () => dropPostgresDatabase(name),
  };
}

describe.each(TEST_DB_KINDS)('calendar count: command line and HTTP on %s', (kind) => {
  let dir: string;
  let database: Database;
  let app: FastifyInstance;
  let env: { DATA_DIR?: string; DATABASE_URL?: string };
  let drop: () => Promise<void>;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vd-cal-'));
    ({ database, env, drop } = await openAddressable(kind, dir));
    const deps = {
      db: database.db,
      dbKind: database.kind,
      clock: fixedClock('2026-11-23T03:00:00Z'),
      config: testConfig(),
    };
    app = (await buildApp(deps)) as unknown as FastifyInstance;
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close().catch(() => {}); // already closed for PGlite
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives identical answers through both doors, on the calendar as the administrator edited it', async () => {
    const city = await createUnit(database.db, { name: 'Thành phố Lịch' });
    const cookie = await loginAs(
      app,
      await createUser(database.db, { orgUnitId: city.id, roles: ['admin'] }),
    );
    const y = (
      await app.inject({ method: 'GET', url: '/api/v1/calendar/years/2027', headers: { cookie } })
    ).json<CalendarYear>();
    const edit = await app.inject({
      method: 'PUT',
      url: '/api/v1/calendar/years/2027',
      headers: { cookie },
      payload: {
        version: y.version,
        status: 'decided',
        holidays: [
          ...y.holidays.filter((h) => h.date !== '2027-02-05'),
          { date: '2027-03-01', name: 'Nghỉ hoán đổi' },
        ],
        workingSaturdays: [{ date: '2027-02-27', name: 'Làm bù' }],
        notes: 'Đã quyết định (thử nghiệm).',
      },
    });
    expect(edit.statusCode).toBe(200);

    const qs = queries();
    const http = await app.inject({
      method: 'POST',
      url: '/api/v1/calendar/count',
      headers: { cookie },
      payload: qs,
    });
    expect(http.statusCode).toBe(200);
    const answers = http.json<{ id: string }[]>();
    expect(answers).toHaveLength(qs.length);
    expect(answers.slice(0, 2)).toEqual([
      { id: 'a', date: '2026-03-02', provisional: false },
      { id: 'b', days: 1, provisional: false },
    ]);
    // The edit matters: the built-in calendar answers differently.
    const builtIn = countWorkingDays(buildCalendar(BUILT_IN_CALENDAR), qs) as { id: string }[];
    expect(answers.find((a) => a.id === 'edited-add')).toEqual({
      id: 'edited-add',
      date: '2027-02-05',
      provisional: false,
    });
    expect(builtIn.find((a) => a.id === 'edited-add')).toEqual({
      id: 'edited-add',
      date: '2027-02-12',
      provisional: true,
    });

    if (kind === 'pglite') {
      // PGlite belongs to one process: the server stops, then the command line opens its data directory.
      await app.close();
      await database.close();
    }
    const file = path.join(dir, 'queries.json');
    writeFileSync(file, JSON.stringify(qs));
    const res = await cli(file, env);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual(answers);
  }, 120_000);
});

describe('calendar count on the command line without the database', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vd-cal-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says in one line that the data directory is locked by a running server, and uses the built-in calendar', async () => {
    const database = await openPglite(dir); // holds the lock, as a running server does
    try {
      await migrate(database);
      const file = path.join(dir, 'q.json');
      const qs = queries();
      writeFileSync(file, JSON.stringify(qs));
      const res = await cli(file, { DATA_DIR: dir });
      expect(res.code).toBe(0);
      expect(res.stderr.trim().split('\n')).toHaveLength(1);
      expect(res.stderr).toMatch(/máy chủ đang chạy/);
      expect(JSON.parse(res.stdout)).toEqual(countWorkingDays(buildCalendar(BUILT_IN_CALENDAR), qs));
    } finally {
      await database.close();
    }
  }, 120_000);

  it('exits 2 with a clear message for a malformed file, a malformed query, or a date outside the known years', async () => {
    const empty = path.join(dir, 'empty-data');
    const write = (name: string, content: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, content);
      return file;
    };
    const missing = await cli(path.join(dir, 'missing.json'), { DATA_DIR: empty });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/không tìm thấy tệp/);
    const notJson = await cli(write('bad.json', '{"from": '), { DATA_DIR: empty });
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/invalid_json/);
    const bad = await cli(
      write(
        'q.json',
        JSON.stringify([
          { from: '2026-02-09', add: 1 },
          { from: '2026-02-30', add: 0 },
        ]),
      ),
      {
        DATA_DIR: empty,
      },
    );
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/invalid_calendar_query/);
    expect(bad.stderr).toContain('[1].from');
    expect(bad.stderr).toContain('[1].add');
    const out = await cli(write('out.json', JSON.stringify({ from: '2031-01-02', add: 1 })), {
      DATA_DIR: empty,
    });
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/calendar_date_out_of_range/);
    expect(out.stderr).toMatch(/năm 2031/);
    expect(out.stderr).toMatch(/Chưa có cơ sở dữ liệu/); // the one line about the database
  }, 120_000);
});
