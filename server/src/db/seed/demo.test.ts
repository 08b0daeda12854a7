import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/db';
import { openPglite, type Database, type Db } from '../client';
import { migrate } from '../migrate';
import { bulkInsert, toPgArrayLiteral } from './bulk';
import { OFFICER_HOSPITAL_CODE, OFFICER_WARD_CODE } from './city';
import { generateDemo, isDatabaseEmpty, seedDemo, type SeedDemoResult } from './demo';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
/** The demo's "today" in these tests: in the year-end rating season, so part of the city has rated 2026. */
const TODAY = '2026-12-06';

async function rows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

async function count(db: Db, query: SQL): Promise<number> {
  const [row] = await rows<{ n: number | string }>(db, query);
  return Number(row?.n ?? 0);
}

/** Every check of the demo's shape and of its consistency with the law's conditions. */
function describeInvariants(getDb: () => Db, getResult: () => SeedDemoResult): void {
  it('leaves the planner statistics of the filled tables fresh (ANALYZE)', async () => {
    const db = getDb();
    for (const table of ['people', 'org_units', 'ratings', 'award_records']) {
      // pg_stats is filled by ANALYZE only; reltuples stays -1 on a table never analysed or vacuumed
      expect(
        await count(
          db,
          sql`select count(*) as n from pg_stats where schemaname = 'public' and tablename = ${table}`,
        ),
        table,
      ).toBeGreaterThan(0);
      const [row] = await rows<{ n: number }>(
        db,
        sql`select reltuples::float8 as n from pg_class where oid = ${`public.${table}`}::regclass`,
      );
      expect(row!.n, table).toBeGreaterThan(0);
    }
  });

  it('queues nobody for judging one by one, and the bulk-load switch ends with its transaction', async () => {
    const db = getDb();
    expect(await count(db, sql`select count(*) as n from eligibility_stale`)).toBe(0);
    // outside the seed's transaction a change is queued again (and taken back with the transaction)
    let queued = -1;
    await db
      .transaction(async (tx) => {
        await tx.execute(
          sql`update people set started_on = date '2001-02-03' where id = (select min(id::text)::uuid from people)`,
        );
        queued = await count(tx, sql`select count(*) as n from eligibility_stale`);
        tx.rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Error && /rollback/i.test(e.message))) throw e;
      });
    expect(queued).toBe(1);
    expect(await count(db, sql`select count(*) as n from eligibility_stale`)).toBe(0);
  });

  it('creates units, people, records and accounts', async () => {
    const db = getDb();
    for (const table of [
      'org_units',
      'people',
      'person_units',
      'positions',
      'ratings',
      'initiatives',
      'award_records',
      'users',
    ]) {
      expect(
        await count(db, sql`select count(*)::int as n from ${sql.identifier(table)}`),
        table,
      ).toBeGreaterThan(0);
    }
    expect(await count(db, sql`select count(*)::int as n from people`)).toBe(1500);
    expect(await count(db, sql`select count(*)::int as n from disciplines`)).toBeGreaterThan(0);
    expect(getResult().accounts.map((a) => a.username)).toEqual(
      expect.arrayContaining(['admin', 'bantdkt', 'hoidong', 'canbo', 'lanhdao', 'canbo_bv']),
    );
  });

  it('binds every person to a current unit', async () => {
    const db = getDb();
    expect(
      await count(
        db,
        sql`select count(*)::int as n from people p join org_units o on o.id = p.org_unit_id where o.valid_to is not null`,
      ),
    ).toBe(0);
  });

  it('gives every unit a path from the root and historical units a successor', async () => {
    const db = getDb();
    const [root] = await rows<{ id: string }>(db, sql`select id from org_units where parent_id is null`);
    expect(root).toBeDefined();
    expect(await count(db, sql`select count(*)::int as n from org_units where parent_id is null`)).toBe(1);
    expect(
      await count(db, sql`select count(*)::int as n from org_units where path not like ${`/${root!.id}/%`}`),
    ).toBe(0);
    expect(
      await count(
        db,
        sql`select count(*)::int as n from org_units c join org_units p on p.id = c.parent_id where c.path <> p.path || c.id || '/'`,
      ),
    ).toBe(0);
    expect(
      await count(db, sql`select count(*)::int as n from org_units where valid_to is not null`),
    ).toBeGreaterThan(20);
    expect(
      await count(
        db,
        sql`select count(*)::int as n from org_units where valid_to is not null and merged_into_id is null`,
      ),
    ).toBe(0);
    expect(
      await count(
        db,
        sql`select count(*)::int as n from org_units where kind = 'district' and valid_to is null`,
      ),
    ).toBe(0);
    // every unit with people today has a head who works there
    expect(
      await count(
        db,
        sql`select count(*)::int as n from org_units o where o.valid_to is null
            and exists (select 1 from people p where p.org_unit_id = o.id)
            and not exists (select 1 from people h where h.id = o.head_person_id and h.org_unit_id = o.id)`,
      ),
    ).toBe(0);
  });

  it('binds canbo to a ward where Nguyễn Văn Đức and Đặng Thị Hồng work', async () => {
    const db = getDb();
    const [user] = await rows<{ org_unit_id: string; kind: string; name: string; roles: string[] | string }>(
      db,
      sql`select u.org_unit_id, o.kind, o.name, u.roles from users u join org_units o on o.id = u.org_unit_id where u.username = 'canbo'`,
    );
    expect(user?.kind).toBe('ward');
    expect(user?.name).toBe('Phường Hoàn Kiếm');
    for (const name of ['Nguyễn Văn Đức', 'Đặng Thị Hồng']) {
      expect(
        await count(
          db,
          sql`select count(*)::int as n from people where full_name = ${name} and org_unit_id = ${user!.org_unit_id}`,
        ),
        name,
      ).toBeGreaterThan(0);
    }
    const [lanhdao] = await rows<{ org_unit_id: string; roles: string[] | string }>(
      db,
      sql`select org_unit_id, roles from users where username = 'lanhdao'`,
    );
    expect(lanhdao?.org_unit_id).toBe(user!.org_unit_id);
    expect(String(lanhdao?.roles)).toContain('head');
  });

  it('keeps the history of people of the new wards in the old units', async () => {
    const db = getDb();
    // members of new wards who started before 1 July 2025 have a membership ending 30 June 2025 in an old unit
    expect(
      await count(
        db,
        sql`select count(*)::int as n from people p join org_units o on o.id = p.org_unit_id
            where o.kind in ('ward','commune') and o.valid_from = '2025-07-01' and p.started_on < '2025-07-01'
              and not exists (select 1 from person_units m join org_units old on old.id = m.org_unit_id
                              where m.person_id = p.id and m.to_date = '2025-06-30' and old.valid_to = '2025-06-30')`,
      ),
    ).toBe(0);
    // memberships never start before the person started
    expect(
      await count(
        db,
        sql`select count(*)::int as n from person_units m join people p on p.id = m.person_id where m.from_date < p.started_on`,
      ),
    ).toBe(0);
    // awards decided before the reform by a district's chairman exist
    expect(
      await count(
        db,
        sql`select count(*)::int as n from award_records where issuer = 'Chủ tịch UBND quận Hoàn Kiếm' and decision_date < '2025-07-01'`,
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(
        db,
        sql`select count(*)::int as n from award_records where issuer = 'Chủ tịch UBND phường Hoàn Kiếm' and decision_date >= '2025-07-01'`,
      ),
    ).toBeGreaterThan(0);
    // no local-government decision after the reform is signed by a district
    expect(
      await count(
        db,
        sql`select count(*)::int as n from award_records where issuer like 'Chủ tịch UBND quận %' and decision_date >= '2025-07-01'`,
      ),
    ).toBe(0);
  });

  it('only starts people at 20 or older and rates them from their first year', async () => {
    const db = getDb();
    expect(
      await count(
        db,
        sql`select count(*)::int as n from people where started_on < birth_date + interval '20 years'`,
      ),
    ).toBe(0);
    expect(
      await count(
        db,
        sql`select count(*)::int as n from ratings r join people p on p.id = r.person_id where r.year < extract(year from p.started_on)`,
      ),
    ).toBe(0);
    expect(
      await count(
        db,
        sql`select count(*)::int as n from award_records a join people p on p.id = a.person_id where a.year < extract(year from p.started_on)`,
      ),
    ).toBe(0);
  });

  it('never gives LĐTT in a year rated HT/KHT or with discipline', async () => {
    const db = getDb();
    expect(
      await count(
        db,
        sql`select count(*)::int as n from award_records a join ratings r on r.person_id = a.person_id and r.year = a.year
            where a.award_code = 'LDTT' and r.level in ('HT','KHT')`,
      ),
    ).toBe(0);
    expect(
      await count(
        db,
        sql`select count(*)::int as n from award_records a join disciplines d on d.person_id = a.person_id and d.year = a.year
            where a.award_code = 'LDTT'`,
      ),
    ).toBe(0);
    expect(
      await count(
        db,
        sql`select count(*)::int as n from award_records a where a.award_code = 'LDTT'
            and not exists (select 1 from ratings r where r.person_id = a.person_id and r.year = a.year)`,
      ),
    ).toBe(0);
  });

  it('gives CSTĐCS only to LĐTT holders with an initiative that year', async () => {
    const db = getDb();
    expect(
      await count(
        db,
        sql`select count(*)::int as n from award_records a where a.award_code = 'CSTDCS'
            and not exists (select 1 from award_records l where l.person_id = a.person_id and l.year = a.year and l.award_code = 'LDTT')`,
      ),
    ).toBe(0);
    expect(
      await count(
        db,
        sql`select count(*)::int as n from award_records a where a.award_code = 'CSTDCS'
            and not exists (select 1 from initiatives i where i.person_id = a.person_id and i.year = a.year)`,
      ),
    ).toBe(0);
  });

  it('gives CSTĐ cấp Thành phố only after three consecutive CSTĐCS with a provincial initiative', async () => {
    const db = getDb();
    expect(
      await count(db, sql`select count(*)::int as n from award_records where award_code = 'CSTD_BO_TINH'`),
    ).toBeGreaterThan(0);
    expect(
      await count(
        db,
        sql`select count(*)::int as n from award_records a where a.award_code = 'CSTD_BO_TINH'
            and (select count(distinct c.year) from award_records c
                 where c.person_id = a.person_id and c.award_code = 'CSTDCS' and c.year between a.year - 2 and a.year) < 3`,
      ),
    ).toBe(0);
    expect(
      await count(
        db,
        sql`select count(*)::int as n from award_records a where a.award_code = 'CSTD_BO_TINH'
            and not exists (select 1 from initiatives i where i.person_id = a.person_id
                            and i.year between a.year - 2 and a.year and i.scope in ('BO_TINH','TOAN_QUOC'))`,
      ),
    ).toBe(0);
  });

  it('uses only known award codes, decision numbers and dates no later than today', async () => {
    const db = getDb();
    const codes = await rows<{ award_code: string }>(
      db,
      sql`select distinct award_code from award_records order by 1`,
    );
    const known = [
      'LDTT',
      'CSTDCS',
      'CSTD_BO_TINH',
      'CSTD_TQ',
      'TTLDTT',
      'TTLDXS',
      'CO_BO_TINH',
      'CO_CP',
      'GK',
      'BK_BO_TINH',
      'BK_TTG',
      'HCLD_3',
      'HCLD_2',
      'HCLD_1',
    ];
    for (const { award_code } of codes) expect(known).toContain(award_code);
    expect(codes.map((c) => c.award_code)).toEqual(
      expect.arrayContaining(['LDTT', 'CSTDCS', 'TTLDTT', 'GK', 'BK_BO_TINH']),
    );
    expect(
      await count(db, sql`select count(*)::int as n from award_records where decision_no !~ '^[0-9]+/QĐ-'`),
    ).toBe(0);
    expect(
      await count(db, sql`select count(*)::int as n from award_records where decision_date > ${TODAY}`),
    ).toBe(0);
    // collective titles go to units, never to people
    expect(
      await count(
        db,
        sql`select count(*)::int as n from award_records where award_code in ('TTLDTT','TTLDXS','CO_BO_TINH','CO_CP') and person_id is not null`,
      ),
    ).toBe(0);
    expect(
      await count(db, sql`select count(*)::int as n from ratings where person_id is null`),
    ).toBeGreaterThan(0);
  });

  it("shows today's year-end work in progress: some units have rated this year, the officer's ward not yet", async () => {
    const db = getDb();
    const done = await rows<{ code: string; rated: number | string; people: number | string }>(
      db,
      sql`select u.code, count(r.id) as rated, count(*) as people
            from people p join org_units u on u.id = p.org_unit_id
            left join ratings r on r.person_id = p.id and r.year = 2026
           where p.started_on <= '2026-06-30'
           group by u.code`,
    );
    const finished = done.filter((d) => Number(d.rated) === Number(d.people));
    const untouched = done.filter((d) => Number(d.rated) === 0);
    expect(finished.length).toBeGreaterThan(0);
    expect(untouched.length).toBeGreaterThan(0);
    expect(finished.length + untouched.length).toBe(done.length);
    expect(finished.map((d) => d.code)).toContain(OFFICER_HOSPITAL_CODE);
    expect(untouched.map((d) => d.code)).toContain(OFFICER_WARD_CODE);
    // nothing else of this year: no award, no collective rating before the year-end work is through
    expect(await count(db, sql`select count(*)::int as n from award_records where year >= 2026`)).toBe(0);
    expect(await count(db, sql`select count(*)::int as n from ratings where year > 2026`)).toBe(0);
  });

  it('has the rating mix of a real city', async () => {
    const db = getDb();
    const mix = await rows<{ level: string; pct: number | string }>(
      db,
      sql`select level, 100.0 * count(*) / sum(count(*)) over () as pct from ratings where person_id is not null group by level`,
    );
    const pct = Object.fromEntries(mix.map((m) => [m.level, Number(m.pct)]));
    expect(pct.HTXS).toBeGreaterThan(10);
    expect(pct.HTXS).toBeLessThan(25);
    expect(pct.HTT).toBeGreaterThan(55);
    expect(pct.KHT).toBeLessThan(5);
  });
}

