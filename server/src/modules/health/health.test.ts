import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { openPostgres, type Database } from '../../db/client';
import type { Deps } from '../../deps';
import { fixedClock } from '../../lib/clock';
import { TEST_NOW, testConfig } from '../../../test/app';

// The healthy answer ({ status: 'ok', db }) is checked on every database kind in auth.test.ts.
const UNAVAILABLE = 'Tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít phút.';

/** A port on 127.0.0.1 that nothing listens on. */
async function deadPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('a server whose PostgreSQL cannot be reached', () => {
  let database: Database;
  let app: FastifyInstance;
  const warnings: string[] = [];

  beforeAll(async () => {
    database = openPostgres(`postgres://postgres@127.0.0.1:${await deadPort()}/none`, {
      connectionTimeoutMillis: 2000,
      logger: { warn: (_o, msg) => warnings.push(msg) },
    });
    const deps: Deps = {
      db: database.db,
      dbKind: database.kind,
      clock: fixedClock(TEST_NOW),
      config: testConfig(),
    };
    app = (await buildApp(deps)) as unknown as FastifyInstance;
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('reports itself degraded with 503 and Retry-After, even with a session cookie', async () => {
    const cookie = `vd_session=${app.signCookie('any-token')}`;
    for (const headers of [{}, { cookie }]) {
      const res = await app.inject({ method: 'GET', url: '/api/health', headers });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json()).toEqual({ status: 'degraded', db: 'postgres', message: UNAVAILABLE });
    }
  });

  it('answers database_unavailable (503, Retry-After) to requests that need the database, not 500', async () => {
    const cookie = `vd_session=${app.signCookie('any-token')}`;
    for (const res of [
      await app.inject({ method: 'GET', url: '/api/v1/people', headers: { cookie } }),
      await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'a', password: 'b' },
      }),
    ]) {
      expect(res.statusCode, res.body).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json()).toEqual({ code: 'database_unavailable', message: UNAVAILABLE });
    }
    // a request that needs no database is not affected
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/people' });
    expect(anonymous.statusCode).toBe(401);
    expect(warnings).toEqual([]); // refused connections are the request's error, not a pool event
  });
});
