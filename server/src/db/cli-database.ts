/**
 * The database of the command line: commands that read what the server keeps (the working-day calendar,
 * the eligibility settings) open the same database the server uses, as `server/src/config.ts` names it:
 *
 *   - `DATABASE_URL` set: that PostgreSQL (one connection, checked with `select 1`);
 *   - otherwise the embedded PGlite database in `DATA_DIR`, when it exists and no running server holds
 *     its lock (PGlite is one process's database: while the server runs, the command cannot open it).
 *
 * No migrations are run and nothing is created: the command only reads what the server wrote. When the
 * database cannot be reached, one line on stderr says why and `work` gets `null`; the command then falls
 * back on its built-in data. Errors thrown by `work` itself are not caught.
 *
 *   const years = await withCliDatabase(loadDatabaseConfig(), async (db) =>
 *     db ? readCalendarYears(db) : BUILT_IN_CALENDAR,
 *   );
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { DatabaseConfig } from '../config';
import {
  DataDirLockedError,
  openPglite,
  openPostgres,
  pgliteDirectory,
  type Database,
  type Db,
} from './client';

export interface CliDatabaseOptions {
  /** where the one line goes when the database cannot be reached (default: stderr) */
  warn?: (line: string) => void;
  /** how long to wait for PostgreSQL to accept the connection (default 5 s) */
  connectTimeoutMs?: number;
}

const FALLBACK = 'dùng dữ liệu có sẵn trong chương trình (using the built-in data)';

/** The first line of the innermost cause (Drizzle wraps the driver's error: "Failed query: …"). */
function describeError(e: unknown): string {
  let inner = e;
  for (let i = 0; i < 4 && inner instanceof Error && inner.cause !== undefined; i++) inner = inner.cause;
  const message = inner instanceof Error ? inner.message : String(inner);
  return message.split('\n')[0]!.trim() || (inner as { code?: string }).code || 'lỗi không rõ';
}

async function open(
  config: DatabaseConfig,
  warn: (line: string) => void,
  timeout: number,
): Promise<Database | null> {
  if (config.databaseUrl) {
    const database = openPostgres(config.databaseUrl, { max: 1, connectionTimeoutMillis: timeout });
    try {
      await database.db.execute(sql`select 1`);
      return database;
    } catch (e) {
      await database.close().catch(() => {});
      const where = new URL(config.databaseUrl).host;
      warn(`Không kết nối được PostgreSQL tại ${where} (${describeError(e)}); ${FALLBACK}.`);
      return null;
    }
  }
  const dir = config.dataDir;
  if (!existsSync(path.join(pgliteDirectory(dir), 'PG_VERSION'))) {
    warn(`Chưa có cơ sở dữ liệu trong ${dir} (DATA_DIR); ${FALLBACK}.`);
    return null;
  }
  try {
    return await openPglite(dir);
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      warn(
        `Cơ sở dữ liệu trong ${dir} đang được máy chủ đang chạy sử dụng, không mở được từ dòng lệnh; ${FALLBACK}. ` +
          'The data directory is locked by the running server.',
      );
    } else {
      warn(`Không mở được cơ sở dữ liệu trong ${dir} (${describeError(e)}); ${FALLBACK}.`);
    }
    return null;
  }
}

/**
 * Run `work` with the configured database opened for reading (or with null when it cannot be reached,
 * after one line on stderr), and close it afterwards.
 */
export async function withCliDatabase<T>(
  config: DatabaseConfig,
  work: (db: Db | null) => Promise<T>,
  opts: CliDatabaseOptions = {},
): Promise<T> {
  const warn = opts.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  const database = await open(config, warn, opts.connectTimeoutMs ?? 5000);
  try {
    return await work(database?.db ?? null);
  } finally {
    await database?.close();
  }
}
