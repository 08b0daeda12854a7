/**
 * "Đủ điều kiện đề nghị" under load, on PostgreSQL with a generated city: a ward and the whole city's
 * first page at 50 and 200 requests per second offered, beside a bare Fastify + pg server running the same
 * SQL; the time from saving a rating to the list showing it; and /api/health meanwhile.
 */
import os from 'node:os';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { buildApp } from '../server/src/app';
import { rowsOf, type Database } from '../server/src/db/client';
import { migrate } from '../server/src/db/migrate';
import { seedDemo } from '../server/src/db/seed/demo';
import { systemClock, todayInVietnam } from '../server/src/lib/clock';
import { storedListCounts, storedListPage } from '../server/src/modules/eligibility/verdicts.repository';
import { rebuildStore } from '../server/src/modules/eligibility/verdicts.service';
import { PROPOSAL_AWARDS } from '../server/src/modules/eligibility/eligibility.service';
import { fmtLoad, get, offerLoad, removeLoadScript, type LoadResult } from './load';
import { seconds, withPostgres } from './pg';

const log = (m: string) => process.stderr.write(`  [eligible-now] ${m}\n`);

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'vinhdanh' }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('vd_session='))!;
  return cookie.split(';')[0]!;
}

async function scenario(database: Database, o: { seconds: number; rates: number[] }) {
  const db = database.db;
  const deps = {
    db,
    dbKind: database.kind,
    clock: systemClock,
    config: {
      sessionSecret: 'bench-secret-bench-secret-bench-secret',
      webDist: '/nonexistent',
      filesDir: os.tmpdir(),
      filesMaxBytes: 1 << 20,
      filesAllowedTypes: [],
    },
  };
  let t0 = process.hrtime.bigint();
  const report = await rebuildStore(deps, { holder: 'bench' });
  const rebuildSeconds = seconds(t0);
  log(
    `full recomputation: ${report!.people} people, ${report!.verdicts} verdicts in ${rebuildSeconds.toFixed(1)} s`,
  );
  await db.execute(sql`analyze`);

  const app = await buildApp(deps as never, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  app.verdictKeeper.start();
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  // the same SQL without the application around it: no session, no scope check, no service
  const bare = Fastify();
  const year = Number(todayInVietnam(systemClock).slice(0, 4)) - 1;
  bare.get<{ Querystring: { path: string } }>('/list', async (req) => {
    const f = { subtreePath: req.query.path, year, awards: PROPOSAL_AWARDS, onlyNew: false };
    const [items, counts] = await Promise.all([
      storedListPage(db, { ...f, limit: 20, offset: 0 }),
      storedListCounts(db, f),
    ]);
    return { items, counts };
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

  const board = await login(base, 'bantdkt');
  const officer = await login(base, 'canbo');
  const me = (await (await fetch(`${base}/api/v1/me`, { headers: { cookie: officer } })).json()) as {
    orgUnitId: string;
  };
  const wardId = me.orgUnitId;
  const [ward] = rowsOf<{ path: string; people: number }>(
    await db.execute(sql`select u.path, (select count(*)::int from people p join org_units x on x.id = p.org_unit_id
      where x.path like u.path || '%') as people from org_units u where u.id = ${wardId}`),
  );
  const [root] = rowsOf<{ path: string }>(
    await db.execute(sql`select path from org_units where parent_id is null`),
  );
  log(`ward: ${ward!.people} people`);

  const results: { what: string; rate: number; app: LoadResult; bare: LoadResult; health: LoadResult }[] = [];
  const targets = [
    {
      what: 'ward',
      url: `${base}/api/v1/eligibility/eligible-now?limit=20`,
      cookie: officer,
      path: ward!.path,
    },
    {
      what: 'city, first page',
      url: `${base}/api/v1/eligibility/eligible-now?limit=20`,
      cookie: board,
      path: root!.path,
    },
  ];
  for (const t of targets) {
    await get(t.url, { cookie: t.cookie }); // warm
    for (const rate of o.rates) {
      // /api/health at 10 per second while the list is under load
      const healthRun = offerLoad(`${base}/api/health`, {}, 10, o.seconds);
      const appRun = await offerLoad(t.url, { cookie: t.cookie }, rate, o.seconds);
      const health = await healthRun;
      const bareRun = await offerLoad(
        `${bareBase}/list?path=${encodeURIComponent(t.path)}`,
        {},
        rate,
        o.seconds,
      );
      results.push({ what: t.what, rate, app: appRun, bare: bareRun, health });
      log(
        `${t.what} @${rate}/s: app ${fmtLoad(appRun)}; bare ${fmtLoad(bareRun)}; health ${fmtLoad(health)}`,
      );
    }
  }

  // From saving a rating to the list showing it: an LĐTT holder of the ward rated KHT drops out of the list.
  const listUrl = `${base}/api/v1/eligibility/eligible-now?awards=LDTT&year=${year}&limit=500`;
  const first = (await (await fetch(listUrl, { headers: { cookie: officer } })).json()) as {
    items: { personId: string }[];
  };
  const personId = first.items[0]!.personId;
  const person = (await (
    await fetch(`${base}/api/v1/people/${personId}`, { headers: { cookie: officer } })
  ).json()) as {
    ratings: { id: string; year: number; version: number }[];
  };
  const rating = person.ratings.find((r) => r.year === year)!;
  t0 = process.hrtime.bigint();
  const saved = await fetch(`${base}/api/v1/people/${personId}/ratings/${rating.id}`, {
    method: 'PATCH',
    headers: { cookie: officer, 'content-type': 'application/json' },
    body: JSON.stringify({ version: rating.version, level: 'KHT' }),
  });
  if (saved.status !== 200) throw new Error(`saving the rating: ${saved.status} ${await saved.text()}`);
  let shownSeconds = NaN;
  for (;;) {
    const l = (await (await fetch(listUrl, { headers: { cookie: officer } })).json()) as {
      items: { personId: string }[];
    };
    if (!l.items.some((r) => r.personId === personId)) {
      shownSeconds = seconds(t0);
      break;
    }
    if (seconds(t0) > 30) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  log(`saving a rating → the list shows it: ${(shownSeconds * 1000).toFixed(0)} ms`);

  await app.close();
  await bare.close();
  removeLoadScript();
  return { rebuildSeconds, report: report!, results, shownSeconds, wardPeople: ward!.people };
}

export async function runEligibleNowBench(args: {
  people: number;
  years: number;
  postgresUrl: string | undefined;
  seconds: number;
}) {
  if (!args.postgresUrl) {
    console.error('eligible-now: set BENCH_DATABASE_URL or TEST_DATABASE_URL to a PostgreSQL server');
    process.exit(2);
  }
  const out = await withPostgres(
    args.postgresUrl,
    async (database) => {
      await migrate(database);
      const t0 = process.hrtime.bigint();
      await seedDemo(database.db, { people: args.people, years: args.years, log });
      log(`seeded in ${seconds(t0).toFixed(0)} s`);
      await database.db.execute(sql`analyze`);
      return scenario(database, { seconds: args.seconds, rates: [50, 200] });
    },
    10,
  );
  console.log(
    `\nEligible-now benchmark (PostgreSQL): ${args.people} people × ${args.years} years; ward of ${out.wardPeople} people; load ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}\n`,
  );
  console.log(
    `Full recomputation of the stored verdicts: ${out.rebuildSeconds.toFixed(1)} s (${out.report.people} people, ${out.report.verdicts} verdicts)`,
  );
  console.log(
    `Saving a rating → the list shows it: ${(out.shownSeconds * 1000).toFixed(0)} ms (target ≤ 2,000)\n`,
  );
  console.log(
    '| list | offered/s | app served/s | app p50 | app p95 | bare p50 | bare p95 | app/bare p95 | health p99 |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of out.results) {
    console.log(
      `| ${r.what} | ${r.rate} | ${r.app.served.toFixed(1)} | ${Math.round(r.app.p50)} | ${Math.round(r.app.p95)} | ${Math.round(r.bare.p50)} | ${Math.round(r.bare.p95)} | ${(r.app.p95 / r.bare.p95).toFixed(2)} | ${Math.round(r.health.p99)} |`,
    );
  }
  console.log(
    '\nTargets: p95 ≤ 300 ms for a ward, ≤ 1,000 ms for the city’s first page; /api/health p99 ≤ 100 ms.',
  );
}
