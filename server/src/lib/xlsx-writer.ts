/**
 * Large workbooks written row by row (exceljs's streaming writer): each row is committed as it is added,
 * so memory stays flat, and the event loop gets a turn every few hundred rows, so a 50,000-row report does
 * not hold requests back while it is written (about 1.5 s of work). Dates are written as date cells shown
 * dd/mm/yyyy.
 */
import { PassThrough } from 'node:stream';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import ExcelJS from 'exceljs';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DATE_FORMAT = 'dd/mm/yyyy';

/** yyyy-mm-dd as the Date exceljs writes as that day (UTC midnight: no time zone moves it). */
export const dateCell = (iso: string) => new Date(`${iso}T00:00:00Z`);

const THIN = { style: 'thin' } as const;
export const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Fills used to mark rows: a refused row (light red), a changed one (light yellow), a new one (light green). */
export const FILLS = {
  refused: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE2E1' } },
  changed: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4CC' } },
  added: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE3F4E1' } },
  header: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF1F5F9' } },
} as const satisfies Record<string, ExcelJS.Fill>;

export interface StreamingSheet {
  ws: ExcelJS.Worksheet;
  /** add the next row (1, 2, …) and commit it; yields to the event loop now and then */
  add(values: unknown[], style?: (row: ExcelJS.Row) => void): Promise<void>;
  /** finish the workbook and answer its bytes */
  finish(): Promise<Buffer>;
}

/** One sheet, written row by row into memory. */
export function streamingSheet(
  name: string,
  o: { columns?: Partial<ExcelJS.Column>[]; frozenRows?: number } = {},
): StreamingSheet {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Vinh Danh';
  const ws = wb.addWorksheet(name.slice(0, 31), {
    views: o.frozenRows ? [{ state: 'frozen', ySplit: o.frozenRows }] : [],
  });
  if (o.columns) ws.columns = o.columns;
  let added = 0;
  return {
    ws,
    async add(values, style) {
      // by number, not addRow: merged ranges declared ahead (a title) already made their rows
      const row = ws.getRow(++added);
      row.values = values as ExcelJS.CellValue[];
      values.forEach((v, i) => {
        if (v instanceof Date) row.getCell(i + 1).numFmt = DATE_FORMAT;
      });
      style?.(row);
      row.commit();
      if (added % 500 === 0) await yieldToEventLoop();
    },
    async finish() {
      ws.commit();
      await wb.commit();
      await ended;
      return Buffer.concat(chunks);
    },
  };
}
