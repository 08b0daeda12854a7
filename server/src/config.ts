import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FILE_KINDS, isFileKind, type FileKind } from '../../contract/files';

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
  /**
   * Which reverse proxies to believe about the client's address and protocol (X-Forwarded-For/-Proto):
   * false (none), true (any), a hop count, or a comma-separated list of addresses/CIDRs.
   */
  trustProxy: boolean | number | string;
  /** Where uploaded files are stored (content-addressed); defaults to <dataDir>/files. */
  filesDir: string;
  /** Largest file accepted, in bytes. */
  filesMaxBytes: number;
  /** The kinds of file accepted (detected from the content). */
  filesAllowedTypes: readonly FileKind[];
  /** A session unused this long ends (each request extends it, never past the absolute limit). */
  sessionIdleMinutes: number;
  /** A session ends this long after login, however much it is used. */
  sessionMaxHours: number;
}

export const DEFAULT_SESSION_IDLE_MINUTES = 120;
export const DEFAULT_SESSION_MAX_HOURS = 12;

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
  let filesMaxBytes = 20 * 1024 * 1024;
  if (env.FILES_MAX_MB !== undefined && env.FILES_MAX_MB.trim() !== '') {
    const mb = Number(env.FILES_MAX_MB);
    if (!Number.isFinite(mb) || mb <= 0 || mb > 1024) {
      problems.push(
        `FILES_MAX_MB phải là số MB từ 0 đến 1024 (must be a size in MB, 0–1024), nhận được "${env.FILES_MAX_MB}"`,
      );
    } else filesMaxBytes = Math.floor(mb * 1024 * 1024);
  }
  let filesAllowedTypes: readonly FileKind[] = FILE_KINDS;
  if (env.FILES_ALLOWED_TYPES !== undefined && env.FILES_ALLOWED_TYPES.trim() !== '') {
    const wanted = env.FILES_ALLOWED_TYPES.split(',')
      .map((k) => k.trim().toLowerCase())
      .filter(Boolean);
    const unknown = wanted.filter((k) => !isFileKind(k));
    if (unknown.length > 0 || wanted.length === 0) {
      problems.push(
        `FILES_ALLOWED_TYPES chỉ gồm các loại ${FILE_KINDS.join(', ')} (only these kinds), không biết "${unknown.join(', ')}"`,
      );
    } else filesAllowedTypes = FILE_KINDS.filter((k) => wanted.includes(k));
  }
  const sessionMaxHours = parseNumber(
    'SESSION_MAX_HOURS',
    env.SESSION_MAX_HOURS,
    DEFAULT_SESSION_MAX_HOURS,
    { min: 1, max: 24 * 30 },
    problems,
  );
  const sessionIdleMinutes = parseNumber(
    'SESSION_IDLE_MINUTES',
    env.SESSION_IDLE_MINUTES,
    Math.min(DEFAULT_SESSION_IDLE_MINUTES, sessionMaxHours * 60),
    { min: 5, max: 24 * 30 * 60 },
    problems,
  );
  if (sessionIdleMinutes > sessionMaxHours * 60) {
    problems.push(
      `SESSION_IDLE_MINUTES (${sessionIdleMinutes}) không được dài hơn SESSION_MAX_HOURS (${sessionMaxHours} giờ) (the idle timeout cannot exceed the absolute limit)`,
    );
  }
  const seedDemo = parseBool('SEED_DEMO', env.SEED_DEMO, databaseUrl === undefined, problems);

  let sessionSecret = env.SESSION_SECRET ?? '';
  if (sessionSecret !== '' && sessionSecret.length < 32) {
    problems.push('SESSION_SECRET phải dài ít nhất 32 ký tự (must be at least 32 characters)');
  }
  if (sessionSecret === '' && env.DATABASE_URL) {
    problems.push('SESSION_SECRET là bắt buộc khi dùng DATABASE_URL (required with DATABASE_URL)');
  }
  const trustProxy = parseTrustProxy(env.TRUST_PROXY, problems);
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
    trustProxy,
    filesDir: path.resolve(
      env.FILES_DIR && env.FILES_DIR.trim() !== '' ? env.FILES_DIR : path.join(dataDir, 'files'),
    ),
    filesMaxBytes,
    filesAllowedTypes,
    sessionIdleMinutes,
    sessionMaxHours,
  };
}

function parseNumber(
  name: string,
  raw: string | undefined,
  fallback: number,
  range: { min: number; max: number },
  problems: string[],
): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < range.min || n > range.max) {
    problems.push(
      `${name} phải là số từ ${range.min} đến ${range.max} (must be a number ${range.min}–${range.max}), nhận được "${raw}"`,
    );
    return fallback;
  }
  return n;
}

function parseTrustProxy(raw: string | undefined, problems: string[]): boolean | number | string {
  const v = raw?.trim() ?? '';
  if (v === '' || v.toLowerCase() === 'false') return false;
  if (v.toLowerCase() === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  const parts = v.split(',').map((p) => p.trim());
  if (parts.every((p) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(p))) return parts.join(',');
  problems.push(
    `TRUST_PROXY phải là true, false, số tầng proxy hoặc danh sách địa chỉ IP/CIDR (must be true, false, a hop count or a list of addresses), nhận được "${raw}"`,
  );
  return false;
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
