/**
 * One long read, handed over a page at a time: a server-side cursor in a read-only transaction of its
 * own, with the next pages already asked for, so the database produces rows while the caller works on
 * the ones it has. On a pool the transaction takes a connection of its own; on one connection (PGlite)
 * it holds every other query back while it is open, so callers there keep each cursor short.
 */
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { rowsOf, type Db } from './client';

/** True when `db` is a node-postgres pool (a transaction or PGlite is one connection). */
export function isPool(db: Db): boolean {
  return (db as { $client?: unknown }).$client instanceof pg.Pool;
}

let cursors = 0;

/**
 * The rows of `query`, `size` at a time, in the query's order. Up to `ahead` pages (default 2) are fetched
 * before the caller asks for them (one FETCH at a time on the connection), so the database is not idle
 * while the caller works on a page. `setup` runs in the transaction before the cursor is declared (say,
 * planner settings with `set_config(..., true)`). Leaving the loop early closes the cursor.
 */
export async function* cursorPages<T>(
  db: Db,
  query: SQL,
  size: number,
  o: { ahead?: number; setup?: SQL } = {},
): AsyncGenerator<T[]> {
  const ahead = o.ahead ?? 2;
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`cursorPages: size ${size}`);
  const name = sql.raw(`vd_cursor_${++cursors}`);
  const fetch = sql`fetch forward ${sql.raw(String(size))} from ${name}`;
  // Pages fetched and not yet taken; the fetching loop waits while `ahead` of them are waiting.
  const ready: T[][] = [];
  let ended = false; // the last page is in `ready`
  let failure: { error: unknown } | undefined;
  let stopped = false; // the caller is gone
  let wakeFetcher: (() => void) | undefined;
  let wakeCaller: (() => void) | undefined;
  const wake = (w: (() => void) | undefined) => w?.();

  const done = db.transaction(
    async (tx) => {
      if (o.setup) await tx.execute(o.setup);
      await tx.execute(sql`declare ${name} no scroll cursor for ${query}`);
      while (!stopped) {
        if (ready.length >= ahead) {
          await new Promise<void>((resolve) => (wakeFetcher = resolve));
          continue;
        }
        // the event loop gets a turn before every FETCH (on PGlite a query runs on this thread)
        await new Promise<void>((resolve) => setImmediate(resolve));
        const rows = rowsOf<T>(await tx.execute(fetch));
        ready.push(rows);
        if (rows.length < size) ended = true;
        wake(wakeCaller);
        if (ended) break;
      }
    },
    { accessMode: 'read only' },
  );
  done.then(
    () => {
      ended = true;
      wake(wakeCaller);
    },
    (error: unknown) => {
      failure = { error };
      wake(wakeCaller);
    },
  );
  try {
    for (;;) {
      while (ready.length === 0 && !ended && !failure)
        await new Promise<void>((resolve) => (wakeCaller = resolve));
      if (failure) throw failure.error;
      const rows = ready.shift();
      if (!rows) return; // ended, nothing left
      wake(wakeFetcher);
      if (rows.length > 0) yield rows;
    }
  } finally {
    stopped = true;
    wake(wakeFetcher);
    await done.catch(() => {}); // its failure, if any, has been thrown above
  }
}
