import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KINDS } from '../../../test/db';
import { buildTestApp, loginAs, TEST_NOW, type TestContext } from '../../../test/app';
import { createAccount, createUnit, TEST_PASSWORD } from '../../../test/factories';
import { auditLog, sessions, users } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { hashToken } from '../auth/auth.service';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A clock the test moves by hand. */
function movableClock(start: string) {
  let at = Date.parse(start);
  const clock: Clock & { advance(ms: number): void; set(iso: string): void } = {
    now: () => new Date(at),
    advance: (ms) => void (at += ms),
    set: (iso) => void (at = Date.parse(iso)),
  };
  return clock;
}

type Json = Record<string, unknown>;

describe.each(TEST_DB_KINDS)('sessions and one’s own account on %s', (kind) => {
  let ctx: TestContext;
  const clock = movableClock(TEST_NOW);
  let unitId: string;
  let ip = 0;

  const login = (username: string, password: string, userAgent = 'Mozilla/5.0 (X11; Linux) Chrome/140') =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      headers: { 'user-agent': userAgent },
      remoteAddress: `10.30.${Math.floor(++ip / 250)}.${ip % 250}`,
    });
  const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
    `vd_session=${res.cookies.find((c) => c.name === 'vd_session')!.value}`;
  const tokenOf = (cookie: string) => {
    // the cookie is signed: "<token>.<signature>"
    const value = decodeURIComponent(cookie.slice('vd_session='.length));
    return value.slice(0, value.lastIndexOf('.'));
  };
  const me = (cookie: string) => ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
  const send = (method: 'POST' | 'DELETE', url: string, cookie: string, payload?: Json) =>
    ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const sessionRow = async (cookie: string) => {
    const [row] = await ctx.deps.db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, hashToken(tokenOf(cookie))));
    return row;
  };
  const newUser = () => createAccount(ctx.deps.db, { orgUnitId: unitId, roles: ['officer'] });

  beforeAll(async () => {
    // idle timeout 2 hours, absolute limit 12 hours (the defaults, given explicitly)
    ctx = await buildTestApp(kind, clock, { sessionIdleMinutes: 120, sessionMaxHours: 12 });
    unitId = (await createUnit(ctx.deps.db, { name: 'Phường Hoàn Kiếm' })).id;
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('stores the times, the browser and the address of a new session', async () => {
    clock.set(TEST_NOW);
    const user = await newUser();
    const longAgent = `Mozilla/5.0 ${'x'.repeat(1000)}`;
    const cookie = cookieOf(await login(user.username, user.password, longAgent));
    const row = (await sessionRow(cookie))!;
    const t0 = Date.parse(TEST_NOW);
    expect(row.createdAt.getTime()).toBe(t0);
    expect(row.lastSeenAt.getTime()).toBe(t0);
    expect(row.idleExpiresAt.getTime()).toBe(t0 + 2 * HOUR);
    expect(row.expiresAt.getTime()).toBe(t0 + 12 * HOUR);
    expect(row.userAgent!.length).toBe(300);
    expect(row.ip).toMatch(/^10\.30\./);
    const [account] = await ctx.deps.db.select().from(users).where(eq(users.id, user.id));
    expect(account!.lastLoginAt!.getTime()).toBe(t0);
  });

  it('extends a session used within the idle window, writing at most about once a minute', async () => {
    clock.set(TEST_NOW);
    const user = await newUser();
    const cookie = cookieOf(await login(user.username, user.password));
    const t0 = Date.parse(TEST_NOW);

    clock.advance(30_000);
    expect((await me(cookie)).statusCode).toBe(200);
    // half a minute after the last write: nothing written
    expect((await sessionRow(cookie))!.lastSeenAt.getTime()).toBe(t0);

    clock.advance(90 * MINUTE);
    expect((await me(cookie)).statusCode).toBe(200);
    const touched = (await sessionRow(cookie))!;
    expect(touched.lastSeenAt.getTime()).toBe(t0 + 30_000 + 90 * MINUTE);
    expect(touched.idleExpiresAt.getTime()).toBe(t0 + 30_000 + 90 * MINUTE + 2 * HOUR);

    // 1 h 59 min later (3 h 30 min after login, past the first idle expiry): still alive
    clock.advance(119 * MINUTE);
    expect((await me(cookie)).statusCode).toBe(200);
  });

  it('ends a session left idle longer than the idle timeout with 401', async () => {
    clock.set(TEST_NOW);
    const user = await newUser();
    const cookie = cookieOf(await login(user.username, user.password));
    clock.advance(2 * HOUR + 1000);
    expect((await me(cookie)).statusCode).toBe(401);
    // and it stays ended, even if the idle expiry would have been extended by later use
    clock.advance(MINUTE);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('ends a session at the absolute limit even while it is in use', async () => {
    clock.set(TEST_NOW);
    const user = await newUser();
    const cookie = cookieOf(await login(user.username, user.password));
    const t0 = Date.parse(TEST_NOW);
    // used every 100 minutes for nearly 12 hours
    for (let at = 100 * MINUTE; at < 12 * HOUR; at += 100 * MINUTE) {
      clock.set(new Date(t0 + at).toISOString());
      expect((await me(cookie)).statusCode, `after ${at / MINUTE} min`).toBe(200);
    }
    clock.set(new Date(t0 + 12 * HOUR - 1000).toISOString());
    expect((await me(cookie)).statusCode).toBe(200);
    // the idle expiry never goes past the absolute limit
    expect((await sessionRow(cookie))!.idleExpiresAt.getTime()).toBe(t0 + 12 * HOUR);
    clock.set(new Date(t0 + 12 * HOUR + 1000).toISOString());
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('takes the idle timeout and the absolute limit from the configuration', async () => {
    const short = await buildTestApp(kind, clock, { sessionIdleMinutes: 15, sessionMaxHours: 1 });
    try {
      clock.set(TEST_NOW);
      const unit = await createUnit(short.deps.db, { name: 'Phường Ba Đình' });
      const user = await createAccount(short.deps.db, { orgUnitId: unit.id, roles: ['officer'] });
      const cookie = await loginAs(short.app, user);
      const get = () => short.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
      clock.advance(14 * MINUTE);
      expect((await get()).statusCode).toBe(200);
      clock.advance(14 * MINUTE);
      expect((await get()).statusCode).toBe(200);
      clock.advance(16 * MINUTE);
      expect((await get()).statusCode).toBe(401);
    } finally {
      await short.close();
    }
  });

  it('lists one’s own sessions with the current one marked, and ends one of them', async () => {
    clock.set(TEST_NOW);
    const user = await newUser();
    const other = await newUser();
    const phone = cookieOf(await login(user.username, user.password, 'Mozilla/5.0 (iPhone) Safari/604.1'));
    clock.advance(5 * MINUTE);
    const desk = cookieOf(
      await login(user.username, user.password, 'Mozilla/5.0 (Windows NT 10.0) Firefox/140'),
    );
    const strangers = cookieOf(await login(other.username, other.password));

    const list = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/me/sessions',
      headers: { cookie: desk },
    });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Json[];
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ current: true, userAgent: 'Mozilla/5.0 (Windows NT 10.0) Firefox/140' });
    expect(items[1]).toMatchObject({ current: false, userAgent: 'Mozilla/5.0 (iPhone) Safari/604.1' });
    expect(items[1]!.ip).toMatch(/^10\.30\./);
    expect(Object.keys(items[0]!).sort()).toEqual(
      [
        'absoluteExpiresAt',
        'createdAt',
        'current',
        'expiresAt',
        'id',
        'ip',
        'lastSeenAt',
        'userAgent',
      ].sort(),
    );
    const phoneId = items[1]!.id as string;

    // someone else's session is not found
    expect((await send('DELETE', `/api/v1/me/sessions/${phoneId}`, strangers)).statusCode).toBe(404);
    expect((await me(phone)).statusCode).toBe(200);

    expect((await send('DELETE', `/api/v1/me/sessions/${phoneId}`, desk)).statusCode).toBe(204);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(desk)).statusCode).toBe(200);
    expect((await send('DELETE', `/api/v1/me/sessions/${phoneId}`, desk)).statusCode).toBe(404);

    // ending the current session logs out
    const currentId = items[0]!.id as string;
    const self = await send('DELETE', `/api/v1/me/sessions/${currentId}`, desk);
    expect(self.statusCode).toBe(204);
    expect(self.cookies.find((c) => c.name === 'vd_session')?.value).toBe('');
    expect((await me(desk)).statusCode).toBe(401);
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, 'session.end')));
    expect(audit).toHaveLength(2);
  });

  it('ends all other sessions and keeps this one', async () => {
    clock.set(TEST_NOW);
    const user = await newUser();
    const cookies = [];
    for (let i = 0; i < 3; i++) cookies.push(cookieOf(await login(user.username, user.password)));
    const res = await send('POST', '/api/v1/me/sessions/end-others', cookies[0]!);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ended: 2 });
    expect((await me(cookies[0]!)).statusCode).toBe(200);
    expect((await me(cookies[1]!)).statusCode).toBe(401);
    expect((await me(cookies[2]!)).statusCode).toBe(401);
  });

  it('changes one’s own password: the current one is checked and the other sessions end', async () => {
    clock.set(TEST_NOW);
    const user = await newUser();
    const here = cookieOf(await login(user.username, user.password));
    const elsewhere = cookieOf(await login(user.username, user.password));
    const change = (body: Json, cookie = here) => send('POST', '/api/v1/me/password', cookie, body);

    const wrong = await change({ currentPassword: 'khong-dung', newPassword: 'mat-khau-moi-1' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('wrong_password');
    const short = await change({ currentPassword: TEST_PASSWORD, newPassword: 'ngan' });
    expect(short.statusCode).toBe(400);
    expect(short.json().details[0].path).toBe('newPassword');
    const same = await change({ currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD });
    expect(same.statusCode).toBe(400);

    const ok = await change({ currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-1' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ ended: 1 });
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(elsewhere)).statusCode).toBe(401);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(user.username, 'mat-khau-moi-1')).statusCode).toBe(200);

    const [row] = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, user.id), eq(auditLog.action, 'user.password_change')))
      .orderBy(asc(auditLog.seq));
    expect(row!.after).toEqual({ mustChangePassword: false, otherSessionsEnded: 1 });
    expect(JSON.stringify(row)).not.toContain('mat-khau-moi-1');
  });

  it('counts wrong current passwords like failed logins: 429 after five', async () => {
    clock.set(TEST_NOW);
    const user = await newUser();
    const cookie = cookieOf(await login(user.username, user.password));
    const codes = [];
    for (let i = 0; i < 6; i++) {
      const res = await send('POST', '/api/v1/me/password', cookie, {
        currentPassword: `sai-${i}`,
        newPassword: 'mat-khau-moi-1',
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([400, 400, 400, 400, 400, 429]);
  });
});
