import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KINDS, createTestDb } from '../../../test/db';
import { rowsOf, type Database } from '../../db/client';
import { isPool } from '../../db/cursor';
import { seedDemo } from '../../db/seed/demo';
import {
  individualsGrouped,
  loadIndividualsGrouped,
  loadIndividualsPage,
  type IndividualSubject,
  type PersonHead,
} from './eligibility.repository';

type Loaded = { head: PersonHead; subject: IndividualSubject }[];

/** Records come back in whatever order the database groups them: the engine does not depend on it. */
function normalised(rows: Loaded) {
  const byYear = <T extends { year: number }>(xs: T[] | undefined, key: (x: T) => string) =>
    [...(xs ?? [])].sort((a, b) => a.year - b.year || key(a).localeCompare(key(b)));
  return rows.map(({ head, subject }) => ({
    head,
    subject: {
      ...subject,
      ratings: byYear(subject.ratings, (x) => x.level),
      awards: byYear(subject.awards, (x) => `${x.code}:${x.type ?? ''}`),
      initiatives: byYear(subject.initiatives, (x) => x.scope),
      discipline: byYear(subject.discipline, (x) => x.form),
    },
  }));
}

async function collect(pages: AsyncIterable<Loaded>) {
  const all: Loaded = [];
  const sizes: number[] = [];
  for await (const page of pages) {
    sizes.push(page.length);
    all.push(...page);
  }
  return { all, sizes };
}

describe.each(TEST_DB_KINDS)('reading a whole subtree on %s', (kind) => {
  let database: Database;
  let root: string;
  let district: string;

  beforeAll(async () => {
    database = await createTestDb(kind);
    await seedDemo(database.db, { people: 400, years: 10 });
    root = rowsOf<{ path: string }>(
      await database.db.execute(sql`select path from org_units where parent_id is null`),
    )[0]!.path;
    // the child unit with the most people under it: a subtree that is not the whole city
    district = rowsOf<{ path: string }>(
      await database.db.execute(sql`
        select c.path from org_units c join org_units r on r.id = c.parent_id and r.parent_id is null
        join org_units u on u.path like c.path || '%' join people p on p.org_unit_id = u.id
        group by c.path order by count(*) desc, c.path limit 1`),
    )[0]!.path;
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it('streams exactly the subjects the per-person read finds, page by page in id order', async () => {
    // PostgreSQL streams through one cursor on the pool; PGlite reads segment after segment
    expect(isPool(database.db)).toBe(kind === 'postgres');
    for (const path of [root, district]) {
      const expected = await loadIndividualsPage(database.db, { subtreePath: path, limit: 100_000 });
      expect(expected.length).toBeGreaterThan(path === root ? 399 : 20);
      expect(expected.some((x) => (x.subject.awards?.length ?? 0) > 0)).toBe(true);
      expect(expected.some((x) => (x.subject.initiatives?.length ?? 0) > 0)).toBe(true);
      expect(expected.some((x) => x.head.isLeader)).toBe(true);

      // segments of 111 people (3 pages) on one connection: several of them, with a part-filled last one
      const { all, sizes } = await collect(individualsGrouped(database.db, path, 37, 100));
      expect(normalised(all)).toEqual(normalised(expected));
      expect(all.map((x) => x.head.id)).toEqual(expected.map((x) => x.head.id));
      // every page full but the last
      expect(sizes.slice(0, -1).every((n) => n === 37)).toBe(true);
      expect(sizes.at(-1)).toBe(expected.length - 37 * (sizes.length - 1));

      // inside a transaction (one connection on PostgreSQL too): segment after segment
      const inTx = await database.db.transaction(async (tx) =>
        collect(individualsGrouped(tx as unknown as typeof database.db, path, 37, 100)),
      );
      expect(normalised(inTx.all)).toEqual(normalised(expected));

      expect(normalised(await loadIndividualsGrouped(database.db, path))).toEqual(normalised(expected));
    }
  });

  it('gives the connection back when the caller stops early', async () => {
    // more early exits than the pool has connections: a leaked one would make the last query wait forever
    for (let i = 0; i < 8; i++) {
      for await (const page of individualsGrouped(database.db, root, 50)) {
        expect(page).toHaveLength(50);
        break;
      }
    }
    const rows = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from people`));
    expect(Number(rows[0]!.n)).toBe(400);
  });

  it('lets the caller use the database between two pages (no cursor is left open while it works)', async () => {
    let pages = 0;
    for await (const page of individualsGrouped(database.db, root, 50, 100)) {
      // on PGlite a cursor's transaction left open here would make this query wait for ever
      const rows = rowsOf<{ n: number }>(
        await database.db.execute(sql`select count(*)::int as n from people where id = ${page[0]!.head.id}`),
      );
      expect(Number(rows[0]!.n)).toBe(1);
      pages++;
    }
    expect(pages).toBe(8);
  });
});
