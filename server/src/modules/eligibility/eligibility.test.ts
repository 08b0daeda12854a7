import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KINDS } from '../../../test/db';
import { buildTestApp, loginAs, type TestContext } from '../../../test/app';
import { createPerson, createUnit, createUser, giveRecord } from '../../../test/factories';
import { newId } from '../../lib/ids';
import { awardRecords, positions, ratings } from '../../db/schema';
import { contractExample } from '../../domain/eligibility/testing';
import { loadIndividualsGrouped, loadIndividualsPage } from './eligibility.repository';

const CONTRACT_EXAMPLE = { ...contractExample(), id: 'vd-1' };

describe.each(TEST_DB_KINDS)('eligibility on %s', (kind) => {
  let ctx: TestContext;
  let ward: { id: string };
  let otherWard: { id: string };
  let officer: string;
  let admin: string;
  let star: { id: string };
  let starOther: { id: string };
  let plain: { id: string };

  /** Ratings HTT+ for the years, CSTDCS + LDTT for `cstdcs` years, an initiative of `scope` in the last year. */
  beforeAll(async () => {
    ctx = await buildTestApp(kind);
    const db = ctx.deps.db;
    const city = await createUnit(db, { name: 'Thành phố Hà Nội' });
    ward = await createUnit(db, { parentId: city.id, name: 'Phường Hoàn Kiếm' });
    otherWard = await createUnit(db, { parentId: city.id, name: 'Phường Cửa Nam' });
    star = await createPerson(db, { orgUnitId: ward.id, fullName: 'Nguyễn Văn Đức' });
    starOther = await createPerson(db, { orgUnitId: otherWard.id, fullName: 'Trần Thị Lan' });
    plain = await createPerson(db, { orgUnitId: ward.id, fullName: 'Lê Văn Bình' });
    await giveRecord(ctx.deps.db, star.id, {
      years: [2021, 2022, 2023, 2024, 2025],
      cstdcs: [2023, 2024, 2025],
      scope: 'BO_TINH',
    });
    await giveRecord(ctx.deps.db, starOther.id, {
      years: [2023, 2024, 2025],
      cstdcs: [2023, 2024, 2025],
      scope: 'BO_TINH',
    });
    await giveRecord(ctx.deps.db, plain.id, { years: [2024, 2025], cstdcs: [] });
    officer = await loginAs(ctx.app, await createUser(db, { orgUnitId: ward.id, roles: ['officer'] }));
    admin = await loginAs(ctx.app, await createUser(db, { orgUnitId: city.id, roles: ['admin'] }));
  });
  afterAll(async () => {
    await ctx?.app.close();
    await ctx?.database.close();
  });

  const get = (url: string, cookie?: string) =>
    ctx.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const post = (url: string, cookie: string | undefined, payload: unknown) =>
    ctx.app.inject({ method: 'POST', url, headers: cookie ? { cookie } : {}, payload: payload as object });

  it('answers the contract example over HTTP, citing the law', async () => {
    const res = await post('/api/v1/eligibility/check', officer, CONTRACT_EXAMPLE);
    expect(res.statusCode).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({ id: 'vd-1', award: 'CSTD_BO_TINH', eligible: true });
    expect(v.regime).toBe('LUAT_2022_ND152');
    const chain = v.reasons.find((r: { rule: string }) => r.rule === 'cstd-bo-tinh.three-consecutive-cstdcs');
    expect(chain).toMatchObject({ met: true });
    expect(chain.message).toContain('2023, 2024, 2025');
    for (const r of v.reasons) expect(r.basis).toMatch(/Điều \d+/);
  });

  it('answers an array with an array in the same order', async () => {
    const second = { ...CONTRACT_EXAMPLE, id: 'vd-2', award: 'CSTD_TQ' };
    const res = await post('/api/v1/eligibility/check', officer, [CONTRACT_EXAMPLE, second]);
    expect(res.json().map((v: { id: string }) => v.id)).toEqual(['vd-1', 'vd-2']);
    expect(res.json()[1].eligible).toBe(false);
  });

  it('rejects a malformed case with 400 naming the field', async () => {
    const bad = {
      ...CONTRACT_EXAMPLE,
      subject: { ...CONTRACT_EXAMPLE.subject, ratings: [{ year: 2025, level: 'GIOI' }] },
    };
    const res = await post('/api/v1/eligibility/check', officer, bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_case');
    expect(JSON.stringify(res.json().details)).toContain('subject.ratings[0].level');
    const unknownAward = await post('/api/v1/eligibility/check', officer, {
      ...CONTRACT_EXAMPLE,
      award: 'HUY_HIEU',
    });
    expect(unknownAward.statusCode).toBe(400);
    const unknownField = await post('/api/v1/eligibility/check', officer, {
      ...CONTRACT_EXAMPLE,
      extra: true,
    });
    expect(unknownField.statusCode).toBe(400);
    expect(JSON.stringify(unknownField.json())).toContain('extra');
    expect((await post('/api/v1/eligibility/check', undefined, CONTRACT_EXAMPLE)).statusCode).toBe(401);
  });

  it("shows on a person's page what they could aim at next and what is missing", async () => {
    const res = await get(`/api/v1/people/${star.id}/eligibility?year=2025&asOf=2026-01-15`, officer);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const cstd = body.candidates.find((c: { award: string }) => c.award === 'CSTD_BO_TINH');
    expect(cstd.eligible).toBe(true);
    expect(body.candidates.map((c: { award: string }) => c.award)).not.toContain('CSTT');
    const plainRes = (
      await get(`/api/v1/people/${plain.id}/eligibility?year=2025&asOf=2026-01-15`, officer)
    ).json();
    const plainCstd = plainRes.candidates.find((c: { award: string }) => c.award === 'CSTD_BO_TINH');
    expect(plainCstd.eligible).toBe(false);
    expect(plainCstd.missing.length).toBeGreaterThan(0);
    expect((await get(`/api/v1/people/${starOther.id}/eligibility`, officer)).statusCode).toBe(404);
  });

  it("shows a leader's unit results beside their own", async () => {
    const db = ctx.deps.db;
    await db.insert(positions).values({
      id: newId(),
      personId: plain.id,
      orgUnitId: ward.id,
      title: 'Chủ tịch UBND phường',
      isLeadership: true,
      fromDate: '2025-07-01',
    });
    await db.insert(ratings).values({ id: newId(), orgUnitId: ward.id, year: 2025, level: 'HTXS' });
    const body = (await get(`/api/v1/people/${plain.id}/eligibility?year=2025`, officer)).json();
    expect(body.isLeader).toBe(true);
    expect(body.unit).toMatchObject({
      id: ward.id,
      name: 'Phường Hoàn Kiếm',
      ratings: [{ year: 2025, level: 'HTXS' }],
    });
  });

  it('lists who has just become eligible, within the scope only, and exports it to Excel', async () => {
    const res = await get(
      '/api/v1/eligibility/eligible-now?year=2025&asOf=2026-01-15&awards=CSTD_BO_TINH',
      officer,
    );
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { fullName: string }) => i.fullName)).toEqual(['Nguyễn Văn Đức']);
    expect(items[0]).toMatchObject({
      award: 'CSTD_BO_TINH',
      newlyEligible: true,
      orgUnitName: 'Phường Hoàn Kiếm',
    });
    expect(items[0].basis).toMatch(/Điều/);
    const all = (
      await get('/api/v1/eligibility/eligible-now?year=2025&asOf=2026-01-15&awards=CSTD_BO_TINH', admin)
    ).json().items;
    expect(all.map((i: { fullName: string }) => i.fullName).sort()).toEqual([
      'Nguyễn Văn Đức',
      'Trần Thị Lan',
    ]);
    // already awarded for the year: no longer listed
    await ctx.deps.db
      .insert(awardRecords)
      .values({ id: newId(), personId: starOther.id, awardCode: 'CSTD_BO_TINH', year: 2025 });
    const after = (
      await get('/api/v1/eligibility/eligible-now?year=2025&asOf=2026-01-15&awards=CSTD_BO_TINH', admin)
    ).json().items;
    expect(after.map((i: { fullName: string }) => i.fullName)).toEqual(['Nguyễn Văn Đức']);

    const xlsx = await get(
      '/api/v1/eligibility/eligible-now?year=2025&asOf=2026-01-15&awards=CSTD_BO_TINH&format=xlsx',
      officer,
    );
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Đủ điều kiện đề nghị')!;
    expect(String(ws.getCell('A1').value)).toContain('NĂM 2025');
    expect(ws.getRow(5).getCell(2).value).toBe('Nguyễn Văn Đức');
    expect(ws.getRow(5).getCell(4).value).toBe('Chiến sĩ thi đua bộ, ban, ngành, tỉnh');
    expect(ws.getRow(6).getCell(2).value ?? null).toBeNull();
  });

  it('reads the same subjects set-based (large subtrees) as page by page (small ones)', async () => {
    const norm = (rows: Awaited<ReturnType<typeof loadIndividualsPage>>) =>
      rows.map(({ head, subject }) => ({
        head,
        subject: {
          ...subject,
          ratings: [...(subject.ratings ?? [])].sort((a, b) => a.year - b.year),
          awards: [...(subject.awards ?? [])].sort((a, b) => a.year - b.year || a.code.localeCompare(b.code)),
          initiatives: [...(subject.initiatives ?? [])].sort((a, b) => a.year - b.year),
          discipline: [...(subject.discipline ?? [])].sort((a, b) => a.year - b.year),
        },
      }));
    const paged = await loadIndividualsPage(ctx.deps.db, { subtreePath: '/', limit: 10_000 });
    const grouped = await loadIndividualsGrouped(ctx.deps.db, '/');
    expect(paged.length).toBeGreaterThan(2);
    expect(norm(grouped)).toEqual(norm(paged));
    expect(norm(grouped).find((x) => x.head.id === star.id)!.subject.awards).toHaveLength(8);
  });

  it('rejects an unknown award code in the list filter', async () => {
    const res = await get('/api/v1/eligibility/eligible-now?awards=CSTD_BO_TINH,XYZ', officer);
    expect(res.statusCode).toBe(400);
  });

  it("judges a collective on its members' figures for the year", async () => {
    const db = ctx.deps.db;
    const team = await createUnit(db, { parentId: ward.id, name: 'Tổ Văn phòng', kind: 'ward' });
    for (let i = 0; i < 10; i++) {
      const p = await createPerson(db, { orgUnitId: team.id, fullName: `Thành Viên ${i}` });
      await db.insert(ratings).values({ id: newId(), personId: p.id, year: 2025, level: 'HTT' });
      if (i < 7)
        await db.insert(awardRecords).values({ id: newId(), personId: p.id, awardCode: 'LDTT', year: 2025 });
    }
    await db.insert(ratings).values({ id: newId(), orgUnitId: team.id, year: 2025, level: 'HTT' });
    const body = (
      await get(`/api/v1/org-units/${team.id}/eligibility?year=2025&asOf=2026-01-15`, officer)
    ).json();
    expect(body.members).toMatchObject({ total: 10, ldtt: 7, completedTasks: 10 });
    const ttldtt = body.candidates.find((c: { award: string }) => c.award === 'TTLDTT');
    expect(ttldtt.eligible).toBe(true);
  });

  it('shows the catalogue and, per award, its conditions by regime in words', async () => {
    const list = (await get('/api/v1/eligibility/catalogue', officer)).json().items;
    expect(list.map((a: { code: string }) => a.code)).toEqual(
      expect.arrayContaining(['LDTT', 'CSTD_BO_TINH', 'HCLD_1']),
    );
    const page = (await get('/api/v1/eligibility/catalogue/TTLDTT', officer)).json();
    const byRegime = Object.fromEntries(
      page.regimes.map((r: { ruleSetId: string; routes: { conditions: { textVi: string }[] }[] }) => [
        r.ruleSetId,
        r.routes.flatMap((x) => x.conditions.map((c) => c.textVi)).join(' '),
      ]),
    );
    expect(byRegime.LUAT_2022_ND98).toContain('70%');
    expect(byRegime.LUAT_2003_ND91).toContain('50%');
    expect((await get('/api/v1/eligibility/catalogue/KHONG_CO', officer)).statusCode).toBe(404);
  });

  it('lets an administrator change an uncertain setting (audited), and no one else', async () => {
    const list = (await get('/api/v1/eligibility/settings', admin)).json().items;
    const rs = list.find((r: { ruleSetId: string }) => r.ruleSetId === 'LUAT_2022_ND152');
    expect(rs.settings.length).toBeGreaterThan(0);
    const setting = rs.settings.find((s: { uncertain: boolean }) => s.uncertain);
    expect(setting).toBeDefined();
    const put = (cookie: string, key: string, value: unknown) =>
      ctx.app.inject({
        method: 'PUT',
        url: `/api/v1/eligibility/settings/${encodeURIComponent(key)}`,
        headers: { cookie },
        payload: { value },
      });
    expect((await put(officer, setting.key, setting.value)).statusCode).toBe(403);
    expect((await put(admin, 'khong-co-thiet-lap-nay', 1)).statusCode).toBe(400);
    expect((await put(admin, setting.key, setting.value)).statusCode).toBe(204);
    const changed = (await get('/api/v1/eligibility/settings', admin)).json().items;
    const inForce = changed
      .find((r: { ruleSetId: string }) => r.ruleSetId === 'LUAT_2022_ND152')
      .settings.find((x: { key: string }) => x.key === setting.key);
    expect(inForce.overriddenBy).toBe(setting.key);
    const del = (key: string) =>
      ctx.app.inject({
        method: 'DELETE',
        url: `/api/v1/eligibility/settings/${encodeURIComponent(key)}`,
        headers: { cookie: admin },
      });
    expect((await del(setting.key)).statusCode).toBe(204);
    expect((await del(setting.key)).statusCode).toBe(404);
    // "none" is a value of its own for a nullable setting: set the Decree 91 quota to none for that rule set only
    expect((await put(admin, 'LUAT_2003_ND91:cstdcs.quotaPct', null)).statusCode).toBe(204);
    const quota = (await get('/api/v1/eligibility/settings', admin))
      .json()
      .items.find((r: { ruleSetId: string }) => r.ruleSetId === 'LUAT_2003_ND91')
      .settings.find((x: { key: string }) => x.key === 'cstdcs.quotaPct');
    expect(quota).toMatchObject({
      value: null,
      defaultValue: 15,
      overriddenBy: 'LUAT_2003_ND91:cstdcs.quotaPct',
    });
    expect((await del('LUAT_2003_ND91:cstdcs.quotaPct')).statusCode).toBe(204);
  });
});

