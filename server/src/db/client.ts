import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { lockDataDir, pgliteDirectory } from './data-dir';
import * as schema from './schema';

export { DataDirLockedError, lockDataDir, pgliteDirectory } from './data-dir';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
}

export const pgliteExtensions = { pg_trgm };

/**
 * PostgreSQL's shared buffers inside PGlite. The default (128 MB) is written once at start-up, so all of it
 * counts in the server's resident memory whatever the database's size; reads that miss come from the
 * operating system's file cache, which is shared and given back under pressure. 32 MB keeps the demo
 * city's hot pages (people, ratings, awards) and halves PGlite's idle footprint.
 */
export const PGLITE_SHARED_BUFFERS = '32MB';

/** Options of every PGlite instance the application opens (extensions, memory settings). */
export const pgliteOptions = {
  extensions: pgliteExtensions,
  startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
};

/** Open the embedded database in `dir` (or in memory when dir is undefined). */
export async function openPglite(dir: string | undefined): Promise<Database> {
  const unlock = dir ? lockDataDir(dir) : () => {};
  try {
    const client = await PGlite.create(dir ? pgliteDirectory(dir) : undefined, pgliteOptions);
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

/** Where the PostgreSQL pool reports what it survives (pino's `warn(obj, msg)` shape, so `app.log` fits). */
export interface DbLogger {
  warn(obj: { err: unknown }, msg: string): void;
}

/** One line on stderr: the default outside the server (command line, benchmarks). */
export const stderrDbLogger: DbLogger = {
  warn: ({ err }, msg) => {
    const e = err as { code?: unknown; message?: unknown };
    process.stderr.write(
      `${msg}: ${typeof e?.code === 'string' ? `${e.code} ` : ''}${String(e?.message ?? err)}\n`,
    );
  },
};

export interface PostgresOptions {
  /** most connections at once (default 10) */
  max?: number;
  /** where errors of idle or dying connections are reported (default: one line on stderr) */
  logger?: DbLogger;
  /** give up opening a connection, or waiting for a free one, after this long (default 10 s) */
  connectionTimeoutMillis?: number;
  /** close a connection left unused this long (default 30 s) */
  idleTimeoutMillis?: number;
  /**
   * PostgreSQL `statement_timeout` for every connection; off by default, because migrations, the demo seed
   * and bulk imports legitimately run for minutes on the same pool.
   */
  statementTimeoutMillis?: number;
}

/**
 * A node-postgres pool that never lets a connection failure escape as an unhandled `'error'` event:
 * a dead idle connection (PostgreSQL restarted, `drop database ... with (force)`, network gone) is
 * discarded by the pool and reported to `logger`; a connection that dies while checked out fails its
 * query (answered 503 by the error handler) and is discarded when released. The next query opens a
 * fresh connection, so the pool recovers by itself when the server is back.
 */
export function openPostgres(url: string, options: number | PostgresOptions = {}): Database {
  const o = typeof options === 'number' ? { max: options } : options;
  const logger = o.logger ?? stderrDbLogger;
  const pool = new pg.Pool({
    connectionString: url,
    max: o.max ?? 10,
    connectionTimeoutMillis: o.connectionTimeoutMillis ?? 10_000,
    idleTimeoutMillis: o.idleTimeoutMillis ?? 30_000,
    keepAlive: true,
    ...(o.statementTimeoutMillis ? { statement_timeout: o.statementTimeoutMillis } : {}),
  });
  let closing: Promise<void> | undefined;
  // Every connection's end, until its socket is closed: close() waits for them all.
  const ends = new Set<Promise<void>>();
  // Connections checked out of the pool right now (the pool itself listens to idle ones).
  const busy = new WeakSet<pg.Client>();
  pool.on('acquire', (client) => busy.add(client));
  pool.on('release', (_err, client) => busy.delete(client));
  // An idle connection that dies: the pool has already discarded it; say so and carry on.
  pool.on('error', (err) => logger.warn({ err }, 'PostgreSQL: idle connection lost and discarded'));
  pool.on('connect', (client) => {
    const ended = new Promise<void>((resolve) => client.once('end', () => resolve()));
    ends.add(ended);
    void ended.then(() => ends.delete(ended));
    // A checked-out connection has no listener of the pool's: without this one its death (the server
    // restarting in the middle of a transaction) would be an unhandled 'error' event. Its query fails,
    // and the pool discards it when it is released.
    client.on('error', (err) => {
      if (busy.has(client)) logger.warn({ err }, 'PostgreSQL: connection lost while in use');
    });
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    close() {
      // pool.end() resolves as soon as it has *asked* each connection to end, before the sockets close; a
      // database dropped `with (force)` in that instant terminates a backend that has not read its
      // Terminate yet, and the late 57P01 lands on a client nobody listens to. Wait for every socket.
      closing ??= (async () => {
        await pool.end();
        await Promise.all([...ends]);
      })();
      return closing;
    },
  };
}

/** A single connection for administrative work (create or drop a database), closed whatever happens. */
export async function withPgClient<T>(
  url: string,
  fn: (client: pg.Client) => Promise<T>,
  logger: DbLogger = stderrDbLogger,
): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  let ending = false;
  client.on('error', (err) => {
    if (!ending) logger.warn({ err }, 'PostgreSQL: connection lost');
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    ending = true;
    await client.end().catch(() => {});
  }
}

/** The database the configuration names: PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR. */
export async function openDatabase(
  config: { databaseUrl: string | undefined; dataDir: string },
  opts: { logger?: DbLogger } = {},
): Promise<Database> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, { logger: opts.logger })
    : openPglite(config.dataDir);
}

/** The rows of a raw `db.execute` result (node-postgres and PGlite both answer `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
