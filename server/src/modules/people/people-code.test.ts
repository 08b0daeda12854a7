import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestContext } from '../../../test/app';
import { TEST_DB_KINDS } from '../../../test/db';
import { createPerson, createUnit, createUser } from '../../../test/factories';

describe.each(TEST_DB_KINDS)('the person code ("Mã cán bộ") on %s', (kind) => {
  let ctx: TestContext;
  let ward: { id: string };
  let officer: string;

  beforeAll(async () => {
    ctx = await buildTestApp(kind);
    const db = ctx.deps.db;
    const city = await createUnit(db, { name: 'Thành phố Thử nghiệm' });
    ward = await createUnit(db, { parentId: city.id, name: 'Phường Hoàn Kiếm' });
    await createPerson(db, { orgUnitId: ward.id, fullName: 'Trần Văn Có Mã', code: 'HK-000001' });
    officer = await loginAs(ctx.app, await createUser(db, { orgUnitId: ward.id, roles: ['officer'] }));
  });
  afterAll(async () => ctx?.close());

  const send = (method: 'POST' | 'PATCH', url: string, payload: object) =>
    ctx.app.inject({ method, url, headers: { cookie: officer }, payload });
  const get = (url: string) => ctx.app.inject({ method: 'GET', url, headers: { cookie: officer } });
  const base = (fullName: string) => ({
    fullName,
    gender: 'female',
    category: 'civil_servant',
    orgUnitId: ward.id,
  });

  it('is stored trimmed, shown in the list and on the person, and cleared with null', async () => {
    const created = await send('POST', '/api/v1/people', { ...base('Lê Thị Mã Mới'), code: '  HK-000123 ' });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const person = (await get(`/api/v1/people/${id}`)).json();
    expect(person.code).toBe('HK-000123');
    const list = (await get('/api/v1/people?q=ma%20moi')).json();
    expect(list.items).toEqual([expect.objectContaining({ id, code: 'HK-000123' })]);
    expect((await send('PATCH', `/api/v1/people/${id}`, { version: 1, code: null })).statusCode).toBe(200);
    expect((await get(`/api/v1/people/${id}`)).json().code).toBeNull();
    // nobody without a code is in the way of another without one
    const second = await send('POST', '/api/v1/people', base('Lê Thị Không Mã'));
    expect(second.statusCode).toBe(201);
    expect((await get(`/api/v1/people/${second.json().id}`)).json().code).toBeNull();
  });

  it("refuses another person's code, whatever its case, with 409 person_code_taken", async () => {
    const res = await send('POST', '/api/v1/people', { ...base('Phạm Thị Trùng'), code: 'hk-000001' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'person_code_taken' });
    const p = await createPerson(ctx.deps.db, { orgUnitId: ward.id, fullName: 'Phạm Văn Đổi' });
    const patch = await send('PATCH', `/api/v1/people/${p.id}`, { version: 1, code: 'HK-000001' });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().code).toBe('person_code_taken');
    // keeping one's own code is no clash
    const own = await send('PATCH', `/api/v1/people/${p.id}`, { version: 1, code: 'HK-000777' });
    expect(own.statusCode).toBe(200);
    const again = await send('PATCH', `/api/v1/people/${p.id}`, { version: 2, code: 'hk-000777' });
    expect(again.statusCode).toBe(200);
  });

  it('gives the code to one of two people created at once with it', async () => {
    const results = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        send('POST', '/api/v1/people', { ...base(`Đỗ Văn Đua ${i}`), code: 'HK-RACE' }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409))
      expect(r.json().code).toBe('person_code_taken');
  });

  it('refuses a blank or too long code', async () => {
    for (const code of ['   ', 'X'.repeat(31)]) {
      const res = await send('POST', '/api/v1/people', { ...base('Vũ Văn Sai'), code });
      expect(res.statusCode, code).toBe(400);
    }
  });
});
