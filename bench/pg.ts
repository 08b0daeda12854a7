import { randomBytes } from 'node:crypto';
import { openPostgres, withPgClient, type Database } from '../server/src/db/client';

/** A throwaway PostgreSQL database for one benchmark run, dropped afterwards. */
export async function withPostgres<T>(
  baseUrl: string,
  fn: (d: Database, url: string) => Promise<T>,
  poolSize = 4,
): Promise<T> {
  const name = `vd_bench_${randomBytes(4).toString('hex')}`;
  await withPgClient(baseUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString(), poolSize);
  try {
    return await fn(database, url.toString());
  } finally {
    // close() waits until every connection is gone, so the drop never terminates a live one
    await database.close();
    await withPgClient(baseUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
  }
}

export const seconds = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;
