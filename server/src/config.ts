import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  seedDemo: boolean;
  sessionSecret: string;
  /** Where the built web application lives (served by the API server). */
  webDist: string;
  /** Path to the Chromium binary used by browser tests and PDF previews. */
  chromiumPath: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ / invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function parseBool(name: string, raw: string | undefined, fallback: boolean, problems: string[]): boolean {
  if (raw === undefined || raw === '') return fallback;
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  problems.push(`${name} phải là true hoặc false (must be true or false), nhận được "${raw}"`);
  return fallback;
}

/** The only reader of the environment. Every problem is listed at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];

  let port = 8080;
  if (env.PORT !== undefined && env.PORT !== '') {
    const n = Number(env.PORT);
    if (!Number.isInteger(n) || n < 0 || n > 65535) {
      problems.push(`PORT phải là số nguyên 0–65535 (must be an integer 0–65535), nhận được "${env.PORT}"`);
    } else port = n;
  }
  const host = env.HOST && env.HOST.trim() !== '' ? env.HOST.trim() : '0.0.0.0';
  const { dataDir, databaseUrl } = parseDatabaseConfig(env, problems);
  const seedDemo = parseBool('SEED_DEMO', env.SEED_DEMO, databaseUrl === undefined, problems);

  let sessionSecret = env.SESSION_SECRET ?? '';
  if (sessionSecret !== '' && sessionSecret.length < 32) {
    problems.push('SESSION_SECRET phải dài ít nhất 32 ký tự (must be at least 32 characters)');
  }
  if (sessionSecret === '' && env.DATABASE_URL) {
    problems.push('SESSION_SECRET là bắt buộc khi dùng DATABASE_URL (required with DATABASE_URL)');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  if (sessionSecret === '') sessionSecret = readOrCreateSecret(dataDir);

  return {
    port,
    host,
    dataDir,
    databaseUrl,
    seedDemo,
    sessionSecret,
    webDist: path.resolve(env.WEB_DIST ?? 'dist/web'),
    chromiumPath: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  };
}

/** Where the database is: `DATABASE_URL`, else the embedded database in `DATA_DIR`. */
export type DatabaseConfig = Pick<Config, 'dataDir' | 'databaseUrl'>;

function parseDatabaseConfig(env: NodeJS.ProcessEnv, problems: string[]): DatabaseConfig {
  const dataDir = path.resolve(env.DATA_DIR && env.DATA_DIR.trim() !== '' ? env.DATA_DIR : './data');
  let databaseUrl: string | undefined;
  if (env.DATABASE_URL && env.DATABASE_URL.trim() !== '') {
    try {
      const u = new URL(env.DATABASE_URL);
      if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') throw new Error('protocol');
      databaseUrl = env.DATABASE_URL;
    } catch {
      problems.push('DATABASE_URL phải có dạng postgres://user@host:port/db (must be a postgres:// URL)');
    }
  }
  return { dataDir, databaseUrl };
}

/**
 * Only where the database is, for commands that read it and need nothing else (no session secret, and
 * nothing written into `DATA_DIR`). Same variables and checks as `loadConfig`.
 */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const problems: string[] = [];
  const config = parseDatabaseConfig(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function readOrCreateSecret(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
