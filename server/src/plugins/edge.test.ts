import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { verifyAuditChain } from '../modules/audit/audit.service';
import { TEST_DB_KINDS } from '../../test/db';
import { buildTestApp, loginAs, type TestContext } from '../../test/app';
import { createPerson, createUnit, createUser } from '../../test/factories';

/** What an attacker sends at the edge: every answer is a 4xx in the one error format, never a 500. */
describe.each(TEST_DB_KINDS)('the edge on %s', (kind) => {
  let ctx: TestContext;
  let admin: string;
  let officer: string;
  let wardId: string;
  let personId: string;

  beforeAll(async () => {
    ctx = await buildTestApp(kind);
    const city = await createUnit(ctx.deps.db, { name: 'Thành phố' });
    wardId = (await createUnit(ctx.deps.db, { parentId: city.id, name: 'Phường Láng' })).id;
    personId = (await createPerson(ctx.deps.db, { orgUnitId: wardId, fullName: 'Trần Thị Bích' })).id;
    admin = await loginAs(ctx.app, await createUser(ctx.deps.db, { orgUnitId: city.id, roles: ['admin'] }));
    officer = await loginAs(
      ctx.app,
      await createUser(ctx.deps.db, { orgUnitId: wardId, roles: ['officer'] }),
    );
  });
  afterAll(async () => {
    await ctx?.app.close();
    await ctx?.database.close();
  });

  const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, cookie: string, payload?: object) =>
    ctx.app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload }) });

  it('refuses a lone surrogate in a setting reason with 400, and the audit chain stays whole', async () => {
    const res = await send('PUT', '/api/v1/eligibility/settings/ldtt.disciplineDisqualifier', admin, {
      value: 'KHIEN_TRACH',
      reason: 'abc\ud800def',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'invalid_text', details: [{ path: 'reason' }] });
    // a well-formed reason with every Vietnamese letter and an emoji (a surrogate pair) is fine
    const ok = await send('PUT', '/api/v1/eligibility/settings/ldtt.disciplineDisqualifier', admin, {
      value: 'KHIEN_TRACH',
      reason: 'Đổi theo văn bản mới 😀 ỹ Ỵ ự',
    });
    expect(ok.statusCode).toBe(204);
    expect(await verifyAuditChain(ctx.deps.db)).toMatchObject({ ok: true });
    await send('PUT', '/api/v1/eligibility/settings/ldtt.disciplineDisqualifier', admin, {
      value: 'CANH_CAO',
    });
  });

  it('refuses a NUL byte in a body field and in the search text with 400', async () => {
    const body = await send('POST', '/api/v1/people', officer, {
      fullName: 'Nguyễn\u0000Văn A',
      gender: 'male',
      category: 'civil_servant',
      orgUnitId: wardId,
    });
    expect(body.statusCode).toBe(400);
    expect(body.json()).toMatchObject({ code: 'invalid_text', details: [{ path: 'fullName' }] });
    const q = await send('GET', '/api/v1/people?q=nguy%00en', officer);
    expect(q.statusCode).toBe(400);
    expect(q.json().code).toBe('invalid_text');
    const key = await send('POST', '/api/v1/people', officer, { ['a\u0000']: 1 });
    expect(key.statusCode).toBe(400);
  });

  it('refuses huge numbers with 400: an offset past any list, a version past an integer', async () => {
    const off = await send('GET', '/api/v1/people?offset=9223372036854775807', officer);
    expect(off.statusCode).toBe(400);
    expect(off.json().code).toBe('validation_failed');
    const ver = await send('PATCH', `/api/v1/people/${personId}`, officer, {
      version: 1e20,
      fullName: 'Trần Thị Bích',
    });
    expect(ver.statusCode).toBe(400);
    const year = await send('GET', `/api/v1/people/${personId}/eligibility?year=99999999999`, officer);
    expect(year.statusCode).toBe(400);
  });

  it('answers 400 to a consideration date before the earliest rule set, on every eligibility route', async () => {
    for (const url of [
      `/api/v1/people/${personId}/eligibility?asOf=2001-01-01`,
      `/api/v1/org-units/${wardId}/eligibility?asOf=2001-01-01`,
      `/api/v1/eligibility/eligible-now?asOf=2001-01-01`,
    ]) {
      const res = await send('GET', url, officer);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code, url).toBe('as_of_out_of_range');
      expect(res.json().message).toMatch(/bộ quy định/);
    }
  });

  it('answers a malformed percent-encoding and an over-long path parameter in the one error format', async () => {
    const bad = await send('GET', '/api/v1/people/%E0%A4%A', officer);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({ code: 'bad_url', message: expect.stringMatching(/Địa chỉ/) });
    const long = await send('GET', `/api/v1/people/${'a'.repeat(300)}`, officer);
    expect(long.statusCode).toBeGreaterThanOrEqual(400);
    expect(long.statusCode).toBeLessThan(500);
    expect(long.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    expect(long.json().message).not.toMatch(/Route|not found/i);
  });

  it('refuses a setting written for a rule set that does not exist, and audits nothing', async () => {
    const before = (await verifyAuditChain(ctx.deps.db)).checked;
    const res = await send(
      'PUT',
      '/api/v1/eligibility/settings/KHONG_CO:ldtt.disciplineDisqualifier',
      admin,
      {
        value: 'KHIEN_TRACH',
      },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('unknown_rule_set');
    expect((await verifyAuditChain(ctx.deps.db)).checked).toBe(before);
  });

  it('answers 401 before looking at the body of a request without a session', async () => {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/people', payload: { nonsense: true } });
    expect(res.statusCode).toBe(401);
    const get = await ctx.app.inject({ method: 'GET', url: '/api/v1/people?offset=-5' });
    expect(get.statusCode).toBe(401);
  });

  it('sends the security headers', async () => {
    const res = await send('GET', '/api/v1/me', officer);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });

  it('marks the session cookie Secure behind a trusted HTTPS proxy, and only then', async () => {
    const user = await createUser(ctx.deps.db, { orgUnitId: wardId, roles: ['officer'] });
    const login = (app: typeof ctx.app) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: user,
        headers: { 'x-forwarded-proto': 'https' },
        remoteAddress: '127.0.0.1',
      });
    const direct = await login(ctx.app);
    expect(direct.cookies.find((c) => c.name === 'vd_session')!.secure).toBeFalsy();
    const proxied = await buildApp({ ...ctx.deps, config: { ...ctx.deps.config, trustProxy: '127.0.0.1' } });
    try {
      const res = await login(proxied);
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === 'vd_session')!.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });
});
