import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awardRecords, ratings } from '../../db/schema';
import { todayInVietnam } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { buildTestApp, loginAs, type TestContext } from '../../../test/app';
import { TEST_DB_KINDS } from '../../../test/db';
import { createPerson, createUnit, createUser, giveRecord } from '../../../test/factories';
import { loadIndividualsPage } from './eligibility.repository';
import { readState, verdictsOf, type VerdictRow } from './verdicts.repository';
import { rng } from '../../domain/eligibility/testing';
import { VerdictKeeper } from './verdicts.keeper';
import { currentEngine, drainQueue, judgePage, rebuildStore } from './verdicts.service';

const key = (r: VerdictRow) => `${r.personId}|${r.awardCode}|${r.year}`;
const sorted = (rows: VerdictRow[]) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));

describe.each(TEST_DB_KINDS)('stored eligibility verdicts (%s)', (kind) => {
  let ctx: TestContext;
  let city: { id: string; path: string };
  let ward: { id: string };
  let officer: string;
  let admin: string;
  const personIds: string[] = [];

  /** A fresh evaluation of everyone, with what the store holds for them. */
  async function storedAndFresh() {
    const db = ctx.deps.db;
    const state = await readState(db);
    const { engine } = await currentEngine(db);
    const page = await loadIndividualsPage(db, { subtreePath: city.path, limit: 10_000 });
    const fresh = judgePage(engine, page, {
      years: state!.years!,
      awards: state!.awards as never,
      asOf: todayInVietnam(ctx.deps.clock),
    });
    const stored = await verdictsOf(
      db,
      page.map((p) => p.head.id),
    );
    return { stored: sorted(stored), fresh: sorted(fresh) };
  }

  async function expectStoreEqualsFresh(context: string) {
    const { stored, fresh } = await storedAndFresh();
    expect(stored, context).toEqual(fresh);
    // what the verdicts copy from the person and their unit is today's
    const off = await ctx.deps.db.execute(sql`select count(*)::int as n from eligibility_verdicts v
      join people p on p.id = v.person_id join org_units u on u.id = p.org_unit_id
      where v.org_path <> u.path or v.unit_sort_key <> u.sort_key or v.person_sort_key <> p.sort_key`);
    expect(Number((off as unknown as { rows: { n: number }[] }).rows[0]!.n), context).toBe(0);
  }

  const send = (method: 'POST' | 'PATCH' | 'DELETE' | 'PUT', url: string, cookie: string, payload?: object) =>
    ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const list = async (query = '') =>
    (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/eligibility/eligible-now?orgUnitId=${ward.id}&awards=CSTDCS,LDTT,CSTD_BO_TINH${query}`,
        headers: { cookie: officer },
      })
    ).json();

  beforeAll(async () => {
    ctx = await buildTestApp(kind);
    const db = ctx.deps.db;
    city = await createUnit(db, { name: 'Thành phố Thử' });
    ward = await createUnit(db, { parentId: city.id, name: 'Phường Thử' });
    officer = await loginAs(ctx.app, await createUser(db, { orgUnitId: ward.id, roles: ['officer'] }));
    admin = await loginAs(ctx.app, await createUser(db, { orgUnitId: city.id, roles: ['admin'] }));
    // people written straight into the database (as a seed or an import would): the triggers queue them
    const rnd = rng(7);
    for (let i = 0; i < 14; i++) {
      const p = await createPerson(db, { orgUnitId: ward.id, fullName: `Trần Thị Thử ${i}` });
      personIds.push(p.id);
      const years = [2020, 2021, 2022, 2023, 2024, 2025].filter(() => rnd() < 0.85);
      const cstdcs = years.filter(() => rnd() < 0.5);
      await giveRecord(db, p.id, { years, cstdcs, scope: rnd() < 0.5 ? 'CO_SO' : 'BO_TINH' });
    }
  });
  afterAll(async () => ctx?.close());

  it('answers from a live judgement before the first build, then builds the store equal to a fresh evaluation', async () => {
    const before = await list();
    expect(before.source).toBe('live');
    expect(before.total).toBeGreaterThan(3);
    const report = await rebuildStore(ctx.deps, { holder: 'test' });
    expect(report).toMatchObject({ people: 14, drift: false });
    expect(report!.verdicts).toBeGreaterThan(0);
    await expectStoreEqualsFresh('after the first build');
    const after = await list();
    expect(after).toMatchObject({ source: 'stored', updating: false });
    // the same rows as the live judgement, in the same order
    expect(after.items).toEqual(before.items);
    expect(after.total).toBe(before.total);
    expect(after.byAward).toEqual(before.byAward);
    // nothing is left in the queue
    const queued = await ctx.deps.db.execute(sql`select count(*)::int as n from eligibility_stale`);
    expect(Number((queued as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBe(0);
  });

  it('keeps the stored verdicts equal to a fresh evaluation through random edits made in the app', async () => {
    const rnd = rng(kind === 'pglite' ? 11 : 13);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const steps = kind === 'pglite' ? 40 : 25;
    for (let step = 0; step < steps; step++) {
      const personId = pick(personIds);
      const base = `/api/v1/people/${personId}`;
      const detail = (
        await ctx.app.inject({ method: 'GET', url: base, headers: { cookie: officer } })
      ).json();
      const op = pick([
        'rating+',
        'rating-',
        'award+',
        'award-',
        'initiative+',
        'discipline+',
        'started',
        'rename',
      ] as const);
      const year = 2019 + Math.floor(rnd() * 8);
      let res;
      switch (op) {
        case 'rating+':
          res = await send('POST', `${base}/ratings`, officer, {
            year,
            level: pick(['HTXS', 'HTT', 'HT', 'KHT']),
          });
          break;
        case 'rating-': {
          const r = detail.ratings[0];
          res = r ? await send('DELETE', `${base}/ratings/${r.id}`, officer) : undefined;
          break;
        }
        case 'award+':
          res = await send('POST', `${base}/awards`, officer, {
            awardCode: pick(['LDTT', 'CSTDCS', 'BK_BO_TINH']),
            year,
          });
          break;
        case 'award-': {
          const a = detail.awards[0];
          res = a ? await send('DELETE', `${base}/awards/${a.id}`, officer) : undefined;
          break;
        }
        case 'initiative+':
          res = await send('POST', `${base}/initiatives`, officer, {
            year,
            title: `Sáng kiến ${step}`,
            scope: pick(['CO_SO', 'BO_TINH']),
          });
          break;
        case 'discipline+':
          res = await send('POST', `${base}/discipline`, officer, {
            year,
            form: pick(['KHIEN_TRACH', 'CANH_CAO']),
          });
          break;
        case 'rename':
          res = await send('PATCH', base, officer, {
            version: detail.version,
            fullName: pick(['An Văn Bình', 'Vũ Thị Yến', 'Đỗ Minh Đức']) + ` ${step}`,
          });
          break;
        case 'started':
          res = await send('PATCH', base, officer, {
            version: detail.version,
            startedOn: pick(['2003-01-01', '2015-06-01', '2024-03-01']),
          });
          break;
      }
      // a refused edit (a duplicate, say) changes nothing; an accepted one is judged before it commits
      if (res) expect([200, 201, 204, 409]).toContain(res.statusCode);
      await expectStoreEqualsFresh(`after step ${step} (${op} ${year})`);
    }
    expect((await list()).updating).toBe(false);
  });

  it('never leaves a stale verdict when many edits of one person arrive at once', async () => {
    const personId = personIds[0]!;
    const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
    const res = await Promise.all(
      years.flatMap((year) => [
        send('POST', `/api/v1/people/${personId}/ratings`, officer, { year, level: 'HTXS' }),
        send('POST', `/api/v1/people/${personId}/awards`, officer, { awardCode: 'LDTT', year }),
        send('POST', `/api/v1/people/${personId}/initiatives`, officer, {
          year,
          title: `Sáng kiến song song ${year}`,
          scope: 'BO_TINH',
        }),
      ]),
    );
    for (const r of res) expect([201, 409]).toContain(r.statusCode);
    await expectStoreEqualsFresh('after parallel edits');
  });

  it('queues what is written outside the unit of work and judges it in the background, saying "updating" meanwhile', async () => {
    const db = ctx.deps.db;
    const personId = (await list()).items[0].personId as string; // someone eligible now
    await db.delete(ratings).where(sql`${ratings.personId} = ${personId}`);
    await db.insert(awardRecords).values({ id: newId(), personId, awardCode: 'CSTDCS', year: 2018 });
    expect((await list()).updating).toBe(true);
    const { stored, fresh } = await storedAndFresh();
    expect(stored).not.toEqual(fresh);
    expect(await drainQueue(ctx.deps)).toBe(1);
    await expectStoreEqualsFresh('after the queue was drained');
    expect((await list()).updating).toBe(false);
  });

  it('repairs a verdict changed behind its back and reports it as drift', async () => {
    const db = ctx.deps.db;
    const { stored } = await storedAndFresh();
    const victim = stored[0]!;
    await db.execute(sql`delete from eligibility_verdicts where person_id = ${victim.personId}
      and award_code = ${victim.awardCode} and year = ${victim.year}`);
    await db.execute(sql`insert into eligibility_verdicts (person_id, award_code, year, newly_eligible, summary, basis, eligible_since, judged_at, org_path, unit_sort_key, person_sort_key)
      values (${personIds[2]}, 'HCLD_1', 2025, true, 'bịa', 'bịa', now(), now(), ${city.path}, 'a', 'b')
      on conflict do nothing`);
    const report = await rebuildStore(ctx.deps, { holder: 'test', chunk: 5 });
    expect(report).toMatchObject({ drift: true, added: 1, removed: 1, changed: 2 });
    await expectStoreEqualsFresh('after the repair');
    const again = await rebuildStore(ctx.deps, { holder: 'test' });
    expect(again).toMatchObject({ drift: true, changed: 0 });
  });

  it('leaves no stale verdict when people are edited while a recomputation runs', async () => {
    const edited: string[] = [];
    const report = await rebuildStore(ctx.deps, {
      holder: 'test',
      chunk: 3,
      onProgress: async (done) => {
        if (done !== 3) return;
        // people of pages already read but not yet written, and of pages written already
        for (const personId of [personIds[4]!, personIds[0]!, personIds[9]!]) {
          for (const year of [2023, 2024, 2025]) {
            const res = await send('POST', `/api/v1/people/${personId}/discipline`, officer, {
              year,
              form: 'CANH_CAO',
              reason: 'trong lúc tính lại',
            });
            expect(res.statusCode).toBe(201);
          }
          edited.push(personId);
        }
      },
    });
    expect(report).not.toBeNull();
    expect(edited).toHaveLength(3);
    await expectStoreEqualsFresh('after edits during a recomputation');
    expect((await list()).updating).toBe(false);
  });

  it('marks the list as updating after a settings change until the recomputation, then follows the new setting', async () => {
    const put = await send('PUT', '/api/v1/eligibility/settings/cstdcs.initiativeWindowYears', admin, {
      value: 3,
    });
    expect(put.statusCode).toBe(204);
    expect((await list()).updating).toBe(true);
    // documents and Excel never use a list that may lag: they judge for the request
    const strict = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/eligibility/eligible-now?orgUnitId=${ward.id}&format=xlsx`,
      headers: { cookie: officer },
    });
    expect(strict.statusCode).toBe(200);
    const report = await rebuildStore(ctx.deps, { holder: 'test' });
    expect(report).toMatchObject({ drift: false });
    await expectStoreEqualsFresh('after the settings change');
    expect((await list()).updating).toBe(false);
    expect(
      (await send('DELETE', '/api/v1/eligibility/settings/cstdcs.initiativeWindowYears', admin)).statusCode,
    ).toBe(204);
    await rebuildStore(ctx.deps, { holder: 'test' });
    await expectStoreEqualsFresh('after the setting was reset');
  });

  it('pages the stored list, filters newly eligible since a day, and refuses that filter on a live list', async () => {
    const all = await list();
    expect(all.total).toBeGreaterThan(2);
    const page = await list('&limit=2&offset=1');
    expect(page.items).toEqual(all.items.slice(1, 3));
    expect(page.total).toBe(all.total);
    const today = todayInVietnam(ctx.deps.clock);
    expect((await list(`&since=${today}`)).total).toBe(all.total); // all were found eligible today (fixed clock)
    expect((await list('&since=2099-01-01')).total).toBe(0);
    const live = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/eligibility/eligible-now?orgUnitId=${ward.id}&asOf=2026-01-15&since=2026-01-01`,
      headers: { cookie: officer },
    });
    expect(live.statusCode).toBe(409);
    expect(live.json().code).toBe('eligibility_updating');
  });

  it('shows the store to whoever may check eligibility, and lets only an administrator start a recomputation', async () => {
    const status = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/eligibility/store',
      headers: { cookie: officer },
    });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({ built: true, current: true, fresh: true, stalePeople: 0 });
    expect((await send('POST', '/api/v1/eligibility/store/rebuild', officer)).statusCode).toBe(403);
    const job = await send('POST', '/api/v1/eligibility/store/rebuild', admin);
    expect(job.statusCode).toBe(202);
    expect(job.json().kind).toBe('eligibility_rebuild');
  });

  it('follows a person who moves to another unit, and repairs a unit path changed behind its back', async () => {
    const db = ctx.deps.db;
    const team = await createUnit(db, { parentId: ward.id, name: 'Tổ công tác Thử', kind: 'department' });
    const teamList = async () =>
      (
        await ctx.app.inject({
          method: 'GET',
          url: `/api/v1/eligibility/eligible-now?orgUnitId=${team.id}&awards=CSTDCS,LDTT,CSTD_BO_TINH,GK,CSTT`,
          headers: { cookie: officer },
        })
      ).json();
    expect((await teamList()).total).toBe(0);
    const mover = (await list()).items[0].personId as string;
    const detail = (
      await ctx.app.inject({ method: 'GET', url: `/api/v1/people/${mover}`, headers: { cookie: officer } })
    ).json();
    const moved = await send('PATCH', `/api/v1/people/${mover}`, officer, {
      version: detail.version,
      orgUnitId: team.id,
    });
    expect(moved.statusCode).toBe(200);
    const inTeam = await teamList();
    expect(inTeam.source).toBe('stored');
    expect(new Set(inTeam.items.map((r: { personId: string }) => r.personId))).toEqual(new Set([mover]));
    // a path copied wrongly is drift: the recomputation puts it right
    await db.execute(sql`update eligibility_verdicts set org_path = '/khong-co/' where person_id = ${mover}`);
    expect((await teamList()).total).toBe(0);
    const report = await rebuildStore(ctx.deps, { holder: 'test' });
    expect(report!.changed).toBeGreaterThan(0);
    expect((await teamList()).total).toBe(inTeam.total);
  });

  it('has a keeper that judges queued people in the background and recomputes once the day has turned', async () => {
    const db = ctx.deps.db;
    const newcomer = await createPerson(db, { orgUnitId: ward.id, fullName: 'Lê Văn Mới' });
    await giveRecord(db, newcomer.id, { years: [2024, 2025], cstdcs: [2025] });
    personIds.push(newcomer.id);
    // yesterday's store: the nightly recomputation is due
    await db.execute(sql`update eligibility_store set considered_on = considered_on - 1`);
    const keeper = new VerdictKeeper(ctx.deps, { intervalMs: 10 });
    keeper.start();
    try {
      for (let i = 0; i < 500; i++) {
        const status = (
          await ctx.app.inject({
            method: 'GET',
            url: '/api/v1/eligibility/store',
            headers: { cookie: officer },
          })
        ).json();
        if (status.fresh && status.stalePeople === 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      await keeper.stop();
    }
    const state = await readState(db);
    expect(state!.consideredOn).toBe(todayInVietnam(ctx.deps.clock));
    await expectStoreEqualsFresh('after the keeper ran');
  });
});
