import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from './db/client';
import { engineFor } from './domain/eligibility';
import { prepareDataDir } from '../test/db';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

/** Run the command line as a user would, with its own data directory; never throws on a non-zero exit. */
async function cli(args: string[], dataDir: string) {
  try {
    const { stdout, stderr } = await run(tsx, [path.join(root, 'server/src/cli.ts'), ...args], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('the vinhdanh command line', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'vd-cli-'));
    await prepareDataDir(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('checks eligibility from a file: JSON out, exit 0; a malformed case exits 2 naming the field', async () => {
    const file = path.join(dir, 'case.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'a',
        award: 'LDTT',
        asOf: '2025-12-15',
        year: 2025,
        subject: { kind: 'individual', startedOn: '2020-01-01', ratings: [{ year: 2025, level: 'HTT' }] },
      }),
    );
    const ok = await cli(['eligibility', 'check', file], dir);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      id: 'a',
      award: 'LDTT',
      eligible: true,
      regime: 'LUAT_2022_ND152',
    });
    writeFileSync(
      file,
      JSON.stringify({ award: 'LDTT', asOf: '2025-12-15', year: 2025, subject: { kind: 'robot' } }),
    );
    const bad = await cli(['eligibility', 'check', file], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('subject.kind');
    expect((await cli(['eligibility', 'check', path.join(dir, 'missing.json')], dir)).code).toBe(2);
  }, 60_000);

  it('judges with the settings stored in the database, as the server does, and names them', async () => {
    const file = path.join(dir, 'warned.json');
    const kase = {
      id: 'k',
      award: 'LDTT',
      asOf: '2024-12-15',
      year: 2024,
      subject: {
        kind: 'individual',
        startedOn: '2020-01-01',
        ratings: [{ year: 2024, level: 'HTT' }],
        discipline: [{ year: 2024, form: 'KHIEN_TRACH' }],
      },
    };
    writeFileSync(file, JSON.stringify(kase));
    const defaults = await cli(['eligibility', 'check', file], dir);
    expect(defaults.code).toBe(0);
    expect(JSON.parse(defaults.stdout)).toMatchObject({ eligible: true });

    const database = await openPglite(dir);
    await database.db.execute(
      sql`insert into settings (key, value, updated_by) values ('ldtt.disciplineDisqualifier', '"KHIEN_TRACH"'::jsonb, 'admin')`,
    );
    await database.close();
    const stored = await cli(['eligibility', 'check', file], dir);
    expect(stored.code).toBe(0);
    const verdict = JSON.parse(stored.stdout);
    expect(verdict.eligible).toBe(false);
    // the same fingerprint as the engine the server builds from the same stored values
    const server = engineFor({ settings: { 'ldtt.disciplineDisqualifier': 'KHIEN_TRACH' } });
    expect(verdict.settings).toBe(server.evaluate(kase as never).settings);
    expect(verdict.settings).not.toBe(JSON.parse(defaults.stdout).settings);

    // while a server holds the database, the command says so and judges with the defaults
    const held = await openPglite(dir);
    try {
      const fallback = await cli(['eligibility', 'check', file], dir);
      expect(fallback.code).toBe(0);
      expect(fallback.stderr).toMatch(/đang được máy chủ đang chạy sử dụng/);
      expect(JSON.parse(fallback.stdout)).toMatchObject({
        eligible: true,
        settings: JSON.parse(defaults.stdout).settings,
      });
    } finally {
      await held.close();
    }
    const reset = await openPglite(dir);
    await reset.db.execute(sql`delete from settings where key = 'ldtt.disciplineDisqualifier'`);
    await reset.close();
  }, 90_000);

  it('creates the first administrator on an empty database, and refuses a duplicate user name', async () => {
    const first = await cli(
      [
        'user',
        'create',
        '--admin',
        '--password',
        'mat-khau-dai-du',
        '--city-name',
        'Ủy ban nhân dân thành phố Hà Nội',
      ],
      dir,
    );
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Ủy ban nhân dân thành phố Hà Nội');
    const again = await cli(['user', 'create', '--admin', '--password', 'mat-khau-dai-du'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('username_taken');
    const short = await cli(['user', 'create', '--admin', '--username', 'second', '--password', 'ngan'], dir);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('password');
  }, 60_000);

  it('verifies the audit chain, and finds a row tampered with', async () => {
    const ok = await cli(['audit', 'verify'], dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/nguyên vẹn/);
    const database = await openPglite(dir);
    await database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await database.db.execute(sql`update audit_log set actor_username = 'ke-gian' where seq = 1`);
    await database.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    await database.close();
    const broken = await cli(['audit', 'verify'], dir);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('seq 1');
  }, 60_000);

  it('stops with a clear message when the data directory is in use', async () => {
    const database = await openPglite(dir);
    try {
      const res = await cli(['audit', 'verify'], dir);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/đang được tiến trình khác/);
    } finally {
      await database.close();
    }
  }, 60_000);
});
