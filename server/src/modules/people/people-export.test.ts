import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW, loginAs, testConfig } from '../../../test/app';
import { TEST_DB_KINDS, createTestDb } from '../../../test/db';
import { createPerson, createUnit, createUser } from '../../../test/factories';
import { buildApp } from '../../app';
import type { Database } from '../../db/client';
import type { Deps } from '../../deps';
import { fixedClock } from '../../lib/clock';
import { newId } from '../../lib/ids';
import { peopleExportHandler } from './people-export.service';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(TEST_DB_KINDS)('the people list exported to Excel on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let deps: Deps;
  let ward: { id: string };
  let school: { id: string };
  let otherWard: { id: string };
  let officer: string;
  let otherOfficer: string;
  const reports: string[] = [];

  beforeAll(async () => {
    database = await createTestDb(kind);
    deps = { db: database.db, dbKind: database.kind, clock: fixedClock(TEST_NOW), config: testConfig() };
    app = (await buildApp(deps, {
      // pages of 2 people, segments of 3 on PGlite: the export reads several and reports progress between them
      jobs: {
        handlers: {
          // the real handler; its progress reports are kept
          people_export: (ctx) =>
            peopleExportHandler({ pageSize: 2, segment: 3 })({
              ...ctx,
              progress: async (done, total, message) => {
                reports.push(message ?? '');
                await ctx.progress(done, total, message);
              },
            }),
        },
        worker: { pollMs: 10 },
      },
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
    const duc = await createPerson(db, {
      orgUnitId: ward.id,
      fullName: 'Nguyễn Văn Đức',
      code: 'HK-000001',
      birthDate: '1985-05-20',
    });
    await createPerson(db, {
      orgUnitId: ward.id,
      fullName: 'Trần Thị Ánh',
      gender: 'female',
      birthDate: null,
    });
    await createPerson(db, {
      orgUnitId: school.id,
      fullName: 'Lê Văn Bình',
      code: 'TA-7',
      birthDate: '1990-12-31',
    });
    await createPerson(db, { orgUnitId: school.id, fullName: 'Đỗ Thị Dung', gender: 'female' });
    await createPerson(db, { orgUnitId: otherWard.id, fullName: 'Phạm Văn Xa' });
    for (const [year, level] of [
      [2023, 'HT'],
      [2024, 'HTT'],
      [2026, 'HTXS'],
      [2020, 'KHT'],
    ] as const) {
      await db.execute(
        sql`insert into ratings (id, person_id, year, level) values (${newId()}, ${duc.id}, ${year}, ${level})`,
      );
    }
    officer = await loginAs(app, await createUser(db, { orgUnitId: ward.id, roles: ['officer'] }));
    otherOfficer = await loginAs(app, await createUser(db, { orgUnitId: otherWard.id, roles: ['officer'] }));
    await app.jobWorker.start();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  interface Exported {
    status: number;
    job?: { id: string; result: unknown };
    ws?: ExcelJS.Worksheet;
    name?: string;
  }

  async function exportList(payload: object, cookie = officer): Promise<Exported> {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/people/export-jobs',
      headers: { cookie },
      payload,
    });
    if (res.statusCode !== 202) return { status: res.statusCode };
    for (;;) {
      const job = (
        await app.inject({ method: 'GET', url: `/api/v1/jobs/${res.json().id}`, headers: { cookie } })
      ).json();
      if (!['queued', 'running'].includes(job.status)) {
        expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
        const out = await app.inject({
          method: 'GET',
          url: `/api/v1/jobs/${job.id}/output`,
          headers: { cookie },
        });
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(out.rawPayload as unknown as ArrayBuffer);
        return {
          status: 202,
          job,
          ws: wb.worksheets[0]!,
          name: String(out.headers['content-disposition']),
        };
      }
      await sleep(5);
    }
  }

  const rowsOf = (ws: ExcelJS.Worksheet) => {
    const out: unknown[][] = [];
    for (let r = 5; r <= ws.rowCount; r++) {
      out.push(Array.from({ length: 11 }, (_, c) => ws.getRow(r).getCell(c + 1).value ?? null));
    }
    return out;
  };

  it('exports the subtree by unit then name, with codes, date cells and the last three years of ratings', async () => {
    const r = await exportList({});
    const { ws, job } = r;
    if (!ws || !job) throw new Error(`refused: ${r.status}`);
    expect(job.result).toEqual({ people: 4, years: [2024, 2025, 2026] });
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual([
      'STT',
      'Mã cán bộ',
      'Họ và tên',
      'Giới tính',
      'Ngày sinh',
      'Dân tộc',
      'Đối tượng',
      'Đơn vị',
      'Xếp loại 2024',
      'Xếp loại 2025',
      'Xếp loại 2026',
    ]);
    expect(rowsOf(ws)).toEqual([
      [1, null, 'Trần Thị Ánh', 'Nữ', null, 'Kinh', 'Công chức', 'Phường Hoàn Kiếm', null, null, null],
      [
        2,
        'HK-000001',
        'Nguyễn Văn Đức',
        'Nam',
        new Date('1985-05-20T00:00:00Z'),
        'Kinh',
        'Công chức',
        'Phường Hoàn Kiếm',
        'Hoàn thành tốt nhiệm vụ',
        null,
        'Hoàn thành xuất sắc nhiệm vụ',
      ],
      [
        3,
        'TA-7',
        'Lê Văn Bình',
        'Nam',
        new Date('1990-12-31T00:00:00Z'),
        'Kinh',
        'Công chức',
        'Trường Tiểu học Tràng An',
        null,
        null,
        null,
      ],
      [
        4,
        null,
        'Đỗ Thị Dung',
        'Nữ',
        new Date('1985-05-20T00:00:00Z'),
        'Kinh',
        'Công chức',
        'Trường Tiểu học Tràng An',
        null,
        null,
        null,
      ],
    ]);
    expect(ws.getCell('E6').numFmt).toBe('dd/mm/yyyy');
    expect(reports).toContain('Đã ghi 2/4 người');
    expect(r.name).toContain('attachment');
  });

  it('follows the filters of the list: a unit of the subtree, and the accent-free search', async () => {
    const school1 = await exportList({ orgUnitId: school.id });
    expect(rowsOf(school1.ws!).map((x) => x[2])).toEqual(['Lê Văn Bình', 'Đỗ Thị Dung']);
    const found = await exportList({ q: 'van duc' });
    expect(rowsOf(found.ws!).map((x) => x[2])).toEqual(['Nguyễn Văn Đức']);
  });

  it('never exports outside the user’s scope', async () => {
    expect((await exportList({ orgUnitId: otherWard.id })).status).toBe(404);
    const mine = await exportList({}, otherOfficer);
    expect(rowsOf(mine.ws!).map((x) => x[2])).toEqual(['Phạm Văn Xa']);
  });
});
