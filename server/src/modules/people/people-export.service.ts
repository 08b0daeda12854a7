/**
 * "Xuất danh sách": the people list, with the filters of the screen (unit subtree, search), as an Excel
 * workbook built by a background job (a whole city is 200,000 rows): code, name, gender, birth date (a
 * date cell), ethnicity, category, unit, and the ratings of the last three years. Read set-based and
 * streamed (people-export.repository.ts); written row by row (lib/xlsx-writer.ts).
 */
import type { PeopleExportBody } from '../../../../contract/imports';
import type { Job } from '../../../../contract/jobs';
import {
  GENDER_NAMES,
  PERSON_CATEGORY_NAMES,
  RATING_LEVEL_NAMES,
  type RatingLevel,
} from '../../../../contract/vocabulary';
import type { Deps } from '../../deps';
import { todayInVietnam } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { foldAccents } from '../../lib/vietnamese';
import { BORDER, FILLS, XLSX_MIME, dateCell, streamingSheet } from '../../lib/xlsx-writer';
import { can, type Actor } from '../auth/auth.policy';
import { startJob } from '../jobs/jobs.service';
import type { JobContext, JobHandler, JobOutcome } from '../jobs/jobs.worker';
import { getUnitInScope } from '../org-units/org-units.service';
import { canExportPeople } from './people.policy';
import * as repo from './people-export.repository';

const viNumber = (n: number) => n.toLocaleString('vi-VN');

/** What the export job stores as its parameters. */
export type PeopleExportParams = {
  orgUnitId: string;
  q: string | null;
  /** the three years of ratings, oldest first */
  years: number[];
};

/** Start the export of the people list (the filters of the screen) for the actor. */
export async function startPeopleExport(deps: Deps, actor: Actor, body: PeopleExportBody): Promise<Job> {
  if (!can(actor, 'person.read')) throw new AppError('forbidden', 403);
  const unit = await getUnitInScope(deps, actor, body.orgUnitId ?? actor.orgUnitId);
  if (!canExportPeople(actor, unit)) throw new AppError('forbidden', 403);
  const year = Number(todayInVietnam(deps.clock).slice(0, 4));
  const params: PeopleExportParams = {
    orgUnitId: unit.id,
    q: body.q?.trim() ? body.q.trim() : null,
    years: [year - 2, year - 1, year],
  };
  return startJob(deps, actor, { kind: 'people_export', orgUnitId: unit.id, params });
}

const ratingName = (l: RatingLevel | null) => (l ? `${RATING_LEVEL_NAMES[l].vi} nhiệm vụ` : '');

/** The export job: counts, streams the people a page at a time, reports "Đã ghi n/N người". */
export function peopleExportHandler(o: { pageSize?: number; segment?: number } = {}): JobHandler {
  return (ctx) => runPeopleExport(ctx, o.pageSize ?? 1000, o.segment);
}

async function runPeopleExport(ctx: JobContext, pageSize: number, segment?: number): Promise<JobOutcome> {
  const { deps } = ctx;
  const p = ctx.job.params as unknown as PeopleExportParams;
  const actor = await ctx.actor();
  if (!can(actor, 'person.read')) throw new AppError('forbidden', 403);
  const unit = await getUnitInScope(deps, actor, p.orgUnitId);
  if (!canExportPeople(actor, unit)) throw new AppError('forbidden', 403);
  const filter: repo.ExportFilter = {
    unitPath: unit.path,
    words: p.q ? foldAccents(p.q).split(' ').filter(Boolean) : [],
    years: p.years,
  };
  const total = await repo.countForExport(deps.db, filter);
  await ctx.progress(0, total, `Đã ghi 0/${viNumber(total)} người`);
  const header = [
    'STT',
    'Mã cán bộ',
    'Họ và tên',
    'Giới tính',
    'Ngày sinh',
    'Dân tộc',
    'Đối tượng',
    'Đơn vị',
    ...p.years.map((y) => `Xếp loại ${y}`),
  ];
  const sheet = streamingSheet('Danh sách cán bộ', {
    columns: [6, 13, 28, 9, 12, 10, 16, 36, 26, 26, 26].map((width) => ({ width })),
    frozenRows: 4,
  });
  const last = String.fromCharCode(64 + header.length);
  sheet.ws.mergeCells(`A1:${last}1`);
  sheet.ws.mergeCells(`A2:${last}2`);
  await sheet.add(['DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC, NGƯỜI LAO ĐỘNG'], (r) => {
    r.font = { bold: true, size: 13 };
    r.alignment = { horizontal: 'center' };
  });
  const today = todayInVietnam(deps.clock);
  await sheet.add(
    [
      `${unit.name}${p.q ? ` — tìm "${p.q}"` : ''} — ${viNumber(total)} người — lập ngày ` +
        `${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`,
    ],
    (r) => (r.alignment = { horizontal: 'center' }),
  );
  await sheet.add([]);
  await sheet.add(header, (r) => {
    r.font = { bold: true };
    r.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    for (let c = 1; c <= header.length; c++) {
      r.getCell(c).border = BORDER;
      r.getCell(c).fill = FILLS.header;
    }
  });
  let done = 0;
  for await (const page of repo.exportPages(deps.db, filter, pageSize, segment)) {
    ctx.signal.throwIfAborted();
    for (const x of page) {
      done++;
      await sheet.add(
        [
          done,
          x.code ?? '',
          x.full_name,
          GENDER_NAMES[x.gender].vi,
          x.birth_date ? dateCell(x.birth_date) : '',
          x.ethnicity,
          PERSON_CATEGORY_NAMES[x.category].vi,
          x.unit_name,
          ...x.ratings.map(ratingName),
        ],
        (r) => {
          for (let c = 1; c <= header.length; c++) r.getCell(c).border = BORDER;
        },
      );
    }
    const shown = Math.max(total, done);
    await ctx.progress(done, shown, `Đã ghi ${viNumber(done)}/${viNumber(shown)} người`);
  }
  await ctx.progress(done, Math.max(total, done), 'Đang hoàn tất tệp Excel…');
  const bytes = await sheet.finish();
  return {
    result: { people: done, years: p.years },
    message: `Đã xuất ${viNumber(done)} người của ${unit.name}.`,
    file: {
      name: `Danh sách cán bộ – ${unit.name.replace(/[\\/:*?"<>|]/g, ' ')}.xlsx`,
      mime: XLSX_MIME,
      bytes,
    },
  };
}
