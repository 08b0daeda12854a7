/**
 * An officer's spreadsheet of year-end ratings, read into rows: the header found among the first rows,
 * each row's name, birth date, code, unit and rating checked on its own (who the row names is matched
 * later, against the people of the unit: match.ts). Problems of the whole file (no header, a column
 * missing or given twice, a merged header cell, too many rows, no rows) end the reading; problems of a
 * row are kept with the row, every one of them, so the report can say all that is wrong at once.
 */
import type { ImportRowProblem } from '../../../../contract/imports';
import type { RatingLevel } from '../../../../contract/vocabulary';
import {
  COLUMN_KINDS,
  COLUMN_LABELS,
  HEADER_SEARCH_ROWS,
  headerCandidates,
  type ColumnKind,
  type HeaderRow,
} from './header';
import {
  cellText,
  parseBirthDate,
  parseRatingWord,
  parseYear,
  type CellValue,
  type DateRange,
} from './values';

/** Codes of problems that refuse a whole file (contract/errors.ts has their messages). */
export type FileProblemCode =
  | 'import_no_header'
  | 'import_missing_columns'
  | 'import_duplicate_columns'
  | 'import_merged_header'
  | 'import_too_many_rows'
  | 'import_empty';

/** Codes of problems that refuse one row (the contract lists them; contract/errors.ts has their messages). */
export type RowProblemCode = ImportRowProblem;

export interface Problem<C extends string> {
  code: C;
  message: string;
}

export interface SheetRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** A sheet as read from the file (server/src/lib/xlsx-reader.ts gives this shape). */
export interface SheetInput {
  name: string;
  rows: readonly { row: number; cells: readonly CellValue[] }[];
  merges: readonly SheetRange[];
  /** reading stopped early: the sheet holds more rows than asked for */
  truncated: boolean;
}

export interface ParseOptions {
  /** the year being imported */
  year: number;
  /** birth dates accepted: from … to (today) */
  birthDates: DateRange;
  /** serial numbers count from 1904 */
  date1904?: boolean;
  /** the most data rows a file may hold */
  maxRows: number;
}

export interface ParsedRow {
  /** the row's number in the sheet (as Excel shows it) */
  row: number;
  /** the cells as read (merged cells filled down), for the report */
  cells: readonly CellValue[];
  /** 'person': a row naming someone; 'skipped': a heading, a footer, or a row with no one in it */
  kind: 'person' | 'skipped';
  name?: string;
  birthDate?: string;
  code?: string;
  unit?: string;
  level?: RatingLevel;
  /** everything wrong with the row, most important first; empty when it is fine (so far) */
  problems: Problem<RowProblemCode>[];
}

export interface ParsedSheet {
  ok: true;
  sheet: string;
  /** the header's row number (its last row, when header cells are merged down) */
  headerRow: number;
  headerTop: number;
  /** the column of each kind found */
  columns: Partial<Record<ColumnKind, number>>;
  /** the header's cells and the rows above it, as read */
  above: readonly { row: number; cells: readonly CellValue[] }[];
  /** merged ranges that lie above the data (the title block and the header) */
  aboveMerges: readonly SheetRange[];
  rows: ParsedRow[];
}

export type ParseResult = ParsedSheet | { ok: false; problem: Problem<FileProblemCode> };

const refuse = (code: FileProblemCode, message: string): ParseResult => ({
  ok: false,
  problem: { code, message },
});

