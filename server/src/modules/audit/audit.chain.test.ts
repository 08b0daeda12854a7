import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KINDS } from '../../../test/db';
import { buildTestApp, loginAs, type TestContext } from '../../../test/app';
import { createPerson, createUnit, createUser } from '../../../test/factories';
import { appendAudit } from './audit.repository';
import { TAIL_CHECK_ROWS, verifyAuditChain } from './audit.service';

describe.each(TEST_DB_KINDS)('the audit chain’s verification on %s', (kind) => {
  let ctx: TestContext;
  let admin: string;
  let officer: string;

  const get = (cookie: string, url: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });
  const status = async (cookie = admin) => {
    const res = await get(cookie, '/api/v1/audit/chain');
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  /** Start a verification as the administrator and wait for the worker to finish it. */
  async function verify() {
    const started = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/audit/chain/verify',
      headers: { cookie: admin },
    });
    expect(started.statusCode, started.body).toBe(202);
    const id = started.json().id as string;
    const deadline = Date.now() + 30_000;
    for (;;) {
      const job = (await get(admin, `/api/v1/jobs/${id}`)).json();
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      if (Date.now() > deadline) throw new Error(`the verification did not finish: ${JSON.stringify(job)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  /** Change a stored row behind the append-only trigger, as someone with the database's password could. */
  async function tamper(seq: number) {
    const db = ctx.deps.db;
    await db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await db.execute(sql`update audit_log set after = jsonb_set(coalesce(after, '{}'::jsonb), '{level}', '"HTXS"')
      where seq = ${seq}`);
    await db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
  }

  beforeAll(async () => {
    ctx = await buildTestApp(kind);
    const db = ctx.deps.db;
    const city = await createUnit(db, { name: 'Thành phố Thử' });
    const ward = await createUnit(db, { parentId: city.id, name: 'Phường Thử' });
    admin = await loginAs(ctx.app, await createUser(db, { orgUnitId: city.id, roles: ['admin'] }));
    officer = await loginAs(ctx.app, await createUser(db, { orgUnitId: ward.id, roles: ['officer'] }));
    const person = await createPerson(db, { orgUnitId: ward.id });
    for (const year of [2021, 2022, 2023]) {
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/people/${person.id}/ratings`,
        headers: { cookie: officer },
        payload: { year, level: 'HTT' },
      });
      expect(res.statusCode).toBe(201);
    }
    await ctx.app.jobWorker.start();
  });
  afterAll(async () => ctx?.close());

  it('has never been verified in full, and its newest entries hold', async () => {
    const s = await status();
    expect(s).toMatchObject({
      headSeq: 3,
      lastCheck: null,
      tail: { ok: true, checked: 3, fromSeq: 1, toSeq: 3, firstBrokenSeq: null },
      canVerify: true,
    });
    expect((await status(officer)).canVerify).toBe(false);
  });

  it('lets only an administrator start a verification', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/audit/chain/verify',
      headers: { cookie: officer },
    });
    expect(res.statusCode).toBe(403);
  });

  it('verifies the whole chain as a job and remembers the result', async () => {
    const job = await verify();
    expect(job).toMatchObject({ kind: 'audit_verify', status: 'succeeded' });
    // the job's own start is an entry too: the chain is walked up to the head as the walk began
    const s = await status();
    expect(s.lastCheck).toMatchObject({ ok: true, firstBrokenSeq: null, problems: [], problemCount: 0 });
    expect(s.lastCheck.upToSeq).toBe(s.headSeq);
    expect(s.lastCheck.checked).toBe(s.headSeq);
    expect(job.message).toContain('Chuỗi băm toàn vẹn');
    expect(job.progress.done).toBe(s.headSeq);
  });

  it('reports its progress page by page and stops when asked to', async () => {
    const seen: [number, number][] = [];
    const result = await verifyAuditChain(ctx.deps.db, {
      pageSize: 2,
      onProgress: async (done, total) => void seen.push([done, total]),
    });
    expect(result.ok).toBe(true);
    expect(seen[0]).toEqual([0, result.upToSeq]);
    expect(seen.at(-1)).toEqual([result.upToSeq, result.upToSeq]);
    expect(seen.length).toBe(Math.ceil(result.upToSeq / 2) + 1);
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(verifyAuditChain(ctx.deps.db, { signal: controller.signal })).rejects.toThrow('stop');
  });

  it('finds a tampered row: at once among the newest entries, and by the next full verification', async () => {
    await tamper(2);
    const s = await status();
    expect(s.tail).toMatchObject({ ok: false, firstBrokenSeq: 2 });
    expect(s.tail.problems).toEqual([
      { seq: 2, code: 'content', problem: 'row content does not match its hash' },
    ]);
    expect(s.lastCheck.ok).toBe(true); // the last full verification said so then
    const job = await verify();
    expect(job.status).toBe('succeeded'); // a broken chain is a finding, not a failure of the job
    expect(job.message).toContain('bản ghi số 2');
    const after = await status();
    expect(after.lastCheck).toMatchObject({ ok: false, firstBrokenSeq: 2, problemCount: 1 });
    expect(after.lastCheck.problems).toEqual([
      { seq: 2, code: 'content', problem: 'row content does not match its hash' },
    ]);
  });

  it('finds a tampered row older than the newest entries only by a full verification', async () => {
    const db = ctx.deps.db;
    // enough entries after it that the row leaves the tail checked on each request
    await db.transaction(async (tx) => {
      for (let i = 0; i < TAIL_CHECK_ROWS + 5; i++) {
        await appendAudit(tx, new Date('2026-11-23T03:00:00Z'), {
          actorUserId: null,
          actorUsername: 'test',
          action: 'test.write',
          entityType: 'test',
          entityId: String(i),
        });
      }
    });
    const s = await status();
    expect(s.tail).toMatchObject({ ok: true, checked: TAIL_CHECK_ROWS, toSeq: s.headSeq });
    const result = await verifyAuditChain(db);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.seq)).toEqual([2]);
  });

  it('finds a removed row and a head that names a row no longer there', async () => {
    const db = ctx.deps.db;
    const { headSeq } = await status();
    await db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    await db.execute(sql`delete from audit_log where seq in (5, ${headSeq})`);
    await db.execute(sql`alter table audit_log enable trigger audit_log_no_update`);
    const result = await verifyAuditChain(db);
    expect(result.problems.map((p) => [p.seq, p.code])).toEqual([
      [2, 'content'],
      [6, 'gap'],
      [6, 'link'],
      [headSeq, 'head'],
    ]);
    expect((await status()).tail).toMatchObject({ ok: false, firstBrokenSeq: headSeq });
  });
});
