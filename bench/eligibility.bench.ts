import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'drizzle-orm';
import { openPglite, rowsOf, type Database } from '../server/src/db/client';
import { migrate } from '../server/src/db/migrate';
import { seedDemo } from '../server/src/db/seed/demo';
import type { AwardCode } from '../contract/eligibility';
import { engineFor } from '../server/src/domain/eligibility';
import { seconds, withPostgres } from './pg';
import { individualsInSubtree } from '../server/src/modules/eligibility/eligibility.repository';

interface Result {
  db: string;
  people: number;
  seedSeconds: number;
  baselineSeconds: number;
  eligibilitySeconds: number;
  judgingSeconds: number;
  verdicts: number;
  eligible: number;
  /** resident set size when the batch starts, and the most it reached during the batch (MB) */
  rssStartMb: number;
  rssPeakMb: number;
  /** the longest the event loop was held during the batch (ms) */
  maxBlockMs: number;
}

// A full collection before the batch, so its memory figures do not carry the seeding's garbage.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Samples the resident set size until stopped: on a timer, and whenever `sample()` is called. */
function rssSampler() {
  let peak = process.memoryUsage().rss;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 25);
  return {
    sample,
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function measure(
  label: string,
  database: Database,
  peopleCount: number,
  years: number,
): Promise<Result> {
  await migrate(database);
  let t0 = process.hrtime.bigint();
  await seedDemo(database.db, {
    people: peopleCount,
    years,
    log: (m) => process.stderr.write(`  [${label}] ${m}\n`),
  });
  const seedSeconds = seconds(t0);
  await database.db.execute(sql`analyze`);

  // Every award with engine rules, for every person, as the year-end batch does.
  const engine = engineFor();
  const root = rowsOf<{ path: string }>(
    await database.db.execute(sql`select path from org_units where parent_id is null limit 1`),
  )[0]!.path;
  const year = 2025;
  const asOf = '2026-01-15';
  const ruleSet = engine.ruleSetFor(asOf)!;
  // every award with an automatic (regular) route for individuals in the rule set in force
  const awards = (Object.keys(ruleSet.rules) as AwardCode[]).filter((a) =>
    ruleSet.rules[a]!.some((r) => r.kind === 'regular' && r.subjects.includes('individual')),
  );
  collectGarbage();
  const rss = rssSampler();
  const rssStart = process.memoryUsage().rss;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  t0 = process.hrtime.bigint();
  let people = 0;
  let verdicts = 0;
  let eligible = 0;
  let judging = 0n;
  for await (const page of individualsInSubtree(database.db, root)) {
    const j0 = process.hrtime.bigint();
    for (const { subject } of page) {
      for (const award of awards) {
        verdicts++;
        // the batch's way: the fast path for everyone, the full verdict with messages for those who qualify
        if (engine.isEligible({ award, asOf, year, subject })) {
          eligible++;
          engine.evaluate({ award, asOf, year, subject });
        }
      }
    }
    judging += process.hrtime.bigint() - j0;
    people += page.length;
    rss.sample();
  }
  process.stderr.write(`  [${label}] of which judging in memory: ${(Number(judging) / 1e9).toFixed(2)} s\n`);
  const eligibilitySeconds = seconds(t0);
  loop.disable();
  const rssPeak = rss.stop();
  const maxBlockMs = loop.max / 1e6;
  process.stderr.write(
    `  [${label}] batch: RSS ${mb(rssStart)} MB at the start, peak ${mb(rssPeak)} MB; event loop held at most ${maxBlockMs.toFixed(0)} ms\n`,
  );

  // Baseline (after the batch, so its 3.5 M rows do not weigh on the batch's memory figures): the same
  // records brought to the application by one plain query, without judging anything.
  t0 = process.hrtime.bigint();
  const base = rowsOf<{ p: string }>(
    await database.db.execute(sql`
      select person_id as p, year, level as v from ratings where person_id is not null
      union all select person_id, year, award_code from award_records where person_id is not null
      union all select person_id, year, scope from initiatives
      union all select person_id, year, form from disciplines
      union all select id, 0, to_char(started_on, 'YYYY-MM-DD') from people`),
  );
  const baselineSeconds = seconds(t0);
  process.stderr.write(`  [${label}] baseline read ${base.length} rows in ${baselineSeconds.toFixed(2)} s\n`);
  base.length = 0;

  return {
    db: label,
    people,
    seedSeconds,
    baselineSeconds,
    eligibilitySeconds,
    judgingSeconds: Number(judging) / 1e9,
    verdicts,
    eligible,
    rssStartMb: mb(rssStart),
    rssPeakMb: mb(rssPeak),
    maxBlockMs,
  };
}

export async function runEligibilityBench(args: {
  people: number;
  years: number;
  postgresUrl?: string;
  pglite: boolean;
}) {
  const results: Result[] = [];
  if (args.pglite) {
    const lite = await openPglite(undefined);
    try {
      results.push(await measure('PGlite', lite, args.people, args.years));
    } finally {
      await lite.close();
    }
  }
  if (args.postgresUrl) {
    results.push(
      await withPostgres(args.postgresUrl, (d) => measure('PostgreSQL', d, args.people, args.years)),
    );
  }
  console.log(
    `\nEligibility benchmark: ${args.people} people, ${args.years} years of records each, every award with rules\n`,
  );
  console.log(
    '| database | people | baseline read (s) | eligibility (s) | ratio to baseline | people/s | of which judging (s) | ' +
      'verdicts | eligible | RSS start → peak (MB) | event loop held at most (ms) |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.db} | ${r.people} | ${r.baselineSeconds.toFixed(2)} | ${r.eligibilitySeconds.toFixed(2)} | ` +
        `${(r.eligibilitySeconds / r.baselineSeconds).toFixed(2)} | ${Math.round(r.people / r.eligibilitySeconds)} | ` +
        `${r.judgingSeconds.toFixed(2)} | ${r.verdicts} | ${r.eligible} | ${r.rssStartMb} → ${r.rssPeakMb} | ` +
        `${Math.round(r.maxBlockMs)} |`,
    );
  }
  console.log(
    `\n(seeding, not measured: ${results.map((r) => `${r.db} ${r.seedSeconds.toFixed(1)} s`).join(', ')})`,
  );
}
