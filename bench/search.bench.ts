/**
 * People search under load: the real app beside a bare Fastify + pg server that runs the same SQL (the
 * repository's own `searchPeople`, so the two cannot drift), each offered a fixed rate, open loop.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import Fastify from 'fastify';
import pg from 'pg';
import { FILE_KINDS } from '../contract/files';
import { buildApp } from '../server/src/app';
import { openPostgres, rowsOf, withPgClient, type Database } from '../server/src/db/client';
import { migrate } from '../server/src/db/migrate';
import { seedDemo } from '../server/src/db/seed/demo';
import { systemClock } from '../server/src/lib/clock';
import { foldAccents } from '../server/src/lib/vietnamese';
import { searchPeople, type RunSql } from '../server/src/modules/people/people.repository';
import { offerLoad, removeLoadScript, type LoadResult } from './load';

export interface SearchBenchOptions {
  postgresUrl: string;
  people: number;
  years: number;
  /** requests per second offered */
  rate: number;
  /** seconds measured per query and server (after one second of warm-up) */
  seconds: number;
  /** how far both servers count matches (default: the application's `PEOPLE_COUNT_CAP`) */
  cap: number;
  /** an existing database already seeded by this benchmark (`--keep`): skip creating and seeding */
  database?: string;
  /** keep the database afterwards (its name is printed) */
  keep: boolean;
}

/**
 * CPU spent so far by this process (the server under test) and by the PostgreSQL backends of one pool
 * (by application_name; read from /proc, so only when PostgreSQL runs on this machine). On a machine
 * shared with other work, CPU per request says what latency cannot: what one request costs.
 */
async function cpuSnapshot(admin: pg.Pool, applicationName: string) {
  const { rows } = await admin.query<{ pid: number }>(
    'select pid from pg_stat_activity where application_name = $1',
    [applicationName],
  );
  const backends = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      // fields 14 and 15 (utime, stime) in clock ticks, after the ") " that ends the command name
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      backends.set(pid, Number(f[11]) + Number(f[12]));
    } catch {
      return { node: process.cpuUsage(), backends: undefined };
    }
  }
  return { node: process.cpuUsage(), backends };
}

const CLOCK_TICK_MS = 10; // Linux USER_HZ = 100

function cpuPerRequest(
  before: Awaited<ReturnType<typeof cpuSnapshot>>,
  after: Awaited<ReturnType<typeof cpuSnapshot>>,
  requests: number,
) {
  const nodeMs =
    (after.node.user - before.node.user + after.node.system - before.node.system) / 1000 / requests;
  let dbMs: number | undefined;
  if (before.backends && after.backends) {
    let ticks = 0;
    for (const [pid, t] of after.backends) ticks += t - (before.backends.get(pid) ?? 0);
    dbMs = (ticks * CLOCK_TICK_MS) / requests;
  }
  return { nodeMs, dbMs };
}

