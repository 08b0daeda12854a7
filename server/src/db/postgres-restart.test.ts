import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import type { Deps } from '../deps';
import { fixedClock } from '../lib/clock';
import { loginAs, TEST_NOW, testConfig } from '../../test/app';
import { createPerson, createUnit, createUser } from '../../test/factories';
import {
  createThrowawayCluster,
  PG15_BIN,
  throwawayClusterUnavailable,
  type ThrowawayCluster,
} from '../../test/pg-cluster';
import { openPostgres, type Database } from './client';
import { migrate } from './migrate';

// PostgreSQL restarts under a running server: requests answer 503 database_unavailable at once (no hang, no
// 500, no crash), and the same session is served again when PostgreSQL is back, without restarting the app.
// Runs on a throwaway PostgreSQL 15 cluster of its own (not TEST_DATABASE_URL, which it must not stop).

const unavailable = throwawayClusterUnavailable();
if (unavailable) console.warn(`postgres-restart.test.ts skipped: ${unavailable}`);

/** A request that fails because the database is down must answer within this (no hang). */
const QUICK_MS = 3000;

describe.skipIf(Boolean(unavailable))(`the server across a PostgreSQL restart (${PG15_BIN})`, () => {
  let cluster: ThrowawayCluster | undefined;
  let database: Database | undefined;
  let app: FastifyInstance | undefined;
  let cookie: string;
  const poolWarnings: string[] = [];
  const processErrors: unknown[] = [];
  const onProcessError = (e: unknown) => processErrors.push(e);

  beforeAll(async () => {
    process.on('uncaughtException', onProcessError);
    process.on('unhandledRejection', onProcessError);
    cluster = await createThrowawayCluster();
    database = openPostgres(cluster.url, {
      max: 4,
      connectionTimeoutMillis: 2000,
      logger: {
        warn: ({ err }, msg) =>
          poolWarnings.push(
            `${msg}: ${(err as { code?: string }).code ?? ''} ${String((err as Error).message)}`,
          ),
      },
    });
    await migrate(database);
    const city = await createUnit(database.db, { name: 'Thành phố Thử nghiệm' });
    const ward = await createUnit(database.db, { parentId: city.id, name: 'Phường Hoàn Kiếm' });
    await createPerson(database.db, { orgUnitId: ward.id, fullName: 'Nguyễn Văn Đức' });
    const user = await createUser(database.db, { orgUnitId: ward.id, roles: ['officer'] });
    const deps: Deps = {
      db: database.db,
      dbKind: database.kind,
      clock: fixedClock(TEST_NOW),
      config: testConfig(),
    };
    app = (await buildApp(deps)) as unknown as FastifyInstance;
    await app.ready();
    cookie = await loginAs(app, user);
  });

  afterAll(async () => {
    // Bounded, so that the cluster is destroyed even when a broken pool would never finish closing.
    const bounded = (p: Promise<unknown> | undefined) =>
      Promise.race([p, new Promise((r) => setTimeout(r, 5000).unref())]);
    try {
      await bounded(app?.close());
      await bounded(database?.close());
    } finally {
      await cluster?.destroy();
      process.off('uncaughtException', onProcessError);
      process.off('unhandledRejection', onProcessError);
    }
  });

  const listPeople = () => app!.inject({ method: 'GET', url: '/api/v1/people', headers: { cookie } });

  async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
    const started = performance.now();
    const value = await fn();
    return { value, ms: performance.now() - started };
  }

  async function expectUnavailable(fn: () => ReturnType<typeof listPeople>) {
    const { value: res, ms } = await timed(fn);
    expect(res.statusCode, res.body).toBe(503);
    expect(res.json()).toMatchObject({
      code: 'database_unavailable',
      message: 'Tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.',
    });
    expect(res.headers['retry-after']).toBe('5');
    expect(ms).toBeLessThan(QUICK_MS);
  }

  async function expectServed() {
    const res = await listPeople();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((p: { fullName: string }) => p.fullName)).toEqual(['Nguyễn Văn Đức']);
    const health = await app!.inject({ method: 'GET', url: '/api/health', headers: { cookie } });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', db: 'postgres' });
  }

  it('serves a logged-in list while PostgreSQL is up', async () => {
    await expectServed();
  });

  it('answers 503, not 500, to a request in flight when PostgreSQL stops', async () => {
    // Hold the people table so the list request is certainly waiting inside PostgreSQL when it stops.
    const locker = new pg.Client({ connectionString: cluster!.url });
    locker.on('error', () => {}); // it is terminated by the stop, on purpose
    await locker.connect();
    try {
      await locker.query('begin');
      await locker.query('lock table people in access exclusive mode');
      const inFlight = listPeople();
      const deadline = Date.now() + 5000;
      for (;;) {
        // pg_locks, not pg_stat_activity: a statement that waits while it is being parsed still shows the
        // text of the one before it there, and pg_stat_activity is read once per transaction
        const { rows } = await locker.query<{ pid: number }>(
          `select pid from pg_locks where relation = 'people'::regclass and not granted`,
        );
        if (rows.length > 0) {
          // A fast stop ends every backend with 57P01, but the locker may go first and let the small list
          // statement finish before its own end arrives (a race the test lost now and then): end the
          // waiting backend the same way first, then stop.
          await locker.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [
            rows.map((r) => r.pid),
          ]);
          break;
        }
        if (Date.now() > deadline) throw new Error('the list request never waited on the lock');
        await new Promise((r) => setTimeout(r, 20));
      }
      const stopped = cluster!.stop('fast');
      const res = await inFlight;
      expect(res.statusCode, res.body).toBe(503);
      expect(res.json().code).toBe('database_unavailable');
      expect(res.headers['retry-after']).toBe('5');
      await stopped;
    } finally {
      await locker.end().catch(() => {});
    }
  });

  it('answers 503 database_unavailable quickly while PostgreSQL is down, and health says degraded', async () => {
    await expectUnavailable(listPeople);
    await expectUnavailable(listPeople); // the pool is not left broken by the first failure
    await expectUnavailable(() =>
      app!.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'nobody', password: 'x' },
      }),
    );
    const { value: health, ms } = await timed(() =>
      app!.inject({ method: 'GET', url: '/api/health', headers: { cookie } }),
    );
    expect(health.statusCode).toBe(503);
    expect(health.json()).toEqual({
      status: 'degraded',
      db: 'postgres',
      message: 'Tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.',
    });
    expect(health.headers['retry-after']).toBe('5');
    expect(ms).toBeLessThan(QUICK_MS);
  });

  it('serves the same session again once PostgreSQL is back, without restarting the app', async () => {
    await cluster!.start();
    await expectServed();
  });

  it('recovers the same way from an immediate stop (a crash) of PostgreSQL', async () => {
    await cluster!.stop('immediate');
    await expectUnavailable(listPeople);
    await cluster!.start(); // crash recovery
    await expectServed();
  });

  it('had nothing unhandled, and reported the lost idle connections to its logger', () => {
    expect(processErrors).toEqual([]);
    // the connections idle in the pool when PostgreSQL stopped were terminated, reported and discarded
    expect(poolWarnings.join('\n')).toMatch(/57P01|Connection terminated/);
  });
});
