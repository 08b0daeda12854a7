import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestContext } from '../../../test/app';
import { TEST_DB_KINDS } from '../../../test/db';
import { createPerson, createUnit, createUser } from '../../../test/factories';
import { auditLog, orgUnits, people, personUnits, positions } from '../../db/schema';
import { newId } from '../../lib/ids';

// TEST_NOW is 2026-11-23 in Vietnam.
describe.each(TEST_DB_KINDS)('creating, editing, closing and merging units on %s', (kind) => {
  let ctx: TestContext;
  let city: { id: string };
  let ward: { id: string; version: number };
  let otherWard: { id: string };
  let board: string;
  let wardBoard: string;
  let officer: string;

  beforeAll(async () => {
    ctx = await buildTestApp(kind);
    const db = ctx.deps.db;
    city = await createUnit(db, { name: 'Thành phố Thử nghiệm', validFrom: '2000-01-01' });
    ward = await createUnit(db, { parentId: city.id, name: 'Phường Hoàn Kiếm', validFrom: '2000-01-01' });
    otherWard = await createUnit(db, { parentId: city.id, name: 'Phường Cửa Nam', validFrom: '2000-01-01' });
    board = await loginAs(ctx.app, await createUser(db, { orgUnitId: city.id, roles: ['board'] }));
    wardBoard = await loginAs(ctx.app, await createUser(db, { orgUnitId: ward.id, roles: ['board'] }));
    officer = await loginAs(ctx.app, await createUser(db, { orgUnitId: ward.id, roles: ['officer'] }));
  });
  afterAll(async () => {
    await ctx?.close();
  });

  const get = (url: string, cookie = board) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });
  const send = (method: 'POST' | 'PATCH', url: string, payload: unknown, cookie = board) =>
    ctx.app.inject({ method, url, headers: { cookie }, payload: payload as object });
  const unit = (id: string) => get(`/api/v1/org-units/${id}`).then((r) => r.json());
  const unitRow = async (id: string) =>
    (await ctx.deps.db.select().from(orgUnits).where(eq(orgUnits.id, id)))[0]!;
  const school = (parentId: string, o: { name?: string; validFrom?: string; validTo?: string } = {}) =>
    createUnit(ctx.deps.db, { parentId, kind: 'public_service', validFrom: '2000-01-01', ...o });
  const merge = (id: string, targetId: string, effectiveDate = '2026-07-01', cookie = board) =>
    unit(id).then((u) =>
      send('POST', `/api/v1/org-units/${id}/merge`, { version: u.version, targetId, effectiveDate }, cookie),
    );
  const audit = (entityId: string, action: string) =>
    ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));

  it('creates a unit under a parent, with kinds from the hierarchy, and edits its names and head', async () => {
    const detail = await unit(ward.id);
    expect(detail.childKinds).toEqual(['public_service', 'mass_org', 'enterprise']);
    const created = await send('POST', '/api/v1/org-units', {
      parentId: ward.id,
      code: 'HK.MN-HOASEN',
      name: 'Trường Mầm non Hoa Sen',
      shortName: 'MN Hoa Sen',
      kind: 'public_service',
      validFrom: '2025-07-01',
    });
    expect(created.statusCode).toBe(201);
    const u = created.json();
    expect(u).toMatchObject({ parentId: ward.id, shortName: 'MN Hoa Sen', validTo: null, version: 1 });
    const teacher = await createPerson(ctx.deps.db, { orgUnitId: u.id, fullName: 'Đỗ Thị Lan' });
    const edit = await send('PATCH', `/api/v1/org-units/${u.id}`, {
      version: 1,
      name: 'Trường Mầm non Hoa Sen Hoàn Kiếm',
      shortName: null,
      headPersonId: teacher.id,
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({ shortName: null, headPersonId: teacher.id, version: 2 });
    expect((await unit(u.id)).ownPeopleCount).toBe(1);
    expect(await audit(u.id, 'org_unit.update')).toHaveLength(1);
  });

  it('closes an empty unit; refuses one with people or active sub-units, saying how many remain', async () => {
    const a = await school(ward.id, { name: 'Trường A' });
    const child = await school(a.id, { name: 'Phân hiệu A1' });
    await createPerson(ctx.deps.db, { orgUnitId: a.id });
    await createPerson(ctx.deps.db, { orgUnitId: a.id });
    const close = (id: string, validTo = '2026-06-30') =>
      unit(id).then((u) => send('POST', `/api/v1/org-units/${id}/close`, { version: u.version, validTo }));
    const refused = await close(a.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('org_unit_not_empty');
    expect(refused.json().message).toContain('2 cán bộ và 1 đơn vị trực thuộc đang hoạt động');
    expect(refused.json().details.map((d: { path: string }) => d.path)).toEqual(['people', 'children']);
    // the same through an update of validTo
    const viaPatch = await send('PATCH', `/api/v1/org-units/${a.id}`, {
      version: a.version,
      validTo: '2026-06-30',
    });
    expect(viaPatch.json().code).toBe('org_unit_not_empty');
    expect((await unitRow(a.id)).validTo).toBeNull();

    const empty = await school(ward.id, { name: 'Trường trống' });
    // someone of another unit holds a post there (kiêm nhiệm): it ends with the unit, and one that
    // began after the closing day stands in the way
    const visitor = await createPerson(ctx.deps.db, { orgUnitId: ward.id });
    const visiting = newId();
    await ctx.deps.db.insert(positions).values({
      id: visiting,
      personId: visitor.id,
      orgUnitId: empty.id,
      title: 'Ủy viên Hội đồng trường',
      fromDate: '2026-06-20',
    });
    const early = await close(empty.id, '2026-06-15');
    expect(early.json().code).toBe('invalid_dates');
    expect(early.json().message).toContain('1 chức vụ');
    expect((await close(empty.id, '2026-11-24')).json().code).toBe('invalid_dates');
    expect((await close(empty.id, '1999-12-31')).json().code).toBe('invalid_dates');
    const ok = await close(empty.id);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ validTo: '2026-06-30', mergedIntoId: null });
    expect((await ctx.deps.db.select().from(positions).where(eq(positions.id, visiting)))[0]!.toDate).toBe(
      '2026-06-30',
    );
    expect(await audit(empty.id, 'org_unit.close')).toHaveLength(1);
    expect((await close(empty.id)).statusCode).toBe(409);

    // a closed unit takes no people and no sub-units
    const person = await send(
      'POST',
      '/api/v1/people',
      { fullName: 'Lê Văn Nam', gender: 'male', category: 'worker', orgUnitId: empty.id },
      officer,
    );
    expect(person.json().code).toBe('org_unit_closed');
    const sub = await send('POST', '/api/v1/org-units', {
      parentId: empty.id,
      code: 'X.SUB',
      name: 'Tổ',
      kind: 'public_service',
      validFrom: '2025-07-01',
    });
    expect(sub.statusCode).toBe(400);
    expect(sub.json().code).toBe('org_unit_closed');
    const under = await send('PATCH', `/api/v1/org-units/${child.id}`, {
      version: child.version,
      parentId: empty.id,
    });
    expect(under.json().code).toBe('org_unit_closed');
    // nobody may close the unit they are bound to
    const own = await send(
      'POST',
      `/api/v1/org-units/${ward.id}/close`,
      { version: (await unit(ward.id)).version, validTo: '2026-06-30' },
      wardBoard,
    );
    expect(own.statusCode).toBe(403);
  });

  it('merges A into B: people, posts and active sub-units move, A ends the day before, one audit row', async () => {
    const a = await school(ward.id, { name: 'Trường Tiểu học Hàng Bạc', validFrom: '2005-01-01' });
    const b = await school(ward.id, { name: 'Trường Tiểu học Tràng An', validFrom: '2005-01-01' });
    const branch = await school(a.id, { name: 'Điểm trường Hàng Bạc 2' });
    const leaf = await school(branch.id, { name: 'Lớp học Hàng Bạc 2A' });
    const oldBranch = await school(a.id, { name: 'Điểm trường cũ', validTo: '2020-12-31' });
    const principal = await createPerson(ctx.deps.db, { orgUnitId: a.id, fullName: 'Trần Văn Hiệu' });
    const teacher = await createPerson(ctx.deps.db, { orgUnitId: a.id, fullName: 'Nguyễn Thị Giáo' });
    const inBranch = await createPerson(ctx.deps.db, { orgUnitId: branch.id });
    await ctx.deps.db.insert(positions).values([
      {
        id: newId(),
        personId: principal.id,
        orgUnitId: a.id,
        title: 'Hiệu trưởng',
        isLeadership: true,
        fromDate: '2018-08-01',
      },
      { id: newId(), personId: teacher.id, orgUnitId: a.id, title: 'Giáo viên', fromDate: '2012-08-01' },
      {
        id: newId(),
        personId: teacher.id,
        orgUnitId: a.id,
        title: 'Giáo viên tập sự',
        fromDate: '2011-08-01',
        toDate: '2012-07-31',
      },
    ]);

    const res = await merge(a.id, b.id, '2026-08-01');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: a.id,
      targetId: b.id,
      validTo: '2026-07-31',
      peopleMoved: 2,
      unitsMoved: 1,
      leadershipEnded: 1,
    });
    const merged = await unitRow(a.id);
    expect(merged).toMatchObject({ validTo: '2026-07-31', mergedIntoId: b.id, parentId: ward.id });
    const moved = await unitRow(branch.id);
    const bRow = await unitRow(b.id);
    expect(moved).toMatchObject({ parentId: b.id, path: `${bRow.path}${branch.id}/` });
    expect((await unitRow(leaf.id)).path).toBe(`${bRow.path}${branch.id}/${leaf.id}/`);
    // a sub-unit that had already ended stays with the merged unit's history
    expect((await unitRow(oldBranch.id)).parentId).toBe(a.id);
    for (const p of [principal, teacher]) {
      const [row] = await ctx.deps.db.select().from(people).where(eq(people.id, p.id));
      expect(row).toMatchObject({ orgUnitId: b.id, version: 2 });
      const ms = await ctx.deps.db
        .select()
        .from(personUnits)
        .where(eq(personUnits.personId, p.id))
        .orderBy(asc(personUnits.fromDate));
      expect(ms.map((m) => [m.orgUnitId, m.fromDate, m.toDate])).toEqual([
        [a.id, '2010-09-01', '2026-07-31'],
        [b.id, '2026-08-01', null],
      ]);
    }
    expect((await ctx.deps.db.select().from(people).where(eq(people.id, inBranch.id)))[0]!.orgUnitId).toBe(
      branch.id,
    );
    const teacherPosts = await ctx.deps.db
      .select()
      .from(positions)
      .where(eq(positions.personId, teacher.id))
      .orderBy(asc(positions.fromDate));
    expect(teacherPosts.map((x) => [x.orgUnitId, x.title, x.fromDate, x.toDate])).toEqual([
      [a.id, 'Giáo viên tập sự', '2011-08-01', '2012-07-31'],
      [a.id, 'Giáo viên', '2012-08-01', '2026-07-31'],
      [b.id, 'Giáo viên', '2026-08-01', null],
    ]);
    const principalPosts = await ctx.deps.db
      .select()
      .from(positions)
      .where(eq(positions.personId, principal.id));
    expect(principalPosts.map((x) => [x.title, x.toDate])).toEqual([['Hiệu trưởng', '2026-07-31']]);
    const rows = await audit(a.id, 'org_unit.merge');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.after).toMatchObject({
      mergedIntoId: b.id,
      effectiveDate: '2026-08-01',
      peopleMoved: 2,
      unitsMoved: [{ id: branch.id }],
    });
    const target = await unit(b.id);
    expect(target.mergedFrom.map((m: { id: string }) => m.id)).toEqual([a.id]);
    expect(target.ownPeopleCount).toBe(2);
    expect(target.activeChildCount).toBe(1);
    // merged already: not again
    expect((await merge(a.id, b.id)).json().code).toBe('org_unit_closed');
  });

  it('refuses merging into itself, its subtree, a closed unit, a misfit kind, or across scopes', async () => {
    const a = await school(ward.id, { name: 'Trường X' });
    const child = await school(a.id);
    const gone = await school(ward.id, { validTo: '2025-06-30' });
    const self = await merge(a.id, a.id);
    expect(self.statusCode).toBe(400);
    expect(self.json()).toMatchObject({ code: 'org_unit_cycle', details: [{ path: 'targetId' }] });
    expect((await merge(a.id, child.id)).json().code).toBe('org_unit_cycle');
    const closed = await merge(a.id, gone.id);
    expect(closed.statusCode).toBe(400);
    expect(closed.json().code).toBe('org_unit_closed');
    // the merged unit's own kind does not matter (it does not move), its active sub-units' kinds do:
    // a school may hold no mass organisation
    const club = await createUnit(ctx.deps.db, {
      parentId: ward.id,
      kind: 'mass_org',
      validFrom: '2000-01-01',
    });
    expect((await merge(club.id, a.id)).statusCode).toBe(200);
    const withKids = await createUnit(ctx.deps.db, {
      parentId: ward.id,
      kind: 'mass_org',
      validFrom: '2000-01-01',
    });
    await createUnit(ctx.deps.db, { parentId: withKids.id, kind: 'mass_org', validFrom: '2000-01-01' });
    const kindRes = await merge(withKids.id, a.id);
    expect(kindRes.statusCode).toBe(400);
    expect(kindRes.json().code).toBe('org_unit_kind_not_allowed');
    // a ward's board sees only the ward: another ward is missing, the city too
    const foreign = await school(otherWard.id);
    expect((await merge(a.id, foreign.id, '2026-07-01', wardBoard)).statusCode).toBe(404);
    expect((await merge(foreign.id, a.id, '2026-07-01', wardBoard)).statusCode).toBe(404);
    // nor may a board user merge away the unit they are bound to, and officers merge nothing
    expect((await merge(ward.id, otherWard.id, '2026-07-01', wardBoard)).statusCode).toBe(404);
    expect((await merge(ward.id, a.id, '2026-07-01', wardBoard)).statusCode).toBe(403);
    expect((await merge(a.id, child.id, '2026-07-01', officer)).statusCode).toBe(403);
    // dates: not in the future, not before the target began, not before someone joined
    expect((await merge(a.id, ward.id, '2026-11-24')).json().code).toBe('invalid_dates');
    const young = await school(ward.id, { validFrom: '2026-09-01' });
    expect((await merge(a.id, young.id, '2026-08-01')).json().code).toBe('invalid_dates');
    const late = await school(ward.id);
    const newcomer = await createPerson(ctx.deps.db, { orgUnitId: late.id });
    await ctx.deps.db
      .update(personUnits)
      .set({ fromDate: '2026-09-01' })
      .where(and(eq(personUnits.personId, newcomer.id), isNull(personUnits.toDate)));
    const lateRes = await merge(late.id, a.id, '2026-08-01');
    expect(lateRes.json().code).toBe('invalid_dates');
    expect(lateRes.json().message).toContain('1 cán bộ');
    expect((await unitRow(a.id)).validTo).toBeNull();
  });

  it('keeps every path equal to its parent’s path and id under 20 parallel merges and moves', async () => {
    const root = await createUnit(ctx.deps.db, {
      parentId: city.id,
      kind: 'department',
      validFrom: '2000-01-01',
    });
    const depts: Awaited<ReturnType<typeof createUnit>>[] = [];
    for (let i = 0; i < 10; i++)
      depts.push(
        await createUnit(ctx.deps.db, { parentId: root.id, kind: 'department', validFrom: '2000-01-01' }),
      );
    const staff: Awaited<ReturnType<typeof createPerson>>[] = [];
    for (const d of depts) {
      const sub = await createUnit(ctx.deps.db, {
        parentId: d.id,
        kind: 'department',
        validFrom: '2000-01-01',
      });
      staff.push(await createPerson(ctx.deps.db, { orgUnitId: d.id }));
      await createPerson(ctx.deps.db, { orgUnitId: sub.id });
    }
    const pick = (i: number) => depts[i % depts.length]!;
    const requests = Array.from({ length: 20 }, (_, i) => {
      const a = pick(i);
      const b = pick(i * 3 + 1);
      if (i % 3 === 0)
        return send('PATCH', `/api/v1/org-units/${a.id}`, { version: a.version, parentId: b.id });
      return send('POST', `/api/v1/org-units/${a.id}/merge`, {
        version: a.version,
        targetId: b.id,
        effectiveDate: '2026-07-01',
      });
    });
    // and people moved between those units at the same moment
    const moves = staff.map((p, i) =>
      send('POST', `/api/v1/people/${p.id}/moves`, {
        version: 1,
        orgUnitId: pick(i + 5).id,
        effectiveDate: '2026-09-01',
      }),
    );
    const codes = (await Promise.all(requests)).map((r) => r.statusCode);
    expect(
      codes.every((c) => [200, 400, 409].includes(c)),
      codes.join(','),
    ).toBe(true);
    expect(codes.filter((c) => c === 200).length).toBeGreaterThan(0);
    const moveCodes = (await Promise.all(moves)).map((r) => r.statusCode);
    expect(
      moveCodes.every((c) => [201, 400, 409].includes(c)),
      moveCodes.join(','),
    ).toBe(true);

    const all = await ctx.deps.db.select().from(orgUnits);
    const byId = new Map(all.map((u) => [u.id, u]));
    for (const u of all) {
      if (u.parentId === null) expect(u.path).toBe(`/${u.id}/`);
      else expect(u.path, u.name).toBe(`${byId.get(u.parentId)!.path}${u.id}/`);
    }
    // nobody is left in a unit that has ended, and everybody has exactly one open membership, there
    const placed = await ctx.deps.db
      .select({ id: people.id })
      .from(people)
      .innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
      .where(isNull(orgUnits.validTo));
    const everyone = await ctx.deps.db.select({ id: people.id, unit: people.orgUnitId }).from(people);
    expect(placed.length).toBe(everyone.length);
    const open = await ctx.deps.db.select().from(personUnits).where(isNull(personUnits.toDate));
    const openOf = new Map(open.map((m) => [m.personId, m.orgUnitId]));
    for (const p of everyone) expect(openOf.get(p.id)).toBe(p.unit);
    expect(open.length).toBe(everyone.length);
  });
});
