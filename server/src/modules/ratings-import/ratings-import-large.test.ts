import { rm } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW, loginAs, testConfig } from '../../../test/app';
import { TEST_DB_KINDS, createTestDb } from '../../../test/db';
import { createUnit, createUser } from '../../../test/factories';
import { multipart } from '../../../test/file-fixtures';
import { day, largeRatingSheet, type SheetCell } from '../../../test/rating-sheets';
import { buildApp } from '../../app';
import { rowsOf, type Database } from '../../db/client';
import { bulkInsert } from '../../db/seed/bulk';
import type { Deps } from '../../deps';
import { fixedClock } from '../../lib/clock';
import { foldAccents, personSortKey } from '../../lib/vietnamese';
import { newId } from '../../lib/ids';

const PEOPLE = 50_000;
const LEVELS = ['HTXS', 'Hoàn thành tốt nhiệm vụ', 'hoàn thành', 'KHT'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(TEST_DB_KINDS)('an import of 50,000 ratings on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let deps: Deps;
  let unitId: string;
  let officer: string;
  const people: { code: string; name: string; birth: string }[] = [];

  beforeAll(async () => {
    database = await createTestDb(kind);
    deps = { db: database.db, dbKind: database.kind, clock: fixedClock(TEST_NOW), config: testConfig() };
    app = (await buildApp(deps, {
      jobs: { worker: { pollMs: 20, heartbeatMs: 200 } },
    })) as unknown as FastifyInstance;
    await app.ready();
    const city = await createUnit(deps.db, { name: 'Thành phố Thử nghiệm' });
    const ward = await createUnit(deps.db, { parentId: city.id, name: 'Phường Đông Người' });
    unitId = ward.id;
    const rows: unknown[][] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const name = `Nguyễn Văn Người ${i}`;
      const birth = `19${60 + (i % 40)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      const code = `LN-${String(i).padStart(6, '0')}`;
      people.push({ code, name, birth });
      rows.push([
        newId(),
        code,
        name,
        foldAccents(name),
        personSortKey(name),
        'male',
        birth,
        'civil_servant',
        ward.id,
      ]);
    }
    await deps.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('vinhdanh.bulk_load', 'on', true)`);
      await bulkInsert(
        tx,
        'people',
        [
          'id',
          'code',
          'full_name',
          'search_name',
          'sort_key',
          'gender',
          'birth_date',
          'category',
          'org_unit_id',
        ],
        rows,
      );
    });
    await deps.db.execute(sql`analyze people`);
    officer = await loginAs(app, await createUser(deps.db, { orgUnitId: ward.id, roles: ['officer'] }));
    await app.jobWorker.start();
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await rm(deps.config.filesDir, { recursive: true, force: true });
  });

  /** Every person once; by code for even rows, by name and birth date (text) for odd ones. */
  function* sheetRows(bad?: number): Generator<SheetCell[]> {
    for (let i = 0; i < PEOPLE; i++) {
      const p = people[i]!;
      const level = i === bad ? 'Tốt' : LEVELS[i % 4]!;
      yield i % 2 === 0
        ? [i + 1, p.code, p.name, day(p.birth), null, level]
        : [i + 1, null, p.name, p.birth.split('-').reverse().join('/'), null, level];
    }
  }

  async function runImport(bytes: Buffer) {
    const body = multipart([{ filename: 'ca-phuong.xlsx', data: bytes }]);
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/org-units/${unitId}/rating-imports?year=2025`,
      headers: { ...body.headers, cookie: officer },
      payload: body.payload,
    });
    expect(res.statusCode, res.body).toBe(202);
    const seen = new Set<string>();
    for (;;) {
      const job = (
        await app.inject({
          method: 'GET',
          url: `/api/v1/jobs/${res.json().id}`,
          headers: { cookie: officer },
        })
      ).json();
      if (job.message) seen.add(job.message);
      if (!['queued', 'running'].includes(job.status)) return { job, seen };
      await sleep(50);
    }
  }

  const ratings2025 = async () =>
    Number(
      rowsOf<{ n: number }>(
        await deps.db.execute(sql`select count(*)::int as n from ratings where year = 2025`),
      )[0]!.n,
    );

  it('writes nothing when one row of 50,000 is refused, and names it', async () => {
    const { job } = await runImport(await largeRatingSheet(sheetRows(31_416)));
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.result).toMatchObject({
      outcome: 'refused',
      rows: PEOPLE,
      counts: { refused: 1, added: 0 },
      problems: [{ row: 31_416 + 5, code: 'import_unknown_rating', name: people[31_416]!.name }],
    });
    expect(await ratingsOf2025()).toBe(0);
  }, 300_000);

  it('writes all 50,000 in one transaction, showing progress, and leaves their eligibility to the keeper', async () => {
    const { job, seen } = await runImport(await largeRatingSheet(sheetRows()));
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.result).toMatchObject({
      outcome: 'written',
      rows: PEOPLE,
      counts: { added: PEOPLE, refused: 0 },
    });
    expect(await ratings2025()).toBe(PEOPLE);
    const levels = rowsOf<{ level: string; n: number }>(
      await deps.db.execute(
        sql`select level, count(*)::int as n from ratings where year = 2025 group by level order by level`,
      ),
    );
    expect(levels.map((l) => [l.level, Number(l.n)])).toEqual([
      ['HT', PEOPLE / 4],
      ['HTT', PEOPLE / 4],
      ['HTXS', PEOPLE / 4],
      ['KHT', PEOPLE / 4],
    ]);
    // more people than a transaction judges itself: queued for the keeper, each once
    const queued = rowsOf<{ n: number }>(
      await deps.db.execute(sql`select count(distinct person_id)::int as n from eligibility_stale`),
    );
    expect(Number(queued[0]!.n)).toBe(PEOPLE);
    expect([...seen].some((m) => /Đã đối chiếu|Đã đọc/.test(m))).toBe(true);
    const audits = rowsOf<{ n: number }>(
      await deps.db.execute(sql`select count(*)::int as n from audit_log where action = 'rating.import'`),
    );
    expect(Number(audits[0]!.n)).toBe(1);
  }, 300_000);

  const ratingsOf2025 = ratings2025;
});
