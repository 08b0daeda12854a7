import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import type { Database, DbKind } from '../src/db/client';
import type { Deps } from '../src/deps';
import { fixedClock, type Clock } from '../src/lib/clock';
import { createTestDb } from './db';

export const TEST_NOW = '2026-11-23T03:00:00Z';

export interface TestContext {
  app: FastifyInstance;
  deps: Deps;
  database: Database;
  /** app.close() then database.close() (which drops a PostgreSQL one); idempotent. */
  close(): Promise<void>;
}

/** A fresh database and an app over it, with a fixed clock. Close both in afterAll (`ctx.close()`). */
export async function buildTestApp(kind: DbKind, clock: Clock = fixedClock(TEST_NOW)): Promise<TestContext> {
  const database = await createTestDb(kind);
  const deps: Deps = {
    db: database.db,
    dbKind: database.kind,
    clock,
    config: { sessionSecret: 'test-secret-test-secret-test-secret-123', webDist: '/nonexistent' },
  };
  let app: FastifyInstance;
  try {
    app = (await buildApp(deps)) as unknown as FastifyInstance;
    await app.ready();
  } catch (e) {
    await database.close();
    throw e;
  }
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      try {
        await app.close();
      } finally {
        await database.close();
      }
    })());
  return { app, deps, database, close };
}

/** Log in and return the Cookie header to send with later requests. */
export async function loginAs(
  app: FastifyInstance,
  user: { username: string; password: string },
): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: user });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'vd_session');
  return `vd_session=${cookie!.value}`;
}
