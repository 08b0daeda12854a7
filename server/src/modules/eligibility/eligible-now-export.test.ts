import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW, loginAs, testConfig } from '../../../test/app';
import { TEST_DB_KINDS, createTestDb } from '../../../test/db';
import { createPerson, createUnit, createUser, giveRecord } from '../../../test/factories';
import { buildApp } from '../../app';
import type { Database } from '../../db/client';
import type { Deps } from '../../deps';
import { fixedClock } from '../../lib/clock';
import { MAX_UNFINISHED_JOBS_PER_USER } from '../jobs/jobs.service';
import { eligibleNowExportHandler, PROPOSAL_AWARDS } from './eligibility.service';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CHUNK = 3;

describe.each(TEST_DB_KINDS)('eligible-now Excel export as a background job on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let deps: Deps;
  let board: string;
  let officer: string;
  let wardId: string;
  let otherWardId: string;
  const reports: { done: number; total: number | null; message: string | null }[] = [];

  beforeAll(async () => {
    database = await createTestDb(kind);
    deps = {
      db: database.db,
      dbKind: database.kind,
      clock: fixedClock(TEST_NOW),
      config: testConfig(),
    };
    app = (await buildApp(deps, {
      jobs: {
        handlers: {
          // the real handler; its reports are kept, and slowed so that polling sees them
          eligible_now_export: (ctx) =>
            eligibleNowExportHandler({ chunkSize: CHUNK })({
              ...ctx,
              progress: async (done, total, message) => {
                reports.push({ done, total, message: message ?? null });
                await ctx.progress(done, total, message);
                await sleep(25);
              },
            }),
        },
        worker: { pollMs: 10, heartbeatMs: 50, sweepMs: 100 },
      },
    })) as unknown as FastifyInstance;
    await app.ready();
    const db = deps.db;
    const city = await createUnit(db, { name: 'Thành phố Hà Nội' });
    const ward = await createUnit(db, { parentId: city.id, name: 'Phường Hoàn Kiếm' });
    const otherWard = await createUnit(db, { parentId: city.id, name: 'Phường Cửa Nam' });
    wardId = ward.id;
    otherWardId = otherWard.id;
    const star = await createPerson(db, { orgUnitId: ward.id, fullName: 'Nguyễn Văn Đức' });
    const starOther = await createPerson(db, {
      orgUnitId: otherWard.id,
      fullName: 'Trần Thị Lan',
      gender: 'female',
    });
    await giveRecord(deps.db, star.id, {
      years: [2021, 2022, 2023, 2024, 2025],
      cstdcs: [2023, 2024, 2025],
      scope: 'BO_TINH',
    });
    await giveRecord(deps.db, starOther.id, {
      years: [2023, 2024, 2025],
      cstdcs: [2023, 2024, 2025],
      scope: 'BO_TINH',
    });
    for (let i = 0; i < 8; i++) {
      const p = await createPerson(db, {
        orgUnitId: i % 2 ? ward.id : otherWard.id,
        fullName: `Lê Văn Bình ${i}`,
      });
      await giveRecord(deps.db, p.id, { years: [2024, 2025], cstdcs: [] });
    }
    board = await loginAs(app, await createUser(db, { orgUnitId: city.id, roles: ['board'] }));
    officer = await loginAs(app, await createUser(db, { orgUnitId: ward.id, roles: ['officer'] }));
    await app.jobWorker.start();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const get = (url: string, cookie?: string) =>
    app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
  const startExport = (cookie: string | undefined, payload: object) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/eligibility/eligible-now/export-jobs',
      headers: cookie ? { cookie } : {},
      payload,
    });

  /** Poll the job over HTTP as the web page does, keeping every progress seen. */
  async function follow(id: string, cookie: string) {
    const seen: { done: number; total: number | null; message: string | null }[] = [];
    for (let i = 0; i < 2000; i++) {
      const job = (await get(`/api/v1/jobs/${id}`, cookie)).json();
      seen.push({ ...job.progress, message: job.message });
      if (!['queued', 'running'].includes(job.status)) return { job, seen };
      await sleep(2);
    }
    throw new Error('the export did not finish');
  }

  async function workbookOf(id: string, cookie: string) {
    const res = await get(`/api/v1/jobs/${id}/output`, cookie);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Đủ điều kiện đề nghị')!;
    const rows: { name: string; unit: string; award: string }[] = [];
    for (let r = 5; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      rows.push({
        name: String(row.getCell(2).value),
        unit: String(row.getCell(3).value),
        award: String(row.getCell(4).value),
      });
    }
    return { res, ws, rows };
  }

  it('exports the whole city in chunks, reporting people done, into the same rows as the list', async () => {
    const res = await startExport(board, { year: 2025, asOf: '2026-01-15' });
    expect(res.statusCode).toBe(202);
    const started = res.json();
    expect(res.headers.location).toBe(`/api/v1/jobs/${started.id}`);
    expect(started).toMatchObject({
      kind: 'eligible_now_export',
      status: 'queued',
      orgUnitName: 'Thành phố Hà Nội',
      params: { year: 2025, asOf: '2026-01-15', onlyNew: false, awards: [...PROPOSAL_AWARDS] },
    });

    const { job, seen } = await follow(started.id, board);
    expect(job).toMatchObject({
      status: 'succeeded',
      progress: { done: 10, total: 10 },
      result: { people: 10, year: 2025 },
    });
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
    // each chunk of people reported as it was judged, and seen from outside while running
    expect(reports.map((r) => r.message)).toEqual([
      'Đã xét 0/10 người',
      'Đã xét 3/10 người',
      'Đã xét 6/10 người',
      'Đã xét 9/10 người',
      'Đã xét 10/10 người',
      expect.stringMatching(/^Đang ghi tệp Excel \(\d+ dòng\)…$/),
    ]);
    expect(seen.some((s) => s.done > 0 && s.done < 10 && s.message === `Đã xét ${s.done}/10 người`)).toBe(
      true,
    );
    expect(job.message).toMatch(/^Đã xét 10 người: \d+ lượt đủ điều kiện\.$/);

    const list = (await get('/api/v1/eligibility/eligible-now?year=2025&asOf=2026-01-15', board)).json()
      .items as { fullName: string; orgUnitName: string; awardName: string }[];
    expect(list.length).toBeGreaterThanOrEqual(2);
    const { res: file, ws, rows } = await workbookOf(started.id, board);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const disposition = String(file.headers['content-disposition']);
    expect(disposition).toContain('filename="Du dieu kien de nghi 2025 _ Thanh pho Ha Noi.xlsx"');
    const star = /filename\*=UTF-8''(.+)$/.exec(disposition)![1]!;
    expect(decodeURIComponent(star)).toBe('Đủ điều kiện đề nghị 2025 – Thành phố Hà Nội.xlsx');
    expect(String(ws.getCell('A1').value)).toContain('NĂM 2025');
    expect(String(ws.getCell('A2').value)).toContain('Thành phố Hà Nội');
    expect(rows).toEqual(list.map((r) => ({ name: r.fullName, unit: r.orgUnitName, award: r.awardName })));
    expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['Nguyễn Văn Đức', 'Trần Thị Lan']));
    expect(job.result.rows).toBe(rows.length);
  });

  it('takes the synchronous export’s filters: one unit, chosen awards', async () => {
    const res = await startExport(officer, {
      orgUnitId: wardId,
      awards: ['CSTD_BO_TINH'],
      year: 2025,
      asOf: '2026-01-15',
    });
    expect(res.statusCode).toBe(202);
    const { job } = await follow(res.json().id, officer);
    expect(job).toMatchObject({ status: 'succeeded', progress: { done: 5, total: 5 } });
    const { rows } = await workbookOf(job.id, officer);
    expect(rows).toEqual([
      { name: 'Nguyễn Văn Đức', unit: 'Phường Hoàn Kiếm', award: 'Chiến sĩ thi đua bộ, ban, ngành, tỉnh' },
    ]);
    // another user, even one above in the tree who is not an administrator, does not see it
    expect((await get(`/api/v1/jobs/${job.id}`, board)).statusCode).toBe(404);
  });

  it('refuses bad filters, units outside the scope, and anonymous users', async () => {
    const bad = await startExport(officer, { awards: ['HUY_HIEU'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('HUY_HIEU');
    expect((await startExport(officer, { year: 1800 })).statusCode).toBe(400);
    expect((await startExport(officer, { extra: true })).statusCode).toBe(400);
    expect((await startExport(officer, { orgUnitId: otherWardId })).statusCode).toBe(404);
    expect((await startExport(undefined, {})).statusCode).toBe(401);
  });

  it('answers 429 too_many_jobs beyond the limit, under 50 parallel requests', async () => {
    await app.jobWorker.stop(); // nothing runs: every accepted job stays unfinished
    const cookie = await loginAs(app, await createUser(deps.db, { orgUnitId: wardId, roles: ['officer'] }));
    const results = await Promise.all(
      Array.from({ length: 50 }, () => startExport(cookie, { orgUnitId: wardId })),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 202)).toHaveLength(MAX_UNFINISHED_JOBS_PER_USER);
    expect(codes.filter((c) => c === 429)).toHaveLength(50 - MAX_UNFINISHED_JOBS_PER_USER);
    const refused = results.find((r) => r.statusCode === 429)!.json();
    expect(refused.code).toBe('too_many_jobs');
    expect(refused.message).toMatch(/quá nhiều công việc/);
    const listed = (await get('/api/v1/jobs?status=queued', cookie)).json();
    expect(listed.total).toBe(MAX_UNFINISHED_JOBS_PER_USER);
    // cancelling one makes room for one more
    const cancel = await app.inject({
      method: 'POST',
      url: `/api/v1/jobs/${listed.items[0].id}/cancel`,
      headers: { cookie },
    });
    expect(cancel.json().status).toBe('cancelled');
    expect((await startExport(cookie, { orgUnitId: wardId })).statusCode).toBe(202);
    expect((await startExport(cookie, { orgUnitId: wardId })).statusCode).toBe(429);
  });
});
