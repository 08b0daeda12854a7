import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobKind } from '../../../../contract/jobs';
import { TEST_NOW, loginAs, testConfig } from '../../../test/app';
import {
  TEST_DB_KINDS,
  createPostgresDatabase,
  createTestDb,
  dropPostgresDatabase,
  testDatabaseUrl,
} from '../../../test/db';
import { createUnit, createUser } from '../../../test/factories';
import { buildApp, type AppOptions } from '../../app';
import { openPglite, openPostgres, rowsOf, type Database } from '../../db/client';
import { migrate } from '../../db/migrate';
import { auditLog, jobs, users } from '../../db/schema';
import type { Deps } from '../../deps';
import { fixedClock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.policy';
import { findActiveActor } from './jobs.repository';
import { MAX_UNFINISHED_JOBS_PER_USER, startJob } from './jobs.service';
import { JobWorker, type JobHandlers } from './jobs.worker';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wait until `check` answers something truthy (polling), or fail with `what`. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** A PostgreSQL database of the test's own, with its URL (for a second pool or a child process). */
async function createPgDatabase() {
  const name = await createPostgresDatabase('vd_test_jobs');
  return { url: testDatabaseUrl(name), drop: () => dropPostgresDatabase(name) };
}

function depsOf(database: Database): Deps {
  return {
    db: database.db,
    dbKind: database.kind,
    clock: fixedClock(TEST_NOW),
    config: testConfig(),
  };
}

async function appOn(database: Database, jobsOpts: AppOptions['jobs']) {
  const deps = depsOf(database);
  const app = (await buildApp(deps, { jobs: jobsOpts })) as unknown as FastifyInstance;
  await app.ready();
  return { app, deps };
}

async function actorOf(db: Deps['db'], username: string): Promise<Actor> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return (await findActiveActor(db, u!.id))!;
}

const abortable = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(t);
      reject(signal.reason as Error);
    };
    const t = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

/** Handlers of test kinds; `starts` counts how often each job's handler began. */
function testHandlers(starts: Map<string, number>, gates: Map<string, () => void>): JobHandlers {
  const started = (id: string) => starts.set(id, (starts.get(id) ?? 0) + 1);
  return {
    /** params.steps steps of params.stepMs each, then a small CSV file */
    'test.steps': async (ctx) => {
      started(ctx.job.id);
      const steps = Number(ctx.job.params.steps);
      for (let i = 1; i <= steps; i++) {
        await abortable(Number(ctx.job.params.stepMs), ctx.signal);
        await ctx.progress(i, steps, `Bước ${i}/${steps}`);
      }
      return {
        result: { steps },
        file: { name: 'Kết quả thử.csv', mime: 'text/csv', bytes: Buffer.from(`bước\n${steps}\n`) },
      };
    },
    /** reports 1 of 4, then waits until the test opens its gate */
    'test.gate': async (ctx) => {
      started(ctx.job.id);
      await ctx.progress(1, 4, 'Bước 1/4');
      await new Promise<void>((resolve, reject) => {
        gates.set(ctx.job.id, resolve);
        ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason as Error));
      });
      await ctx.progress(2, 4, 'Bước 2/4');
      return { result: { ok: true } };
    },
    'test.fail': async (ctx) => {
      started(ctx.job.id);
      await ctx.progress(0, 1);
      throw new Error('the handler broke');
    },
    'test.refuse': async (ctx) => {
      started(ctx.job.id);
      await ctx.actor();
      throw new AppError('not_found', 404);
    },
    /** what a crashed process's job does once a healthy worker takes it over */
    'test.crash': async (ctx) => {
      started(ctx.job.id);
      await ctx.progress(1, 1, 'Xong');
      return { result: { recovered: true } };
    },
  };
}

const FAST = { pollMs: 10, heartbeatMs: 50, sweepMs: 100, retryDelayMs: () => 0 } as const;

