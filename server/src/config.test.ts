import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('has defaults for the embedded database, and keeps a generated session secret in the data directory', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'vd-cfg-'));
    try {
      const c = loadConfig({ DATA_DIR: dir });
      expect(c).toMatchObject({ port: 8080, databaseUrl: undefined, seedDemo: true, dataDir: dir });
      expect(c.sessionSecret.length).toBeGreaterThanOrEqual(32);
      expect(readFileSync(path.join(dir, 'session-secret'), 'utf8')).toBe(c.sessionSecret);
      expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(c.sessionSecret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('turns demo data off by default on PostgreSQL', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h:5432/db', SESSION_SECRET: 'x'.repeat(40) });
    expect(c.seedDemo).toBe(false);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SEED_DEMO: 'maybe' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems;
      expect(problems).toHaveLength(4);
      expect(problems.join('\n')).toMatch(/PORT/);
      expect(problems.join('\n')).toMatch(/DATABASE_URL/);
      expect(problems.join('\n')).toMatch(/SEED_DEMO/);
      expect(problems.join('\n')).toMatch(/SESSION_SECRET/);
    }
  });

  it('reads the session idle timeout and absolute limit, 2 h and 12 h by default', () => {
    const pg = { DATABASE_URL: 'postgres://u@h:5432/db', SESSION_SECRET: 'x'.repeat(40) };
    expect(loadConfig(pg)).toMatchObject({ sessionIdleMinutes: 120, sessionMaxHours: 12 });
    expect(loadConfig({ ...pg, SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '8' })).toMatchObject({
      sessionIdleMinutes: 30,
      sessionMaxHours: 8,
    });
    // a short absolute limit shortens the default idle timeout with it
    expect(loadConfig({ ...pg, SESSION_MAX_HOURS: '1' }).sessionIdleMinutes).toBe(60);
    try {
      loadConfig({ ...pg, SESSION_IDLE_MINUTES: 'abc', SESSION_MAX_HOURS: '0' });
      expect.unreachable();
    } catch (e) {
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toMatch(/SESSION_IDLE_MINUTES/);
      expect(problems).toMatch(/SESSION_MAX_HOURS/);
    }
    expect(() => loadConfig({ ...pg, SESSION_IDLE_MINUTES: '600', SESSION_MAX_HOURS: '2' })).toThrow(
      /SESSION_IDLE_MINUTES/,
    );
  });

  it('keeps uploaded files in DATA_DIR/files by default, 20 MB at most, of every known kind', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@h:5432/db',
      SESSION_SECRET: 'x'.repeat(40),
      DATA_DIR: '/srv/vd',
    });
    expect(c.filesDir).toBe(path.resolve('/srv/vd/files'));
    expect(c.filesMaxBytes).toBe(20 * 1024 * 1024);
    expect(c.filesAllowedTypes).toEqual(['pdf', 'jpeg', 'png', 'webp', 'docx', 'xlsx', 'doc', 'xls']);
    const d = loadConfig({
      DATABASE_URL: 'postgres://u@h:5432/db',
      SESSION_SECRET: 'x'.repeat(40),
      FILES_DIR: '/mnt/tep',
      FILES_MAX_MB: '5',
      FILES_ALLOWED_TYPES: 'PNG, pdf',
    });
    expect(d).toMatchObject({
      filesDir: '/mnt/tep',
      filesMaxBytes: 5 * 1024 * 1024,
      filesAllowedTypes: ['pdf', 'png'],
    });
  });

  it('refuses an unknown file kind or a size that is not a number of MB', () => {
    try {
      loadConfig({
        DATABASE_URL: 'postgres://u@h:5432/db',
        SESSION_SECRET: 'x'.repeat(40),
        FILES_MAX_MB: 'hai mươi',
        FILES_ALLOWED_TYPES: 'pdf,exe',
      });
      expect.unreachable();
    } catch (e) {
      const problems = (e as ConfigError).problems;
      expect(problems).toHaveLength(2);
      expect(problems.join('\n')).toMatch(/FILES_MAX_MB/);
      expect(problems.join('\n')).toMatch(/FILES_ALLOWED_TYPES.*"exe"/);
    }
  });
});
