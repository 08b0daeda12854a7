import { rm } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW, loginAs, testConfig } from '../../../test/app';
import { TEST_DB_KINDS, createTestDb } from '../../../test/db';
import { createPerson, createUnit, createUser } from '../../../test/factories';
import { cfbBytes, multipart, pngBytes } from '../../../test/file-fixtures';
import { day, ratingSheet, type SheetCell } from '../../../test/rating-sheets';
import { buildApp } from '../../app';
import { rowsOf, type Database } from '../../db/client';
import type { Deps } from '../../deps';
import { fixedClock } from '../../lib/clock';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(TEST_DB_KINDS)('Excel import of year-end ratings on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let deps: Deps;
  let ward: { id: string; name: string };
  let school: { id: string; name: string };
  let otherWard: { id: string };
  let officer: string;
  let head: string;
  let otherOfficer: string;
  let board: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await createTestDb(kind);
    deps = { db: database.db, dbKind: database.kind, clock: fixedClock(TEST_NOW), config: testConfig() };
    app = (await buildApp(deps, {
      jobs: { worker: { pollMs: 10, heartbeatMs: 50, sweepMs: 100 } },
    })) as unknown as FastifyInstance;
    await app.ready();
    const db = deps.db;
    const city = await createUnit(db, { name: 'Thành phố Thử nghiệm' });
    ward = await createUnit(db, { parentId: city.id, name: 'Phường Hoàn Kiếm' });
    school = await createUnit(db, {
      parentId: ward.id,
      name: 'Trường Tiểu học Tràng An',
      kind: 'public_service',
    });
    otherWard = await createUnit(db, { parentId: city.id, name: 'Phường Cửa Nam' });
    const add = async (key: string, o: Parameters<typeof createPerson>[1]) => {
      ids[key] = (await createPerson(db, o)).id;
    };
    await add('duc', {
      orgUnitId: ward.id,
      fullName: 'Nguyễn Văn Đức',
      code: 'HK-000001',
      birthDate: '1985-05-20',
    });
    await add('anh', {
      orgUnitId: ward.id,
      fullName: 'Trần Thị Ánh',
      birthDate: '1990-01-02',
      gender: 'female',
    });
    await add('lan1', {
      orgUnitId: school.id,
      fullName: 'Lê Thị Lan',
      birthDate: '1988-03-04',
      code: 'TA-01',
    });
    await add('lan2', {
      orgUnitId: school.id,
      fullName: 'Lê Thị Lan',
      birthDate: '1988-03-04',
      code: 'TA-02',
    });
    await add('far', { orgUnitId: otherWard.id, fullName: 'Phạm Văn Xa', birthDate: '1970-07-07' });
    officer = await loginAs(app, await createUser(db, { orgUnitId: ward.id, roles: ['officer'] }));
    head = await loginAs(app, await createUser(db, { orgUnitId: ward.id, roles: ['head'] }));
    otherOfficer = await loginAs(app, await createUser(db, { orgUnitId: otherWard.id, roles: ['officer'] }));
    board = await loginAs(app, await createUser(db, { orgUnitId: city.id, roles: ['board'] }));
    await app.jobWorker.start();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await rm(deps.config.filesDir, { recursive: true, force: true });
  });

  const count = async (q: ReturnType<typeof sql>) =>
    Number(rowsOf<{ n: number }>(await deps.db.execute(q))[0]!.n);
  const ratingsOf = async (year: number) =>
    Object.fromEntries(
      rowsOf<{ person_id: string; level: string; version: number }>(
        await deps.db.execute(sql`select person_id, level, version from ratings where year = ${year}`),
      ).map((r) => [r.person_id, { level: r.level, version: Number(r.version) }]),
    );

  function upload(unitId: string, bytes: Buffer, o: { cookie?: string; year?: number; name?: string } = {}) {
    const body = multipart([{ filename: o.name ?? 'xep-loai.xlsx', data: bytes }]);
    return app.inject({
      method: 'POST',
      url: `/api/v1/org-units/${unitId}/rating-imports?year=${o.year ?? 2025}`,
      headers: { ...body.headers, cookie: o.cookie ?? officer },
      payload: body.payload,
    });
  }

  async function finished(jobId: string, cookie = officer) {
    for (let i = 0; i < 3000; i++) {
      const job = (
        await app.inject({ method: 'GET', url: `/api/v1/jobs/${jobId}`, headers: { cookie } })
      ).json();
      if (!['queued', 'running'].includes(job.status)) return job;
      await sleep(10);
    }
    throw new Error('the import did not finish');
  }

  async function importFile(unitId: string, rows: SheetCell[][], o: Parameters<typeof upload>[2] = {}) {
    const res = await upload(unitId, await ratingSheet({ rows }), o);
    expect(res.statusCode, res.body).toBe(202);
    return finished(res.json().id, o.cookie);
  }

  async function reportOf(jobId: string) {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/jobs/${jobId}/output`,
      headers: { cookie: officer },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: (string | number | null)[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      rows[n] = Array.from((row.values as unknown[]).slice(1), (v) =>
        v instanceof Date ? v.toISOString().slice(0, 10) : ((v ?? null) as string | number | null),
      );
    });
    return { ws, rows };
  }

  const GOOD: SheetCell[][] = [
    [1, 'HK-000001', 'Nguyễn Văn Đức', day('1985-05-20'), null, 'Hoàn thành xuất sắc nhiệm vụ'],
    [2, null, 'Trần Thị Ánh'.normalize('NFD'), '02/01/1990', 'Phường Hoàn Kiếm', 'hoan thanh tot'],
    [3, 'ta-01', 'Lê Thị Lan', 32206, 'Trường Tiểu học Tràng An', 'HT'],
    [4, 'TA-02', 'Lê Thị Lan', null, null, 'KHT'],
  ];

  it('refuses who may not import: another ward (404), a head (403), no session (401), a cross-site form (403)', async () => {
    const bytes = await ratingSheet({ rows: GOOD });
    expect((await upload(ward.id, bytes, { cookie: otherOfficer })).statusCode).toBe(404);
    expect((await upload(ward.id, bytes, { cookie: head })).statusCode).toBe(403);
    const noSession = multipart([{ filename: 'a.xlsx', data: bytes }]);
    const anon = await app.inject({
      method: 'POST',
      url: `/api/v1/org-units/${ward.id}/rating-imports?year=2025`,
      headers: noSession.headers,
      payload: noSession.payload,
    });
    expect(anon.statusCode).toBe(401);
    const crossSite = multipart([{ filename: 'a.xlsx', data: bytes }], { uploadHeader: false });
    const forged = await app.inject({
      method: 'POST',
      url: `/api/v1/org-units/${ward.id}/rating-imports?year=2025`,
      headers: { ...crossSite.headers, cookie: officer },
      payload: crossSite.payload,
    });
    expect(forged.statusCode).toBe(403);
    expect((await upload(ward.id, bytes, { year: 2027 })).json().code).toBe('year_in_future');
    expect(await count(sql`select count(*)::int as n from jobs where kind = 'ratings_import'`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from files`)).toBe(0);
  });

  it('refuses a file that is not a spreadsheet at once: a PNG named .xlsx, an old .xls', async () => {
    const png = await upload(ward.id, pngBytes(), { name: 'xep-loai.xlsx' });
    expect(png.statusCode).toBe(415);
    expect(png.json().code).toBe('import_not_spreadsheet');
    expect(png.json().message).toContain('PNG');
    const xls = await upload(ward.id, cfbBytes(['Workbook']), { name: 'xep-loai.xls' });
    expect(xls.statusCode).toBe(415);
    expect(xls.json()).toMatchObject({ code: 'import_not_spreadsheet' });
    expect(xls.json().message).toContain('.xls');
    expect(await count(sql`select count(*)::int as n from files`)).toBe(0);
  });

  it('writes nothing when one row is refused, and the report names the row and the reason', async () => {
    const rows = [...GOOD, [5, null, 'Phạm Văn Xa', day('1970-07-07'), null, 'Tốt']];
    const job = await importFile(ward.id, rows);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({
      outcome: 'refused',
      year: 2025,
      rows: 5,
      counts: { added: 0, changed: 0, unchanged: 0, refused: 1 },
      byProblem: { import_person_not_found: 1, import_unknown_rating: 1 },
    });
    expect(job.result.problems).toEqual([
      {
        row: 9,
        name: 'Phạm Văn Xa',
        code: 'import_unknown_rating',
        message: expect.stringMatching(
          /"Tốt" không có trong quy định.*Không tìm thấy Phạm Văn Xa, sinh ngày 07\/07\/1970, trong Phường Hoàn Kiếm/,
        ),
      },
    ]);
    expect(job.message).toMatch(/^KHÔNG GHI DÒNG NÀO: 1\/5 dòng bị từ chối/);
    expect(await ratingsOf(2025)).toEqual({});
    const { rows: report } = await reportOf(job.id);
    expect(report[2]![0]).toMatch(/^KHÔNG GHI DÒNG NÀO/);
    expect(report[8]).toEqual([
      'STT',
      'Mã cán bộ',
      'Họ và tên',
      'Ngày sinh',
      'Đơn vị',
      'Xếp loại',
      'Kết quả',
      'Lý do',
    ]);
    expect(report[13]!.slice(0, 7)).toEqual([5, null, 'Phạm Văn Xa', '1970-07-07', null, 'Tốt', 'Từ chối']);
    expect(report[13]![7]).toContain('"Tốt" không có trong quy định');
    expect(report[9]!.slice(3, 7)).toEqual(['1985-05-20', null, 'Hoàn thành xuất sắc nhiệm vụ', 'Hợp lệ']);
  });

  it('writes every row of a correct file in one go, then re-importing changes nothing', async () => {
    const waitingBefore = await count(sql`select count(*)::int as n from eligibility_stale`);
    const job = await importFile(ward.id, GOOD);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({
      outcome: 'written',
      counts: { added: 4, changed: 0, unchanged: 0, refused: 0 },
    });
    expect(await ratingsOf(2025)).toEqual({
      [ids.duc!]: { level: 'HTXS', version: 1 },
      [ids.anh!]: { level: 'HTT', version: 1 },
      [ids.lan1!]: { level: 'HT', version: 1 },
      [ids.lan2!]: { level: 'KHT', version: 1 },
    });
    const audits = rowsOf<{ after: Record<string, unknown>; entity_id: string }>(
      await deps.db.execute(sql`select after, entity_id from audit_log where action = 'rating.import'`),
    );
    expect(audits).toHaveLength(1);
    expect(audits[0]!.entity_id).toBe(ward.id);
    expect(audits[0]!.after).toMatchObject({
      year: 2025,
      rows: 4,
      added: 4,
      written: 4,
      fileName: 'xep-loai.xlsx',
    });
    expect(audits[0]!.after.sha256).toMatch(/^[0-9a-f]{64}$/);
    // a small import is judged for eligibility before it commits: it leaves nobody waiting
    expect(await count(sql`select count(*)::int as n from eligibility_stale`)).toBe(waitingBefore);

    const again = await importFile(ward.id, GOOD);
    expect(again.result.counts).toEqual({ added: 0, changed: 0, unchanged: 4, refused: 0 });
    expect((await ratingsOf(2025))[ids.duc!]).toEqual({ level: 'HTXS', version: 1 });

    const changed = await importFile(ward.id, [
      GOOD[0]!.map((c, i) => (i === 5 ? 'HT' : c)),
      ...GOOD.slice(1),
    ]);
    expect(changed.result.counts).toEqual({ added: 0, changed: 1, unchanged: 3, refused: 0 });
    expect(changed.result.changes).toEqual([{ row: 5, name: 'Nguyễn Văn Đức', from: 'HTXS', to: 'HT' }]);
    expect((await ratingsOf(2025))[ids.duc!]).toEqual({ level: 'HT', version: 2 });
    const { rows: report } = await reportOf(changed.id);
    expect(report[2]![0]).toMatch(/^ĐÃ GHI 4 kết quả xếp loại năm 2025: 0 mới, 1 thay đổi, 3 không đổi/);
    expect(report[9]!.slice(6)).toEqual(['Thay đổi', 'Hoàn thành xuất sắc nhiệm vụ → Hoàn thành nhiệm vụ']);
    expect(report[10]![6]).toBe('Không đổi');
  });

  it('refuses ambiguous people, strangers, duplicates and unknown units row by row', async () => {
    const job = await importFile(ward.id, [
      [1, null, 'Lê Thị Lan', day('1988-03-04'), null, 'HT'],
      [2, null, 'Phạm Văn Xa', day('1970-07-07'), null, 'HT'],
      [3, 'HK-000001', 'Nguyễn Văn Đức', null, null, 'HT'],
      [4, null, 'Nguyễn Văn Đức', day('1985-05-20'), null, 'HTT'],
      [5, null, 'Trần Thị Ánh', day('1990-01-02'), 'Phường Không Có', 'HTT'],
      [6, null, 'Trần Thị Ánh', '31/02/1990', null, 'HTT'],
      [7, 'HK-000001', 'Nguyễn Văn Dức', null, null, 'HTT'],
    ]);
    expect(job.result.problems.map((p: { row: number; code: string }) => [p.row, p.code])).toEqual([
      [5, 'import_person_ambiguous'],
      [6, 'import_person_not_found'],
      [8, 'import_duplicate_row'],
      [9, 'import_unknown_unit'],
      [10, 'import_bad_date'],
      [11, 'import_code_mismatch'],
    ]);
    expect(job.result.outcome).toBe('refused');
  });

  it('fails the job with the file’s problem when the sheet has no usable header', async () => {
    const res = await upload(
      ward.id,
      await ratingSheet({ header: ['STT', 'Họ và tên', 'Kết quả'], rows: [[1, 'A', 'HT']] }),
    );
    const job = await finished(res.json().id);
    expect(job.status).toBe('failed');
    expect(job.error.code).toBe('import_missing_columns');
    expect(job.error.message).toContain('"Xếp loại"');
    const merged = await upload(
      ward.id,
      await ratingSheet({
        header: ['STT', 'Họ và tên', '', 'Ngày sinh', 'Xếp loại'],
        rows: [[1, 'Nguyễn Văn', 'Đức', day('1985-05-20'), 'HT']],
        merges: ['B4:C4'],
      }),
    );
    expect((await finished(merged.json().id)).error.code).toBe('import_merged_header');
  });

  it('lets the board import for a unit of the city, and an officer never outside their ward', async () => {
    const job = await importFile(otherWard.id, [[1, null, 'Phạm Văn Xa', day('1970-07-07'), null, 'HTT']], {
      cookie: board,
      year: 2024,
    });
    expect(job.result.counts.added).toBe(1);
    const outside = await importFile(ward.id, [[1, null, 'Phạm Văn Xa', day('1970-07-07'), null, 'HTT']], {
      year: 2024,
    });
    expect(outside.result.problems[0].code).toBe('import_person_not_found');
  });

  it('gives the unit’s template: its people with code, name, birth date and unit, the rating empty', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/org-units/${ward.id}/rating-imports/template?year=2025`,
      headers: { cookie: officer },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(4).values).toEqual([
      undefined,
      'STT',
      'Mã cán bộ',
      'Họ và tên',
      'Ngày sinh',
      'Đơn vị',
      'Xếp loại năm 2025',
    ]);
    const people: unknown[][] = [];
    for (let r = 5; r <= ws.rowCount; r++) {
      people.push([1, 2, 3, 4, 5, 6].map((c) => ws.getRow(r).getCell(c).value ?? ''));
    }
    // by unit, then in Vietnamese order of the given name (Ánh before Đức)
    expect(people.slice(0, 2)).toEqual([
      [1, '', 'Trần Thị Ánh', new Date('1990-01-02T00:00:00Z'), 'Phường Hoàn Kiếm', ''],
      [2, 'HK-000001', 'Nguyễn Văn Đức', new Date('1985-05-20T00:00:00Z'), 'Phường Hoàn Kiếm', ''],
    ]);
    expect(
      people
        .slice(2)
        .map((r) => [r[1], r[2], r[4]])
        .sort(),
    ).toEqual([
      ['TA-01', 'Lê Thị Lan', 'Trường Tiểu học Tràng An'],
      ['TA-02', 'Lê Thị Lan', 'Trường Tiểu học Tràng An'],
    ]);
    expect(ws.getCell('D5').numFmt).toBe('dd/mm/yyyy');
    for (const [cookie, status] of [
      [otherOfficer, 404],
      [head, 403],
    ] as const) {
      const r = await app.inject({
        method: 'GET',
        url: `/api/v1/org-units/${ward.id}/rating-imports/template`,
        headers: { cookie },
      });
      expect(r.statusCode).toBe(status);
    }
  });

  it('imports the template once filled in', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/org-units/${school.id}/rating-imports/template?year=2023`,
      headers: { cookie: officer },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    for (const r of [5, 6]) {
      ws.getCell(`F${r}`).value = ws.getCell(`B${r}`).value === 'TA-01' ? 'Hoàn thành tốt nhiệm vụ' : 'HTXS';
    }
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const up = await upload(school.id, filled, { year: 2023 });
    const job = await finished(up.json().id);
    expect(job.result).toMatchObject({ outcome: 'written', counts: { added: 2 } });
    const stored = await ratingsOf(2023);
    expect(stored[ids.lan1!]!.level).toBe('HTT');
    expect(stored[ids.lan2!]!.level).toBe('HTXS');
  });
});
