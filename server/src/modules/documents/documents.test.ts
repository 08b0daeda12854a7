import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, loginAs, type TestContext } from '../../../test/app';
import { TEST_DB_KINDS } from '../../../test/db';
import { createPerson, createUnit, createUser } from '../../../test/factories';
import { readPdf } from '../../../test/pdf';
import {
  auditLog,
  awardRecords,
  disciplines,
  documents,
  initiatives,
  positions,
  ratings,
} from '../../db/schema';
import { newId } from '../../lib/ids';
import type { Actor } from '../auth/auth.policy';
import { issueEligibleList } from './documents.service';

const HARD_NAME = 'Nguyễn Thị Ánh Tuyết Đặng Ỷ Ưng';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(TEST_DB_KINDS)('documents on %s', (kind) => {
  let ctx: TestContext;
  let ward: { id: string; path: string };
  let otherWard: { id: string };
  let tuyet: { id: string };
  let stranger: { id: string };
  let star: { id: string };
  let officer: string;
  let head: string;
  let admin: string;

  beforeAll(async () => {
    ctx = await buildTestApp(kind);
    const db = ctx.deps.db;
    const city = await createUnit(db, { name: 'Ủy ban nhân dân thành phố Hà Nội' });
    ward = await createUnit(db, { parentId: city.id, name: 'Phường Hoàn Kiếm' });
    otherWard = await createUnit(db, { parentId: city.id, name: 'Phường Cửa Nam' });
    tuyet = await createPerson(db, { orgUnitId: ward.id, fullName: HARD_NAME, gender: 'female' });
    stranger = await createPerson(db, { orgUnitId: otherWard.id, fullName: 'Trần Văn Khách' });
    star = await createPerson(db, { orgUnitId: ward.id, fullName: 'Lê Văn Đức' });

    await db.insert(positions).values({
      id: newId(),
      personId: tuyet.id,
      orgUnitId: ward.id,
      title: 'Phó Chủ tịch Ủy ban nhân dân phường',
      isLeadership: true,
      fromDate: '2025-07-01',
    });
    await db.insert(ratings).values([
      { id: newId(), personId: tuyet.id, year: 2022, level: 'HTT' },
      { id: newId(), personId: tuyet.id, year: 2023, level: 'HTXS' },
      { id: newId(), personId: tuyet.id, year: 2024, level: 'HT' },
    ]);
    await db.insert(initiatives).values({
      id: newId(),
      personId: tuyet.id,
      year: 2023,
      title: 'Số hóa hồ sơ hộ tịch của phường',
      scope: 'CO_SO',
    });
    await db.insert(disciplines).values({
      id: newId(),
      personId: tuyet.id,
      year: 2024,
      form: 'KHIEN_TRACH',
      decidedOn: '2024-08-15',
      reason: 'Chậm nộp báo cáo',
    });
    await db.insert(awardRecords).values({
      id: newId(),
      personId: tuyet.id,
      awardCode: 'CSTDCS',
      year: 2023,
      decisionNo: '125/QĐ-UBND',
      decisionDate: '2023-12-20',
      issuer: 'Chủ tịch UBND quận Hoàn Kiếm',
    });

    // Lê Văn Đức meets the city's Chiến sĩ thi đua for 2025: three CSTĐCS in a row and an initiative
    for (const year of [2021, 2022, 2023, 2024, 2025]) {
      await db.insert(ratings).values({ id: newId(), personId: star.id, year, level: 'HTXS' });
      await db.insert(awardRecords).values({ id: newId(), personId: star.id, awardCode: 'LDTT', year });
    }
    for (const year of [2023, 2024, 2025])
      await db.insert(awardRecords).values({ id: newId(), personId: star.id, awardCode: 'CSTDCS', year });
    await db.insert(initiatives).values({
      id: newId(),
      personId: star.id,
      year: 2025,
      title: 'Sáng kiến cấp thành phố',
      scope: 'BO_TINH',
    });

    officer = await loginAs(ctx.app, await createUser(db, { orgUnitId: ward.id, roles: ['officer'] }));
    head = await loginAs(ctx.app, await createUser(db, { orgUnitId: ward.id, roles: ['head'] }));
    admin = await loginAs(ctx.app, await createUser(db, { orgUnitId: city.id, roles: ['admin'] }));
  });
  afterAll(async () => {
    await ctx?.app.close();
    await ctx?.database.close();
  });

  const get = (url: string, cookie?: string) =>
    ctx.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const post = (url: string, cookie?: string, payload?: object) =>
    ctx.app.inject({
      method: 'POST',
      url,
      headers: cookie ? { cookie } : {},
      ...(payload ? { payload } : {}),
    });
  const issueRecord = (personId: string, cookie = officer) =>
    post(`/api/v1/people/${personId}/record-pdf`, cookie);
  const download = async (id: string, cookie = officer) => {
    const res = await get(`/api/v1/documents/${id}/pdf`, cookie);
    return { res, bytes: res.rawPayload };
  };

  let first: {
    id: string;
    number: number;
    sha256: string;
    notation: string;
    sizeBytes: number;
    fileName: string;
  };

  it('issues a numbered commendation record and answers its register entry', async () => {
    const res = await issueRecord(tuyet.id);
    expect(res.statusCode).toBe(201);
    first = res.json();
    expect(first).toMatchObject({
      kind: 'commendation_record',
      kindName: 'Lý lịch khen thưởng',
      issuerOrgUnitId: ward.id,
      issuerName: 'Phường Hoàn Kiếm',
      year: 2026,
      number: 1,
      notation: '01/LL-UBND',
      title: `Lý lịch khen thưởng: ${HARD_NAME}`,
      subjectType: 'person',
      subjectId: tuyet.id,
      orgUnitId: ward.id,
      orgUnitName: 'Phường Hoàn Kiếm',
      documentDate: '2026-11-23',
      fileName: `Lý lịch khen thưởng - ${HARD_NAME} - 01-LL-UBND.pdf`,
    });
    expect(first).not.toHaveProperty('content');
  });

  it('downloads the PDF as issued: its hash is the register’s, its name in ASCII and UTF-8', async () => {
    const { res, bytes } = await download(first.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256(bytes)).toBe(first.sha256);
    expect(bytes.length).toBe(first.sizeBytes);
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toContain(
      'attachment; filename="Ly-lich-khen-thuong-Nguyen-Thi-Anh-Tuyet-Dang-Y-Ung-01-LL-UBND.pdf"',
    );
    const utf8 = /filename\*=UTF-8''([^;]+)/.exec(disposition)![1]!;
    expect(decodeURIComponent(utf8)).toBe(first.fileName);
    expect(utf8).not.toMatch(/[^A-Za-z0-9%\-_.!~]/);
  });

  it('shows the national heading, the number, the full name and the record in the PDF', async () => {
    const pdf = await readPdf((await download(first.id)).bytes);
    expect(pdf.sizes[0]).toEqual({ width: 595, height: 842 });
    const page1 = pdf.text[0]!;
    for (const s of [
      'ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 01/LL-UBND',
      'Hoàn Kiếm, ngày 23 tháng 11 năm 2026',
      'LÝ LỊCH KHEN THƯỞNG',
      `Của bà ${HARD_NAME}`,
      `Họ và tên: ${HARD_NAME}`,
      'Giới tính: Nữ',
      'Ngày sinh: 20/05/1985',
      'Đơn vị công tác: Phường Hoàn Kiếm',
      'Chức vụ hiện nay: Phó Chủ tịch Ủy ban nhân dân phường',
    ]) {
      expect(page1).toContain(s);
    }
    const all = pdf.text.join(' ');
    for (const s of [
      '01/07/2025 – nay Phó Chủ tịch Ủy ban nhân dân phường Phường Hoàn Kiếm',
      '2022 Hoàn thành tốt nhiệm vụ',
      '2023 Hoàn thành xuất sắc nhiệm vụ',
      '2024 Hoàn thành nhiệm vụ',
      '2023 Số hóa hồ sơ hộ tịch của phường Sáng kiến Cấp cơ sở',
      '2024 Khiển trách 15/08/2024 Chậm nộp báo cáo',
      '2023 Chiến sĩ thi đua cơ sở Thường xuyên 125/QĐ-UBND ngày 20/12/2023 Chủ tịch UBND quận Hoàn Kiếm',
    ]) {
      expect(all).toContain(s);
    }
    expect(pdf.fonts.every((f) => f.startsWith('LiberationSerif'))).toBe(true);
    expect(pdf.fonts).toContain('LiberationSerif-Bold');
    expect(pdf.info).toMatchObject({ CreationDate: 'D:20261122170000Z' });
  });

  it('records the issue in the audit log with the hash, never the bytes', async () => {
    const [row] = await ctx.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'document'), eq(auditLog.entityId, first.id)));
    expect(row).toMatchObject({ action: 'document.issue', orgUnitId: ward.id });
    expect(row!.after).toMatchObject({ sha256: first.sha256, notation: '01/LL-UBND' });
    expect(row!.after).not.toHaveProperty('content');
    expect(JSON.stringify(row!.after).length).toBeLessThan(2000);
  });

  it('gives 50 parallel issues 50 distinct consecutive numbers', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => issueRecord(tuyet.id)));
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const numbers = results.map((r) => r.json().number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => first.number + 1 + i));
    expect(new Set(results.map((r) => r.json().notation)).size).toBe(50);
    const [stored] = await ctx.deps.db
      .select({
        n: sql<number>`count(distinct ${documents.number})`,
        max: sql<number>`max(${documents.number})`,
      })
      .from(documents)
      .where(and(eq(documents.issuerOrgUnitId, ward.id), eq(documents.year, 2026)));
    expect(Number(stored!.n)).toBe(51);
    expect(Number(stored!.max)).toBe(51);
    // each stored PDF carries its own number
    const last = results.find((r) => r.json().number === 51)!.json();
    expect((await readPdf((await download(last.id)).bytes)).text[0]).toContain('Số: 51/LL-UBND');
  });

  it('answers 404 for a person or a document outside the actor’s subtree, 403 to a head, 401 without a session', async () => {
    expect((await issueRecord(stranger.id)).statusCode).toBe(404);
    expect((await issueRecord(newId())).statusCode).toBe(404);
    const theirs = await issueRecord(stranger.id, admin);
    expect(theirs.statusCode).toBe(201);
    const id = theirs.json().id as string;
    expect((await get(`/api/v1/documents/${id}`, officer)).statusCode).toBe(404);
    expect((await download(id)).res.statusCode).toBe(404);
    expect((await download(id, admin)).res.statusCode).toBe(200);
    expect((await get(`/api/v1/documents/${newId()}/pdf`, officer)).statusCode).toBe(404);

    expect((await issueRecord(tuyet.id, head)).statusCode).toBe(403);
    expect((await download(first.id, head)).res.statusCode).toBe(200);

    expect((await issueRecord(tuyet.id, '')).statusCode).toBe(401);
    expect((await get('/api/v1/documents')).statusCode).toBe(401);
    expect((await get(`/api/v1/documents/${first.id}/pdf`)).statusCode).toBe(401);
    expect((await post('/api/v1/eligibility/eligible-now/pdf', undefined, {})).statusCode).toBe(401);
  });

  it('numbers each issuing unit’s register on its own, headed with that unit', async () => {
    const res = await issueRecord(tuyet.id, admin);
    expect(res.statusCode).toBe(201);
    const entry = res.json();
    // the admin's second document of the city's register (the first was the stranger's record)
    expect(entry).toMatchObject({ notation: '02/LL-UBND', issuerName: 'Ủy ban nhân dân thành phố Hà Nội' });
    // it belongs to the person's ward: the ward's officer sees it
    expect((await get(`/api/v1/documents/${entry.id}`, officer)).statusCode).toBe(200);
    const page1 = (await readPdf((await download(entry.id)).bytes)).text[0]!;
    expect(page1).toContain('ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI');
    expect(page1).toContain('Hà Nội, ngày 23 tháng 11 năm 2026');
  });

  it('issues the eligible list as a landscape numbered PDF with the rows of the list', async () => {
    const filters = { year: 2025 };
    const list = (await get('/api/v1/eligibility/eligible-now?year=2025', officer)).json();
    expect(list.items.length).toBeGreaterThan(0);
    const res = await post('/api/v1/eligibility/eligible-now/pdf', officer, filters);
    expect(res.statusCode).toBe(201);
    const entry = res.json();
    // the ward's register continues after the 51 records
    expect(entry).toMatchObject({
      kind: 'eligible_list',
      notation: '52/DS-UBND',
      subjectType: 'org_unit',
      subjectId: ward.id,
      orgUnitId: ward.id,
    });
    const pdf = await readPdf((await download(entry.id)).bytes);
    expect(pdf.sizes[0]).toEqual({ width: 842, height: 595 });
    const all = pdf.text.join(' ');
    expect(all).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(all).toContain('Số: 52/DS-UBND');
    expect(all).toContain('DANH SÁCH CÁ NHÂN ĐỦ ĐIỀU KIỆN ĐỀ NGHỊ KHEN THƯỞNG NĂM 2025');
    // every row in the list's order, grouped by award and numbered from 1 in each group
    let at = 0;
    let n = 0;
    list.items.forEach((item: { award: string; fullName: string; awardName: string }, i: number) => {
      if (i === 0 || list.items[i - 1].award !== item.award) {
        const group = all.indexOf(`. ${item.awardName.toLocaleUpperCase('vi')} (`, at);
        expect(group, item.awardName).toBeGreaterThanOrEqual(at);
        at = group;
        n = 0;
      }
      n += 1;
      const row = `${n} ${item.fullName} Phường Hoàn Kiếm`;
      const found = all.indexOf(row, at);
      expect(found, row).toBeGreaterThanOrEqual(at);
      at = found;
    });
    const people = new Set(list.items.map((i: { personId: string }) => i.personId)).size;
    expect(all).toContain(`Tổng số: ${list.items.length} lượt đề nghị của ${people} cá nhân.`);
  });

  it('applies the list’s filters and refuses an unknown award', async () => {
    const res = await post('/api/v1/eligibility/eligible-now/pdf', officer, {
      awards: ['CSTD_TQ'],
      year: 2025,
      onlyNew: true,
    });
    expect(res.statusCode).toBe(201);
    const all = (await readPdf((await download(res.json().id)).bytes)).text.join(' ');
    expect(all).toContain('Chiến sĩ thi đua toàn quốc');
    expect(all).toContain('chỉ những người mới đủ điều kiện');
    expect(all).toContain('Không có cá nhân nào đủ điều kiện');
    const bad = await post('/api/v1/eligibility/eligible-now/pdf', officer, { awards: ['HUY_HIEU'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
    const outside = await post('/api/v1/eligibility/eligible-now/pdf', officer, { orgUnitId: otherWard.id });
    expect(outside.statusCode).toBe(404);
  });

  it('refuses a list too long for one PDF without taking a number', async () => {
    const before = (await get('/api/v1/documents?limit=1', officer)).json().total;
    const actor: Actor = {
      userId: newId(),
      username: 'canbo',
      fullName: 'Cán bộ',
      roles: ['officer'],
      orgUnitId: ward.id,
      orgUnitName: 'Phường Hoàn Kiếm',
      scopePath: ward.path,
    };
    await expect(issueEligibleList(ctx.deps, actor, { year: 2025 }, 0)).rejects.toMatchObject({
      code: 'document_too_long',
      status: 400,
    });
    expect((await get('/api/v1/documents?limit=1', officer)).json().total).toBe(before);
  });

  it('lists the register in scope, newest first, filtered and paginated', async () => {
    const all = await get('/api/v1/documents?limit=200', officer);
    expect(all.statusCode).toBe(200);
    const body = all.json();
    // 51 records + the admin's record of Tuyết + 2 lists; never the stranger's
    expect(body.total).toBe(54);
    expect(body.items).toHaveLength(54);
    expect(body.items.every((d: { orgUnitId: string }) => d.orgUnitId === ward.id)).toBe(true);
    expect(body.items[0].kind).toBe('eligible_list');
    expect(body.items[0]).not.toHaveProperty('content');
    const lists = (await get('/api/v1/documents?kind=eligible_list', officer)).json();
    expect(lists.total).toBe(2);
    const page = (await get('/api/v1/documents?kind=commendation_record&limit=5&offset=5', officer)).json();
    expect(page).toMatchObject({ total: 52 });
    expect(page.items).toHaveLength(5);
    expect((await get('/api/v1/documents?year=2025', officer)).json()).toEqual({ items: [], total: 0 });
    expect((await get('/api/v1/documents?kind=other', officer)).statusCode).toBe(400);
    expect((await get('/api/v1/documents', admin)).json().total).toBe(55);
  });

  it('keeps an issued document as it was: the database refuses changes', async () => {
    await expect(
      ctx.deps.db.execute(sql`update documents set title = 'x' where id = ${first.id}`),
    ).rejects.toThrow();
    await expect(ctx.deps.db.execute(sql`delete from documents where id = ${first.id}`)).rejects.toThrow();
  });
});