describe('seedDemo on PGlite', () => {
  let database: Database;
  let result: SeedDemoResult;

  beforeAll(async () => {
    database = await openPglite(undefined);
    await migrate(database);
    expect(await isDatabaseEmpty(database.db)).toBe(true);
    const started = performance.now();
    result = await seedDemo(database.db, { people: 1500, today: TODAY });
    console.log(`seedDemo (PGlite, 1,500 people): ${Math.round(performance.now() - started)} ms`);
  });

  afterAll(async () => {
    await database?.close();
  });

  it('reports the database as no longer empty and refuses to seed twice', async () => {
    expect(await isDatabaseEmpty(database.db)).toBe(false);
    await expect(seedDemo(database.db, { people: 10 })).rejects.toThrow(/not empty/);
  });

  describeInvariants(
    () => database.db,
    () => result,
  );

  it('inserts JS arrays as PostgreSQL arrays through bulkInsert', async () => {
    const db = database.db;
    const [row] = await rows<{ roles: string[] }>(db, sql`select roles from users where username = 'admin'`);
    expect(row?.roles).toEqual(['admin']);
    await db.execute(sql`create temporary table bulk_probe (id integer, tags text[], note text, ok boolean)`);
    await bulkInsert(
      db,
      'bulk_probe',
      ['id', 'tags', 'note', 'ok'],
      [
        [1, ['a', 'b "c"'], 'x\\y', true],
        [2, [], null, false],
      ],
    );
    await bulkInsert(db, 'bulk_probe', ['id', 'note', 'ok'], [[3, 'Đặng "Thị" Hồng, {x}', null]]);
    const probe = await rows<{ id: number; tags: string[] | null; note: string | null; ok: boolean | null }>(
      db,
      sql`select id, tags, note, ok from bulk_probe order by id`,
    );
    expect(probe).toEqual([
      { id: 1, tags: ['a', 'b "c"'], note: 'x\\y', ok: true },
      { id: 2, tags: [], note: null, ok: false },
      { id: 3, tags: null, note: 'Đặng "Thị" Hồng, {x}', ok: null },
    ]);
    expect(toPgArrayLiteral(['a', null, 'NULL'])).toBe('{"a",NULL,"NULL"}');
  });
});

