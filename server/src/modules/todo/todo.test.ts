import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KINDS } from '../../../test/db';
import { buildTestApp, loginAs, type TestContext } from '../../../test/app';
import { fixedClock } from '../../lib/clock';
import { createPerson, createUnit, createUser, giveRecord, TEST_PASSWORD } from '../../../test/factories';
import { jobs, ratings, users } from '../../db/schema';
import { newId } from '../../lib/ids';
import { recordChainCheck, verifyAuditChain } from '../audit/audit.service';
import { systemUnitOfWork } from '../audit/unit-of-work';
import { rebuildStore } from '../eligibility/verdicts.service';

interface Item {
  kind: string;
  role: string;
  severity: string;
  count: number;
  text: string;
  link: string | null;
  params: Record<string, unknown>;
  units: { orgUnitId: string; orgUnitName: string; count: number; link: string }[];
}

describe.each(TEST_DB_KINDS)('the to-do list per role on %s', (kind) => {
  let ctx: TestContext;
  let city: { id: string };
  let wardA: { id: string };
  let clinicA: { id: string };
  let wardB: { id: string };
  const cookies: Record<string, string> = {};
  const usernames: Record<string, string> = {};

  const todo = async (who: string): Promise<Item[]> => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/todo',
      headers: { cookie: cookies[who]! },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().today).toBe('2026-12-05');
    return res.json().items as Item[];
  };
  const find = (items: Item[], kind: string) => items.find((i) => i.kind === kind);
  const userId = async (who: string) =>
    (await ctx.deps.db.select({ id: users.id }).from(users).where(eq(users.username, usernames[who]!)))[0]!
      .id;

  beforeAll(async () => {
    // in December, when the year's ratings are due (contract/calendar.ts workingYear)
    ctx = await buildTestApp(kind, fixedClock('2026-12-05T03:00:00Z'));
    const db = ctx.deps.db;
    city = await createUnit(db, { name: 'Thành phố Thử' });
    wardA = await createUnit(db, { parentId: city.id, name: 'Phường Láng' });
    clinicA = await createUnit(db, { parentId: wardA.id, name: 'Trạm Y tế Láng', kind: 'public_service' });
    wardB = await createUnit(db, { parentId: city.id, name: 'Phường Đống Đa' });
    // ward A: two rated for 2026 (one of them newly eligible), one not; one of the clinic not; one who starts
    // only next year
    const ratedA = await createPerson(db, { orgUnitId: wardA.id });
    await db.insert(ratings).values({ id: newId(), personId: ratedA.id, year: 2026, level: 'HTT' });
    const starA = await createPerson(db, { orgUnitId: wardA.id, fullName: 'Nguyễn Văn Đức' });
    await giveRecord(db, starA.id, {
      years: [2022, 2023, 2024, 2025, 2026],
      cstdcs: [2024, 2025, 2026],
      scope: 'BO_TINH',
    });
    await createPerson(db, { orgUnitId: wardA.id });
    await createPerson(db, { orgUnitId: clinicA.id });
    await createPerson(db, { orgUnitId: wardA.id, startedOn: '2027-01-01' });
    // ward B: one rated and newly eligible, one not rated
    const starB = await createPerson(db, { orgUnitId: wardB.id, fullName: 'Trần Thị Lan' });
    await giveRecord(db, starB.id, {
      years: [2024, 2025, 2026],
      cstdcs: [2024, 2025, 2026],
      scope: 'BO_TINH',
    });
    await createPerson(db, { orgUnitId: wardB.id });
    const accounts: [string, string, 'admin' | 'board' | 'officer' | 'head' | 'council'][] = [
      ['officerA', wardA.id, 'officer'],
      ['headA', wardA.id, 'head'],
      ['officerB', wardB.id, 'officer'],
      ['admin', city.id, 'admin'],
      ['board', city.id, 'board'],
      ['council', city.id, 'council'],
    ];
    for (const [name, unit, role] of accounts) {
      const user = await createUser(db, { orgUnitId: unit, roles: [role] });
      usernames[name] = user.username;
      cookies[name] = await loginAs(ctx.app, user);
    }
  });
  afterAll(async () => ctx?.close());

  it('tells an officer how many of their ward lack this year’s rating, by unit, and never counts another ward', async () => {
    const ratingsA = find(await todo('officerA'), 'ratings_missing');
    expect(ratingsA).toMatchObject({
      role: 'officer',
      severity: 'warning',
      count: 2,
      params: { year: 2026 },
      link: '/people',
    });
    expect(ratingsA!.text).toBe('2 người chưa có kết quả đánh giá, xếp loại năm 2026.');
    expect(ratingsA!.units).toEqual([
      { orgUnitId: wardA.id, orgUnitName: 'Phường Láng', count: 1, link: `/people?unit=${wardA.id}` },
      { orgUnitId: clinicA.id, orgUnitName: 'Trạm Y tế Láng', count: 1, link: `/people?unit=${clinicA.id}` },
    ]);
    const ratingsB = find(await todo('officerB'), 'ratings_missing');
    expect(ratingsB).toMatchObject({ count: 1, link: `/people?unit=${wardB.id}` });
    expect(ratingsB!.units.map((u) => u.orgUnitId)).toEqual([wardB.id]);
    // the Board, at city scope, sees both wards
    expect(find(await todo('board'), 'ratings_missing')).toMatchObject({ role: 'board', count: 3 });
  });

  it('words the same for a head, who approves', async () => {
    const item = find(await todo('headA'), 'ratings_missing');
    expect(item).toMatchObject({ role: 'head', count: 2 });
    expect(item!.text).toContain('phê duyệt');
  });

  it('counts the newly eligible of the scope from the stored verdicts, as the list shows them', async () => {
    // before the store is built, the overview does not judge the ward for a count
    expect(find(await todo('officerA'), 'newly_eligible')).toBeUndefined();
    expect(await rebuildStore(ctx.deps, { holder: 'test' })).not.toBeNull();
    const listed = async (who: string) =>
      (
        await ctx.app.inject({
          method: 'GET',
          url: '/api/v1/eligibility/eligible-now?onlyNew=true&limit=1',
          headers: { cookie: cookies[who]! },
        })
      ).json().people as number;
    const itemA = find(await todo('officerA'), 'newly_eligible');
    expect(itemA).toMatchObject({
      role: 'officer',
      severity: 'info',
      params: { year: 2026, updating: false },
    });
    expect(itemA!.count).toBe(await listed('officerA'));
    expect(itemA!.count).toBeGreaterThan(0);
    expect(itemA!.link).toBe('/eligible-now?new=1&year=2026');
    const itemB = find(await todo('officerB'), 'newly_eligible');
    expect(itemB!.count).toBe(await listed('officerB'));
    expect(find(await todo('board'), 'newly_eligible')!.count).toBe(itemA!.count + itemB!.count);
    const head = find(await todo('headA'), 'newly_eligible');
    expect(head).toMatchObject({ role: 'head', count: itemA!.count });
    expect(head!.text).toContain('ký đề nghị');
  });

  it('shows a user their own failed and finished jobs, and an administrator every failed job of the scope', async () => {
    const db = ctx.deps.db;
    const job = (
      who: string,
      unit: string,
      status: 'failed' | 'succeeded',
      o: { file?: boolean; daysAgo?: number } = {},
    ) =>
      userId(who).then((actorUserId) =>
        db.insert(jobs).values({
          id: newId(),
          kind: 'eligible_now_export',
          status,
          params: {},
          actorUserId,
          orgUnitId: unit,
          finishedAt: sql`now() - ${`${o.daysAgo ?? 0} days`}::interval`,
          outputName: o.file ? 'danh-sach.xlsx' : null,
          outputMime: o.file ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : null,
          outputSize: o.file ? 10 : null,
        }),
      );
    await job('officerA', wardA.id, 'failed');
    await job('officerA', wardA.id, 'failed', { daysAgo: 30 }); // long ago: not a to-do any more
    await job('officerA', wardA.id, 'succeeded', { file: true });
    await job('officerB', wardB.id, 'succeeded', { file: true, daysAgo: 3 });
    const mine = await todo('officerA');
    expect(find(mine, 'jobs_failed')).toMatchObject({ count: 1, severity: 'danger', link: '/jobs' });
    expect(find(mine, 'jobs_ready')).toMatchObject({ count: 1, severity: 'info', link: '/jobs' });
    expect(mine[0]!.severity).toBe('danger'); // most urgent first
    const theirs = await todo('officerB');
    expect(find(theirs, 'jobs_failed')).toBeUndefined();
    expect(find(theirs, 'jobs_ready')).toBeUndefined();
    expect(find(await todo('admin'), 'jobs_failed_scope')).toMatchObject({ count: 1, role: 'admin' });
    expect(find(await todo('board'), 'jobs_failed_scope')).toBeUndefined();
  });

  it('shows an administrator the accounts refused sign-in now, within the scope', async () => {
    expect(find(await todo('admin'), 'logins_throttled')).toBeUndefined();
    for (let i = 0; i < 6; i++) {
      await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: usernames.officerB, password: `sai-${i}` },
      });
    }
    const refused = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: usernames.officerB, password: TEST_PASSWORD },
    });
    expect(refused.statusCode).toBe(429);
    const item = find(await todo('admin'), 'logins_throttled');
    expect(item).toMatchObject({ count: 1, severity: 'warning', params: { accounts: 1, addresses: 0 } });
    expect(item!.params.usernames).toBe(usernames.officerB);
    expect(item!.text).toContain(usernames.officerB!);
    // not the Board's nor an officer's business
    expect(find(await todo('board'), 'logins_throttled')).toBeUndefined();
    expect(find(await todo('officerB'), 'logins_throttled')).toBeUndefined();
  });

  it('shows an administrator the audit chain never verified, verified long ago, then broken', async () => {
    const chainItem = async () => find(await todo('admin'), 'audit_chain');
    // an entry to verify
    await systemUnitOfWork(ctx.deps, 'cli', (uow) =>
      uow.record({ action: 'user.create', entityType: 'user', entityId: 'x', after: { username: 'x' } }),
    );
    expect(await chainItem()).toMatchObject({
      severity: 'warning',
      params: { state: 'never' },
      link: '/audit',
    });
    const result = await verifyAuditChain(ctx.deps.db);
    const now = ctx.deps.clock.now();
    await recordChainCheck(ctx.deps.db, result, {
      jobId: null,
      startedBy: 'test',
      startedAt: now,
      finishedAt: now,
    });
    expect(await chainItem()).toBeUndefined();
    const longAgo = new Date(now.getTime() - 40 * 24 * 3600_000);
    // the last verification recorded is the one that counts
    await recordChainCheck(ctx.deps.db, result, {
      jobId: null,
      startedBy: 'test',
      startedAt: longAgo,
      finishedAt: longAgo,
    });
    expect(await chainItem()).toMatchObject({
      severity: 'info',
      params: { state: 'due', date: '26/10/2026' },
    });
    await ctx.deps.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await ctx.deps.db.execute(sql`update audit_log set reason = 'sửa lén' where seq = 1`);
    await ctx.deps.db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    const broken = await chainItem();
    expect(broken).toMatchObject({ severity: 'danger', params: { state: 'broken', seq: 1 } });
    expect(broken!.text).toContain('bản ghi số 1');
    expect(find(await todo('board'), 'audit_chain')).toBeUndefined();
  });

  it('shows an administrator the stored eligibility verdicts waiting to be judged again', async () => {
    // a change made behind the application's back (an import) queues the person for the keeper
    const [person] = await ctx.deps.db
      .execute(sql`select id from people limit 1`)
      .then((r) => (r as unknown as { rows: { id: string }[] }).rows);
    await ctx.deps.db.insert(ratings).values({ id: newId(), personId: person!.id, year: 2019, level: 'HT' });
    const item = find(await todo('admin'), 'eligibility_store');
    expect(item).toMatchObject({ severity: 'info', link: '/rule-settings', params: { state: 'updating' } });
    expect(item!.count).toBeGreaterThan(0);
    await rebuildStore(ctx.deps, { holder: 'test' });
    expect(find(await todo('admin'), 'eligibility_store')).toBeUndefined();
  });

  it('leaves a council member an empty list, sessions to vote on being later work', async () => {
    expect(await todo('council')).toEqual([]);
  });
});
