import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
}

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: string) {
    super(
      `Thư mục dữ liệu ${dir} đang được tiến trình khác (PID ${pid}) sử dụng. ` +
        `The data directory is in use by another process (PID ${pid}); stop it or point DATA_DIR elsewhere.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take an exclusive lock file in the data directory; PGlite has none of its own. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, 'vinhdanh.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = existsSync(lockFile) ? readFileSync(lockFile, 'utf8').trim() : '';
      const pid = Number(owner);
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        throw new DataDirLockedError(dir, owner);
      }
      rmSync(lockFile, { force: true }); // stale lock from a process that died
    }
  }
  throw new DataDirLockedError(dir, 'unknown');
}

export const pgliteExtensions = { pg_trgm };

/** Where PGlite keeps its files inside the data directory. */
export function pgliteDirectory(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}

/** Open the embedded database in `dir` (or in memory when dir is undefined). */
export async function openPglite(dir: string | undefined): Promise<Database> {
  const unlock = dir ? lockDataDir(dir) : () => {};
  try {
    const client = await PGlite.create(dir ? pgliteDirectory(dir) : undefined, {
      extensions: pgliteExtensions,
    });
    return wrapPglite(client, unlock);
  } catch (e) {
    unlock();
    throw e;
  }
}

export function wrapPglite(client: PGlite, onClose: () => void = () => {}): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    async close() {
      await client.close();
      onClose();
    },
  };
}

export function openPostgres(
  url: string,
  max = 10,
  opts: { connectionTimeoutMillis?: number } = {},
): Database {
  const pool = new pg.Pool({ connectionString: url, max, ...opts });
  // DATE columns stay strings ("2025-01-01"), never shifted by the local time zone.
  pool.on('connect', () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { db, kind: 'postgres', close: () => pool.end() };
}

/** The database the configuration names: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR. */
export async function openDatabase(config: {
  databaseUrl: string | undefined;
  dataDir: string;
}): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}

/** The rows of a raw `db.execute` result (node-postgres and PGlite both answer `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
