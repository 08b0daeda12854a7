/**
 * Where the table of an officer's rating spreadsheet starts, and which column holds what. The usual sheet
 * has a title block above the table (the unit's name, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", the list's
 * title, often in merged cells); the header row is found among the first rows by its labels, matched
 * without regard to accents, case or punctuation ("Họ và tên", "HO TEN", "Kết quả xếp loại").
 */
import { foldAccents } from '../../lib/vietnamese';
import type { CellValue } from './values';

export const COLUMN_KINDS = ['stt', 'name', 'birthDate', 'code', 'unit', 'rating', 'year'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];

/** How the report and messages name each column. */
export const COLUMN_LABELS: Record<ColumnKind, string> = {
  stt: 'STT',
  name: 'Họ và tên',
  birthDate: 'Ngày sinh',
  code: 'Mã cán bộ',
  unit: 'Đơn vị',
  rating: 'Xếp loại',
  year: 'Năm',
};

/** The header is looked for in the first this many rows of the sheet. */
export const HEADER_SEARCH_ROWS = 20;

/** "Ngày, tháng, năm sinh (dd/mm/yyyy)" → "ngay thang nam sinh": folded, notes in brackets and punctuation dropped. */
export function foldLabel(text: string): string {
  return foldAccents(text)
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The kind of column a header label names, or undefined for a column the import does not read. */
export function columnKindOf(label: string): ColumnKind | undefined {
  const l = foldLabel(label);
  if (!l) return undefined;
  if (/^(stt|tt|so tt|so thu tu)$/.test(l)) return 'stt';
  if (/^ho (va )?ten\b/.test(l)) return 'name';
  if (/^(ngay sinh|ngay thang nam sinh|sinh ngay)\b/.test(l)) return 'birthDate';
  if (/^ma (don vi|dv|co quan)\b/.test(l)) return 'unit';
  if (
    /^(ma|ma so|ma cb|ma can bo|ma so can bo|ma cbccvc|ma cong chuc|ma vien chuc|ma nhan vien|ma nv)$/.test(l)
  ) {
    return 'code';
  }
  if (/^(don vi|co quan|co quan don vi|don vi cong tac|ten don vi)\b/.test(l)) return 'unit';
  if (/\bxep loai\b/.test(l) || /^ket qua danh gia\b/.test(l)) return 'rating';
  if (/^nam( danh gia| xep loai)?$/.test(l)) return 'year';
  return undefined;
}

export interface HeaderRow {
  row: number;
  /** the label of each recognised column, by column index */
  labels: Map<number, { kind: ColumnKind; label: string }>;
}

/** The rows that may be the header: those among the first HEADER_SEARCH_ROWS rows with two or more known labels. */
export function headerCandidates(rows: readonly { row: number; cells: readonly CellValue[] }[]): HeaderRow[] {
  const out: HeaderRow[] = [];
  for (const r of rows) {
    if (r.row > HEADER_SEARCH_ROWS) break;
    const labels = new Map<number, { kind: ColumnKind; label: string }>();
    r.cells.forEach((v, column) => {
      if (typeof v !== 'string') return;
      const kind = columnKindOf(v);
      if (kind) labels.set(column, { kind, label: v.replace(/\s+/g, ' ').trim() });
    });
    if (new Set([...labels.values()].map((l) => l.kind)).size >= 2) out.push({ row: r.row, labels });
  }
  return out;
}
