/**
 * The demo city: Hà Nội after the reform of 1 July 2025, with thousands of people and six years of
 * ratings, initiatives, discipline and awards. Who may receive a title is the eligibility engine's answer
 * (eligibility.ts: LĐTT, CSTĐCS, CSTĐ cấp Thành phố, Bằng khen, collective titles and flags); the
 * generator only decides whom units propose, with chances that leave some people "just eligible".
 *
 * Deterministic: a seeded PRNG builds the same city every time. Fast: rows are generated in chunks and
 * sent as multi-row raw inserts (bulk.ts), all in one transaction.
 *
 * One file per aggregate: org-units.ts (the units and who leads them), people.ts (identities, careers),
 * records.ts (the yearly record and awards), collectives.ts (unit ratings and collective titles),
 * accounts.ts (the demo logins); scripts.ts places a few people on purpose; decisions.ts says who
 * decides what; rows.ts buffers what is sent.
 */
import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import type { Db } from '../../client';
import { orgUnits } from '../../schema';
import { bulkInsert } from '../bulk';
import { workingYear, YEAR_END_SEASON_FROM } from '../../../../../contract/calendar';
import { systemClock, todayInVietnam } from '../../../lib/clock';
import { Rng, yearOf } from '../random';
import { OFFICER_HOSPITAL_CODE, OFFICER_WARD_CODE } from '../city';
import { DEMO_PASSWORD, generateAccounts, type DemoAccount } from './accounts';
import { generateCollectives } from './collectives';
import { Decisions } from './decisions';
import { DemoEligibility } from './eligibility';
import type { Agg, DemoContext } from './model';
import { planCity, sendOrgUnits } from './org-units';
import { generatePeople } from './people';
import { DemoRows, type RowSink } from './rows';

export { DEMO_PASSWORD, type DemoAccount, type RowSink };
export const DEFAULT_DEMO_PEOPLE = 4000;
export const DEFAULT_DEMO_YEARS = 6;
/** A fixed "today" for tests that compare one demo city with another. */
export const FIXED_DEMO_TODAY = '2026-11-23';
const SEED = 20250701;

export interface SeedDemoOptions {
  /** How many people (default 4,000; scales to 200,000). */
  people?: number;
  /** How many past years of ratings and awards (default 6: today's year − 6 … today's year − 1). */
  years?: number;
  /**
   * "Today" of the demo (yyyy-mm-dd; default: today in Vietnam, so the city lives in the present): nothing is
   * dated after it, the ratings run to last year, and in the rating season (from 1 November) part of the
   * city has rated this year already.
   */
  today?: string;
  log?: (msg: string) => void;
}

export interface SeedDemoResult {
  accounts: DemoAccount[];
}

/** True when the database has no organisation unit yet (a fresh install that may get the demo). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: orgUnits.id }).from(orgUnits).limit(1);
  return rows.length === 0;
}

/** Fill an empty, migrated database with the demo city, in one transaction, then analyse it. */
export async function seedDemo(db: Db, opts: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const log = opts.log ?? (() => {});
  const started = Date.now();
  if (!(await isDatabaseEmpty(db))) {
    throw new Error(
      'Cơ sở dữ liệu đã có dữ liệu; chỉ tạo dữ liệu mẫu trên cơ sở dữ liệu trống (database is not empty)',
    );
  }
  // One hash for every demo account (argon2 is slow on purpose).
  const passwordHash = await hash(DEMO_PASSWORD);
  const result = await db.transaction(async (tx) => {
    // a whole city at once: the stored verdicts are built in full afterwards (the keeper's first round),
    // so the triggers queue nobody one insert at a time (their bulk-load switch, for this transaction only)
    await tx.execute(sql`select set_config('vinhdanh.bulk_load', 'on', true)`);
    return generateDemo(
      async (table, columns, rows) => {
        await bulkInsert(tx, table, columns, rows);
      },
      { ...opts, passwordHash },
    );
  });
  // Fresh statistics: without them the planner guesses on every table just filled (PGlite has no autovacuum
  // to analyse later, and PostgreSQL's would come only after a while), and searches run several times slower.
  log('Đang cập nhật thống kê cho bộ lập kế hoạch truy vấn (ANALYZE)…');
  await db.execute(sql`analyze`);
  log(`Đã tạo dữ liệu mẫu sau ${((Date.now() - started) / 1000).toFixed(1)} giây.`);
  return result;
}

/**
 * Build the demo city and send every row to `sink`. Exported for tests (a digest sink proves
 * determinism without a database); applications call `seedDemo`.
 */
export async function generateDemo(
  sink: RowSink,
  opts: SeedDemoOptions & { passwordHash: string },
): Promise<SeedDemoResult> {
  const log = opts.log ?? (() => {});
  const today = opts.today ?? todayInVietnam(systemClock);
  const yearsBack = Math.max(1, Math.floor(opts.years ?? DEFAULT_DEMO_YEARS));
  const lastYear = yearOf(today) - 1;
  const firstYear = lastYear - yearsBack + 1;
  const requestedPeople = Math.max(1, Math.floor(opts.people ?? DEFAULT_DEMO_PEOPLE));

  // Three streams, each drawn in a fixed order: choices, ids, decision numbers and dates.
  const rng = new Rng(SEED);
  const ids = new Rng(SEED ^ 0x5eed);
  const decisions = new Decisions(new Rng(SEED ^ 0xdec1), today);

  log('Đang tạo cơ cấu tổ chức của thành phố…');
  const city = planCity(ids, requestedPeople, log);
  await sendOrgUnits(city, sink, log);

  const ctx: DemoContext = {
    rng,
    ids,
    decisions,
    rows: new DemoRows(sink, ids, decisions),
    eligibility: new DemoEligibility(today),
    city,
    today,
    firstYear,
    lastYear,
    yearEnd: yearEndWork(city, today),
    aggregates: new Map<string, Agg>(),
    headNames: new Map<string, string>(),
    log,
  };
  await generatePeople(ctx);
  await generateCollectives(ctx);
  const accounts = await generateAccounts(ctx, opts.passwordHash);
  return { accounts };
}

/**
 * Today's year-end work: in December (YEAR_END_SEASON_FROM) the units finish rating their people for this
 * year, a few at first and most by the end of the month. The officer's ward has not finished (its officer imports the ratings);
 * the hospital has.
 */
function yearEndWork(city: DemoContext['city'], today: string): DemoContext['yearEnd'] {
  const year = yearOf(today);
  if (workingYear(today) !== year) return undefined;
  const days = (Date.parse(today) - Date.parse(`${year}-${YEAR_END_SEASON_FROM}`)) / 86_400_000;
  const share = Math.min(0.9, 0.2 + (days / 30) * 0.7);
  const rng = new Rng(SEED ^ 0x7ea2);
  const ward = city.unitOf(OFFICER_WARD_CODE);
  const hospital = city.unitOf(OFFICER_HOSPITAL_CODE);
  const done = new Set<number>();
  for (const unit of city.staffed) {
    const finished = rng.chance(share);
    if (unit === hospital || (finished && !unit.path.startsWith(ward.path))) done.add(unit.index);
  }
  return { year, done, rng };
}
