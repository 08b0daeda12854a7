import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KINDS } from '../../../test/db';
import { buildTestApp, loginAs, type TestContext } from '../../../test/app';
import { createPerson, createUnit, createUser } from '../../../test/factories';

describe.each(TEST_DB_KINDS)('org units on %s', (kind) => {
  let ctx: TestContext;
  let city: { id: string };
  let ward: { id: string };
  let otherWard: { id: string };
  let oldDistrict: { id: string };
  let admin: string;
  let officer: string;

  beforeAll(async () => {
    ctx = await buildTestApp(kind);
    const db = ctx.deps.db;
    city = await createUnit(db, { name: 'Thành phố Hà Nội' });
    ward = await createUnit(db, { parentId: city.id, name: 'Phường Hoàn Kiếm' });
    otherWard = await createUnit(db, { parentId: city.id, name: 'Phường Cửa Nam' });
    oldDistrict = await createUnit(db, {
      parentId: city.id,
      name: 'Quận Hoàn Kiếm',
      kind: 'district',
      validTo: '2025-06-30',
      mergedIntoId: ward.id,
    });
    await createUnit(db, { parentId: ward.id, name: 'Trường Mầm non Hoa Sen', kind: 'public_service' });
    await createPerson(db, { orgUnitId: ward.id });
    admin = await loginAs(ctx.app, await createUser(db, { orgUnitId: city.id, roles: ['admin'] }));
    officer = await loginAs(ctx.app, await createUser(db, { orgUnitId: ward.id, roles: ['officer'] }));
  });
  afterAll(async () => {
    await ctx?.app.close();
    await ctx?.database.close();
  });

  const get = (url: string, cookie: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie } });
  const send = (method: 'POST' | 'PATCH', url: string, cookie: string, payload: unknown) =>
    ctx.app.inject({ method, url, headers: { cookie }, payload: payload as object });

  it('lists the whole tree for the city and only the subtree for a ward', async () => {
    const all = (await get('/api/v1/org-units', admin)).json().items;
    expect(all).toHaveLength(5);
    const mine = (await get('/api/v1/org-units', officer)).json().items.map((u: { name: string }) => u.name);
    expect(mine.sort()).toEqual(['Phường Hoàn Kiếm', 'Trường Mầm non Hoa Sen']);
  });

  it('shows merge lineage: the ward knows the district merged into it', async () => {
    const res = (await get(`/api/v1/org-units/${ward.id}`, admin)).json();
    expect(res.mergedFrom).toMatchObject([
      { id: oldDistrict.id, name: 'Quận Hoàn Kiếm', kind: 'district', validTo: '2025-06-30' },
    ]);
    expect(res.peopleCount).toBe(1);
    expect(res.ancestors).toEqual([{ id: city.id, name: 'Thành phố Hà Nội' }]);
    const district = (await get(`/api/v1/org-units/${oldDistrict.id}`, admin)).json();
    expect(district.mergedInto).toEqual({ id: ward.id, name: 'Phường Hoàn Kiếm' });
  });

  it('answers 404 for a unit outside the scope', async () => {
    const res = await get(`/api/v1/org-units/${otherWard.id}`, officer);
    expect(res.statusCode).toBe(404);
  });

  it('creates a unit and moves it, and refuses to make a unit its own ancestor', async () => {
    const created = await send('POST', '/api/v1/org-units', admin, {
      parentId: ward.id,
      code: 'HN.TDP1',
      name: 'Tổ dân phố số 1',
      kind: 'public_service',
      validFrom: '2025-07-01',
    });
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    const child = (
      await send('POST', '/api/v1/org-units', admin, {
        parentId: unit.id,
        code: 'HN.TDP1.A',
        name: 'Nhóm A',
        kind: 'public_service',
        validFrom: '2025-07-01',
      })
    ).json();
    const cycle = await send('PATCH', `/api/v1/org-units/${unit.id}`, admin, {
      version: 1,
      parentId: child.id,
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().code).toBe('org_unit_cycle');
    const self = await send('PATCH', `/api/v1/org-units/${unit.id}`, admin, {
      version: 1,
      parentId: unit.id,
    });
    expect(self.json().code).toBe('org_unit_cycle');
    const moved = await send('PATCH', `/api/v1/org-units/${unit.id}`, admin, {
      version: 1,
      parentId: otherWard.id,
    });
    expect(moved.statusCode).toBe(200);
    // the child moved with it: it is now in the other ward's subtree
    const otherTree = (await get(`/api/v1/org-units/${child.id}`, admin)).json();
    expect(otherTree.ancestors.map((a: { id: string }) => a.id)).toEqual([city.id, otherWard.id, unit.id]);
    expect((await get(`/api/v1/org-units/${child.id}`, officer)).statusCode).toBe(404);
  });

  it('refuses a duplicate code with 409, bad dates and unknown kinds with 400', async () => {
    const body = {
      parentId: ward.id,
      code: 'HN.DUP',
      name: 'Đơn vị A',
      kind: 'public_service',
      validFrom: '2025-07-01',
    };
    expect((await send('POST', '/api/v1/org-units', admin, body)).statusCode).toBe(201);
    const dup = await send('POST', '/api/v1/org-units', admin, body);
    expect(dup.statusCode).toBe(409);
    const range = await send('POST', '/api/v1/org-units', admin, {
      ...body,
      code: 'HN.R',
      validTo: '2025-01-01',
    });
    expect(range.statusCode).toBe(400);
    expect(range.json().code).toBe('invalid_date_range');
    const kindRes = await send('POST', '/api/v1/org-units', admin, {
      ...body,
      code: 'HN.K',
      kind: 'province',
    });
    expect(kindRes.statusCode).toBe(400);
    const date = await send('POST', '/api/v1/org-units', admin, {
      ...body,
      code: 'HN.D',
      validFrom: '2025-13-01',
    });
    expect(date.statusCode).toBe(400);
  });

  it('does not let an officer create units', async () => {
    const res = await send('POST', '/api/v1/org-units', officer, {
      parentId: ward.id,
      code: 'X.OFF',
      name: 'X',
      kind: 'ward',
      validFrom: '2025-07-01',
    });
    expect(res.statusCode).toBe(403);
  });

  it('detects a stale version', async () => {
    const u = (await get(`/api/v1/org-units/${otherWard.id}`, admin)).json();
    expect(
      (
        await send('PATCH', `/api/v1/org-units/${otherWard.id}`, admin, {
          version: u.version,
          name: 'Phường Cửa Nam ',
        })
      ).statusCode,
    ).toBe(200);
    const stale = await send('PATCH', `/api/v1/org-units/${otherWard.id}`, admin, {
      version: u.version,
      name: 'Khác',
    });
    expect(stale.statusCode).toBe(409);
  });

  it('lets the holder of a merged ward read its predecessors, never change them', async () => {
    const read = await get(`/api/v1/org-units/${oldDistrict.id}`, officer);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ name: 'Quận Hoàn Kiếm', readOnly: true });
    const board = await loginAs(
      ctx.app,
      await createUser(ctx.deps.db, { orgUnitId: ward.id, roles: ['board'] }),
    );
    expect((await get(`/api/v1/org-units/${oldDistrict.id}`, board)).statusCode).toBe(200);
    const write = await send('PATCH', `/api/v1/org-units/${oldDistrict.id}`, board, {
      version: read.json().version,
      name: 'Đổi tên',
    });
    expect(write.statusCode).toBe(404);
    // a unit merged into a sub-unit of the ward, at a second remove, is a predecessor too
    const school = (await get('/api/v1/org-units', officer))
      .json()
      .items.find((u: { kind: string }) => u.kind === 'public_service');
    const oldSchool = await createUnit(ctx.deps.db, {
      parentId: city.id,
      name: 'Trường cũ',
      kind: 'public_service',
      validTo: '2024-12-31',
      mergedIntoId: school.id,
    });
    const older = await createUnit(ctx.deps.db, {
      parentId: city.id,
      name: 'Trường cũ hơn',
      kind: 'public_service',
      validTo: '2020-12-31',
      mergedIntoId: oldSchool.id,
    });
    expect((await get(`/api/v1/org-units/${older.id}`, officer)).statusCode).toBe(200);
    // another ward is still out of sight
    expect((await get(`/api/v1/org-units/${otherWard.id}`, officer)).statusCode).toBe(404);
    expect((await get(`/api/v1/org-units/${ward.id}`, officer)).json().readOnly).toBe(false);
  });

  it('takes which kinds may sit under which from data: no city under a ward', async () => {
    const res = await send('POST', '/api/v1/org-units', admin, {
      parentId: ward.id,
      code: 'X.CITY',
      name: 'Thành phố con',
      kind: 'city',
      validFrom: '2025-07-01',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('org_unit_kind_not_allowed');
    const u = (await get(`/api/v1/org-units/${otherWard.id}`, admin)).json();
    const kindChange = await send('PATCH', `/api/v1/org-units/${otherWard.id}`, admin, {
      version: u.version,
      kind: 'city',
    });
    expect(kindChange.statusCode).toBe(400);
  });

  it('takes a head only from the unit itself', async () => {
    const target = await createUnit(ctx.deps.db, { parentId: city.id, name: 'Phường Đống Đa' });
    const own = await createPerson(ctx.deps.db, { orgUnitId: target.id });
    const foreign = await createPerson(ctx.deps.db, { orgUnitId: otherWard.id });
    const patch = async (headPersonId: string) =>
      send('PATCH', `/api/v1/org-units/${target.id}`, admin, {
        version: (await get(`/api/v1/org-units/${target.id}`, admin)).json().version,
        headPersonId,
      });
    const missing = await patch('00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('invalid_head_person');
    expect((await patch(foreign.id)).statusCode).toBe(400);
    expect((await patch(own.id)).statusCode).toBe(200);
  });

  it('refuses names that are only white space', async () => {
    const res = await send('POST', '/api/v1/org-units', admin, {
      parentId: city.id,
      code: 'X.BLANK',
      name: ' \t\u00a0 ',
      kind: 'ward',
      validFrom: '2025-07-01',
    });
    expect(res.statusCode).toBe(400);
  });

  it('keeps the tree a tree when two units are moved under each other at the same moment', async () => {
    for (let round = 0; round < 8; round++) {
      const a = await createUnit(ctx.deps.db, { parentId: city.id, kind: 'department' });
      const b = await createUnit(ctx.deps.db, { parentId: city.id, kind: 'department' });
      const [ra, rb] = await Promise.all([
        send('PATCH', `/api/v1/org-units/${a.id}`, admin, { version: a.version, parentId: b.id }),
        send('PATCH', `/api/v1/org-units/${b.id}`, admin, { version: b.version, parentId: a.id }),
      ]);
      expect([ra.statusCode, rb.statusCode].sort()).toEqual([200, 400]);
      const units = (await get('/api/v1/org-units', admin)).json().items as {
        id: string;
        parentId: string | null;
      }[];
      const byId = new Map(units.map((u) => [u.id, u]));
      // walking up from each never comes back to itself
      for (const start of [a.id, b.id]) {
        const seen = new Set<string>();
        for (let u = byId.get(start); u; u = u.parentId ? byId.get(u.parentId) : undefined) {
          expect(seen.has(u.id)).toBe(false);
          seen.add(u.id);
        }
      }
    }
  });
});
