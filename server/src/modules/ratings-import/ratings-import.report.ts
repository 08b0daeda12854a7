/**
 * The report of an import, as a workbook the officer opens beside their own: their rows as they were,
 * at the same places (four lines lower, under the outcome), with two more columns, "Kết quả" and "Lý do";
 * refused rows in red, changed ones in yellow, new ones in green.
 */
import type { RatingsImportResult } from '../../../../contract/imports';
import { RATING_LEVEL_NAMES } from '../../../../contract/vocabulary';
import type { CellValue, MatchedRow, ParsedSheet } from '../../domain/ratings-import';
import { serialToIso } from '../../domain/ratings-import';
import { BORDER, FILLS, dateCell, streamingSheet } from '../../lib/xlsx-writer';

/** What became of a row: its word in the "Kết quả" column and why. */
export interface RowOutcome {
  status: 'added' | 'changed' | 'unchanged' | 'refused' | 'valid' | 'skipped';
  reason: string;
}

export const STATUS_WORDS: Record<RowOutcome['status'], string> = {
  added: 'Mới',
  changed: 'Thay đổi',
  unchanged: 'Không đổi',
  refused: 'Từ chối',
  valid: 'Hợp lệ',
  skipped: 'Bỏ qua',
};

/** Rows of the report above the sheet's own. */
const SHIFT = 4;

const viNumber = (n: number) => n.toLocaleString('vi-VN');
const colName = (i: number) => {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

/** The outcome in one sentence, for the report's top and the job's message. */
export function outcomeLine(r: RatingsImportResult): string {
  if (r.outcome === 'refused') {
    return (
      `KHÔNG GHI DÒNG NÀO: ${viNumber(r.counts.refused)}/${viNumber(r.rows)} dòng bị từ chối (tô đỏ, lý do ở cột ` +
      `"Lý do"). Sửa các dòng này rồi nhập lại cả tệp.`
    );
  }
  const written = r.counts.added + r.counts.changed + r.counts.unchanged;
  return (
    `ĐÃ GHI ${viNumber(written)} kết quả xếp loại năm ${r.year}: ${viNumber(r.counts.added)} mới, ` +
    `${viNumber(r.counts.changed)} thay đổi, ${viNumber(r.counts.unchanged)} không đổi.`
  );
}

export async function importReport(
  parsed: ParsedSheet,
  rows: readonly MatchedRow[],
  outcomes: readonly RowOutcome[],
  result: RatingsImportResult,
  o: { date1904: boolean; importedAt: string },
): Promise<Buffer> {
  const width = Math.max(
    ...[...parsed.above, ...rows].map((r) => r.cells.length),
    ...Object.values(parsed.columns).map((c) => c + 1),
  );
  const resultCol = width;
  const reasonCol = width + 1;
  const columns = Array.from({ length: width + 2 }, (_, i) => {
    const kind = Object.entries(parsed.columns).find(([, c]) => c === i)?.[0];
    return {
      width:
        i === reasonCol
          ? 70
          : i === resultCol
            ? 12
            : kind === 'name' || kind === 'unit'
              ? 28
              : kind === 'rating'
                ? 26
                : kind === 'birthDate' || kind === 'code'
                  ? 13
                  : 8,
    };
  });
  const sheet = streamingSheet('Kết quả nhập', { columns, frozenRows: parsed.headerRow + SHIFT });
  const { ws } = sheet;
  const birthCol = parsed.columns.birthDate;
  const put = async (rowNumber: number, cells: readonly CellValue[], style?: (cells: unknown[]) => void) => {
    const values: unknown[] = [];
    cells.forEach((v, i) => {
      values[i] =
        i === birthCol && typeof v === 'number' && v >= 1 ? dateCell(serialToIso(v, o.date1904)) : v;
    });
    style?.(values);
    const row = ws.getRow(rowNumber);
    row.values = values as never;
    values.forEach((v, i) => {
      if (v instanceof Date) row.getCell(i + 1).numFmt = 'dd/mm/yyyy';
    });
    return row;
  };

  // the outcome, above the officer's rows
  const title = ws.getRow(1);
  title.getCell(1).value = `KẾT QUẢ NHẬP XẾP LOẠI NĂM ${result.year} – ${result.orgUnitName}`;
  title.font = { bold: true, size: 13 };
  title.commit();
  const line = ws.getRow(2);
  line.getCell(1).value = outcomeLine(result);
  line.font = { bold: true, color: { argb: result.outcome === 'refused' ? 'FFB91C1C' : 'FF15803D' } };
  line.commit();
  const about = ws.getRow(3);
  about.getCell(1).value =
    `Tệp "${result.fileName}", trang "${result.sheet}", nhập lúc ${o.importedAt}. ` +
    `Mức xếp loại: ${Object.values(RATING_LEVEL_NAMES)
      .map((n) => n.vi)
      .join('; ')} (nhiệm vụ).`;
  about.font = { italic: true, color: { argb: 'FF475569' } };
  about.commit();

  // merged ranges are declared before their rows are written (a written row is gone from memory)
  for (const m of parsed.aboveMerges) {
    ws.mergeCells(`${colName(m.left)}${m.top + SHIFT}:${colName(m.right)}${m.bottom + SHIFT}`);
  }
  for (const a of parsed.above) {
    const row = await put(a.row + SHIFT, a.cells);
    if (a.row >= parsed.headerTop) {
      row.getCell(resultCol + 1).value = 'Kết quả';
      row.getCell(reasonCol + 1).value = 'Lý do';
      row.font = { bold: true };
      row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      for (let c = 1; c <= reasonCol + 1; c++) {
        row.getCell(c).border = BORDER;
        row.getCell(c).fill = FILLS.header;
      }
    }
    row.commit();
  }
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const outcome = outcomes[i]!;
    const row = await put(r.row + SHIFT, r.cells);
    row.getCell(resultCol + 1).value = STATUS_WORDS[outcome.status];
    if (outcome.reason) row.getCell(reasonCol + 1).value = outcome.reason;
    row.alignment = { vertical: 'top', wrapText: true };
    const fill =
      outcome.status === 'refused'
        ? FILLS.refused
        : outcome.status === 'changed'
          ? FILLS.changed
          : outcome.status === 'added'
            ? FILLS.added
            : undefined;
    for (let c = 1; c <= reasonCol + 1; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      if (fill) cell.fill = fill;
    }
    if (outcome.status === 'refused')
      row.getCell(resultCol + 1).font = { bold: true, color: { argb: 'FFB91C1C' } };
    row.commit();
    if (i % 500 === 499) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return sheet.finish();
}
