import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { FILE_KINDS } from '../../contract/files';
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

/** The configuration a test app runs with; uploaded files go to a folder of their own under the temp dir. */
export function testConfig(overrides: Partial<Deps['config']> = {}): Deps['config'] {
  return {
    sessionSecret: 'test-secret-test-secret-test-secret-123',
    webDist: '/nonexistent',
    filesDir: path.join(os.tmpdir(), `vd-files-${randomUUID()}`),
    filesMaxBytes: 20 * 1024 * 1024,
    filesAllowedTypes: FILE_KINDS,
    ...overrides,
  };
}

/**
 * A fresh database and an app over it, with a fixed clock; close both in afterAll (`ctx.close()`). Uploaded files go to a directory of their own
 * under the system's temporary folder (created on the first upload; a test that uploads removes it).
 */
export async function buildTestApp(
  kind: DbKind,
  clock: Clock = fixedClock(TEST_NOW),
  config: Partial<Deps['config']> = {},
): Promise<TestContext> {
  const database = await createTestDb(kind);
  const deps: Deps = {
    db: database.db,
    dbKind: database.kind,
    clock,
    config: testConfig(config),
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
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: user.username, password: user.password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'vd_session');
  return `vd_session=${cookie!.value}`;
}
