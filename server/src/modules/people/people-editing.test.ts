import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestContext } from '../../../test/app';
import { TEST_DB_KINDS } from '../../../test/db';
import { createPerson, createUnit, createUser } from '../../../test/factories';
import { auditLog, personUnits, positions } from '../../db/schema';
import { newId } from '../../lib/ids';

// TEST_NOW is 2026-11-23 in Vietnam.
describe.each(TEST_DB_KINDS)('editing people, moves and posts on %s', (kind) => {
  let ctx: TestContext;
  let city: { id: string };
  let ward: { id: string };
  let otherWard: { id: string };
  let school: { id: string };
  let closed: { id: string };
  let officer: string;
  let head: string;

  beforeAll(async () => {
    ctx = await buildTestApp(kind);
    const db = ctx.deps.db;
    city = await createUnit(db, { name: 'Thành phố Thử nghiệm' });
    ward = await createUnit(db, { parentId: city.id, name: 'Phường Hoàn Kiếm', validFrom: '2000-01-01' });
    otherWard = await createUnit(db, { parentId: city.id, name: 'Phường Cửa Nam' });
    school = await createUnit(db, {
      parentId: ward.id,
      name: 'Trường Tiểu học Tràng An',
      kind: 'public_service',
      validFrom: '2000-01-01',
    });
    closed = await createUnit(db, {
      parentId: ward.id,
      name: 'Trường cũ',
      kind: 'public_service',
      validFrom: '2000-01-01',
      validTo: '2025-06-30',
    });
    officer = await loginAs(ctx.app, await createUser(db, { orgUnitId: ward.id, roles: ['officer'] }));
    head = await loginAs(ctx.app, await createUser(db, { orgUnitId: ward.id, roles: ['head'] }));
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const get = (url: string, cookie = officer) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });
  const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, cookie = officer) =>
    ctx.app.inject({
      method,
      url,
      headers: { cookie },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const memberships = (personId: string) =>
    ctx.deps.db
      .select()
      .from(personUnits)
      .where(eq(personUnits.personId, personId))
      .orderBy(asc(personUnits.fromDate));
  const posts = (personId: string) =>
    ctx.deps.db
      .select()
      .from(positions)
      .where(eq(positions.personId, personId))
      .orderBy(asc(positions.fromDate));
  const audit = (entityId: string, action: string) =>
    ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));
  const addPost = (
    personId: string,
    o: { title: string; from: string; to?: string | null; unitId?: string },
  ) =>
    ctx.deps.db.insert(positions).values({
      id: newId(),
      personId,
      orgUnitId: o.unitId ?? ward.id,
      title: o.title,
      fromDate: o.from,
      toDate: o.to ?? null,
    });

  describe('editing a person', () => {
    it('changes the details and lets exactly one of 20 parallel edits win per version', async () => {
      const p = await createPerson(ctx.deps.db, { orgUnitId: ward.id, fullName: 'Phạm Văn Bình' });
      const edit = await send('PATCH', `/api/v1/people/${p.id}`, {
        version: 1,
        fullName: 'Phạm Thị  Bình'.normalize('NFD'),
        gender: 'female',
        birthDate: '1986-02-03',
        ethnicity: 'Tày',
        category: 'public_employee',
        directWorker: true,
        startedOn: '2011-08-15',
      });
      expect(edit.statusCode).toBe(200);
      const after = (await get(`/api/v1/people/${p.id}`)).json();
      expect(after).toMatchObject({
        fullName: 'Phạm Thị Bình',
        gender: 'female',
        birthDate: '1986-02-03',
        ethnicity: 'Tày',
        category: 'public_employee',
        directWorker: true,
        startedOn: '2011-08-15',
        version: 2,
      });
      for (const version of [2, 3]) {
        const codes = (
          await Promise.all(
            Array.from({ length: 20 }, (_, i) =>
              send('PATCH', `/api/v1/people/${p.id}`, { version, fullName: `Phạm Thị Bình ${version}-${i}` }),
            ),
          )
        ).map((r) => r.statusCode);
        expect(codes.filter((c) => c === 200)).toHaveLength(1);
        expect(codes.filter((c) => c === 409)).toHaveLength(19);
      }
      const final = (await get(`/api/v1/people/${p.id}`)).json();
      expect(final.version).toBe(4);
      expect(await audit(p.id, 'person.update')).toHaveLength(3);
      // a stale form is told so, in Vietnamese, and changes nothing
      const stale = await send('PATCH', `/api/v1/people/${p.id}`, { version: 2, fullName: 'Cũ' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: 'version_conflict' });
      expect(stale.json().message).toMatch(/tải lại/);
      expect((await get(`/api/v1/people/${p.id}`)).json().fullName).toBe(final.fullName);
    });
  });

  describe('moving a person to another unit', () => {
    it('ends the membership and the posts the day before and starts the new ones, with one audit row', async () => {
      const p = await createPerson(ctx.deps.db, { orgUnitId: ward.id });
      await addPost(p.id, { title: 'Chuyên viên', from: '2015-01-01' });
      await addPost(p.id, { title: 'Cán sự', from: '2010-09-01', to: '2014-12-31' });
      const res = await send('POST', `/api/v1/people/${p.id}/moves`, {
        version: 1,
        orgUnitId: school.id,
        effectiveDate: '2026-03-01',
        position: { title: 'Phó Hiệu trưởng', isLeadership: true },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toEqual({ id: p.id, version: 2 });

      expect((await memberships(p.id)).map((m) => [m.orgUnitId, m.fromDate, m.toDate] as const)).toEqual([
        [ward.id, '2010-09-01', '2026-02-28'],
        [school.id, '2026-03-01', null],
      ]);
      expect(
        (await posts(p.id)).map((x) => [x.orgUnitId, x.title, x.isLeadership, x.fromDate, x.toDate] as const),
      ).toEqual([
        [ward.id, 'Cán sự', false, '2010-09-01', '2014-12-31'],
        [ward.id, 'Chuyên viên', false, '2015-01-01', '2026-02-28'],
        [school.id, 'Phó Hiệu trưởng', true, '2026-03-01', null],
      ]);
      const detail = (await get(`/api/v1/people/${p.id}`)).json();
      expect(detail).toMatchObject({ orgUnitId: school.id, currentPosition: 'Phó Hiệu trưởng' });
      const rows = await audit(p.id, 'person.move');
      expect(rows).toHaveLength(1);
      expect(rows[0]!.before).toMatchObject({
        person: { orgUnitId: ward.id },
        membership: { orgUnitId: ward.id, toDate: null },
        positions: [{ title: 'Chuyên viên', toDate: null }],
      });
      expect(rows[0]!.after).toMatchObject({
        person: { orgUnitId: school.id },
        effectiveDate: '2026-03-01',
        membership: { orgUnitId: school.id, fromDate: '2026-03-01' },
        endedPositions: [{ title: 'Chuyên viên', toDate: '2026-02-28' }],
        position: { title: 'Phó Hiệu trưởng', isLeadership: true },
      });
    });

    it('refuses a move dated before the current membership, in the future, or before a post began', async () => {
      const p = await createPerson(ctx.deps.db, { orgUnitId: ward.id });
      await addPost(p.id, { title: 'Chuyên viên', from: '2020-05-01' });
      const move = (effectiveDate: string, extra: object = {}) =>
        send('POST', `/api/v1/people/${p.id}/moves`, {
          version: 1,
          orgUnitId: school.id,
          effectiveDate,
          ...extra,
        });
      for (const [date, pattern] of [
        ['2010-08-31', /trước ngày bắt đầu công tác ở đơn vị hiện tại \(01\/09\/2010\)/],
        ['2026-11-24', /tương lai/],
        ['2020-05-01', /Chức vụ "Chuyên viên" bắt đầu từ ngày 01\/05\/2020/],
      ] as const) {
        const res = await move(date);
        expect(res.statusCode, date).toBe(400);
        expect(res.json().code).toBe('invalid_dates');
        expect(res.json().message).toMatch(pattern);
        expect(res.json().details[0].path).toBe('effectiveDate');
      }
      // nothing changed
      expect((await memberships(p.id)).map((m) => m.toDate)).toEqual([null]);
      expect((await get(`/api/v1/people/${p.id}`)).json()).toMatchObject({ orgUnitId: ward.id, version: 1 });
      // a back-dated move after those days is fine
      expect((await move('2020-05-02')).statusCode).toBe(201);
      expect((await memberships(p.id)).map((m) => [m.fromDate, m.toDate])).toEqual([
        ['2010-09-01', '2020-05-01'],
        ['2020-05-02', null],
      ]);
    });

    it('refuses a closed unit, the same unit, a unit outside the scope and a stale version', async () => {
      const p = await createPerson(ctx.deps.db, { orgUnitId: ward.id });
      const move = (orgUnitId: string, version = 1) =>
        send('POST', `/api/v1/people/${p.id}/moves`, { version, orgUnitId, effectiveDate: '2026-01-01' });
      const toClosed = await move(closed.id);
      expect(toClosed.statusCode).toBe(400);
      expect(toClosed.json()).toMatchObject({ code: 'org_unit_closed', details: [{ path: 'orgUnitId' }] });
      expect((await move(ward.id)).json().code).toBe('already_in_unit');
      expect((await move(otherWard.id)).statusCode).toBe(404);
      expect((await move(school.id, 7)).statusCode).toBe(409);
      // somebody else's person is invisible
      const stranger = await createPerson(ctx.deps.db, { orgUnitId: otherWard.id });
      const res = await send('POST', `/api/v1/people/${stranger.id}/moves`, {
        version: 1,
        orgUnitId: school.id,
        effectiveDate: '2026-01-01',
      });
      expect(res.statusCode).toBe(404);
      expect(
        (
          await send(
            'POST',
            `/api/v1/people/${p.id}/moves`,
            { version: 1, orgUnitId: school.id, effectiveDate: '2026-01-01' },
            head,
          )
        ).statusCode,
      ).toBe(403);
    });

    it('lets one of 20 parallel moves of one person win, leaving one open membership', async () => {
      const p = await createPerson(ctx.deps.db, { orgUnitId: ward.id });
      const codes = (
        await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            send('POST', `/api/v1/people/${p.id}/moves`, {
              version: 1,
              orgUnitId: school.id,
              effectiveDate: `2026-0${(i % 9) + 1}-15`,
            }),
          ),
        )
      ).map((r) => r.statusCode);
      expect(codes.filter((c) => c === 201)).toHaveLength(1);
      expect(codes.filter((c) => c === 409)).toHaveLength(19);
      const rows = await memberships(p.id);
      expect(rows).toHaveLength(2);
      expect(rows.filter((m) => m.toDate === null)).toHaveLength(1);
      expect(await audit(p.id, 'person.move')).toHaveLength(1);
    });

    it('removes a membership that lasted no day when a person added today is moved today', async () => {
      const created = await send('POST', '/api/v1/people', {
        fullName: 'Lê Thị Mai',
        gender: 'female',
        category: 'civil_servant',
        orgUnitId: ward.id,
      });
      const { id } = created.json();
      const res = await send('POST', `/api/v1/people/${id}/moves`, {
        version: 1,
        orgUnitId: school.id,
        effectiveDate: '2026-11-23',
      });
      expect(res.statusCode).toBe(201);
      expect((await memberships(id)).map((m) => [m.orgUnitId, m.fromDate, m.toDate])).toEqual([
        [school.id, '2026-11-23', null],
      ]);
    });

    it('refuses to add a person to a closed unit', async () => {
      const res = await send('POST', '/api/v1/people', {
        fullName: 'Lê Văn Nam',
        gender: 'male',
        category: 'civil_servant',
        orgUnitId: closed.id,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('org_unit_closed');
    });
  });

  describe('the posts of a career', () => {
    it('adds a first post with a new person', async () => {
      const res = await send('POST', '/api/v1/people', {
        fullName: 'Hoàng Văn Sơn',
        gender: 'male',
        category: 'official',
        orgUnitId: ward.id,
        startedOn: '2021-07-01',
        position: { title: 'Phó Chủ tịch UBND phường', isLeadership: true },
      });
      expect(res.statusCode).toBe(201);
      const p = (await get(`/api/v1/people/${res.json().id}`)).json();
      expect(p.currentPosition).toBe('Phó Chủ tịch UBND phường');
      expect(p.positions).toMatchObject([
        {
          orgUnitId: ward.id,
          title: 'Phó Chủ tịch UBND phường',
          isLeadership: true,
          fromDate: '2021-07-01',
          toDate: null,
          version: 1,
        },
      ]);
      const [row] = await audit(res.json().id, 'person.create');
      expect(row!.after).toMatchObject({ position: { title: 'Phó Chủ tịch UBND phường' } });
    });

    it('adds, corrects, ends and deletes a post, each with an audit row', async () => {
      const p = await createPerson(ctx.deps.db, { orgUnitId: ward.id });
      const url = `/api/v1/people/${p.id}/positions`;
      const add = await send('POST', url, {
        orgUnitId: ward.id,
        title: ' Chuyên viên  ',
        fromDate: '2018-01-01',
      });
      expect(add.statusCode).toBe(201);
      const { id } = add.json();
      const fix = await send('PATCH', `${url}/${id}`, {
        version: 1,
        title: 'Trưởng phòng',
        isLeadership: true,
      });
      expect(fix.statusCode).toBe(200);
      const end = await send('PATCH', `${url}/${id}`, { version: 2, toDate: '2025-12-31' });
      expect(end.statusCode).toBe(200);
      expect((await send('PATCH', `${url}/${id}`, { version: 2, toDate: '2025-11-30' })).statusCode).toBe(
        409,
      );
      const detail = (await get(`/api/v1/people/${p.id}`)).json();
      expect(detail.positions).toMatchObject([
        {
          id,
          title: 'Trưởng phòng',
          isLeadership: true,
          fromDate: '2018-01-01',
          toDate: '2025-12-31',
          version: 3,
        },
      ]);
      expect((await send('DELETE', `${url}/${id}`)).statusCode).toBe(204);
      expect((await send('DELETE', `${url}/${id}`)).statusCode).toBe(404);
      expect((await get(`/api/v1/people/${p.id}`)).json().positions).toEqual([]);
      for (const action of ['position.create', 'position.update', 'position.delete'])
        expect(await audit(id, action), action).toHaveLength(action === 'position.update' ? 2 : 1);
    });

    it('refuses impossible days with invalid_dates', async () => {
      const p = await createPerson(ctx.deps.db, { orgUnitId: ward.id }); // born 1985-05-20
      const url = `/api/v1/people/${p.id}/positions`;
      const cases: [object, string][] = [
        [{ fromDate: '2026-12-01' }, 'fromDate'],
        [{ fromDate: '2020-01-01', toDate: '2027-01-01' }, 'toDate'],
        [{ fromDate: '2020-01-01', toDate: '2019-12-31' }, 'toDate'],
        [{ fromDate: '1980-01-01' }, 'fromDate'],
        [{ fromDate: '2020-01-01', orgUnitId: closed.id }, 'toDate'],
      ];
      for (const [extra, path] of cases) {
        const res = await send('POST', url, { orgUnitId: ward.id, title: 'Chuyên viên', ...extra });
        expect(res.statusCode, JSON.stringify(extra)).toBe(400);
        expect(res.json().code).toBe('invalid_dates');
        expect(res.json().details.map((d: { path: string }) => d.path)).toContain(path);
      }
      const impossible = await send('POST', url, { orgUnitId: ward.id, title: 'X', fromDate: '2020-02-30' });
      expect(impossible.statusCode).toBe(400);
      // a post in a closed unit is history: it must end by the unit's last day
      expect(
        (
          await send('POST', url, {
            orgUnitId: closed.id,
            title: 'Giáo viên',
            fromDate: '2012-01-01',
            toDate: '2025-06-30',
          })
        ).statusCode,
      ).toBe(201);
    });

    it('refuses the same title in the same unit over the same days, even 20 at once', async () => {
      const p = await createPerson(ctx.deps.db, { orgUnitId: ward.id });
      const url = `/api/v1/people/${p.id}/positions`;
      const body = {
        orgUnitId: ward.id,
        title: 'Phó Chủ tịch UBND phường',
        isLeadership: true,
        fromDate: '2021-01-01',
      };
      const codes = (await Promise.all(Array.from({ length: 20 }, () => send('POST', url, body)))).map(
        (r) => r.statusCode,
      );
      expect(codes.filter((c) => c === 201)).toHaveLength(1);
      expect(codes.filter((c) => c === 409)).toHaveLength(19);
      const clash = await send('POST', url, {
        ...body,
        title: 'phó chủ tịch ubnd phường',
        fromDate: '2024-01-01',
      });
      expect(clash.json()).toMatchObject({ code: 'position_overlap' });
      expect(clash.json().message).toMatch(/01\/01\/2021/);
      // a second post held at the same time (kiêm nhiệm) is fine, and so is the same title earlier on
      expect((await send('POST', url, { ...body, title: 'Chủ tịch Hội đồng TĐKT' })).statusCode).toBe(201);
      expect(
        (await send('POST', url, { ...body, fromDate: '2015-01-01', toDate: '2020-12-31' })).statusCode,
      ).toBe(201);
      expect((await posts(p.id)).length).toBe(3);
    });

    it('hides posts of people outside the scope and keeps heads from writing', async () => {
      const stranger = await createPerson(ctx.deps.db, { orgUnitId: otherWard.id });
      await addPost(stranger.id, { title: 'Chuyên viên', from: '2015-01-01', unitId: otherWard.id });
      const [post] = await posts(stranger.id);
      const base = `/api/v1/people/${stranger.id}/positions`;
      expect(
        (await send('POST', base, { orgUnitId: ward.id, title: 'X', fromDate: '2020-01-01' })).statusCode,
      ).toBe(404);
      expect((await send('PATCH', `${base}/${post!.id}`, { version: 1, title: 'Y' })).statusCode).toBe(404);
      expect((await send('DELETE', `${base}/${post!.id}`)).statusCode).toBe(404);
      // a post of someone else, reached through one's own person, is missing too
      const mine = await createPerson(ctx.deps.db, { orgUnitId: ward.id });
      expect((await send('DELETE', `/api/v1/people/${mine.id}/positions/${post!.id}`)).statusCode).toBe(404);
      // a unit outside the scope cannot be chosen
      expect(
        (
          await send('POST', `/api/v1/people/${mine.id}/positions`, {
            orgUnitId: otherWard.id,
            title: 'X',
            fromDate: '2020-01-01',
          })
        ).statusCode,
      ).toBe(404);
      const byHead = await send(
        'POST',
        `/api/v1/people/${mine.id}/positions`,
        { orgUnitId: ward.id, title: 'X', fromDate: '2020-01-01' },
        head,
      );
      expect(byHead.statusCode).toBe(403);
      expect((await posts(stranger.id))[0]).toMatchObject({ title: 'Chuyên viên', version: 1 });
    });
  });

  describe('awards from the catalogue', () => {
    it('answers 400 unknown_award_code for a code the catalogue does not know', async () => {
      const p = await createPerson(ctx.deps.db, { orgUnitId: ward.id });
      const res = await send('POST', `/api/v1/people/${p.id}/awards`, { awardCode: 'CSTD_XA', year: 2025 });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'unknown_award_code', details: [{ path: 'awardCode' }] });
      expect(res.json().message).toMatch(/CSTD_XA.*không có trong danh mục/);
      expect(
        (await send('POST', `/api/v1/people/${p.id}/awards`, { awardCode: 'CSTDCS', year: 2025 })).statusCode,
      ).toBe(201);
    });
  });
});