async function createSeeded(o: SearchBenchOptions): Promise<string> {
  const name = `vd_bench_search_${randomBytes(4).toString('hex')}`;
  await withPgClient(o.postgresUrl, (c) => c.query(`create database ${name}`));
  const database = openPostgres(urlOf(o.postgresUrl, name), 4);
  try {
    await migrate(database);
    const t0 = Date.now();
    await seedDemo(database.db, {
      people: o.people,
      years: o.years,
      log: (m) => process.stderr.write(`  ${m}\n`),
    });
    await database.db.execute(sql`analyze`);
    process.stderr.write(`  seeded and analysed in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  } finally {
    await database.close();
  }
  return name;
}

function urlOf(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The bare baseline: Fastify, a pg pool of the same size as the app's, the repository's SQL, nothing else. */
async function startBare(url: string, scopePath: string, countCap: number) {
  const pool = new pg.Pool({ connectionString: url, max: 10, application_name: BARE_NAME });
  const dialect = new PgDialect();
  const run: RunSql = async <T>(query: Parameters<RunSql>[0]) => {
    const q = dialect.sqlToQuery(query);
    return (await pool.query(q.sql, q.params)).rows as T[];
  };
  const app = Fastify();
  app.get('/search', async (request) => {
    const q = String((request.query as { q?: string }).q ?? '');
    const words = foldAccents(q.normalize('NFC')).split(' ').filter(Boolean);
    return searchPeople(run, { scopePath, words, limit: 20, offset: 0, countCap });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  return {
    base: `http://127.0.0.1:${address.port}/search`,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}

async function startApp(database: Database, peopleCountCap: number) {
  const app = await buildApp(
    {
      db: database.db,
      dbKind: database.kind,
      clock: systemClock,
      config: {
        sessionSecret: randomBytes(32).toString('base64'),
        webDist: path.join(os.tmpdir(), 'vd-bench-no-web'),
        filesDir: path.join(os.tmpdir(), `vd-bench-files-${randomBytes(4).toString('hex')}`),
        filesMaxBytes: 20 * 1024 * 1024,
        filesAllowedTypes: FILE_KINDS,
        peopleCountCap,
      },
    },
    { logger: false },
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // the Ban Thi đua – Khen thưởng account: the whole city is its scope
    body: JSON.stringify({ username: 'bantdkt', password: 'vinhdanh' }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { base: `http://127.0.0.1:${port}/api/v1/people`, cookie, close: () => app.close() };
}

const APP_NAME = 'vd-bench-search-app';
const BARE_NAME = 'vd-bench-search-bare';

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '—');
const cpu = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(2));
const ratio = (x: LoadResult, y: LoadResult) =>
  x.dbMs === undefined || y.dbMs === undefined
    ? '—'
    : ((x.nodeMs! + x.dbMs) / (y.nodeMs! + y.dbMs)).toFixed(2);

export async function runSearchBench(o: SearchBenchOptions) {
  const name = o.database ?? (await createSeeded(o));
  const url = urlOf(o.postgresUrl, name);
  // the app's pool, as main.ts opens it (10 connections), named so that its backends' CPU can be read
  const database = openPostgres(`${url}?application_name=${APP_NAME}`);
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  let app: Awaited<ReturnType<typeof startApp>> | undefined;
  let bare: Awaited<ReturnType<typeof startBare>> | undefined;
  try {
    const [root] = rowsOf<{ path: string }>(
      await database.db.execute(
        sql`select path from org_units where parent_id is null order by path limit 1`,
      ),
    );
    const [counts] = rowsOf<{ people: number }>(
      await database.db.execute(sql`select count(*)::int as people from people`),
    );
    // a rare full name with the commonest family name: found by its rarer words, not by "nguyen"
    const [rare] = rowsOf<{ full_name: string }>(
      await database.db.execute(sql`
        select full_name from people where search_name like 'nguyen %'
        group by full_name having count(*) = 1 order by md5(full_name) limit 1`),
    );
    const queries: [string, string][] = [
      ['q=nguyen van', 'nguyen van'],
      ['q=nguyen', 'nguyen'],
      [`rare full name "${rare?.full_name}"`, foldAccents(rare?.full_name ?? 'khong co')],
      ['empty query', ''],
    ];
    app = await startApp(database, o.cap);
    bare = await startBare(url, root!.path, o.cap);
    const rows: string[] = [];
    for (const [label, q] of queries) {
      const query = q ? `?q=${encodeURIComponent(q)}` : '';
      const appUrl = `${app.base}${query}`;
      const bareUrl = `${bare.base}${query}`;
      // what each answers, once: the same people in the same order
      const [a, b] = await Promise.all([
        fetch(appUrl, { headers: { cookie: app.cookie } }).then((r) => r.json()),
        fetch(bareUrl).then((r) => r.json()),
      ]);
      const ids = (x: { items: { id: string }[] }) => x.items.map((i) => i.id).join();
      if (ids(a) !== ids(b) || a.total !== b.total) throw new Error(`app and bare disagree on ${label}`);
      const shown = `${a.totalIsLowerBound ? '> ' : ''}${a.total}`;
      const result: Record<'app' | 'bare', LoadResult> = {} as never;
      for (const [who, target, headers, name] of [
        ['bare', bareUrl, {}, BARE_NAME],
        ['app', appUrl, { cookie: app.cookie }, APP_NAME],
      ] as const) {
        await offerLoad(target, headers, o.rate, 1); // warm-up, not counted
        const before = await cpuSnapshot(admin, name);
        const r = await offerLoad(target, headers, o.rate, o.seconds);
        Object.assign(r, cpuPerRequest(before, await cpuSnapshot(admin, name), r.sent));
        result[who] = r;
        process.stderr.write(
          `  ${label} ${who}: p50 ${ms(r.p50)} p95 ${ms(r.p95)} p99 ${ms(r.p99)} ms, ${r.served.toFixed(0)}/s served, ` +
            `${r.failed} failed; CPU per request: server ${cpu(r.nodeMs)} ms, PostgreSQL ${cpu(r.dbMs)} ms\n`,
        );
      }
      const { app: x, bare: y } = result;
      rows.push(
        `| ${label} | ${shown} | ${ms(x.p50)} / ${ms(x.p95)} / ${ms(x.p99)} | ${x.served.toFixed(0)} | ` +
          `${cpu(x.nodeMs)} + ${cpu(x.dbMs)} | ` +
          `${ms(y.p50)} / ${ms(y.p95)} / ${ms(y.p99)} | ${y.served.toFixed(0)} | ` +
          `${cpu(y.nodeMs)} + ${cpu(y.dbMs)} | ${(x.p95 / y.p95).toFixed(2)} | ${ratio(x, y)} | ${x.failed + y.failed} |`,
      );
    }
    console.log(
      `\nPeople search: ${counts!.people} people, ${o.rate} requests/s offered for ${o.seconds} s each, ` +
        `open loop; count cap ${o.cap}; load average ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}\n`,
    );
    console.log(
      '| query | total | app p50 / p95 / p99 (ms) | app served/s | app CPU ms/request (server + PostgreSQL) | ' +
        'bare p50 / p95 / p99 (ms) | bare served/s | bare CPU ms/request | p95 app ÷ bare | CPU app ÷ bare | failed |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|---|');
    for (const r of rows) console.log(r);
  } finally {
    await app?.close();
    await bare?.close();
    await database.close();
    await admin.end();
    removeLoadScript();
    if (o.keep || o.database) {
      console.log(`\n(database kept: ${name})`);
    } else {
      await withPgClient(o.postgresUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
    }
  }
}
