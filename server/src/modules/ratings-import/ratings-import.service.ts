/**
 * Excel import of a unit's year-end ratings (the officer's usual spreadsheet), all or nothing, as a
 * background job; and the unit's template to fill.
 *
 * 1. The route checks who may import for the unit before reading a byte, takes the upload (it must be an
 *    .xlsx by its content), stores it and queues the job in one unit of work.
 * 2. The job reads the sheet (`lib/xlsx-reader.ts`, then the pure `domain/ratings-import`), reads the
 *    unit's people a page at a time, and finds who each row names.
 * 3. If any row is refused, nothing is written: the report says which rows and why. Otherwise every rating
 *    is written in one transaction, set-based (a few statements of thousands of rows, never one per row),
 *    with one audit row for the import; the report says, per row, new / changed (old → new) / unchanged.
 *
 * Eligibility: the triggers on ratings queue each written person, one set-based insert per statement;
 * the unit of work judges them before it commits when they are few, and leaves a large import to the
 * keeper (`refreshOwnChanges`).
 */
import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import {
  MAX_IMPORT_ROWS,
  MAX_LISTED_PROBLEMS,
  MAX_TEMPLATE_PEOPLE,
  type RatingsImportResult,
} from '../../../../contract/imports';
import type { Job } from '../../../../contract/jobs';
import { ERROR_MESSAGES } from '../../../../contract/errors';
import type { RatingLevel } from '../../../../contract/vocabulary';
import type { Deps } from '../../deps';
import {
  HEADER_SEARCH_ROWS,
  matchRows,
  parseRatingsSheet,
  ratingFullName,
  type MatchedRow,
  type ParsedSheet,
  type ParseResult,
} from '../../domain/ratings-import';
import { todayInVietnam } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { orderedIds } from '../../lib/ids';
import { openXlsx, XlsxError } from '../../lib/xlsx-reader';
import { dateCell, streamingSheet, XLSX_MIME, BORDER, FILLS } from '../../lib/xlsx-writer';
import { unitOfWork } from '../audit/unit-of-work';
import type { Actor } from '../auth/auth.policy';
import * as files from '../files/files.service';
import { queueJob } from '../jobs/jobs.service';
import type { JobContext, JobHandler, JobOutcome } from '../jobs/jobs.worker';
import { writeForKeeper } from '../eligibility/verdicts.service';
import { getUnitInScope } from '../org-units/org-units.service';
import { importReport, outcomeLine, type RowOutcome } from './ratings-import.report';
import { canDownloadTemplate, canImportRatings } from './ratings-import.policy';
import * as repo from './ratings-import.repository';

const viNumber = (n: number) => n.toLocaleString('vi-VN');

/** People read per query while matching, and ratings written per statement. */
export const IMPORT_CHUNK = 10_000;
/** The earliest birth date an import believes. */
const EARLIEST_BIRTH = '1920-01-01';

/** What the job is given (stored as its parameters). */
export type RatingsImportParams = {
  orgUnitId: string;
  year: number;
  fileId: string;
  fileName: string;
  sha256: string;
};

function checkYear(deps: Deps, year: number) {
  const thisYear = Number(todayInVietnam(deps.clock).slice(0, 4));
  if (year > thisYear) {
    throw new AppError('year_in_future', 400, `Năm ${year} ở tương lai (năm hiện tại là ${thisYear}).`);
  }
}

/** Checked before any byte of an upload is read: the unit (404 outside the scope) and the permission. */
export async function assertMayImport(deps: Deps, actor: Actor, unitId: string, year: number) {
  const unit = await getUnitInScope(deps, actor, unitId);
  if (!canImportRatings(actor, unit)) throw new AppError('forbidden', 403);
  checkYear(deps, year);
  return unit;
}

/** What an upload must be: an .xlsx by its content (a PNG renamed .xlsx, an old .xls: refused, saying so). */
export const IMPORT_UPLOAD: files.StageOptions = {
  kinds: ['xlsx'],
  maxFiles: 1,
  refuseKind: (name, detected) =>
    new AppError(
      'import_not_spreadsheet',
      415,
      detected === 'xls'
        ? `Tệp "${name}" là bảng tính Excel 97–2003 (.xls). Hãy mở bằng Excel, lưu lại dạng .xlsx rồi nhập lại.`
        : `Tệp "${name}" không phải bảng tính Excel (.xlsx)${detected ? ` (nội dung là tệp ${detected.toUpperCase()})` : ''}. ` +
            'Hãy chọn tệp Excel đã lưu dạng .xlsx.',
    ),
};