describe.each(TEST_DB_KINDS)('quota report on %s', (kind) => {
  let ctx: TestContext;
  let admin: string;
  let unitId: string;

  beforeAll(async () => {
    ctx = await buildTestApp(kind);
    const db = ctx.deps.db;
    const city = await createUnit(db, { name: 'Thành phố Hà Nội' });
    unitId = (await createUnit(db, { parentId: city.id, name: 'Sở Y tế', kind: 'department' })).id;
    // 10 members, all LĐTT in 2023; 2 of them CSTĐCS (20% > the 15% cap of Decree 91/2017)
    for (let i = 0; i < 10; i++) {
      const p = await createPerson(db, {
        orgUnitId: unitId,
        fullName: `Bác Sĩ ${i}`,
        gender: i % 2 ? 'female' : 'male',
      });
      for (const year of [2023, 2024])
        await db.insert(awardRecords).values({ id: newId(), personId: p.id, awardCode: 'LDTT', year });
      if (i < 2) {
        for (const year of [2023, 2024])
          await db.insert(awardRecords).values({ id: newId(), personId: p.id, awardCode: 'CSTDCS', year });
      }
    }
    admin = await loginAs(ctx.app, await createUser(db, { orgUnitId: city.id, roles: ['admin'] }));
  });
  afterAll(async () => {
    await ctx?.app.close();
    await ctx?.database.close();
  });

  it('flags a unit over the 15% cap of Decree 91/2017 in 2023, and shows no national cap from 2024', async () => {
    const r2023 = (
      await ctx.app.inject({
        method: 'GET',
        url: '/api/v1/eligibility/quotas?year=2023',
        headers: { cookie: admin },
      })
    ).json();
    expect(r2023).toMatchObject({ year: 2023, ruleSetId: 'LUAT_2003_ND91', capPct: 15, capUncertain: false });
    expect(r2023.capBasis).toMatch(/Điều 9/);
    expect(r2023.units).toEqual([
      expect.objectContaining({
        orgUnitId: unitId,
        members: 10,
        ldtt: 10,
        cstdcs: 2,
        sharePct: 20,
        overCap: true,
        cstdcsWomen: 1,
      }),
    ]);
    const r2024 = (
      await ctx.app.inject({
        method: 'GET',
        url: '/api/v1/eligibility/quotas?year=2024',
        headers: { cookie: admin },
      })
    ).json();
    expect(r2024).toMatchObject({ capPct: null, capUncertain: true });
    expect(r2024.units[0]).toMatchObject({ sharePct: 20, overCap: false });
  });
});
