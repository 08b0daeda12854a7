import { describe, expect, it } from 'vitest';
import { day, HEADER_ROW, ratingSheet, type RatingSheetSpec } from '../../../test/rating-sheets';
import { openXlsx } from '../../lib/xlsx-reader';
import { parseRatingsSheet, type ParseResult, type ParsedSheet } from './parse';

const OPTIONS = { year: 2025, birthDates: { from: '1920-01-01', to: '2026-11-23' }, maxRows: 100 };

/** Build the workbook with exceljs, read it back as the import does, and parse its last sheet. */
async function parse(spec: RatingSheetSpec, o: Partial<typeof OPTIONS> = {}): Promise<ParseResult> {
  const wb = openXlsx(await ratingSheet(spec));
  const options = { ...OPTIONS, ...o };
  return parseRatingsSheet(wb.readSheet(wb.sheets.length - 1, { maxRows: options.maxRows + 25 }), {
    ...options,
    date1904: wb.date1904,
  });
}

function parsed(r: ParseResult): ParsedSheet {
  if (!r.ok) throw new Error(`refused: ${r.problem.code} ${r.problem.message}`);
  return r;
}

const problemOf = (r: ParseResult) => (r.ok ? undefined : r.problem);

describe('reading an officer’s rating sheet', () => {
  it('finds the header under the title block and reads each kind of cell', async () => {
    const r = parsed(
      await parse({
        rows: [
          [
            1,
            'CB-000001',
            'Nguyễn Văn Đức',
            day('1985-05-20'),
            'Phường Hoàn Kiếm',
            'Hoàn thành xuất sắc nhiệm vụ',
          ],
          [2, 'CB-000002', 'Trần Thị Ánh'.normalize('NFD'), 31187, '', 'HTT'],
          [3, null, 'Lê  Văn   Bình', '2/5/1985', null, 'hoan thanh'],
          [4, 123, 'Phạm Thị Hoa', '20/05/1985', null, 'Không hoàn thành nhiệm vụ'],
        ],
      }),
    );
    expect(r.headerRow).toBe(HEADER_ROW);
    expect(r.columns).toEqual({ stt: 0, code: 1, name: 2, birthDate: 3, unit: 4, rating: 5 });
    expect(r.rows.map(({ cells: _c, ...x }) => x)).toEqual([
      {
        row: 5,
        kind: 'person',
        code: 'CB-000001',
        name: 'Nguyễn Văn Đức',
        birthDate: '1985-05-20',
        unit: 'Phường Hoàn Kiếm',
        level: 'HTXS',
        problems: [],
      },
      {
        row: 6,
        kind: 'person',
        code: 'CB-000002',
        name: 'Trần Thị Ánh', // NFC
        birthDate: '1985-05-20',
        level: 'HTT',
        problems: [],
      },
      { row: 7, kind: 'person', name: 'Lê Văn Bình', birthDate: '1985-05-02', level: 'HT', problems: [] },
      {
        row: 8,
        kind: 'person',
        code: '123',
        name: 'Phạm Thị Hoa',
        birthDate: '1985-05-20',
        level: 'KHT',
        problems: [],
      },
    ]);
    expect(r.rows[1]!.name).toBe('Trần Thị Ánh'.normalize('NFC'));
    expect(r.above.map((a) => a.row)).toEqual([1, 2, HEADER_ROW]);
    expect(r.aboveMerges).toHaveLength(2);
  });

  it('refuses a sheet with the wrong columns, naming what is missing', async () => {
    const p = problemOf(
      await parse({
        header: ['STT', 'Họ và tên', 'Chức vụ', 'Kết quả'],
        rows: [[1, 'Nguyễn Văn A', 'CV', 'HTT']],
      }),
    );
    expect(p?.code).toBe('import_missing_columns');
    expect(p?.message).toContain('"Ngày sinh" hoặc "Mã cán bộ"');
    expect(p?.message).toContain('"Xếp loại"');
    expect(p?.message).toContain(`dòng ${HEADER_ROW}`);
  });

  it('refuses a sheet without a recognisable header in its first 20 rows', async () => {
    const p = problemOf(
      await parse({ title: [], header: ['Tên', 'Kết quả'], rows: [['Nguyễn Văn A', 'HTT']] }),
    );
    expect(p?.code).toBe('import_no_header');
    const late = problemOf(
      await parse({ title: Array.from({ length: 21 }, (_, i) => `Dòng ${i + 1}`), rows: [[1]] }),
    );
    expect(late?.code).toBe('import_no_header');
  });

  it('refuses a header cell merged across columns, naming it', async () => {
    const p = problemOf(
      await parse({
        header: ['STT', 'Họ và tên', '', 'Ngày sinh', 'Xếp loại'],
        rows: [[1, 'Nguyễn Văn', 'An', day('1985-05-20'), 'HTT']],
        merges: [`B${HEADER_ROW}:C${HEADER_ROW}`],
      }),
    );
    expect(p?.code).toBe('import_merged_header');
    expect(p?.message).toContain(`"Họ và tên" (B${HEADER_ROW}:C${HEADER_ROW})`);
  });

  it('accepts header cells merged down two rows and reads the data below them', async () => {
    const r = parsed(
      await parse({
        header: ['STT', 'Họ và tên', 'Ngày sinh', 'Xếp loại'],
        rows: [[], [1, 'Nguyễn Văn An', day('1985-05-20'), 'HTT']],
        merges: ['A4:A5', 'B4:B5', 'C4:C5', 'D4:D5'],
      }),
    );
    expect(r.headerRow).toBe(5);
    expect(r.rows.filter((x) => x.kind === 'person')).toHaveLength(1);
  });

  it('keeps every problem of a row: blank cells, bad dates, unknown words, another year', async () => {
    const r = parsed(
      await parse({
        header: ['STT', 'Họ và tên', 'Ngày sinh', 'Xếp loại', 'Năm'],
        rows: [
          [1, 'Nguyễn Văn An', '31/02/1985', 'Tốt', 2024],
          [2, 'Trần Văn Bình', '20/05/85', 'Xuất sắc', 2025],
          [3, 'Lê Văn Cường', null, null, null],
          [4, null, day('1985-05-20'), 'HTT', null],
          [5, 'Phạm Văn Dũng', 'abc', 'HT', '2025'],
        ],
      }),
    );
    const codes = r.rows.map((x) => x.problems.map((p) => p.code));
    expect(codes).toEqual([
      ['import_bad_date', 'import_unknown_rating', 'import_year_mismatch'],
      ['import_bad_date', 'import_unknown_rating'],
      [], // a name alone: a group heading, skipped
      ['import_missing_value'],
      ['import_bad_date'],
    ]);
    expect(r.rows[2]!.kind).toBe('skipped');
    expect(r.rows[0]!.problems[0]!.message).toContain('31/02/1985');
    expect(r.rows[3]!.problems[0]!.message).toBe('Thiếu họ và tên.');
  });

  it('wants a birth date or a code on every row, and a rating', async () => {
    const r = parsed(
      await parse({
        rows: [
          [1, null, 'Nguyễn Văn An', null, null, 'HTT'],
          [2, 'CB-1', 'Trần Văn Bình', null, null, null],
        ],
      }),
    );
    expect(r.rows[0]!.problems).toEqual([
      {
        code: 'import_missing_value',
        message: 'Thiếu cả ngày sinh và mã cán bộ (cần một trong hai để xác định đúng người).',
      },
    ]);
    expect(r.rows[1]!.problems).toEqual([
      { code: 'import_missing_value', message: 'Chưa ghi mức xếp loại năm 2025.' },
    ]);
  });

  it('skips group headings and the signature block, and fills a unit merged down over its people', async () => {
    const r = parsed(
      await parse({
        header: ['STT', 'Họ và tên', 'Ngày sinh', 'Đơn vị', 'Xếp loại'],
        rows: [
          ['I', 'Khối văn phòng'],
          [1, 'Nguyễn Văn An', day('1985-05-20'), 'Văn phòng', 'HTT'],
          [2, 'Trần Văn Bình', day('1986-05-20'), null, 'HT'],
          [],
          [null, null, null, 'Người lập biểu', null],
          [null, null, null, null, 'Hà Nội, ngày 20 tháng 12 năm 2025'],
        ],
        merges: [`D${HEADER_ROW + 2}:D${HEADER_ROW + 3}`],
      }),
    );
    const people = r.rows.filter((x) => x.kind === 'person');
    expect(people.map((x) => [x.name, x.unit, x.problems.length])).toEqual([
      ['Nguyễn Văn An', 'Văn phòng', 0],
      ['Trần Văn Bình', 'Văn phòng', 0],
    ]);
    expect(r.rows.filter((x) => x.kind === 'skipped')).toHaveLength(3);
  });

  it('picks the rating column of the year when there are several, and refuses two it cannot tell apart', async () => {
    const header = ['STT', 'Họ và tên', 'Ngày sinh', 'Xếp loại 2024', 'Xếp loại 2025'];
    const row = [1, 'Nguyễn Văn An', day('1985-05-20'), 'HT', 'HTXS'];
    const r = parsed(await parse({ header, rows: [row] }));
    expect(r.columns.rating).toBe(4);
    expect(r.rows[0]!.level).toBe('HTXS');
    const p = problemOf(await parse({ header, rows: [row] }, { year: 2023 }));
    expect(p?.code).toBe('import_duplicate_columns');
    expect(p?.message).toContain('cột D "Xếp loại 2024", cột E "Xếp loại 2025"');
  });

  it('refuses more rows than allowed, and a table with nobody in it', async () => {
    const rows = Array.from({ length: 6 }, (_, i) => [i + 1, `CB-${i}`, `Người ${i}`, null, null, 'HT']);
    expect(problemOf(await parse({ rows }, { maxRows: 5 }))?.code).toBe('import_too_many_rows');
    expect(parsed(await parse({ rows }, { maxRows: 6 })).rows).toHaveLength(6);
    expect(problemOf(await parse({ rows: [] }))?.code).toBe('import_empty');
    expect(problemOf(await parse({ rows: [['I', null, 'Khối văn phòng']] }))?.code).toBe('import_empty');
  });
});