describe.each(TEST_DB_KINDS)('background jobs on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let deps: Deps;
  const starts = new Map<string, number>();
  const gates = new Map<string, () => void>();
  let officer: Actor;
  let officerCookie: string;
  let otherCookie: string;
  let adminCookie: string;
  let farAdminCookie: string;
  let wardId: string;

  beforeAll(async () => {
    database = await createTestDb(kind);
    ({ app, deps } = await appOn(database, { handlers: testHandlers(starts, gates), worker: FAST }));
    const city = await createUnit(deps.db, { name: 'Thành phố Hà Nội' });
    const ward = await createUnit(deps.db, { parentId: city.id, name: 'Phường Hoàn Kiếm' });
    const farCity = await createUnit(deps.db, { name: 'Thành phố khác' });
    wardId = ward.id;
    const o = await createUser(deps.db, { orgUnitId: ward.id, roles: ['officer'] });
    officer = await actorOf(deps.db, o.username);
    officerCookie = await loginAs(app, o);
    otherCookie = await loginAs(app, await createUser(deps.db, { orgUnitId: ward.id, roles: ['officer'] }));
    adminCookie = await loginAs(app, await createUser(deps.db, { orgUnitId: city.id, roles: ['admin'] }));
    farAdminCookie = await loginAs(
      app,
      await createUser(deps.db, { orgUnitId: farCity.id, roles: ['admin'] }),
    );
    await app.jobWorker.start();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });
  const start = (k: string, params: Record<string, unknown>, maxAttempts?: number) =>
    startJob(deps, officer, { kind: k as JobKind, orgUnitId: wardId, params, maxAttempts });
  const jobRow = async (id: string) => (await deps.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;
  const finished = (id: string) =>
    waitFor(`job ${id} to finish`, async () => {
      const r = await jobRow(id);
      return !['queued', 'running'].includes(r.status) && r;
    });

  it('runs a job to success, with its file, its summary and an audit row for the start', async () => {
    const job = await start('test.steps', { steps: 3, stepMs: 5 });
    expect(job).toMatchObject({ status: 'queued', progress: { done: 0, total: null }, output: null });
    const done = await finished(job.id);
    expect(done).toMatchObject({ status: 'succeeded', progressDone: 3, progressTotal: 3, attempts: 1 });
    const res = await get(`/api/v1/jobs/${job.id}`, officerCookie);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'succeeded',
      result: { steps: 3 },
      output: { name: 'Kết quả thử.csv', mime: 'text/csv', size: 10 },
      error: null,
      orgUnitName: 'Phường Hoàn Kiếm',
    });
    const file = await get(`/api/v1/jobs/${job.id}/output`, officerCookie);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('text/csv');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="Ket qua thu.csv"; filename*=UTF-8''K%E1%BA%BFt%20qu%E1%BA%A3%20th%E1%BB%AD.csv`,
    );
    expect(file.body).toBe('bước\n3\n');
    const audit = await deps.db.select().from(auditLog).where(eq(auditLog.entityId, job.id));
    expect(audit.map((a) => a.action)).toEqual(['job.start']);
  });

  it('shows progress to other requests while the job runs, never going back', async () => {
    const gated = await start('test.gate', {});
    await waitFor('the gate', async () => gates.has(gated.id));
    const mid = (await get(`/api/v1/jobs/${gated.id}`, officerCookie)).json();
    expect(mid).toMatchObject({ status: 'running', progress: { done: 1, total: 4 }, message: 'Bước 1/4' });
    gates.get(gated.id)!();
    expect((await finished(gated.id)).status).toBe('succeeded');

    const job = await start('test.steps', { steps: 12, stepMs: 15 });
    const seen: number[] = [];
    for (;;) {
      const j = (await get(`/api/v1/jobs/${job.id}`, officerCookie)).json();
      seen.push(j.progress.done);
      if (j.status === 'succeeded') break;
      expect(j.status).toMatch(/queued|running/);
      await sleep(5);
    }
    expect(seen.some((d) => d > 0 && d < 12)).toBe(true); // seen mid-way, from outside the worker
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect(seen[seen.length - 1]).toBe(12);
  });

  it('cancels a running job (it stops at its next report) and a queued one; a finished job cannot be', async () => {
    const gated = await start('test.gate', {});
    await waitFor('the gate', async () => gates.has(gated.id));
    const cancel = (id: string, cookie = officerCookie) =>
      app.inject({ method: 'POST', url: `/api/v1/jobs/${id}/cancel`, headers: { cookie } });
    const res = await cancel(gated.id);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled' });
    gates.get(gated.id)!(); // the handler goes on and reports: it learns it was cancelled
    await waitFor('the worker to drop the job', async () => app.jobWorker.current?.id !== gated.id);
    expect(await jobRow(gated.id)).toMatchObject({ status: 'cancelled', progressDone: 1, lockedBy: null });
    expect((await get(`/api/v1/jobs/${gated.id}/output`, officerCookie)).json().code).toBe('job_not_ready');
    expect((await cancel(gated.id)).json()).toMatchObject({ code: 'job_finished' });

    // a queued job (of a kind no worker here runs, so it stays queued)
    const queued = await start('test.elsewhere', {});
    expect((await cancel(queued.id)).json()).toMatchObject({ status: 'cancelled' });
    const audit = await deps.db.select().from(auditLog).where(eq(auditLog.entityId, queued.id));
    expect(audit.map((a) => a.action)).toEqual(['job.start', 'job.cancel']);
    expect(audit[1]!.before).toEqual({ status: 'queued' });
  });

  it('records a failing handler as failed after its last attempt, and a refusal at once', async () => {
    const job = await start('test.fail', {}, 3);
    const done = await finished(job.id);
    expect(done).toMatchObject({ status: 'failed', attempts: 3, errorCode: 'job_failed' });
    expect(starts.get(job.id)).toBe(3);
    const shown = (await get(`/api/v1/jobs/${job.id}`, officerCookie)).json();
    expect(shown.error.message).toContain('3/3');
    expect(shown.error.message).not.toContain('the handler broke'); // internals stay in the log

    const refused = await start('test.refuse', {}, 3);
    expect(await finished(refused.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      errorCode: 'not_found',
    });
    // the worker is alive after both
    const after = await start('test.steps', { steps: 1, stepMs: 1 });
    expect((await finished(after.id)).status).toBe('succeeded');
  });

  it('drops the files of jobs finished long ago, keeping the jobs', async () => {
    const old = await start('test.steps', { steps: 1, stepMs: 1 });
    const recent = await start('test.steps', { steps: 1, stepMs: 1 });
    await finished(old.id);
    await finished(recent.id);
    await deps.db.execute(sql`update jobs set finished_at = now() - interval '8 days' where id = ${old.id}`);
    const w = new JobWorker(deps, {}, { ...FAST, keepOutputsMs: 7 * 24 * 3600_000, orphanAllOnStart: false });
    await w.start(); // a sweep at start
    await w.stop();
    expect(await jobRow(old.id)).toMatchObject({ status: 'succeeded', output: null, outputName: null });
    expect((await jobRow(recent.id)).output?.toString()).toBe('bước\n1\n');
    const shown = (await get(`/api/v1/jobs/${old.id}`, officerCookie)).json();
    expect(shown).toMatchObject({ status: 'succeeded', output: null });
    expect(shown.message).toContain('hết thời hạn lưu giữ');
    expect((await get(`/api/v1/jobs/${old.id}/output`, officerCookie)).statusCode).toBe(409);
  });

  it("answers 404 for another user's job; an administrator sees the jobs of their subtree", async () => {
    const job = await start('test.steps', { steps: 1, stepMs: 1 });
    await finished(job.id);
    for (const url of [`/api/v1/jobs/${job.id}`, `/api/v1/jobs/${job.id}/output`]) {
      expect((await get(url, otherCookie)).statusCode).toBe(404);
      expect((await get(url, farAdminCookie)).statusCode).toBe(404);
    }
    const cancelByOther = await app.inject({
      method: 'POST',
      url: `/api/v1/jobs/${job.id}/cancel`,
      headers: { cookie: otherCookie },
    });
    expect(cancelByOther.statusCode).toBe(404);
    expect((await get(`/api/v1/jobs/${job.id}`, adminCookie)).statusCode).toBe(200);
    expect((await get(`/api/v1/jobs/00000000-0000-4000-8000-000000000000`, officerCookie)).statusCode).toBe(
      404,
    );
    expect((await app.inject({ method: 'GET', url: `/api/v1/jobs/${job.id}` })).statusCode).toBe(401);

    const mine = (await get('/api/v1/jobs?limit=100', officerCookie)).json();
    expect(mine.items.map((j: { id: string }) => j.id)).toContain(job.id);
    expect(mine.total).toBe(mine.items.length);
    const theirs = (await get('/api/v1/jobs', otherCookie)).json();
    expect(theirs).toEqual({ items: [], total: 0 });
    const failed = (await get('/api/v1/jobs?status=failed', officerCookie)).json();
    expect(failed.items.every((j: { status: string }) => j.status === 'failed')).toBe(true);
    expect((await get('/api/v1/jobs?status=done', officerCookie)).statusCode).toBe(400);
  });

  it(`lets a user have at most ${MAX_UNFINISHED_JOBS_PER_USER} unfinished jobs, under 50 parallel starts`, async () => {
    await app.jobWorker.stop(); // nothing runs: every started job stays queued
    const user = await createUser(deps.db, { orgUnitId: wardId, roles: ['officer'] });
    const actor = await actorOf(deps.db, user.username);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        startJob(deps, actor, {
          kind: 'test.steps' as JobKind,
          orgUnitId: wardId,
          params: { steps: 1, stepMs: 1 },
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter(
      (r) => r.status === 'rejected' && r.reason instanceof AppError && r.reason.code === 'too_many_jobs',
    );
    expect(ok).toHaveLength(MAX_UNFINISHED_JOBS_PER_USER);
    expect(refused).toHaveLength(50 - MAX_UNFINISHED_JOBS_PER_USER);
    const [{ n } = { n: -1 }] = rowsOf<{ n: number }>(
      await deps.db.execute(sql`select count(*)::int as n from jobs j join users u on u.id = j.actor_user_id
        where u.username = ${user.username}`),
    );
    expect(Number(n)).toBe(MAX_UNFINISHED_JOBS_PER_USER);
  });
});

describe.each(TEST_DB_KINDS)('job queue across workers and restarts on %s', (kind) => {
  /** One database the test can open again: a PGlite data directory, or a PostgreSQL database. */
  let target: string;
  let cleanup: () => Promise<void>;
  const open = async (max = 5) => (kind === 'pglite' ? openPglite(target) : openPostgres(target, max));

  beforeAll(async () => {
    if (kind === 'pglite') {
      target = mkdtempSync(path.join(tmpdir(), 'vinhdanh-jobs-'));
      cleanup = async () => rmSync(target, { recursive: true, force: true });
    } else {
      const pgdb = await createPgDatabase();
      target = pgdb.url;
      cleanup = pgdb.drop;
    }
    const database = await open();
    await migrate(database);
    const ward = await createUnit(database.db, { name: 'Phường Ba Đình' });
    await createUser(database.db, { orgUnitId: ward.id, roles: ['officer'], username: 'jobs_restart' });
    await database.close();
  });
  afterAll(async () => cleanup?.());

  async function startAs(database: Database, k: string, params: Record<string, unknown>, maxAttempts = 3) {
    const deps = depsOf(database);
    const actor = await actorOf(deps.db, 'jobs_restart');
    return startJob(deps, actor, { kind: k as JobKind, orgUnitId: actor.orgUnitId, params, maxAttempts });
  }
  const row = async (database: Database, id: string) =>
    (await database.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;

  it('gives a running job back when the app stops, and a new app on the same database finishes it', async () => {
    const starts = new Map<string, number>();
    let database = await open();
    let { app } = await appOn(database, { handlers: testHandlers(starts, new Map()), worker: FAST });
    await app.jobWorker.start();
    const job = await startAs(database, 'test.steps', { steps: 20, stepMs: 30 });
    await waitFor('progress', async () => (await row(database, job.id)).progressDone >= 3);
    await app.close(); // stops the worker mid-way; the job goes back to the queue
    expect(await row(database, job.id)).toMatchObject({ status: 'queued', attempts: 0, lockedBy: null });
    await database.close();

    database = await open();
    ({ app } = await appOn(database, { handlers: testHandlers(starts, new Map()), worker: FAST }));
    await app.jobWorker.start();
    const done = await waitFor('the job to finish', async () => {
      const r = await row(database, job.id);
      return r.status === 'succeeded' && r;
    });
    expect(done).toMatchObject({ attempts: 1, progressDone: 20 });
    expect(starts.get(job.id)).toBe(2);
    await app.close();
    await database.close();
  });

  /** Start a server process that claims the job and is killed with SIGKILL mid-way. */
  async function crashWhileRunning(jobId: string) {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'server/test/job-crash-child.ts', target, 'test.crash'],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    await waitFor(
      `the child to run ${jobId}`,
      async () => {
        if (child.exitCode !== null) throw new Error(`child exited: ${out}`);
        return out.includes(`RUNNING ${jobId}`);
      },
      60_000,
    );
    child.kill('SIGKILL');
    await exited;
  }

  it('re-queues the job of a process that died, finishes it, and fails one that keeps crashing', async () => {
    // the database is free while the child owns it (PGlite has one owner process)
    let database = await open();
    const job = await startAs(database, 'test.crash', {}, 3);
    const doomed = await startAs(database, 'test.crash', {}, 2);
    await database.db.execute(
      sql`update jobs set run_after = now() + interval '1 hour' where id = ${doomed.id}`,
    );
    if (kind === 'pglite') await database.close();

    await crashWhileRunning(job.id);
    if (kind === 'pglite') database = await open();
    expect(await row(database, job.id)).toMatchObject({ status: 'running', attempts: 1 });

    // a new worker: PGlite has one owner, so at start every running job is orphaned; PostgreSQL waits
    // for the dead worker's heartbeat to go stale
    const starts = new Map<string, number>();
    const worker = new JobWorker(depsOf(database), testHandlers(starts, new Map()), {
      ...FAST,
      staleMs: 1000,
    });
    await worker.start();
    const done = await waitFor('the orphaned job to finish', async () => {
      const r = await row(database, job.id);
      return r.status === 'succeeded' && r;
    });
    expect(done).toMatchObject({ attempts: 2, errorCode: null });
    expect(starts.get(job.id)).toBe(1);
    await worker.stop();

    // the doomed job (2 attempts) crashes its process twice; then it fails with a clear message
    await database.db.execute(sql`update jobs set run_after = now() where id = ${doomed.id}`);
    for (let i = 0; i < 2; i++) {
      if (kind === 'pglite') await database.close();
      await crashWhileRunning(doomed.id);
      if (kind === 'pglite') database = await open();
      const recovering = new JobWorker(depsOf(database), {}, { ...FAST, staleMs: 1000 });
      await recovering.start(); // no handlers: it recovers, never claims
      await waitFor('recovery', async () => (await row(database, doomed.id)).status !== 'running');
      await recovering.stop();
    }
    const failed = await row(database, doomed.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: 2, errorCode: 'job_interrupted' });
    expect(failed.errorMessage).toContain('gián đoạn');
    expect(starts.get(doomed.id)).toBeUndefined();
    await database.close();
  });

  it('never runs a job twice when several workers on separate connections race for 60 jobs', async () => {
    const a = await open(5);
    // PostgreSQL: a second pool, as a second server process would have; PGlite has one connection
    const b = kind === 'postgres' ? await open(5) : a;
    const running = new Set<string>();
    const runs = new Map<string, number>();
    let overlap = 0;
    const handlers: JobHandlers = {
      'test.race': async (ctx) => {
        if (running.has(ctx.job.id)) overlap++;
        running.add(ctx.job.id);
        runs.set(ctx.job.id, (runs.get(ctx.job.id) ?? 0) + 1);
        await sleep(Math.random() * 10);
        await ctx.progress(1, 1);
        running.delete(ctx.job.id);
      },
    };
    const workers = [
      new JobWorker(depsOf(a), handlers, { ...FAST, pollMs: 2, id: 'w1' }),
      new JobWorker(depsOf(a), handlers, { ...FAST, pollMs: 2, id: 'w2' }),
      new JobWorker(depsOf(b), handlers, { ...FAST, pollMs: 2, id: 'w3' }),
    ];
    await Promise.all(workers.map((w) => w.start()));
    const user = await actorOf(a.db, 'jobs_restart');
    // starts do not pass the per-user limit: insert the queue directly, all due at once
    await a.db.execute(sql`insert into jobs (id, kind, params, actor_user_id, org_unit_id)
      select gen_random_uuid(), 'test.race', '{}'::jsonb, ${user.userId}::uuid, ${user.orgUnitId}::uuid
      from generate_series(1, 60)`);
    await waitFor(
      'every race job to finish',
      async () => {
        const [{ n } = { n: -1 }] = rowsOf<{ n: number }>(
          await a.db.execute(
            sql`select count(*)::int as n from jobs where kind = 'test.race' and status <> 'succeeded'`,
          ),
        );
        return Number(n) === 0;
      },
      60_000,
    );
    await Promise.all(workers.map((w) => w.stop()));
    expect(runs.size).toBe(60);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(overlap).toBe(0);
    const by = rowsOf<{ attempts: number; n: number }>(
      await a.db.execute(
        sql`select attempts, count(*)::int as n from jobs where kind = 'test.race' group by attempts`,
      ),
    );
    expect(by).toEqual([{ attempts: 1, n: 60 }]);
    if (b !== a) await b.close();
    await a.close();
  });
});
