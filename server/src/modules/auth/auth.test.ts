import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KINDS } from '../../../test/db';
import { buildTestApp, loginAs, type TestContext } from '../../../test/app';
import { createUnit, createUser } from '../../../test/factories';
import { buildApp } from '../../app';

describe.each(TEST_DB_KINDS)('auth on %s', (kind) => {
  let ctx: TestContext;
  let unitId: string;

  beforeAll(async () => {
    ctx = await buildTestApp(kind);
    unitId = (await createUnit(ctx.deps.db, { name: 'Phường Ba Đình' })).id;
  });
  afterAll(async () => {
    await ctx?.app.close();
    await ctx?.database.close();
  });

  const login = (username: string, password: string, ip = '10.0.0.1') =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress: ip,
    });

  it('logs in with an HTTP-only cookie, answers /me, and logs out', async () => {
    const user = await createUser(ctx.deps.db, { orgUnitId: unitId, roles: ['officer'] });
    const res = await login(user.username, user.password);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      username: user.username,
      roles: ['officer'],
      orgUnitId: unitId,
      orgUnitName: 'Phường Ba Đình',
    });
    const cookie = res.cookies.find((c) => c.name === 'vd_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const header = `vd_session=${cookie.value}`;
    const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: header } });
    expect(me.json()).toEqual({
      username: user.username,
      fullName: `Người dùng ${user.username}`,
      roles: ['officer'],
      orgUnitId: unitId,
      orgUnitName: 'Phường Ba Đình',
      mustChangePassword: false,
    });
    expect(
      (await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: header } }))
        .statusCode,
    ).toBe(204);
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: header } })).statusCode,
    ).toBe(401);
  });

  it('answers 401 to a wrong password and to an unknown user, with the same message', async () => {
    const user = await createUser(ctx.deps.db, { orgUnitId: unitId, roles: ['officer'] });
    const wrong = await login(user.username, 'sai-mat-khau', '10.0.0.2');
    const unknown = await login('khong-ton-tai', 'sai-mat-khau', '10.0.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().code).toBe('invalid_credentials');
  });

  it('throttles repeated failures for a user with 429, even with the right password afterwards', async () => {
    const user = await createUser(ctx.deps.db, { orgUnitId: unitId, roles: ['officer'] });
    for (let i = 0; i < 5; i++)
      expect((await login(user.username, 'sai', `10.1.0.${i}`)).statusCode).toBe(401);
    const blocked = await login(user.username, user.password, '10.1.0.99');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().code).toBe('too_many_attempts');
  });

  it('holds the per-user limit under 40 parallel guesses, the right password among them', async () => {
    const user = await createUser(ctx.deps.db, { orgUnitId: unitId, roles: ['officer'] });
    const attempts = Array.from({ length: 40 }, (_, i) =>
      login(user.username, i === 12 ? user.password : `sai-${i}`, '10.2.0.1'),
    );
    const codes = (await Promise.all(attempts)).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401 || c === 200).length).toBeLessThanOrEqual(5);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(35);
    // whatever the order the requests were served in, no more than five passwords were ever checked
    expect(codes.filter((c) => c !== 401 && c !== 429 && c !== 200)).toEqual([]);
  });

  it('holds the per-address limit under parallel guesses across user names', async () => {
    const codes = (
      await Promise.all(Array.from({ length: 45 }, (_, i) => login(`nguoi-la-${i}`, 'sai', '10.3.0.1')))
    ).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(30);
    expect(codes.filter((c) => c === 429)).toHaveLength(15);
  });

  it('holds the limit across two server processes on one database', async () => {
    const other = await buildApp(ctx.deps);
    try {
      const user = await createUser(ctx.deps.db, { orgUnitId: unitId, roles: ['officer'] });
      const codes = (
        await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            (i % 2 ? other : ctx.app).inject({
              method: 'POST',
              url: '/api/v1/auth/login',
              payload: { username: user.username, password: 'sai' },
              remoteAddress: '10.6.0.1',
            }),
          ),
        )
      ).map((r) => r.statusCode);
      expect(codes.filter((c) => c === 401)).toHaveLength(5);
      expect(codes.filter((c) => c === 429)).toHaveLength(15);
    } finally {
      await other.close();
    }
  });

  it('says when to try again with Retry-After on 429', async () => {
    const user = await createUser(ctx.deps.db, { orgUnitId: unitId, roles: ['officer'] });
    for (let i = 0; i < 5; i++) await login(user.username, 'sai', '10.4.0.1');
    const blocked = await login(user.username, user.password, '10.4.0.1');
    expect(blocked.statusCode).toBe(429);
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it('does not count a successful login against its address', async () => {
    const user = await createUser(ctx.deps.db, { orgUnitId: unitId, roles: ['officer'] });
    for (let i = 0; i < 32; i++)
      expect((await login(user.username, user.password, '10.5.0.1')).statusCode).toBe(200);
  });

  it('throttles repeated failures from one address across user names', async () => {
    for (let i = 0; i < 30; i++) await login(`ai-do-${i}`, 'sai', '10.9.9.9');
    const user = await createUser(ctx.deps.db, { orgUnitId: unitId, roles: ['officer'] });
    expect((await login(user.username, user.password, '10.9.9.9')).statusCode).toBe(429);
    expect((await login(user.username, user.password, '10.9.9.10')).statusCode).toBe(200);
  });

  it('refuses a state-changing request from another site', async () => {
    const cookie = await loginAs(
      ctx.app,
      await createUser(ctx.deps.db, { orgUnitId: unitId, roles: ['admin'] }),
    );
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: { cookie, origin: 'https://evil.example', host: 'vinhdanh.local' },
      payload: { parentId: unitId, code: 'X1', name: 'X', kind: 'ward', validFrom: '2025-07-01' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_rejected');
    const form = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: { cookie, 'content-type': 'text/plain' },
      payload: 'parentId=x',
    });
    expect(form.statusCode).toBe(415);
    const sameOrigin = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/org-units',
      headers: { cookie, origin: 'http://vinhdanh.local', host: 'vinhdanh.local' },
      payload: {
        parentId: unitId,
        code: 'X1',
        name: 'Tổ dân phố số 1',
        kind: 'ward',
        validFrom: '2025-07-01',
      },
    });
    expect(sameOrigin.statusCode).toBe(201);
  });

  it('rejects a login body with unknown fields or wrong types', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'a', password: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0].path).toBe('password');
  });

  it('serves health and the OpenAPI document', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/health' })).json()).toEqual({
      status: 'ok',
      db: kind,
    });
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/people', '/api/v1/auth/login', '/api/v1/org-units/{id}']),
    );
  });
});
