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
      kind: 'ward',
      validFrom: '2025-07-01',
    });
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    const child = (
      await send('POST', '/api/v1/org-units', admin, {
        parentId: unit.id,
        code: 'HN.TDP1.A',
        name: 'Nhóm A',
        kind: 'ward',
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
      kind: 'ward',
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
});
