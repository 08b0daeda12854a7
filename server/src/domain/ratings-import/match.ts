/**
 * Who each row of a rating spreadsheet names, among the people of the chosen unit's subtree: by the
 * person's code when the row has one (the name and birth date, when given, must agree with it), otherwise
 * by full name (NFC, case aside; accents matter) and birth date. A row naming a unit looks only inside that
 * unit. Nobody found, two people found, or one person named by two rows: each refuses the row, saying why.
 */
import type { ParsedRow, RowProblemCode } from './parse';
import { codeKey, looseKey, nameKey, viDate } from './values';

export interface DirectoryPerson {
  id: string;
  fullName: string;
  birthDate: string | null;
  code: string | null;
  orgUnitId: string;
}

export interface DirectoryUnit {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  path: string;
}

export interface Directory {
  /** the unit the import is for: the root of the subtree */
  root: DirectoryUnit;
  /** every unit of the subtree, the root too */
  units: readonly DirectoryUnit[];
  /** every person of the subtree */
  people: readonly DirectoryPerson[];
}

export interface MatchedRow extends ParsedRow {
  /** the person the row names, when exactly one was found and the row has no other problem */
  personId?: string;
  /** the person's name as the system has it (for the report) */
  personName?: string;
}

type UnitLookup = { unit: DirectoryUnit } | { problem: string };

function unitIndex(d: Directory) {
  const byCode = new Map<string, DirectoryUnit[]>();
  const byName = new Map<string, DirectoryUnit[]>();
  const byLoose = new Map<string, DirectoryUnit[]>();
  const push = (m: Map<string, DirectoryUnit[]>, k: string, u: DirectoryUnit) => {
    const list = m.get(k);
    if (!list) m.set(k, [u]);
    else if (!list.includes(u)) list.push(u);
  };
  for (const u of d.units) {
    push(byCode, codeKey(u.code), u);
    for (const n of [u.name, u.shortName]) {
      if (!n) continue;
      push(byName, nameKey(n), u);
      push(byLoose, looseKey(n), u);
    }
  }
  const cache = new Map<string, UnitLookup>();
  return (text: string): UnitLookup => {
    const hit = cache.get(text);
    if (hit) return hit;
    const found = byCode.get(codeKey(text)) ?? byName.get(nameKey(text)) ?? byLoose.get(looseKey(text)) ?? [];
    const answer: UnitLookup =
      found.length === 1
        ? { unit: found[0]! }
        : found.length === 0
          ? {
              problem: `Không có đơn vị "${text}" trong ${d.root.name} (ghi mã hoặc tên đơn vị như trong hệ thống).`,
            }
          : {
              problem:
                `Có ${found.length} đơn vị tên "${text}" trong ${d.root.name}; ` +
                `hãy ghi mã đơn vị (${found.map((u) => u.code).join(', ')}) để phân biệt.`,
            };
    cache.set(text, answer);
    return answer;
  };
}

/** Match every person row of a parsed sheet; rows that already have a problem are still looked up (more to tell). */
export function matchRows(rows: readonly ParsedRow[], d: Directory): MatchedRow[] {
  const unitById = new Map(d.units.map((u) => [u.id, u]));
  const findUnit = unitIndex(d);
  const byCode = new Map<string, DirectoryPerson>();
  const byNameBirth = new Map<string, DirectoryPerson[]>();
  for (const p of d.people) {
    if (p.code) byCode.set(codeKey(p.code), p);
    const k = `${nameKey(p.fullName)}|${p.birthDate ?? ''}`;
    const list = byNameBirth.get(k);
    if (list) list.push(p);
    else byNameBirth.set(k, [p]);
  }
  const inUnit = (p: DirectoryPerson, unit: DirectoryUnit | undefined) =>
    !unit || (unitById.get(p.orgUnitId)?.path ?? '').startsWith(unit.path);

  const firstRowOf = new Map<string, number>();
  return rows.map((r): MatchedRow => {
    if (r.kind !== 'person') return r;
    // one shape for every row (a few hundred thousand objects: no spread, no closure per row)
    const out: MatchedRow = {
      row: r.row,
      cells: r.cells,
      kind: r.kind,
      name: r.name,
      birthDate: r.birthDate,
      code: r.code,
      unit: r.unit,
      level: r.level,
      problems: r.problems.length > 0 ? [...r.problems] : [],
      personId: undefined,
      personName: undefined,
    };
    const problems = out.problems;
    const refuse = (code: RowProblemCode, message: string) => problems.push({ code, message });
    let unit: DirectoryUnit | undefined;
    if (r.unit) {
      const u = findUnit(r.unit);
      if ('problem' in u) {
        refuse('import_unknown_unit', u.problem);
        return out; // whom the row names cannot be looked for without its unit
      }
      unit = u.unit;
    }
    const where = unit ?? d.root;
    let person: DirectoryPerson | undefined;
    if (r.code) {
      const p = byCode.get(codeKey(r.code));
      if (!p || !inUnit(p, unit)) {
        refuse('import_person_not_found', `Không có cán bộ mã "${r.code}" trong ${where.name}.`);
      } else if (r.name && nameKey(r.name) !== nameKey(p.fullName)) {
        refuse(
          'import_code_mismatch',
          `Mã "${r.code}" là của ${p.fullName}, không phải ${r.name}; hãy kiểm tra lại mã hoặc họ tên.`,
        );
      } else if (r.birthDate && p.birthDate && r.birthDate !== p.birthDate) {
        refuse(
          'import_code_mismatch',
          `Mã "${r.code}" là của ${p.fullName}, sinh ngày ${viDate(p.birthDate)}, không phải ngày ${viDate(r.birthDate)} như trong tệp.`,
        );
      } else person = p;
    } else if (r.name && r.birthDate) {
      const found = (byNameBirth.get(`${nameKey(r.name)}|${r.birthDate}`) ?? []).filter((p) =>
        inUnit(p, unit),
      );
      if (found.length === 0) {
        refuse(
          'import_person_not_found',
          `Không tìm thấy ${r.name}, sinh ngày ${viDate(r.birthDate)}, trong ${where.name}.`,
        );
      } else if (found.length > 1) {
        refuse(
          'import_person_ambiguous',
          `Có ${found.length} người tên ${r.name} cùng sinh ngày ${viDate(r.birthDate)} trong ${where.name}; ` +
            `hãy ghi "Mã cán bộ" để chỉ rõ người nào.`,
        );
      } else person = found[0];
    }
    if (person) {
      out.personName = person.fullName;
      const first = firstRowOf.get(person.id);
      if (first !== undefined) {
        refuse(
          'import_duplicate_row',
          `Trùng người với dòng ${first} (${person.fullName}); mỗi người chỉ một dòng.`,
        );
      } else firstRowOf.set(person.id, r.row);
      if (problems.length === 0) out.personId = person.id;
    }
    return out;
  });
}
