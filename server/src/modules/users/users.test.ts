import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KINDS } from '../../../test/db';
import { buildTestApp, loginAs, type TestContext } from '../../../test/app';
import { createAccount, createUnit, TEST_PASSWORD } from '../../../test/factories';
import { backfillUserNameKeys } from '../../db/backfill';
import { auditLog, users } from '../../db/schema';
import { newId } from '../../lib/ids';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.policy';
import { setUserDisabled } from './users.service';

type Json = Record<string, unknown>;

describe.each(TEST_DB_KINDS)('user administration on %s', (kind) => {
  let ctx: TestContext;
  let city: { id: string; path: string; name: string };
  let ward: { id: string; path: string };
  let otherWard: { id: string };
  let cityAdmin: { id: string; cookie: string };
  let wardAdmin: { id: string; cookie: string };
  let officer: string;
  let board: string;
  let ip = 0;

  /** Each login from an address of its own, so the per-address throttle never joins in. */
  const login = (username: string, password: string) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password },
      remoteAddress: `10.20.${Math.floor(++ip / 250)}.${ip % 250}`,
    });
  const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
    `vd_session=${res.cookies.find((c) => c.name === 'vd_session')!.value}`;
  const get = (url: string, cookie: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });
  const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: unknown) =>
    ctx.app.inject({
      method,
      url,
      headers: { cookie },
      ...(payload === undefined ? {} : { payload: payload as Json }),
    });
  const account = async (orgUnitId: string, roles: Actor['roles'], o: { fullName?: string } = {}) =>
    createAccount(ctx.deps.db, { orgUnitId, roles, ...o });
  const detail = async (id: string, cookie = cityAdmin.cookie) =>
    (await get(`/api/v1/users/${id}`, cookie)).json() as Json & { version: number };
  const auditOf = (id: string) =>
    ctx.deps.db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(asc(auditLog.seq));

  beforeAll(async () => {
    ctx = await buildTestApp(kind);
    const db = ctx.deps.db;
    city = await createUnit(db, { name: 'Thành phố Hà Nội' });
    ward = await createUnit(db, { parentId: city.id, name: 'Phường Hoàn Kiếm' });
    otherWard = await createUnit(db, { parentId: city.id, name: 'Phường Cửa Nam' });
    const ca = await account(city.id, ['admin']);
    cityAdmin = { id: ca.id, cookie: await loginAs(ctx.app, ca) };
    const wa = await account(ward.id, ['admin']);
    wardAdmin = { id: wa.id, cookie: await loginAs(ctx.app, wa) };
    officer = await loginAs(ctx.app, await account(ward.id, ['officer']));
    board = await loginAs(ctx.app, await account(city.id, ['board']));
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('answers 401 without a session and 403 to those who are not administrators', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);
    const target = await account(ward.id, ['officer']);
    for (const cookie of [officer, board]) {
      expect((await get('/api/v1/users', cookie)).statusCode).toBe(403);
      expect((await get('/api/v1/users/locked', cookie)).statusCode).toBe(403);
      expect((await get(`/api/v1/users/${target.id}`, cookie)).statusCode).toBe(403);
      const created = await send('POST', '/api/v1/users', cookie, {
        username: 'khong.duoc.tao',
        fullName: 'Ai Đó',
        orgUnitId: ward.id,
        roles: ['officer'],
      });
      expect(created.statusCode).toBe(403);
      expect((await send('PATCH', `/api/v1/users/${target.id}`, cookie, { version: 1 })).statusCode).toBe(
        403,
      );
      expect(
        (await send('POST', `/api/v1/users/${target.id}/deactivate`, cookie, { version: 1 })).statusCode,
      ).toBe(403);
      expect((await send('POST', `/api/v1/users/${target.id}/password`, cookie, {})).statusCode).toBe(403);
      expect((await send('POST', `/api/v1/users/${target.id}/unlock`, cookie)).statusCode).toBe(403);
    }
  });

  it('creates an account with a generated password shown once; the user must change it before working', async () => {
    const res = await send('POST', '/api/v1/users', cityAdmin.cookie, {
      username: 'CanBo.HoanKiem',
      fullName: '  Trần   Thị Thu  ',
      orgUnitId: ward.id,
      roles: ['officer'],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.temporaryPassword).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    expect(body.user).toMatchObject({
      username: 'canbo.hoankiem',
      fullName: 'Trần Thị Thu',
      roles: ['officer'],
      orgUnitId: ward.id,
      orgUnitName: 'Phường Hoàn Kiếm',
      disabled: false,
      mustChangePassword: true,
      version: 1,
      activeSessions: 0,
      lockedUntil: null,
    });
    // shown once: reading the account never gives the password again
    expect(JSON.stringify(await detail(body.user.id))).not.toContain(body.temporaryPassword);

    const first = await login('canbo.hoankiem', body.temporaryPassword);
    expect(first.statusCode).toBe(200);
    expect(first.json().mustChangePassword).toBe(true);
    const cookie = cookieOf(first);
    expect((await get('/api/v1/me', cookie)).statusCode).toBe(200);
    const blocked = await get('/api/v1/people', cookie);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('password_change_required');
    const changed = await send('POST', '/api/v1/me/password', cookie, {
      currentPassword: body.temporaryPassword,
      newPassword: 'mat-khau-cua-toi',
    });
    expect(changed.statusCode).toBe(200);
    expect((await get('/api/v1/me', cookie)).json().mustChangePassword).toBe(false);
    expect((await get('/api/v1/people', cookie)).statusCode).toBe(200);
  });

  it('creates an account with the administrator’s password, and the user may keep it when asked so', async () => {
    const res = await send('POST', '/api/v1/users', wardAdmin.cookie, {
      username: 'lanhdao2',
      fullName: 'Lê Văn Hùng',
      orgUnitId: ward.id,
      roles: ['head', 'officer'],
      password: 'mat-khau-ban-dau',
      mustChangePassword: false,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().temporaryPassword).toBeNull();
    const first = await login('lanhdao2', 'mat-khau-ban-dau');
    expect(first.json().mustChangePassword).toBe(false);
    expect((await get('/api/v1/people', cookieOf(first))).statusCode).toBe(200);
  });

  it('refuses an empty or repeated role list, a short password and a malformed user name', async () => {
    const base = { username: 'hople', fullName: 'Hợp Lệ', orgUnitId: ward.id, roles: ['officer'] };
    for (const bad of [
      { roles: [] },
      { roles: ['officer', 'officer'] },
      { roles: ['superuser'] },
      { password: 'ngan' },
      { username: 'có dấu' },
      { username: 'ab' },
      { fullName: '   ' },
    ]) {
      const res = await send('POST', '/api/v1/users', cityAdmin.cookie, { ...base, ...bad });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
    const target = await account(ward.id, ['officer']);
    const empty = await send('PATCH', `/api/v1/users/${target.id}`, cityAdmin.cookie, {
      version: 1,
      roles: [],
    });
    expect(empty.statusCode).toBe(400);
  });

  it('answers 409 username_taken for a name in use, whatever its letter case', async () => {
    const taken = await account(ward.id, ['officer']);
    const res = await send('POST', '/api/v1/users', cityAdmin.cookie, {
      username: taken.username.toUpperCase(),
      fullName: 'Trùng Tên',
      orgUnitId: ward.id,
      roles: ['officer'],
      password: 'mat-khau-dai-du',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('username_taken');
  });

  it('creates one account out of 20 parallel requests for the same user name', async () => {
    const codes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        send('POST', '/api/v1/users', cityAdmin.cookie, {
          username: 'song.song',
          fullName: `Người Thứ ${i + 1}`,
          orgUnitId: ward.id,
          roles: ['officer'],
          password: 'mat-khau-dai-du',
        }).then((r) => ({ status: r.statusCode, code: r.json().code as string | undefined })),
      ),
    );
    expect(codes.filter((c) => c.status === 201)).toHaveLength(1);
    expect(codes.filter((c) => c.status === 409 && c.code === 'username_taken')).toHaveLength(19);
    const rows = await ctx.deps.db.select().from(users).where(eq(users.username, 'song.song'));
    expect(rows).toHaveLength(1);
  });

  it('lists the subtree in Vietnamese order, searching without diacritics, filtering and paging', async () => {
    const unit = await createUnit(ctx.deps.db, { parentId: ward.id, name: 'Trường Tiểu học Lý Thái Tổ' });
    const u = unit.id;
    await account(u, ['officer'], { fullName: 'Nguyễn Văn Đức' });
    await account(u, ['officer'], { fullName: 'Trần Thị Dung' });
    await account(u, ['head'], { fullName: 'Phạm Thị Ánh' });
    await account(u, ['officer'], { fullName: 'Lê Văn Anh' });
    const off = await account(u, ['officer'], { fullName: 'Đặng Văn Bình' });
    await ctx.deps.db.update(users).set({ disabled: true }).where(eq(users.id, off.id));

    const names = async (query: string, cookie = cityAdmin.cookie) => {
      const res = await get(`/api/v1/users?orgUnitId=${u}&${query}`, cookie);
      expect(res.statusCode).toBe(200);
      const body = res.json() as { items: { fullName: string }[]; total: number };
      return { names: body.items.map((i) => i.fullName), total: body.total };
    };
    // given name first, in the Vietnamese alphabet: Anh, Ánh, Bình, Dung, Đức
    expect((await names('')).names).toEqual([
      'Lê Văn Anh',
      'Phạm Thị Ánh',
      'Đặng Văn Bình',
      'Trần Thị Dung',
      'Nguyễn Văn Đức',
    ]);
    expect(await names('limit=2&offset=2')).toEqual({
      names: ['Đặng Văn Bình', 'Trần Thị Dung'],
      total: 5,
    });
    expect((await names('q=duc')).names).toEqual(['Nguyễn Văn Đức']);
    expect((await names('q=NGUYEN%20duc')).names).toEqual(['Nguyễn Văn Đức']);
    expect((await names('q=anh')).names).toEqual(['Lê Văn Anh', 'Phạm Thị Ánh']);
    expect((await names('role=head')).names).toEqual(['Phạm Thị Ánh']);
    expect((await names('state=disabled')).names).toEqual(['Đặng Văn Bình']);
    expect((await names('state=active')).total).toBe(4);
    // the ward's administrator sees the school (under the ward); the user name is searchable too
    const byUsername = await get(`/api/v1/users?q=${off.username}`, wardAdmin.cookie);
    expect(byUsername.json().items.map((i: Json) => i.id)).toEqual([off.id]);
  });

  it('finds and orders accounts written before the search and sort keys existed, once backfilled', async () => {
    const unit = await createUnit(ctx.deps.db, { parentId: ward.id, name: 'Tổ dân phố số 7' });
    const [old] = await ctx.deps.db
      .insert(users)
      .values({
        id: newId(),
        username: 'tai.khoan.cu',
        fullName: 'Bùi Thị Ước',
        passwordHash: 'x',
        roles: ['officer'],
        orgUnitId: unit.id,
      })
      .returning();
    expect(old!.sortKey).toBeNull();
    expect(await backfillUserNameKeys(ctx.deps.db)).toBeGreaterThanOrEqual(1);
    expect(await backfillUserNameKeys(ctx.deps.db)).toBe(0);
    const found = await get(`/api/v1/users?q=uoc&orgUnitId=${unit.id}`, cityAdmin.cookie);
    expect(found.json().items.map((i: Json) => i.username)).toEqual(['tai.khoan.cu']);
  });

  it('hides accounts outside the administrator’s subtree: 404 like a missing one', async () => {
    const outside = await account(otherWard.id, ['officer']);
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const id of [outside.id, missing]) {
      expect((await get(`/api/v1/users/${id}`, wardAdmin.cookie)).statusCode).toBe(404);
      expect(
        (await send('PATCH', `/api/v1/users/${id}`, wardAdmin.cookie, { version: 1, fullName: 'X' }))
          .statusCode,
      ).toBe(404);
      expect(
        (await send('POST', `/api/v1/users/${id}/deactivate`, wardAdmin.cookie, { version: 1 })).statusCode,
      ).toBe(404);
      expect(
        (await send('POST', `/api/v1/users/${id}/reactivate`, wardAdmin.cookie, { version: 1 })).statusCode,
      ).toBe(404);
      expect((await send('POST', `/api/v1/users/${id}/password`, wardAdmin.cookie, {})).statusCode).toBe(404);
      expect((await send('POST', `/api/v1/users/${id}/unlock`, wardAdmin.cookie)).statusCode).toBe(404);
    }
    const list = (await get(`/api/v1/users?q=${outside.username}`, wardAdmin.cookie)).json();
    expect(list.items).toEqual([]);
    // nor can an account be created in, or moved to, a unit outside it
    const created = await send('POST', '/api/v1/users', wardAdmin.cookie, {
      username: 'ngoai.pham.vi',
      fullName: 'Ngoài Phạm Vi',
      orgUnitId: otherWard.id,
      roles: ['officer'],
    });
    expect(created.statusCode).toBe(404);
    const mine = await account(ward.id, ['officer']);
    const moved = await send('PATCH', `/api/v1/users/${mine.id}`, wardAdmin.cookie, {
      version: 1,
      orgUnitId: otherWard.id,
    });
    expect(moved.statusCode).toBe(404);
    expect((await get(`/api/v1/users?orgUnitId=${otherWard.id}`, wardAdmin.cookie)).statusCode).toBe(404);
  });

  it('edits name, unit and roles with a version; a stale version answers 409 and loses nothing', async () => {
    const target = await account(ward.id, ['officer']);
    const cookie = await loginAs(ctx.app, target);
    const edited = await send('PATCH', `/api/v1/users/${target.id}`, cityAdmin.cookie, {
      version: 1,
      fullName: 'Hoàng Thị Mai',
      orgUnitId: otherWard.id,
      roles: ['officer', 'head'],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      fullName: 'Hoàng Thị Mai',
      orgUnitId: otherWard.id,
      orgUnitName: 'Phường Cửa Nam',
      roles: ['officer', 'head'],
      version: 2,
    });
    // the change applies to the open session at once
    expect((await get('/api/v1/me', cookie)).json()).toMatchObject({
      fullName: 'Hoàng Thị Mai',
      orgUnitName: 'Phường Cửa Nam',
      roles: ['officer', 'head'],
    });
    const stale = await send('PATCH', `/api/v1/users/${target.id}`, cityAdmin.cookie, {
      version: 1,
      fullName: 'Ghi Đè',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect((await detail(target.id)).fullName).toBe('Hoàng Thị Mai');
  });

  it('lets exactly one of 10 concurrent edits at the same version win', async () => {
    const target = await account(ward.id, ['officer']);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        send('PATCH', `/api/v1/users/${target.id}`, cityAdmin.cookie, {
          version: 1,
          fullName: `Tên Thứ ${i}`,
        }),
      ),
    );
    const ok = results.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(9);
    const now = await detail(target.id);
    expect(now.version).toBe(2);
    expect(now.fullName).toBe(ok[0]!.json().fullName);
  });

  it('refuses an administrator deactivating themselves or removing their own admin role', async () => {
    const me = await detail(cityAdmin.id);
    const off = await send('POST', `/api/v1/users/${cityAdmin.id}/deactivate`, cityAdmin.cookie, {
      version: me.version,
    });
    expect(off.statusCode).toBe(409);
    expect(off.json().code).toBe('self_lockout');
    const demote = await send('PATCH', `/api/v1/users/${cityAdmin.id}`, cityAdmin.cookie, {
      version: me.version,
      roles: ['board'],
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe('self_lockout');
    // adding a role to oneself, or renaming oneself, is fine
    const more = await send('PATCH', `/api/v1/users/${cityAdmin.id}`, cityAdmin.cookie, {
      version: me.version,
      roles: ['admin', 'board'],
    });
    expect(more.statusCode).toBe(200);
    // nor may an administrator reset their own password without the current one
    expect(
      (await send('POST', `/api/v1/users/${cityAdmin.id}/password`, cityAdmin.cookie, {})).statusCode,
    ).toBe(403);
  });

  it('never leaves a city without an active administrator', async () => {
    const db = ctx.deps.db;
    const town = await createUnit(db, { name: 'Thành phố Thử Nghiệm' });
    const a = await account(town.id, ['admin']);
    const b = await account(town.id, ['admin']);
    const actorA: Actor = {
      userId: a.id,
      username: a.username,
      fullName: 'A',
      roles: ['admin'],
      orgUnitId: town.id,
      orgUnitName: town.name,
      scopePath: town.path,
    };
    // A's session was resolved, then someone deactivated A: A is no longer an active administrator, so
    // deactivating B would leave the city with none
    await db.update(users).set({ disabled: true }).where(eq(users.id, a.id));
    const refused = await setUserDisabled(ctx.deps, actorA, b.id, true, 1).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('last_admin');
    // with A active again it goes through
    await db.update(users).set({ disabled: false }).where(eq(users.id, a.id));
    await expect(setUserDisabled(ctx.deps, actorA, b.id, true, 1)).resolves.toMatchObject({ disabled: true });
  });

  it('keeps an administrator when two of them deactivate each other at the same time', async () => {
    const db = ctx.deps.db;
    const town = await createUnit(db, { name: 'Thành phố Song Song' });
    const a = await account(town.id, ['admin']);
    const b = await account(town.id, ['admin']);
    const [ca, cb] = [await loginAs(ctx.app, a), await loginAs(ctx.app, b)];
    const results = await Promise.all([
      send('POST', `/api/v1/users/${b.id}/deactivate`, ca, { version: 1 }),
      send('POST', `/api/v1/users/${a.id}/deactivate`, cb, { version: 1 }),
    ]);
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    // the other was refused: as the last administrator, or because its own session ended meanwhile
    const other = results.find((r) => r.statusCode !== 200)!;
    expect([401, 409]).toContain(other.statusCode);
    const active = await db.select().from(users).where(eq(users.orgUnitId, town.id));
    expect(active.filter((u) => !u.disabled && u.roles.includes('admin'))).toHaveLength(1);
  });

  it('deactivating ends every session of the user at once; reactivating lets them log in again', async () => {
    const target = await account(ward.id, ['officer']);
    const sessions = [await loginAs(ctx.app, target), await loginAs(ctx.app, target)];
    expect((await detail(target.id)).activeSessions).toBe(2);
    const off = await send('POST', `/api/v1/users/${target.id}/deactivate`, wardAdmin.cookie, { version: 1 });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ disabled: true, version: 2, activeSessions: 0 });
    for (const cookie of sessions) expect((await get('/api/v1/me', cookie)).statusCode).toBe(401);
    expect((await login(target.username, target.password)).statusCode).toBe(401);
    const on = await send('POST', `/api/v1/users/${target.id}/reactivate`, wardAdmin.cookie, { version: 2 });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({ disabled: false, version: 3 });
    expect((await login(target.username, target.password)).statusCode).toBe(200);
    const stale = await send('POST', `/api/v1/users/${target.id}/deactivate`, wardAdmin.cookie, {
      version: 2,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('resets a password: generated once or chosen, the old one and every session end', async () => {
    const target = await account(ward.id, ['officer']);
    const session = await loginAs(ctx.app, target);
    const res = await send('POST', `/api/v1/users/${target.id}/password`, wardAdmin.cookie, {});
    expect(res.statusCode).toBe(200);
    const { temporaryPassword, sessionsEnded, user } = res.json();
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{4}-[A-Za-z2-9]{4}-[A-Za-z2-9]{4}$/);
    expect(sessionsEnded).toBe(1);
    expect(user).toMatchObject({ mustChangePassword: true, activeSessions: 0 });
    expect((await get('/api/v1/me', session)).statusCode).toBe(401);
    expect((await login(target.username, TEST_PASSWORD)).statusCode).toBe(401);
    const fresh = await login(target.username, temporaryPassword);
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json().mustChangePassword).toBe(true);

    const chosen = await send('POST', `/api/v1/users/${target.id}/password`, wardAdmin.cookie, {
      password: 'mat-khau-quan-tri-dat',
    });
    expect(chosen.json()).toMatchObject({ temporaryPassword: null, sessionsEnded: 1 });
    expect((await login(target.username, temporaryPassword)).statusCode).toBe(401);
    expect((await login(target.username, 'mat-khau-quan-tri-dat')).statusCode).toBe(200);
  });

  it('shows accounts locked by failed logins and unlocks them, within the window', async () => {
    const target = await account(ward.id, ['officer']);
    const outside = await account(otherWard.id, ['officer']);
    for (const who of [target, outside])
      for (let i = 0; i < 5; i++) expect((await login(who.username, 'sai-mat-khau')).statusCode).toBe(401);
    expect((await login(target.username, target.password)).statusCode).toBe(429);

    const locked = (await get('/api/v1/users/locked', wardAdmin.cookie)).json().items as Json[];
    expect(locked.map((l) => l.userId)).toContain(target.id);
    expect(locked.map((l) => l.userId)).not.toContain(outside.id);
    const row = locked.find((l) => l.userId === target.id)!;
    expect(row).toMatchObject({ username: target.username, orgUnitName: 'Phường Hoàn Kiếm' });
    expect(row.failedAttempts).toBeGreaterThanOrEqual(5);
    expect(Date.parse(row.lockedUntil as string)).toBeGreaterThan(ctx.deps.clock.now().getTime());
    expect((await detail(target.id, wardAdmin.cookie)).lockedUntil).toBe(row.lockedUntil);
    const cityWide = (await get('/api/v1/users/locked', cityAdmin.cookie)).json().items as Json[];
    expect(cityWide.map((l) => l.userId)).toEqual(expect.arrayContaining([target.id, outside.id]));

    expect((await send('POST', `/api/v1/users/${target.id}/unlock`, wardAdmin.cookie)).statusCode).toBe(204);
    // the clock has not moved: still inside the window, and the user logs in again
    expect((await login(target.username, target.password)).statusCode).toBe(200);
    const after = (await get('/api/v1/users/locked', wardAdmin.cookie)).json().items as Json[];
    expect(after.map((l) => l.userId)).not.toContain(target.id);
    const audit = await auditOf(target.id);
    expect(audit.at(-1)).toMatchObject({
      action: 'user.unlock',
      actorUserId: wardAdmin.id,
      after: { cleared: true },
    });
    expect((audit.at(-1)!.before as Json).failedAttempts).toBeGreaterThanOrEqual(5);
  });

  it('writes one audit row per change and never any password material', async () => {
    const res = await send('POST', '/api/v1/users', cityAdmin.cookie, {
      username: 'kiem.toan',
      fullName: 'Võ Thị Kiểm',
      orgUnitId: ward.id,
      roles: ['officer'],
      password: 'mat-khau-bi-mat-1',
    });
    const id = res.json().user.id as string;
    await send('PATCH', `/api/v1/users/${id}`, cityAdmin.cookie, { version: 1, roles: ['officer', 'head'] });
    const reset = await send('POST', `/api/v1/users/${id}/password`, cityAdmin.cookie, {});
    const temporary = reset.json().temporaryPassword as string;
    const cookie = cookieOf(await login('kiem.toan', temporary));
    await send('POST', '/api/v1/me/password', cookie, {
      currentPassword: temporary,
      newPassword: 'mat-khau-bi-mat-2',
    });
    await send('POST', `/api/v1/users/${id}/deactivate`, cityAdmin.cookie, { version: 2 });
    await send('POST', `/api/v1/users/${id}/reactivate`, cityAdmin.cookie, { version: 3 });

    const rows = await auditOf(id);
    expect(rows.map((r) => r.action)).toEqual([
      'user.create',
      'user.update',
      'user.password_reset',
      'user.password_change',
      'user.deactivate',
      'user.reactivate',
    ]);
    expect(rows[1]).toMatchObject({
      before: { roles: ['officer'], version: 1 },
      after: { roles: ['officer', 'head'], version: 2 },
      orgUnitId: ward.id,
    });
    const [hash] = await ctx.deps.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, id));
    const text = JSON.stringify(rows);
    for (const secret of ['mat-khau-bi-mat-1', 'mat-khau-bi-mat-2', temporary, hash!.h, '$argon2'])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/password_?hash/i);
  });
});
