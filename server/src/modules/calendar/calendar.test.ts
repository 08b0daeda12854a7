import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarYear } from '../../../../contract/calendar';
import { buildTestApp, loginAs, type TestContext } from '../../../test/app';
import { TEST_DB_KINDS } from '../../../test/db';
import { createUnit, createUser } from '../../../test/factories';
import { auditLog } from '../../db/schema';
import { BUILT_IN_CALENDAR, provisionalYear } from '../../domain/calendar';
import { verifyAuditChain } from '../audit/audit.service';

describe.each(TEST_DB_KINDS)('the working-day calendar over HTTP on %s', (kind) => {
  let ctx: TestContext;
  let admin: string;
  let officer: string;
  let wardAdmin: string;

  beforeAll(async () => {
    ctx = await buildTestApp(kind);
    const city = await createUnit(ctx.deps.db, { name: 'Thành phố Thử' });
    const ward = await createUnit(ctx.deps.db, { parentId: city.id, name: 'Phường Thử' });
    admin = await loginAs(ctx.app, await createUser(ctx.deps.db, { orgUnitId: city.id, roles: ['admin'] }));
    officer = await loginAs(
      ctx.app,
      await createUser(ctx.deps.db, { orgUnitId: ward.id, roles: ['officer'] }),
    );
    wardAdmin = await loginAs(
      ctx.app,
      await createUser(ctx.deps.db, { orgUnitId: ward.id, roles: ['admin'] }),
    );
  });
  afterAll(async () => {
    await ctx?.app.close();
    await ctx?.database.close();
  });

  const count = (body: unknown, cookie = officer) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/count',
      headers: { cookie },
      payload: body as object,
    });
  const getYear = async (year: number) =>
    (
      await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/calendar/years/${year}`,
        headers: { cookie: admin },
      })
    ).json<CalendarYear>();
  const putYear = (year: number, body: object, cookie = admin) =>
    ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/calendar/years/${year}`,
      headers: { cookie },
      payload: body,
    });
  const editable = (y: CalendarYear) => ({
    version: y.version,
    status: y.status,
    holidays: y.holidays,
    workingSaturdays: y.workingSaturdays,
    notes: y.notes,
  });

  it('is seeded by the migration with the built-in years 2025–2027', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/calendar/years',
      headers: { cookie: officer },
    });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: CalendarYear[] }>().items;
    expect(items.map((y) => [y.year, y.status, y.version])).toEqual([
      [2025, 'decided', 1],
      [2026, 'decided', 1],
      [2027, 'provisional', 1],
    ]);
    for (const [i, y] of BUILT_IN_CALENDAR.entries()) {
      expect(items[i]).toMatchObject({ ...y });
      expect({ ...items[i], version: 0, updatedBy: null, updatedAt: '' }).toEqual({
        ...y,
        version: 0,
        updatedBy: null,
        updatedAt: '',
      });
    }
  });

  it('answers the contract examples, one query or an array in the same order', async () => {
    const one = await count({ id: 'a', from: '2026-02-09', add: 10 });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual({ id: 'a', date: '2026-03-02', provisional: false });
    const many = await count([
      { id: 'b', from: '2026-02-13', to: '2026-02-23' },
      { from: '2026-12-30', add: 2 },
    ]);
    expect(many.json()).toEqual([
      { id: 'b', days: 1, provisional: false },
      { date: '2027-01-04', provisional: true },
    ]);
  });

  it('refuses a malformed query with invalid_calendar_query, and an unknown year with its own code', async () => {
    const bad = await count([
      { from: '2026-02-09', add: 0 },
      { from: '2026-13-01', to: '2026-02-01', x: 1 },
    ]);
    expect(bad.statusCode).toBe(400);
    const body = bad.json<{ code: string; message: string; details: { path: string }[] }>();
    expect(body.code).toBe('invalid_calendar_query');
    expect(body.message).toMatch(/không hợp lệ/);
    expect(body.details.map((d) => d.path)).toEqual(['[0].add', '[1].x', '[1].from']);
    const out = await count({ from: '2029-01-02', add: 3 });
    expect(out.statusCode).toBe(400);
    expect(out.json()).toMatchObject({ code: 'calendar_date_out_of_range', details: [{ path: 'from' }] });
    expect(out.json<{ message: string }>().message).toMatch(/năm 2029/);
    const notJson = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/count',
      headers: { cookie: officer, 'content-type': 'application/json' },
      payload: '{"from": ',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ code: 'invalid_json' });
  });

  it('asks for a login to count or read, and lets only a city-wide administrator change the calendar', async () => {
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/calendar/count',
          payload: { from: '2026-02-09', add: 1 },
        })
      ).statusCode,
    ).toBe(401);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/v1/calendar/years' })).statusCode).toBe(401);
    const y = await getYear(2027);
    for (const cookie of [officer, wardAdmin]) {
      expect((await putYear(2027, editable(y), cookie)).statusCode).toBe(403);
      const create = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/calendar/years',
        headers: { cookie },
        payload: { year: 2031 },
      });
      expect(create.statusCode).toBe(403);
    }
    expect((await getYear(2027)).version).toBe(1);
  });

  it('changes the count when an administrator edits a year, and keeps the change in the audit log', async () => {
    const query = [
      { id: 'tet', from: '2027-02-04', add: 1 },
      { id: 'march', from: '2027-02-26', to: '2027-03-05' },
      { id: 'weekend', from: '2027-02-26', to: '2027-02-28' },
    ];
    // provisional: Friday 5/2 … Thursday 11/2 off (Tết and its compensatory days)
    expect((await count(query)).json()).toEqual([
      { id: 'tet', date: '2027-02-12', provisional: true },
      { id: 'march', days: 5, provisional: true },
      { id: 'weekend', days: 0, provisional: true },
    ]);
    const y = await getYear(2027);
    // The decision arrives: Friday 5/2 is worked, Monday 1/3 is a day off, Saturday 27/2 a make-up day.
    const res = await putYear(2027, {
      ...editable(y),
      status: 'decided',
      holidays: [
        ...y.holidays.filter((h) => h.date !== '2027-02-05'),
        { date: '2027-03-01', name: 'Nghỉ hoán đổi (thử nghiệm)' },
      ],
      workingSaturdays: [{ date: '2027-02-27', name: 'Làm bù' }],
    });
    expect(res.statusCode).toBe(200);
    const saved = res.json<CalendarYear>();
    expect(saved).toMatchObject({ year: 2027, status: 'decided', version: 2 });
    expect(saved.updatedBy).toMatch(/^u/);
    expect(saved.holidays.map((h) => h.date)).toContain('2027-03-01');
    expect(saved.holidays.map((h) => h.date)).not.toContain('2027-02-05');
    expect((await count(query)).json()).toEqual([
      { id: 'tet', date: '2027-02-05', provisional: false },
      { id: 'march', days: 5, provisional: false }, // Sat 27/2 worked, Mon 1/3 off
      { id: 'weekend', days: 1, provisional: false },
    ]);
    expect((await count({ from: '2027-02-26', add: 1 })).json()).toEqual({
      date: '2027-02-27',
      provisional: false,
    });
    expect((await count({ from: '2027-02-27', add: 1 })).json()).toEqual({
      date: '2027-03-02',
      provisional: false,
    });

    const rows = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'calendar_year'), eq(auditLog.entityId, '2027')));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'calendar_year.update' });
    expect(rows[0]!.before).toMatchObject({ status: 'provisional' });
    expect(rows[0]!.after).toMatchObject({ status: 'decided', workingSaturdays: [{ date: '2027-02-27' }] });
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
  });

  it('refuses a stale version with version_conflict; of 20 parallel saves of one version, one wins', async () => {
    const y = await getYear(2026);
    const stale = await putYear(2026, { ...editable(y), version: y.version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict' });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => putYear(2026, { ...editable(y), notes: `Ghi chú ${i}` })),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    expect((await getYear(2026)).version).toBe(y.version + 1);
    expect((await verifyAuditChain(ctx.deps.db)).ok).toBe(true);
  });

  it('validates an edit: dates of that year, no duplicates, working Saturdays on Saturdays, names not blank', async () => {
    const y = await getYear(2025);
    const res = await putYear(2025, {
      ...editable(y),
      holidays: [
        { date: '2025-01-01', name: 'Tết Dương lịch' },
        { date: '2025-01-01', name: 'Trùng' },
        { date: '2026-01-02', name: 'Năm khác' },
        { date: '2025-03-03', name: '  ' },
      ],
      workingSaturdays: [{ date: '2025-04-27' }],
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; details: { path: string; message: string }[] }>();
    expect(body.code).toBe('invalid_calendar_year');
    expect(body.details.map((d) => d.path)).toEqual([
      'holidays[1].date',
      'holidays[2].date',
      'holidays[3].name',
      'workingSaturdays[0].date',
    ]);
    expect(body.details[3]!.message).toMatch(/Chủ nhật, không phải thứ Bảy/);
    const unknownField = await putYear(2025, { ...editable(y), extra: 1 });
    expect(unknownField.statusCode).toBe(400);
    expect((await putYear(2040, editable(y))).statusCode).toBe(404);
    expect((await getYear(2025)).version).toBe(1);
  });

  it('creates a provisional year from the statute in one call; a second create of the same year is refused', async () => {
    const create = (year: number) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/calendar/years',
        headers: { cookie: admin },
        payload: { year },
      });
    const res = await create(2028);
    expect(res.statusCode).toBe(201);
    const created = res.json<CalendarYear>();
    expect(created).toMatchObject({ ...provisionalYear(2028), version: 1 });
    expect((await create(2028)).json()).toMatchObject({ code: 'calendar_year_exists' });
    // Counting now reaches into 2028, provisionally.
    expect((await count({ from: '2027-12-30', add: 2 })).json()).toEqual({
      date: '2028-01-04',
      provisional: true,
    });

    const parallel = await Promise.all(Array.from({ length: 20 }, () => create(2029)));
    expect(parallel.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(parallel.filter((r) => r.statusCode === 409)).toHaveLength(19);
    const audit = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'calendar_year'), eq(auditLog.action, 'calendar_year.create')));
    expect(audit.map((r) => r.entityId).sort()).toEqual(['2028', '2029']);
    expect((await create(1999)).statusCode).toBe(400);
  });
});
