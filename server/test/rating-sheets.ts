/**
 * Officers' rating spreadsheets built with exceljs, as the tests (and the benchmark) need them: the usual
 * title block in merged cells above the table, then a header row and the rows given. Cells are written as
 * given: a Date becomes a date cell, a number a number, a string text.
 */
import ExcelJS from 'exceljs';

export type SheetCell = string | number | Date | null | undefined;

export interface RatingSheetSpec {
  /** the sheet's name (default "Xếp loại") */
  sheet?: string;
  /** title lines above the table, each merged across the table's width (default: a usual title block) */
  title?: string[];
  /** the header labels (default: STT, Mã cán bộ, Họ và tên, Ngày sinh, Đơn vị, Xếp loại) */
  header?: string[];
  rows: SheetCell[][];
  /** extra merged ranges, e.g. "C5:D5" */
  merges?: string[];
  /** other sheets placed before this one (e.g. a hidden or empty first sheet) */
  before?: { name: string; rows: SheetCell[][]; hidden?: boolean }[];
}

export const DEFAULT_HEADER = ['STT', 'Mã cán bộ', 'Họ và tên', 'Ngày sinh', 'Đơn vị', 'Xếp loại'];
export const DEFAULT_TITLE = [
  'ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM',
  'DANH SÁCH KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC NĂM 2025',
];

/** A date cell for a day (UTC midnight, so no time zone shifts it). */
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The workbook's bytes. */
export async function ratingSheet(spec: RatingSheetSpec): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const b of spec.before ?? []) {
    const ws = wb.addWorksheet(b.name, b.hidden ? { state: 'hidden' } : {});
    for (const r of b.rows) ws.addRow(r);
  }
  const ws = wb.addWorksheet(spec.sheet ?? 'Xếp loại');
  const header = spec.header ?? DEFAULT_HEADER;
  const title = spec.title ?? DEFAULT_TITLE;
  const last = String.fromCharCode(64 + Math.max(1, header.length));
  title.forEach((line, i) => {
    ws.mergeCells(`A${i + 1}:${last}${i + 1}`);
    ws.getCell(`A${i + 1}`).value = line;
  });
  if (title.length > 0) ws.addRow([]);
  ws.addRow(header);
  for (const r of spec.rows) {
    const row = ws.addRow(r.map((c) => (c === null ? undefined : c)));
    r.forEach((c, i) => {
      if (c instanceof Date) row.getCell(i + 1).numFmt = 'dd/mm/yyyy';
    });
  }
  for (const m of spec.merges ?? []) ws.mergeCells(m);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The row number of the header in a sheet built with the default title block. */
export const HEADER_ROW = DEFAULT_TITLE.length + 2;

/**
 * A large sheet (tens of thousands of rows) written with exceljs's streaming writer: the usual title block,
 * the default header, then the rows (a Date becomes a date cell).
 */
export async function largeRatingSheet(rows: Iterable<SheetCell[]>): Promise<Buffer> {
  const { PassThrough } = await import('node:stream');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet('Xếp loại');
  ws.mergeCells('A1:F1');
  ws.mergeCells('A2:F2');
  ws.getCell('A1').value = DEFAULT_TITLE[0];
  ws.getCell('A2').value = DEFAULT_TITLE[1];
  ws.getRow(HEADER_ROW).values = DEFAULT_HEADER;
  let n = HEADER_ROW;
  for (const r of rows) {
    const row = ws.getRow(++n);
    row.values = r.map((c) => (c === null ? undefined : c)) as ExcelJS.CellValue[];
    r.forEach((c, i) => {
      if (c instanceof Date) row.getCell(i + 1).numFmt = 'dd/mm/yyyy';
    });
    row.commit();
  }
  await ws.commit();
  await wb.commit();
  return Buffer.concat(chunks);
}
