import { describe, expect, it } from 'vitest';
import { matchRows, type Directory, type DirectoryPerson } from './match';
import type { ParsedRow } from './parse';

const ward = { id: 'u1', code: 'P-HK', name: 'Phường Hoàn Kiếm', shortName: null, path: '/c/u1/' };
const office = {
  id: 'u2',
  code: 'VP-HK',
  name: 'Văn phòng HĐND và UBND',
  shortName: 'Văn phòng',
  path: '/c/u1/u2/',
};
const school = {
  id: 'u3',
  code: 'TH-1',
  name: 'Trường Tiểu học Tràng An',
  shortName: null,
  path: '/c/u1/u3/',
};
const school2 = {
  id: 'u4',
  code: 'TH-2',
  name: 'Trường Tiểu học Tràng An',
  shortName: null,
  path: '/c/u1/u4/',
};

const person = (
  id: string,
  fullName: string,
  birthDate: string,
  orgUnitId: string,
  code: string | null = null,
) => ({ id, fullName, birthDate, orgUnitId, code }) satisfies DirectoryPerson;

const dir: Directory = {
  root: ward,
  units: [ward, office, school, school2],
  people: [
    person('p1', 'Nguyễn Văn Đức', '1985-05-20', 'u2', 'CB-000001'),
    person('p2', 'Nguyễn Văn Dực', '1985-05-20', 'u2'),
    person('p3', 'Trần Thị Lan', '1990-01-02', 'u3'),
    person('p4', 'Trần Thị Lan', '1990-01-02', 'u4', 'CB-000004'),
    person('p5', 'Lê Văn Bình', '1970-03-04', 'u1'),
  ],
};

let n = 10;
const row = (o: Partial<ParsedRow>): ParsedRow => ({
  row: n++,
  cells: [],
  kind: 'person',
  level: 'HTT',
  problems: [],
  ...o,
});

const outcome = (rows: ParsedRow[]) =>
  matchRows(rows, dir).map((r) => r.personId ?? r.problems.map((p) => p.code).join(','));

describe('finding who each row names', () => {
  it('by name and birth date (case aside, accents kept), or by code whatever its case', () => {
    expect(
      outcome([
        row({ name: 'nguyễn văn đức', birthDate: '1985-05-20' }),
        row({ name: 'Nguyễn Văn Dực', birthDate: '1985-05-20' }),
        row({ code: 'cb-000004', name: 'Trần Thị Lan' }),
        row({ name: 'Lê Văn Bình', birthDate: '1970-03-04' }),
      ]),
    ).toEqual(['p1', 'p2', 'p4', 'p5']);
  });

  it('refuses nobody found, two found, a code that is someone else’s, and a person named twice', () => {
    const rows = [
      row({ name: 'Nguyễn Văn Đức', birthDate: '1985-05-21' }),
      row({ name: 'Trần Thị Lan', birthDate: '1990-01-02' }),
      row({ code: 'CB-000001', name: 'Nguyễn Văn Dực' }),
      row({ code: 'CB-000001', name: 'Nguyễn Văn Đức', birthDate: '1985-01-01' }),
      row({ code: 'CB-999', name: 'Ai Đó' }),
      row({ name: 'Lê Văn Bình', birthDate: '1970-03-04' }),
      row({ code: 'CB-000001', name: 'Nguyễn Văn Đức' }),
      row({ name: 'Lê Văn Bình', birthDate: '1970-03-04' }),
    ];
    const matched = matchRows(rows, dir);
    expect(matched.map((r) => r.personId ?? r.problems.map((p) => p.code).join(','))).toEqual([
      'import_person_not_found',
      'import_person_ambiguous',
      'import_code_mismatch',
      'import_code_mismatch',
      'import_person_not_found',
      'p5',
      'p1',
      'import_duplicate_row',
    ]);
    expect(matched[1]!.problems[0]!.message).toContain('hãy ghi "Mã cán bộ"');
    expect(matched[2]!.problems[0]!.message).toBe(
      'Mã "CB-000001" là của Nguyễn Văn Đức, không phải Nguyễn Văn Dực; hãy kiểm tra lại mã hoặc họ tên.',
    );
    expect(matched[7]!.problems[0]!.message).toContain(`dòng ${rows[5]!.row}`);
  });

  it('looks inside the unit a row names (by code, name or short name), and refuses an unknown or ambiguous one', () => {
    const rows = [
      row({ name: 'Trần Thị Lan', birthDate: '1990-01-02', unit: 'TH-1' }),
      row({ name: 'Nguyễn Văn Đức', birthDate: '1985-05-20', unit: 'van phong' }),
      row({ name: 'Nguyễn Văn Đức', birthDate: '1985-05-20', unit: 'TH-1' }),
      row({ name: 'Trần Thị Lan', birthDate: '1990-01-02', unit: 'Phường Cửa Nam' }),
      row({ name: 'Trần Thị Lan', birthDate: '1990-01-02', unit: 'Trường Tiểu học Tràng An' }),
    ];
    const matched = matchRows(rows, dir);
    expect(matched.map((r) => r.personId ?? r.problems.map((p) => p.code).join(','))).toEqual([
      'p3',
      'p1',
      'import_person_not_found',
      'import_unknown_unit',
      'import_unknown_unit',
    ]);
    expect(matched[2]!.problems[0]!.message).toContain('trong Trường Tiểu học Tràng An');
    expect(matched[4]!.problems[0]!.message).toContain('TH-1, TH-2');
  });

  it('keeps the problems found while reading, and matches no one on a row that has them', () => {
    const matched = matchRows(
      [
        row({
          name: 'Lê Văn Bình',
          birthDate: '1970-03-04',
          level: undefined,
          problems: [{ code: 'import_unknown_rating', message: 'x' }],
        }),
        row({ kind: 'skipped', name: 'Khối văn phòng' }),
      ],
      dir,
    );
    expect(matched[0]!.personId).toBeUndefined();
    expect(matched[0]!.personName).toBe('Lê Văn Bình');
    expect(matched[0]!.problems.map((p) => p.code)).toEqual(['import_unknown_rating']);
    expect(matched[1]).toMatchObject({ kind: 'skipped', problems: [] });
  });
});