/** Store the uploaded file and queue its import, in one unit of work (both or neither). */
export async function startRatingsImport(
  deps: Deps,
  actor: Actor,
  unitId: string,
  year: number,
  staged: files.Staged,
): Promise<Job> {
  const file = staged.files[0];
  if (!file) throw new AppError('no_file', 400);
  let placed = false;
  try {
    return await unitOfWork(deps, actor, async (uow) => {
      const unit = await getUnitInScope(uow.deps, actor, unitId);
      uow.authorise(canImportRatings(actor, unit), 'hide');
      checkYear(deps, year);
      placed = true;
      const stored = await files.storeStaged(uow, file, unit.id);
      const params: RatingsImportParams = {
        orgUnitId: unit.id,
        year,
        fileId: stored.id,
        fileName: stored.name,
        sha256: stored.sha256,
      };
      // a refused file is refused again on every attempt: one is enough
      return queueJob(uow, { kind: 'ratings_import', orgUnitId: unit.id, params, maxAttempts: 2 });
    });
  } catch (e) {
    // rolled back: the blob it placed may now belong to no stored file
    if (placed) await files.collectBlob(deps, file.sha256).catch(() => undefined);
    throw e;
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The bytes of the stored upload. */
async function storedBytes(deps: Deps, fileId: string): Promise<Buffer> {
  const row = await files.findFile(deps, fileId);
  if (!row) throw new AppError('not_found', 404, 'Tệp cần nhập không còn trên máy chủ; hãy tải lên lại.');
  return readAll((await files.openFile(deps, row)).stream);
}

export interface ReadSheet {
  parsed: ParsedSheet;
  date1904: boolean;
}

/**
 * Read the workbook: the first visible sheet with a header (a file whose first sheet is instructions
 * still imports). File-level problems become the job's error, with their code.
 */
export function readRatingsWorkbook(bytes: Buffer, year: number, today: string): ReadSheet {
  let wb: ReturnType<typeof openXlsx>;
  try {
    wb = openXlsx(bytes);
  } catch (e) {
    if (e instanceof XlsxError) {
      throw new AppError(
        'import_not_spreadsheet',
        400,
        e.reason === 'encrypted'
          ? 'Tệp Excel được đặt mật khẩu; hãy bỏ mật khẩu rồi nhập lại.'
          : e.reason === 'too_large'
            ? 'Tệp Excel quá lớn sau khi giải nén; hãy chia thành nhiều tệp.'
            : ERROR_MESSAGES.import_not_spreadsheet,
      );
    }
    throw e;
  }
  let first: ParseResult | undefined;
  for (let i = 0; i < wb.sheets.length; i++) {
    if (wb.sheets[i]!.hidden) continue;
    let result: ParseResult;
    try {
      const sheet = wb.readSheet(i, { maxRows: MAX_IMPORT_ROWS + HEADER_SEARCH_ROWS + 1 });
      result = parseRatingsSheet(sheet, {
        year,
        birthDates: { from: EARLIEST_BIRTH, to: today },
        date1904: wb.date1904,
        maxRows: MAX_IMPORT_ROWS,
      });
    } catch (e) {
      if (e instanceof XlsxError)
        throw new AppError('import_not_spreadsheet', 400, `${ERROR_MESSAGES.import_not_spreadsheet}`);
      throw e;
    }
    if (result.ok) return { parsed: result, date1904: wb.date1904 };
    first ??= result;
    if (result.problem.code !== 'import_no_header') break;
  }
  if (!first || first.ok) {
    throw new AppError('import_empty', 400, 'Tệp Excel không có trang tính nào có dữ liệu.');
  }
  throw new AppError(first.problem.code, 400, first.problem.message);
}

export interface ImportOutcome {
  result: RatingsImportResult;
  read: ReadSheet;
  rows: MatchedRow[];
  outcomes: RowOutcome[];
  /** seconds spent reading, matching and writing (for the benchmark) */
  timings: { read: number; match: number; write: number };
}

type Progress = (percent: number, message: string, inTransaction?: boolean) => Promise<void>;

/**
 * Parse, check and (when every row is accepted) write an import: the work of the job without its report.
 * `progress` is called between steps; inside the write transaction only on a pool (on PGlite's one
 * connection a report would wait for the transaction it is part of).
 */
export async function importRatings(
  deps: Deps,
  actor: Actor,
  p: RatingsImportParams & { bytes: Buffer },
  progress: Progress,
  o: { chunk?: number } = {},
): Promise<ImportOutcome> {
  const chunk = o.chunk ?? IMPORT_CHUNK;
  const unit = await getUnitInScope(deps, actor, p.orgUnitId);
  if (!canImportRatings(actor, unit)) throw new AppError('forbidden', 403);
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const s = (now - t) / 1000;
    t = now;
    return s;
  };
  const units = await repo.subtreeUnits(deps.db, unit.path);
  const unitIds = units.map((u) => u.id);
  // the people of the subtree with their rating of the year: on a pool, PostgreSQL gathers them while
  // this process reads the workbook; on PGlite's one connection, a page at a time, letting requests in
  const onPool = deps.dbKind === 'postgres';
  const page = onPool ? null : chunk;
  const firstPage = repo.peoplePage(deps.db, unitIds, p.year, null, page);
  firstPage.catch(() => {}); // awaited below; a failure while the workbook is read is reported there
  let read: ReadSheet;
  try {
    read = readRatingsWorkbook(p.bytes, p.year, todayInVietnam(deps.clock));
  } catch (e) {
    await firstPage.catch(() => {});
    throw e;
  }
  const personRows = read.parsed.rows.filter((r) => r.kind === 'person').length;
  const timeRead = lap();
  await progress(
    10,
    `Đã đọc ${viNumber(personRows)} dòng của trang "${read.parsed.sheet}"; đang đối chiếu với danh sách cán bộ…`,
  );

  const total = onPool ? 0 : await repo.countPeople(deps.db, unitIds);
  const people: repo.PersonRow[] = [];
  for (let next: Promise<repo.PersonRow[]> | undefined = firstPage; next;) {
    const got: repo.PersonRow[] = await next;
    for (const r of got) people.push(r);
    next =
      page === null || got.length < page
        ? undefined
        : repo.peoplePage(deps.db, unitIds, p.year, got[got.length - 1]!.id, page);
    if (next) {
      await progress(
        10 + Math.round((30 * people.length) / Math.max(total, people.length, 1)),
        `Đã đọc ${viNumber(people.length)}/${viNumber(Math.max(total, people.length))} cán bộ của ${unit.name} để đối chiếu…`,
      );
    }
  }
  const stored = new Map<string, RatingLevel>();
  for (const x of people) if (x.level) stored.set(x.id, x.level);
  const rows = matchRows(read.parsed.rows, {
    root: units.find((u) => u.id === unit.id)!,
    units,
    people,
  });
  const timeMatch = lap();

  const refused = rows.filter((r) => r.kind === 'person' && r.problems.length > 0);
  const base = {
    year: p.year,
    orgUnitId: unit.id,
    orgUnitName: unit.name,
    fileName: p.fileName,
    sheet: read.parsed.sheet,
    headerRow: read.parsed.headerRow,
    rows: personRows,
    skipped: rows.length - personRows,
  };
  if (refused.length > 0) {
    const byProblem: Record<string, number> = {};
    for (const r of refused) for (const x of r.problems) byProblem[x.code] = (byProblem[x.code] ?? 0) + 1;
    const result: RatingsImportResult = {
      ...base,
      outcome: 'refused',
      counts: { added: 0, changed: 0, unchanged: 0, refused: refused.length },
      byProblem,
      problems: refused.slice(0, MAX_LISTED_PROBLEMS).map((r) => ({
        row: r.row,
        name: r.name ?? null,
        code: r.problems[0]!.code,
        message: r.problems.map((x) => x.message).join(' '),
      })),
      changes: [],
    };
    const outcomes = rows.map((r): RowOutcome =>
      r.kind !== 'person'
        ? { status: 'skipped', reason: '' }
        : r.problems.length > 0
          ? { status: 'refused', reason: r.problems.map((x) => x.message).join(' ') }
          : { status: 'valid', reason: 'Hợp lệ, chưa ghi vì tệp còn dòng bị từ chối.' },
    );
    return { result, read, rows, outcomes, timings: { read: timeRead, match: timeMatch, write: 0 } };
  }

  // every row accepted: written in one transaction, chunk by chunk
  const accepted = rows.filter((r) => r.personId !== undefined);
  await progress(45, `Tất cả ${viNumber(accepted.length)} dòng hợp lệ; đang ghi vào cơ sở dữ liệu…`);
  const written = await unitOfWork(deps, actor, async (uow) => {
    const now = await getUnitInScope(uow.deps, actor, unit.id);
    uow.authorise(canImportRatings(actor, now));
    const nowUnits = (await repo.subtreeUnits(uow.tx, now.path)).map((u) => u.id);
    // what each person had for the year when the people were read (the write settles later changes)
    const before = stored;
    // only what differs is written: new ratings inserted in person order with ids that ascend, changed
    // ones updated; a chunk at a time
    const byPerson = (x: { personId: string }, y: { personId: string }) => (x.personId < y.personId ? -1 : 1);
    const added = accepted
      .filter((r) => !before.has(r.personId!))
      .map((r) => ({ personId: r.personId!, level: r.level! }))
      .sort(byPerson);
    const changed = accepted
      .filter((r) => before.has(r.personId!) && before.get(r.personId!) !== r.level)
      .map((r) => ({ personId: r.personId!, level: r.level! }))
      .sort(byPerson);
    const ids = orderedIds(added.length);
    const people = [...added, ...changed].map((c) => c.personId);
    const total = people.length;
    let done = 0;
    const step = async (n: number) => {
      done += n;
      await progress(
        45 + Math.round((45 * done) / Math.max(total, 1)),
        `Đã ghi ${viNumber(done)}/${viNumber(total)} xếp loại mới hoặc thay đổi…`,
        true,
      );
    };
    const updated = await writeForKeeper(uow.tx, people, async () => {
      for (let i = 0; i < added.length; i += chunk) {
        const part = added.slice(i, i + chunk).map((c, j) => ({ ...c, id: ids[i + j]! }));
        await repo.insertRatings(uow.tx, p.year, part);
        await step(part.length);
      }
      let n = 0;
      for (let i = 0; i < changed.length; i += chunk) {
        const part = changed.slice(i, i + chunk);
        n += await repo.updateRatings(uow.tx, p.year, part);
        await step(part.length);
      }
      return n;
    });
    // every person written still belongs to the unit (someone moved or removed meanwhile: nothing is kept)
    if (updated !== changed.length || (await repo.countInUnits(uow.tx, people, nowUnits)) !== total) {
      throw new AppError(
        'version_conflict',
        409,
        'Danh sách cán bộ của đơn vị đã thay đổi trong lúc nhập (có người chuyển đi hoặc bị xóa); hãy nhập lại tệp.',
      );
    }
    const n = total;
    const counts = { added: 0, changed: 0, unchanged: 0, refused: 0 };
    for (const r of accepted) {
      const old = before.get(r.personId!);
      if (old === undefined) counts.added++;
      else if (old !== r.level) counts.changed++;
      else counts.unchanged++;
    }
    await uow.record({
      action: 'rating.import',
      entityType: 'org_unit',
      entityId: now.id,
      orgUnitId: now.id,
      after: {
        year: p.year,
        fileId: p.fileId,
        fileName: p.fileName,
        sha256: p.sha256,
        sheet: read.parsed.sheet,
        rows: accepted.length,
        written: n,
        ...counts,
      },
    });
    return { before, counts };
  });
  const timeWrite = lap();

  const changes: RatingsImportResult['changes'] = [];
  const outcomes = rows.map((r): RowOutcome => {
    if (r.kind !== 'person') return { status: 'skipped', reason: '' };
    const old = written.before.get(r.personId!);
    if (old === undefined) return { status: 'added', reason: '' };
    if (old === r.level) return { status: 'unchanged', reason: '' };
    if (changes.length < MAX_LISTED_PROBLEMS) {
      changes.push({ row: r.row, name: r.personName ?? r.name ?? '', from: old, to: r.level! });
    }
    return { status: 'changed', reason: `${ratingFullName(old)} → ${ratingFullName(r.level!)}` };
  });
  const result: RatingsImportResult = {
    ...base,
    outcome: 'written',
    counts: written.counts,
    byProblem: {},
    problems: [],
    changes,
  };
  return { result, read, rows, outcomes, timings: { read: timeRead, match: timeMatch, write: timeWrite } };
}

const importedAt = (deps: Deps) => {
  const d = new Date(deps.clock.now().getTime() + 7 * 3600_000).toISOString();
  return `${d.slice(11, 16)} ${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
};

/** The import job: reads, checks, writes (or not), and leaves the report as its file. */
export function ratingsImportHandler(o: { chunk?: number } = {}): JobHandler {
  return async (ctx: JobContext): Promise<JobOutcome> => {
    const { deps } = ctx;
    const p = ctx.job.params as unknown as RatingsImportParams;
    const actor = await ctx.actor();
    await ctx.progress(0, 100, 'Đang đọc tệp Excel…');
    const bytes = await storedBytes(deps, p.fileId);
    const pool = deps.dbKind === 'postgres';
    const out = await importRatings(
      deps,
      actor,
      { ...p, bytes },
      async (percent, message, inTransaction) => {
        if (!inTransaction || pool) await ctx.progress(percent, 100, message);
      },
      o,
    );
    await ctx.progress(92, 100, 'Đang lập báo cáo kết quả…');
    const report = await importReport(out.read.parsed, out.rows, out.outcomes, out.result, {
      date1904: out.read.date1904,
      importedAt: importedAt(deps),
    });
    const stem = p.fileName.replace(/\.xlsx$/i, '');
    return {
      result: out.result,
      message: outcomeLine(out.result),
      file: { name: `Kết quả nhập – ${stem}.xlsx`.slice(0, 200), mime: XLSX_MIME, bytes: report },
    };
  };
}

/**
 * The unit's template: its people (code, name, birth date, unit) in Vietnamese order, by unit, with an
 * empty rating column (a list of the four levels to choose from). A unit whose name another unit of the
 * subtree shares is written by its code, so the file imports back unambiguously.
 */
export async function ratingsTemplate(deps: Deps, actor: Actor, unitId: string, year?: number) {
  const unit = await getUnitInScope(deps, actor, unitId);
  if (!canDownloadTemplate(actor, unit)) throw new AppError('forbidden', 403);
  const y = year ?? Number(todayInVietnam(deps.clock).slice(0, 4));
  const units = await repo.subtreeUnits(deps.db, unit.path);
  const people = await repo.templatePeople(deps.db, unit.path, MAX_TEMPLATE_PEOPLE + 1);
  if (people.length > MAX_TEMPLATE_PEOPLE) {
    throw new AppError(
      'import_template_too_large',
      400,
      `${unit.name} có hơn ${viNumber(MAX_TEMPLATE_PEOPLE)} người; hãy lấy mẫu của từng đơn vị trực thuộc, ` +
        'hoặc dùng "Xuất danh sách" ở trang Cán bộ.',
    );
  }
  const nameCount = new Map<string, number>();
  for (const u of units) nameCount.set(u.name, (nameCount.get(u.name) ?? 0) + 1);
  const unitLabel = new Map(units.map((u) => [u.id, (nameCount.get(u.name) ?? 0) > 1 ? u.code : u.name]));
  const header = ['STT', 'Mã cán bộ', 'Họ và tên', 'Ngày sinh', 'Đơn vị', `Xếp loại năm ${y}`];
  const sheet = streamingSheet(`Xếp loại ${y}`, {
    columns: [{ width: 6 }, { width: 13 }, { width: 28 }, { width: 12 }, { width: 34 }, { width: 30 }],
    frozenRows: 4,
  });
  const { ws } = sheet;
  ws.mergeCells('A1:F1');
  ws.mergeCells('A2:F2');
  await sheet.add([`DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG NĂM ${y}`], (r) => {
    r.font = { bold: true, size: 13 };
    r.alignment = { horizontal: 'center' };
  });
  await sheet.add(
    [
      `${unit.name} — ghi một trong bốn mức: ${['HTXS', 'HTT', 'HT', 'KHT']
        .map((l) => ratingFullName(l as RatingLevel))
        .join('; ')} (hoặc viết tắt HTXS, HTT, HT, KHT).`,
    ],
    (r) => {
      r.font = { italic: true };
      r.alignment = { horizontal: 'center', wrapText: true };
      r.height = 32;
    },
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
  for (let i = 0; i < people.length; i++) {
    const pr = people[i]!;
    await sheet.add(
      [
        i + 1,
        pr.code,
        pr.fullName,
        pr.birthDate ? dateCell(pr.birthDate) : null,
        unitLabel.get(pr.orgUnitId) ?? null,
        null,
      ],
      (r) => {
        for (let c = 1; c <= header.length; c++) r.getCell(c).border = BORDER;
      },
    );
  }
  if (people.length > 0) {
    // exceljs types the per-cell form only; one range rule keeps the file small
    (
      ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }
    ).dataValidations.add(`F5:F${4 + people.length}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${(['HTXS', 'HTT', 'HT', 'KHT'] as const).map(ratingFullName).join(',')}"`],
      showErrorMessage: false,
    });
  }
  return {
    name: `Mẫu xếp loại ${y} – ${unit.name.replace(/[\\/:*?"<>|]/g, ' ')}.xlsx`,
    mime: XLSX_MIME,
    bytes: await sheet.finish(),
  };
}