describe('generateDemo', () => {
  async function digest(
    people: number,
    today = TODAY,
  ): Promise<{ hash: string; rows: number; ratingYears: Set<number> }> {
    const h = createHash('sha256');
    let n = 0;
    const ratingYears = new Set<number>();
    await generateDemo(
      async (table, columns, batch) => {
        h.update(`${table}(${columns.join(',')})`);
        for (const row of batch) h.update(JSON.stringify(row));
        if (table === 'ratings') for (const row of batch) ratingYears.add(row[2] as number);
        n += batch.length;
      },
      { people, passwordHash: 'x', today },
    );
    return { hash: h.digest('hex'), rows: n, ratingYears };
  }

  it('lives in the present: ratings run to last year, and to this year only in the rating season', async () => {
    const november = await digest(300, '2027-11-28');
    expect(Math.max(...november.ratingYears)).toBe(2026);
    const december = await digest(300, '2027-12-20');
    expect(Math.max(...december.ratingYears)).toBe(2027);
    expect(Math.min(...december.ratingYears)).toBe(2021);
  });

  it('builds the same city every time', async () => {
    const a = await digest(600);
    const b = await digest(600);
    expect(a.rows).toBeGreaterThan(600);
    expect(a.hash).toBe(b.hash);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('seedDemo on PostgreSQL', () => {
  let database: Database;
  let result: SeedDemoResult;

  beforeAll(async () => {
    database = await createTestDb('postgres');
    const started = performance.now();
    result = await seedDemo(database.db, { people: 1500, today: TODAY });
    console.log(`seedDemo (PostgreSQL, 1,500 people): ${Math.round(performance.now() - started)} ms`);
  });

  // Closes the pool, then drops the database.
  afterAll(() => database?.close());

  describeInvariants(
    () => database.db,
    () => result,
  );
});
