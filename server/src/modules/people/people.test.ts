import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KINDS } from '../../../test/db';
import { buildTestApp, loginAs, type TestContext } from '../../../test/app';
import { and, eq } from 'drizzle-orm';
import { createPerson, createUnit, createUser } from '../../../test/factories';
import { auditLog } from '../../db/schema';

describe.each(TEST_DB_KINDS)('people on %s', (kind) => {
  let ctx: TestContext;
  let wardA: { id: string };
  let wardB: { id: string };
  let school: { id: string };
  let duc: { id: string };
  let other: { id: string };
  let officerA: string;
  let admin: string;
  let head: string;

  beforeAll(async () => {
    ctx = await buildTestApp(kind);
    const db = ctx.deps.db;
    const city = await createUnit(db, { name: 'Thành phố Thử nghiệm' });
    wardA = await createUnit(db, { parentId: city.id, name: 'Phường Hoàn Kiếm' });
    wardB = await createUnit(db, { parentId: city.id, name: 'Phường Cửa Nam' });
    school = await createUnit(db, {
      parentId: wardA.id,
      name: 'Trường Tiểu học Tràng An',
      kind: 'public_service',
    });
    duc = await createPerson(db, { orgUnitId: wardA.id, fullName: 'Nguyễn Văn Đức' });
    await createPerson(db, { orgUnitId: school.id, fullName: 'Đặng Thị Hồng', gender: 'female' });
    await createPerson(db, { orgUnitId: wardA.id, fullName: 'Trần Văn An' });
    other = await createPerson(db, { orgUnitId: wardB.id, fullName: 'Nguyễn Văn Đức Anh' });
    officerA = await loginAs(ctx.app, await createUser(db, { orgUnitId: wardA.id, roles: ['officer'] }));
    admin = await loginAs(ctx.app, await createUser(db, { orgUnitId: city.id, roles: ['admin'] }));
    head = await loginAs(ctx.app, await createUser(db, { orgUnitId: wardA.id, roles: ['head'] }));
  });
  afterAll(async () => {
    await ctx?.app.close();
    await ctx?.database.close();
  });

  const get = (url: string, cookie?: string) =>
    ctx.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: unknown) =>
    ctx.app.inject({
      method,
      url,
      headers: { cookie },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('finds "Nguyễn Văn Đức" when searched without accents, in the officer\'s subtree only', async () => {
    const res = await get('/api/v1/people?q=nguyen%20van%20duc', officerA);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((p: { fullName: string }) => p.fullName)).toEqual(['Nguyễn Văn Đức']);
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({ id: duc.id, orgUnitId: wardA.id, orgUnitName: 'Phường Hoàn Kiếm' });
  });

  it('matches đ/Đ and upper case, and NFD input', async () => {
    const res = await get(`/api/v1/people?q=${encodeURIComponent('ĐẶNG'.normalize('NFD'))}`, officerA);
    expect(res.json().items.map((p: { fullName: string }) => p.fullName)).toEqual(['Đặng Thị Hồng']);
    const res2 = await get('/api/v1/people?q=DANG%20thi', officerA);
    expect(res2.json().total).toBe(1);
  });

  it('lists the subtree in Vietnamese order (given name first) with paging', async () => {
    const res = await get('/api/v1/people?limit=2&offset=0', officerA);
    const body = res.json();
    expect(body.total).toBe(3);
    expect(body.items.map((p: { fullName: string }) => p.fullName)).toEqual([
      'Trần Văn An',
      'Nguyễn Văn Đức',
    ]);
    const page2 = (await get('/api/v1/people?limit=2&offset=2', officerA)).json();
    expect(page2.items.map((p: { fullName: string }) => p.fullName)).toEqual(['Đặng Thị Hồng']);
  });

  it('filters by a unit of the subtree', async () => {
    const body = (await get(`/api/v1/people?orgUnitId=${school.id}`, officerA)).json();
    expect(body.items.map((p: { fullName: string }) => p.fullName)).toEqual(['Đặng Thị Hồng']);
  });

  it('keeps a ward officer out of another ward: list, search, open and change all act as if it did not exist', async () => {
    expect((await get(`/api/v1/people?orgUnitId=${wardB.id}`, officerA)).statusCode).toBe(404);
    const search = (await get('/api/v1/people?q=duc%20anh', officerA)).json();
    expect(search.total).toBe(0);
    const open = await get(`/api/v1/people/${other.id}`, officerA);
    expect(open.statusCode).toBe(404);
    expect(open.json().code).toBe('not_found');
    const missing = await get('/api/v1/people/00000000-0000-4000-8000-000000000000', officerA);
    expect(missing.json()).toEqual(open.json());
    const patch = await send('PATCH', `/api/v1/people/${other.id}`, officerA, {
      version: 1,
      fullName: 'Hacked',
    });
    expect(patch.statusCode).toBe(404);
    const add = await send('POST', `/api/v1/people/${other.id}/ratings`, officerA, {
      year: 2025,
      level: 'HTXS',
    });
    expect(add.statusCode).toBe(404);
    const move = await send('PATCH', `/api/v1/people/${duc.id}`, officerA, {
      version: 1,
      orgUnitId: wardB.id,
    });
    expect(move.statusCode).toBe(404);
    const create = await send('POST', '/api/v1/people', officerA, {
      fullName: 'Lê Thị Mới',
      gender: 'female',
      category: 'civil_servant',
      orgUnitId: wardB.id,
    });
    expect(create.statusCode).toBe(404);
    // the admin of the city sees both
    expect((await get(`/api/v1/people/${other.id}`, admin)).statusCode).toBe(200);
  });

  it('answers 401 without a session', async () => {
    const res = await get('/api/v1/people');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('unauthenticated');
  });

  it('opens a person with the yearly record and award history', async () => {
    const cookie = officerA;
    expect(
      (await send('POST', `/api/v1/people/${duc.id}/ratings`, cookie, { year: 2025, level: 'HTXS' }))
        .statusCode,
    ).toBe(201);
    expect(
      (
        await send('POST', `/api/v1/people/${duc.id}/initiatives`, cookie, {
          year: 2025,
          title: 'Số hóa hồ sơ một cửa',
          scope: 'CO_SO',
        })
      ).statusCode,
    ).toBe(201);
    const award = await send('POST', `/api/v1/people/${duc.id}/awards`, cookie, {
      awardCode: 'CSTDCS',
      year: 2025,
      decisionNo: '123/QĐ-UBND',
      decisionDate: '2025-12-20',
      issuer: 'Chủ tịch UBND phường Hoàn Kiếm',
    });
    expect(award.statusCode).toBe(201);
    expect(
      (await send('POST', `/api/v1/people/${duc.id}/discipline`, cookie, { year: 2021, form: 'KHIEN_TRACH' }))
        .statusCode,
    ).toBe(201);
    const res = await get(`/api/v1/people/${duc.id}`, cookie);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.fullName).toBe('Nguyễn Văn Đức');
    expect(p.ratings).toMatchObject([{ year: 2025, level: 'HTXS' }]);
    expect(p.initiatives).toMatchObject([{ year: 2025, scope: 'CO_SO', kind: 'initiative' }]);
    expect(p.discipline).toMatchObject([{ year: 2021, form: 'KHIEN_TRACH' }]);
    expect(p.awards[0]).toMatchObject({
      awardCode: 'CSTDCS',
      awardName: 'Chiến sĩ thi đua cơ sở',
      decisionNo: '123/QĐ-UBND',
    });
    expect(p.latestRating).toEqual({ year: 2025, level: 'HTXS' });
  });

  it('refuses a second rating for the same year with 409 and changes nothing', async () => {
    const p = await createPerson(ctx.deps.db, { orgUnitId: wardA.id });
    expect(
      (await send('POST', `/api/v1/people/${p.id}/ratings`, officerA, { year: 2024, level: 'HTT' }))
        .statusCode,
    ).toBe(201);
    const dup = await send('POST', `/api/v1/people/${p.id}/ratings`, officerA, { year: 2024, level: 'HTXS' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('duplicate');
    const detail = (await get(`/api/v1/people/${p.id}`, officerA)).json();
    expect(detail.ratings).toMatchObject([{ year: 2024, level: 'HTT' }]);
  });

  it('updates and deletes a record entry with optimistic concurrency', async () => {
    const p = await createPerson(ctx.deps.db, { orgUnitId: wardA.id });
    const { id } = (
      await send('POST', `/api/v1/people/${p.id}/ratings`, officerA, { year: 2023, level: 'HT' })
    ).json();
    const ok = await send('PATCH', `/api/v1/people/${p.id}/ratings/${id}`, officerA, {
      version: 1,
      level: 'HTT',
    });
    expect(ok.statusCode).toBe(200);
    const stale = await send('PATCH', `/api/v1/people/${p.id}/ratings/${id}`, officerA, {
      version: 1,
      level: 'HTXS',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect((await get(`/api/v1/people/${p.id}`, officerA)).json().ratings[0].level).toBe('HTT');
    expect((await send('DELETE', `/api/v1/people/${p.id}/ratings/${id}`, officerA)).statusCode).toBe(204);
    expect((await get(`/api/v1/people/${p.id}`, officerA)).json().ratings).toEqual([]);
  });

  it('lets exactly one of 50 concurrent deletes of one entry succeed, with one audit row', async () => {
    const p = await createPerson(ctx.deps.db, { orgUnitId: wardA.id });
    const { id } = (
      await send('POST', `/api/v1/people/${p.id}/initiatives`, officerA, {
        year: 2024,
        title: 'Số hóa hồ sơ một cửa',
        scope: 'CO_SO',
      })
    ).json();
    const codes = (
      await Promise.all(
        Array.from({ length: 50 }, () =>
          send('DELETE', `/api/v1/people/${p.id}/initiatives/${id}`, officerA),
        ),
      )
    ).map((r) => r.statusCode);
    expect(codes.filter((c) => c === 204)).toHaveLength(1);
    expect(codes.filter((c) => c === 404)).toHaveLength(49);
    const rows = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'initiative.delete')));
    expect(rows).toHaveLength(1);
  });

  it('refuses an exact duplicate award, discipline or initiative with 409, also 20 at once', async () => {
    const p = await createPerson(ctx.deps.db, { orgUnitId: wardA.id });
    const entries = {
      awards: { awardCode: 'CSTDCS', year: 2024, decisionNo: '12/QĐ-UBND', decisionDate: '2024-12-20' },
      discipline: { year: 2023, form: 'KHIEN_TRACH', reason: 'Chậm nộp báo cáo' },
      initiatives: { year: 2024, title: 'Phần mềm tra cứu', scope: 'CO_SO' },
    };
    for (const [kind, body] of Object.entries(entries)) {
      const url = `/api/v1/people/${p.id}/${kind}`;
      expect((await send('POST', url, officerA, body)).statusCode, kind).toBe(201);
      const dup = await send('POST', url, officerA, body);
      expect(dup.statusCode, kind).toBe(409);
      expect(dup.json().code).toBe('duplicate');
      const burst = (
        await Promise.all(Array.from({ length: 20 }, () => send('POST', url, officerA, body)))
      ).map((r) => r.statusCode);
      expect(new Set(burst), kind).toEqual(new Set([409]));
    }
    // not a duplicate: another decision for another year
    expect(
      (await send('POST', `/api/v1/people/${p.id}/awards`, officerA, { ...entries.awards, year: 2023 }))
        .statusCode,
    ).toBe(201);
    const person = (await get(`/api/v1/people/${p.id}`, officerA)).json();
    expect(person.awards).toHaveLength(2);
    expect(person.discipline).toHaveLength(1);
    expect(person.initiatives).toHaveLength(1);
  });

  it('refuses impossible dates and blank text about a person', async () => {
    const base = { fullName: 'Lê Thị Thu', gender: 'female', category: 'civil_servant', orgUnitId: wardA.id };
    const cases: [object, string][] = [
      [{ birthDate: '2027-01-01' }, 'birthDate'],
      [{ startedOn: '2030-09-01' }, 'startedOn'],
      [{ birthDate: '1990-05-01', startedOn: '1989-09-01' }, 'startedOn'],
    ];
    for (const [extra, path] of cases) {
      const res = await send('POST', '/api/v1/people', officerA, { ...base, ...extra });
      expect(res.statusCode, path).toBe(400);
      expect(res.json().details.map((d: { path: string }) => d.path)).toContain(path);
    }
    for (const blank of [{ fullName: '   ' }, { ethnicity: ' \t ' }]) {
      expect((await send('POST', '/api/v1/people', officerA, { ...base, ...blank })).statusCode).toBe(400);
    }
    const p = await createPerson(ctx.deps.db, { orgUnitId: wardA.id });
    // the stored birth date (1985-05-20) still counts when only the start date changes
    const late = await send('PATCH', `/api/v1/people/${p.id}`, officerA, {
      version: 1,
      startedOn: '1980-01-01',
    });
    expect(late.statusCode).toBe(400);
    const title = await send('POST', `/api/v1/people/${p.id}/initiatives`, officerA, {
      year: 2024,
      title: '  ',
      scope: 'CO_SO',
    });
    expect(title.statusCode).toBe(400);
  });

  it('two concurrent edits of one person: exactly one wins, the other gets 409', async () => {
    const p = await createPerson(ctx.deps.db, { orgUnitId: wardA.id, fullName: 'Phạm Văn Bình' });
    const [a, b] = await Promise.all([
      send('PATCH', `/api/v1/people/${p.id}`, officerA, { version: 1, fullName: 'Phạm Văn Bình A' }),
      send('PATCH', `/api/v1/people/${p.id}`, officerA, { version: 1, fullName: 'Phạm Văn Bình B' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });

  it('creates a person in scope and moves them between units of the subtree, keeping the history', async () => {
    const res = await send('POST', '/api/v1/people', officerA, {
      fullName: 'Lê  Thị Mai'.normalize('NFD'),
      gender: 'female',
      category: 'public_employee',
      orgUnitId: wardA.id,
      startedOn: '2020-09-01',
    });
    expect(res.statusCode).toBe(201);
    const { id } = res.json();
    const move = await send('PATCH', `/api/v1/people/${id}`, officerA, { version: 1, orgUnitId: school.id });
    expect(move.statusCode).toBe(200);
    const p = (await get(`/api/v1/people/${id}`, officerA)).json();
    expect(p.fullName).toBe('Lê Thị Mai');
    expect(p.orgUnitId).toBe(school.id);
    expect(p.memberships).toHaveLength(2);
    expect(p.memberships[0]).toMatchObject({ orgUnitId: school.id, toDate: null });
    expect(p.memberships[1]).toMatchObject({ orgUnitId: wardA.id, toDate: '2026-11-22' });
  });

  it('lets a head read but not write', async () => {
    expect((await get(`/api/v1/people/${duc.id}`, head)).statusCode).toBe(200);
    const res = await send('POST', `/api/v1/people/${duc.id}/ratings`, head, { year: 2022, level: 'HTT' });
    expect(res.statusCode).toBe(403);
  });

  describe('bad input', () => {
    const cases: [string, 'POST' | 'PATCH', () => string, unknown, string][] = [
      [
        'unknown field',
        'POST',
        () => '/api/v1/people',
        { fullName: 'A', gender: 'male', category: 'worker', orgUnitId: '', hack: 1 },
        'hack',
      ],
      [
        'wrong type',
        'POST',
        () => `/api/v1/people/${duc.id}/ratings`,
        { year: '2024', level: 'HTT' },
        'year',
      ],
      [
        'unknown rating level',
        'POST',
        () => `/api/v1/people/${duc.id}/ratings`,
        { year: 2024, level: 'XUAT_SAC' },
        'level',
      ],
      [
        'over-long name',
        'PATCH',
        () => `/api/v1/people/${duc.id}`,
        { version: 1, fullName: 'x'.repeat(201) },
        'fullName',
      ],
      [
        'impossible date',
        'PATCH',
        () => `/api/v1/people/${duc.id}`,
        { version: 1, birthDate: '1990-02-30' },
        'birthDate',
      ],
      [
        'missing field',
        'POST',
        () => `/api/v1/people/${duc.id}/initiatives`,
        { year: 2024, scope: 'CO_SO' },
        'title',
      ],
      [
        'unknown scope',
        'POST',
        () => `/api/v1/people/${duc.id}/initiatives`,
        { year: 2024, title: 'x', scope: 'TINH' },
        'scope',
      ],
      [
        'unknown discipline form',
        'POST',
        () => `/api/v1/people/${duc.id}/discipline`,
        { year: 2024, form: 'PHAT' },
        'form',
      ],
      [
        'unknown award code',
        'POST',
        () => `/api/v1/people/${duc.id}/awards`,
        { awardCode: 'HUY_CHUONG_VANG', year: 2024 },
        'awardCode',
      ],
      [
        'year in the future',
        'POST',
        () => `/api/v1/people/${duc.id}/ratings`,
        { year: 2027, level: 'HTT' },
        'year',
      ],
      [
        'missing version',
        'PATCH',
        () => `/api/v1/people/${duc.id}`,
        { fullName: 'Nguyễn Văn Đức' },
        'version',
      ],
    ];
    it.each(cases)(
      '%s answers 400 naming the field, in Vietnamese',
      async (_name, method, url, payload, field) => {
        const before = (await get(`/api/v1/people/${duc.id}`, officerA)).json();
        const res = await send(method, url(), officerA, payload);
        expect(res.statusCode).toBe(400);
        const body = res.json();
        expect(body.code).toMatch(/^[a-z_]+$/);
        expect(body.details.some((d: { path: string }) => d.path === field)).toBe(true);
        expect(body.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
        expect((await get(`/api/v1/people/${duc.id}`, officerA)).json()).toEqual(before);
      },
    );

    it('malformed JSON answers 400 invalid_json', async () => {
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/people/${duc.id}/ratings`,
        headers: { cookie: officerA, 'content-type': 'application/json' },
        payload: '{"year": 2024,',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('invalid_json');
    });

    it('a bad query string answers 400', async () => {
      const res = await get('/api/v1/people?limit=0', officerA);
      expect(res.statusCode).toBe(400);
      expect((await get('/api/v1/people?orgUnitId=abc', officerA)).statusCode).toBe(400);
    });
  });
});