const colName = (i: number) => {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

const viNumber = (n: number) => n.toLocaleString('vi-VN');

/** Pick one column per kind; several columns of a kind are a problem unless one names the year. */
function chooseColumns(
  header: HeaderRow,
  year: number,
): { columns: Partial<Record<ColumnKind, number>> } | { problem: Problem<FileProblemCode> } {
  const columns: Partial<Record<ColumnKind, number>> = {};
  for (const kind of COLUMN_KINDS) {
    const found = [...header.labels].filter(([, l]) => l.kind === kind);
    if (found.length === 0) continue;
    let chosen = found;
    if (found.length > 1 && kind === 'rating') {
      chosen = found.filter(([, l]) => l.label.includes(String(year)));
    }
    if (chosen.length !== 1 && kind !== 'stt') {
      const where = found.map(([c, l]) => `cột ${colName(c)} "${l.label}"`).join(', ');
      return {
        problem: {
          code: 'import_duplicate_columns',
          message:
            `Cột "${COLUMN_LABELS[kind]}" có ở ${found.length} chỗ trên dòng tiêu đề ${header.row} (${where}); ` +
            (kind === 'rating'
              ? `hãy để lại một cột xếp loại, hoặc ghi năm ${year} vào tiêu đề của cột cần nhập.`
              : 'hãy để lại một cột.'),
        },
      };
    }
    columns[kind] = (chosen[0] ?? found[0]!)[0];
  }
  return { columns };
}

/**
 * Read the rows of one sheet. Answers the rows with their own problems, or the problem that refuses
 * the file.
 */
export function parseRatingsSheet(sheet: SheetInput, o: ParseOptions): ParseResult {
  const candidates = headerCandidates(sheet.rows);
  if (candidates.length === 0) {
    return refuse(
      'import_no_header',
      `Không tìm thấy dòng tiêu đề của bảng trong ${HEADER_SEARCH_ROWS} dòng đầu của trang "${sheet.name}": ` +
        `cần các cột "Họ và tên", "Ngày sinh" hoặc "Mã cán bộ", và "Xếp loại".`,
    );
  }
  // the row with the most known labels (the first of equals)
  const header = candidates.reduce((best, c) =>
    new Set([...c.labels.values()].map((l) => l.kind)).size >
    new Set([...best.labels.values()].map((l) => l.kind)).size
      ? c
      : best,
  );
  const chosen = chooseColumns(header, o.year);
  if ('problem' in chosen) return { ok: false, problem: chosen.problem };
  const { columns } = chosen;
  const missing: string[] = [];
  if (columns.name === undefined) missing.push('"Họ và tên"');
  if (columns.birthDate === undefined && columns.code === undefined)
    missing.push('"Ngày sinh" hoặc "Mã cán bộ"');
  if (columns.rating === undefined) missing.push('"Xếp loại"');
  if (missing.length > 0) {
    const seen = [...header.labels.values()].map((l) => `"${l.label}"`).join(', ');
    return refuse(
      'import_missing_columns',
      `Thiếu cột ${missing.join(', ')} trên dòng tiêu đề (dòng ${header.row}, có các cột ${seen}).`,
    );
  }

  // header cells merged across columns leave it unclear which column holds what; merged down is fine
  let headerBottom = header.row;
  for (const [column, l] of header.labels) {
    if (l.kind === 'stt') continue;
    const merge = sheet.merges.find(
      (m) => m.top <= header.row && header.row <= m.bottom && m.left <= column && column <= m.right,
    );
    if (!merge) continue;
    if (merge.right > merge.left) {
      return refuse(
        'import_merged_header',
        `Ô tiêu đề "${l.label}" (${colName(merge.left)}${merge.top}:${colName(merge.right)}${merge.bottom}) ` +
          `được gộp nhiều cột, nên không rõ cột nào chứa dữ liệu. Hãy bỏ gộp ô để mỗi cột có một tiêu đề riêng.`,
      );
    }
    headerBottom = Math.max(headerBottom, merge.bottom);
  }

  // values of cells merged down one column (a unit written once for its people) belong to every row
  const fill = sheet.merges.filter((m) => m.top > headerBottom && m.bottom > m.top && m.left === m.right);
  const byRow = new Map(fill.length > 0 ? sheet.rows.map((r) => [r.row, r]) : []);
  const filled = new Map<number, CellValue[]>();
  for (const m of fill) {
    const value = byRow.get(m.top)?.cells[m.left];
    if (value === undefined) continue;
    for (let r = m.top + 1; r <= m.bottom; r++) {
      const row = byRow.get(r);
      if (!row || row.cells[m.left] !== undefined) continue;
      const cells = filled.get(r) ?? [...row.cells];
      cells[m.left] = value;
      filled.set(r, cells);
    }
  }

  const dataRows = sheet.rows.filter((r) => r.row > headerBottom);
  if (sheet.truncated || dataRows.length > o.maxRows) {
    return refuse(
      'import_too_many_rows',
      `Tệp có hơn ${viNumber(o.maxRows)} dòng dữ liệu; mỗi lần chỉ nhập được tối đa ${viNumber(o.maxRows)} dòng. ` +
        `Hãy chia thành nhiều tệp.`,
    );
  }
  const rows: ParsedRow[] = dataRows.map((r) => parseRow(r.row, filled.get(r.row) ?? r.cells, columns, o));
  if (!rows.some((r) => r.kind === 'person')) {
    return refuse(
      'import_empty',
      `Bảng trong trang "${sheet.name}" không có dòng nào ghi cán bộ dưới dòng tiêu đề (dòng ${header.row}).`,
    );
  }
  return {
    ok: true,
    sheet: sheet.name,
    headerRow: headerBottom,
    headerTop: header.row,
    columns,
    above: sheet.rows.filter((r) => r.row <= headerBottom),
    aboveMerges: sheet.merges.filter((m) => m.bottom <= headerBottom),
    rows,
  };
}

const cellAt = (cells: readonly CellValue[], column: number | undefined) =>
  column === undefined ? undefined : cells[column];

function parseRow(
  row: number,
  cells: readonly CellValue[],
  columns: Partial<Record<ColumnKind, number>>,
  o: ParseOptions,
): ParsedRow {
  const name = cellText(cellAt(cells, columns.name));
  const code = cellText(cellAt(cells, columns.code));
  const birth = cellAt(cells, columns.birthDate);
  const hasBirth = cellText(birth) !== '';
  const rating = cellAt(cells, columns.rating);
  const unit = cellText(cellAt(cells, columns.unit));
  // a row that names no one is not a person's row: a group heading (a name-like text alone), the
  // signature block under the table (a rating-column text alone), notes
  const hasRating = cellText(rating) !== '';
  if (!code && !hasBirth && !(name && hasRating)) return { row, cells, kind: 'skipped', problems: [] };

  const problems: Problem<RowProblemCode>[] = [];
  const out: ParsedRow = { row, cells, kind: 'person', problems };
  const missing = (what: string) => problems.push({ code: 'import_missing_value', message: what });
  if (!name) missing('Thiếu họ và tên.');
  else out.name = name;
  if (code) out.code = code;
  if (unit) out.unit = unit;
  if (hasBirth) {
    const d = parseBirthDate(birth, o.birthDates, o.date1904);
    if (d.ok) out.birthDate = d.value;
    else problems.push({ code: 'import_bad_date', message: d.message });
  } else if (!code) {
    missing(
      columns.code === undefined
        ? 'Thiếu ngày sinh (cần để xác định đúng người).'
        : 'Thiếu cả ngày sinh và mã cán bộ (cần một trong hai để xác định đúng người).',
    );
  }
  if (!hasRating) missing(`Chưa ghi mức xếp loại năm ${o.year}.`);
  else {
    const level = parseRatingWord(rating);
    if (level.ok) out.level = level.value;
    else problems.push({ code: 'import_unknown_rating', message: level.message });
  }
  const yearCell = cellAt(cells, columns.year);
  if (cellText(yearCell) !== '') {
    const y = parseYear(yearCell);
    if (y !== o.year) {
      problems.push({
        code: 'import_year_mismatch',
        message: `Năm ghi ở dòng này là "${cellText(yearCell)}", khác năm đang nhập (${o.year}).`,
      });
    }
  }
  return out;
}
