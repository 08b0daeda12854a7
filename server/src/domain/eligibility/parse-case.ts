/**
 * Strict validation of eligibility cases (the contract's case shape), with Vietnamese messages that name
 * the field path. Unknown fields are errors; every problem is listed in `details`.
 * The same shape is published as a TypeBox schema in contract/eligibility.ts for OpenAPI.
 */
import {
  AWARD_CODES,
  ELIGIBILITY_AWARD_TYPES,
  ELIGIBILITY_DISCIPLINE_FORMS,
  ELIGIBILITY_INITIATIVE_SCOPES,
  ELIGIBILITY_RATING_LEVELS,
  ELIGIBILITY_SUBJECT_KINDS,
  type EligibilityCase,
} from '../../../../contract/eligibility';
import { CATALOGUE, isAwardCode } from './catalogue';
import { EligibilityInputError, type EligibilityErrorDetail } from './errors';
import { compareYmd, parseIsoDate, type Ymd } from './format';
import { DEFAULT_RULE_SETS, ruleSetInForce, type RuleSet } from './rule-sets';

export interface ParseOptions {
  /** Today (yyyy-mm-dd): record years and the judged year may not be later than this year. */
  today?: string;
  /**
   * Rule sets used to check that one is in force on each case's `asOf` (default: DEFAULT_RULE_SETS);
   * false skips the check.
   */
  ruleSets?: readonly RuleSet[] | false;
}

export interface ParsedCases {
  cases: EligibilityCase[];
  /** The input was one case (not an array): answer with one verdict. */
  single: boolean;
}

const MIN_YEAR = 1900;
const CASE_KEYS = ['id', 'award', 'asOf', 'year', 'subject'] as const;
const RECORD_LISTS = ['ratings', 'awards', 'initiatives', 'discipline'] as const;
const INDIVIDUAL_KEYS = ['kind', 'startedOn', ...RECORD_LISTS] as const;
const COLLECTIVE_KEYS = ['kind', ...RECORD_LISTS, 'members'] as const;
const MEMBER_KEYS = ['total', 'completedTasks', 'ldtt', 'cstdcs', 'disciplinedWarningOrAbove'] as const;
const MEMBER_VI: Record<(typeof MEMBER_KEYS)[number], string> = {
  total: 'tổng số thành viên',
  completedTasks: 'số người hoàn thành nhiệm vụ',
  ldtt: 'số người đạt Lao động tiên tiến',
  cstdcs: 'số người đạt Chiến sĩ thi đua cơ sở',
  disciplinedWarningOrAbove: 'số người bị kỷ luật từ cảnh cáo trở lên',
};

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'mảng';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'object') return 'đối tượng';
  return String(v);
}

class Checker {
  readonly problems: EligibilityErrorDetail[] = [];

  add(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  /** Reports fields of `o` not in `allowed`. */
  onlyKeys(
    o: Obj,
    prefix: string,
    allowed: readonly string[],
    hint?: (key: string) => string | undefined,
  ): void {
    for (const key of Object.keys(o)) {
      if (allowed.includes(key)) continue;
      this.add(`${prefix}${key}`, hint?.(key) ?? `trường không được phép (chỉ nhận: ${allowed.join(', ')})`);
    }
  }

  integer(v: unknown, path: string, min?: number): v is number {
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      this.add(path, `phải là số nguyên (nhận được ${describe(v)})`);
      return false;
    }
    if (min !== undefined && v < min) {
      this.add(path, `không được nhỏ hơn ${min} (nhận được ${v})`);
      return false;
    }
    return true;
  }

  /** A year of a record: an integer between MIN_YEAR and `max`. */
  year(v: unknown, path: string, max: YearLimit): v is number {
    if (!this.integer(v, path, MIN_YEAR)) return false;
    if (max.year !== undefined && v > max.year) {
      this.add(path, `năm ${v} ở tương lai so với ${max.why}`);
      return false;
    }
    return true;
  }

  oneOf<T extends string>(v: unknown, path: string, values: readonly T[], what: string): v is T {
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return true;
    this.add(path, `${what} ${describe(v)} không hợp lệ (chỉ nhận: ${values.join(', ')})`);
    return false;
  }

  date(v: unknown, path: string): Ymd | undefined {
    if (typeof v !== 'string') {
      this.add(path, `phải là ngày dạng yyyy-mm-dd (nhận được ${describe(v)})`);
      return undefined;
    }
    const d = parseIsoDate(v);
    if (!d) this.add(path, `"${v}" không phải ngày có thật dạng yyyy-mm-dd`);
    return d;
  }

  array(v: unknown, path: string): v is unknown[] {
    if (Array.isArray(v)) return true;
    this.add(path, `phải là một mảng (nhận được ${describe(v)})`);
    return false;
  }

  object(v: unknown, path: string): v is Obj {
    if (isObject(v)) return true;
    this.add(path, `phải là một đối tượng (nhận được ${describe(v)})`);
    return false;
  }
}

interface YearLimit {
  year: number | undefined;
  why: string;
}

function checkCase(
  ck: Checker,
  input: unknown,
  prefix: string,
  opts: ParseOptions,
  today: Ymd | undefined,
): void {
  if (!isObject(input)) {
    ck.add(prefix || '(gốc)', `mỗi hồ sơ phải là một đối tượng JSON (nhận được ${describe(input)})`);
    return;
  }
  ck.onlyKeys(input, prefix, CASE_KEYS);
  if ('id' in input && typeof input.id !== 'string')
    ck.add(`${prefix}id`, `phải là chuỗi (nhận được ${describe(input.id)})`);

  if (!('award' in input)) ck.add(`${prefix}award`, 'thiếu mã danh hiệu, hình thức khen thưởng cần xét');
  else if (!isAwardCode(input.award)) {
    ck.add(
      `${prefix}award`,
      `mã danh hiệu, hình thức khen thưởng ${describe(input.award)} không có trong danh mục (ví dụ: ${AWARD_CODES.slice(0, 15).join(', ')}…)`,
    );
  }

  let asOf: Ymd | undefined;
  if (!('asOf' in input)) ck.add(`${prefix}asOf`, 'thiếu ngày xét (yyyy-mm-dd)');
  else {
    asOf = ck.date(input.asOf, `${prefix}asOf`);
    if (asOf && opts.ruleSets !== false) {
      const ruleSets = opts.ruleSets ?? DEFAULT_RULE_SETS;
      if (!ruleSetInForce(input.asOf as string, ruleSets)) {
        const earliest = ruleSets.map((r) => r.validFrom).sort()[0];
        ck.add(
          `${prefix}asOf`,
          `không có bộ quy tắc nào áp dụng cho ngày ${input.asOf as string}${earliest ? ` (hệ thống áp dụng cho các đề nghị xét từ ngày ${earliest})` : ''}`,
        );
      }
    }
  }

  const limits: YearLimit[] = [];
  if (asOf) limits.push({ year: asOf.y, why: `ngày xét asOf (${input.asOf as string})` });
  if (today) limits.push({ year: today.y, why: `ngày hiện tại (${opts.today})` });
  const limit: YearLimit = limits.reduce<YearLimit>(
    (acc, l) => (acc.year === undefined || (l.year !== undefined && l.year < acc.year) ? l : acc),
    { year: undefined, why: '' },
  );

  if (!('year' in input)) ck.add(`${prefix}year`, 'thiếu năm thành tích được xét');
  else ck.year(input.year, `${prefix}year`, limit);

  if (!('subject' in input)) {
    ck.add(`${prefix}subject`, 'thiếu hồ sơ của cá nhân hoặc tập thể được xét');
    return;
  }
  checkSubject(ck, input.subject, `${prefix}subject`, asOf, limit);
}

function checkSubject(ck: Checker, s: unknown, path: string, asOf: Ymd | undefined, limit: YearLimit): void {
  if (!ck.object(s, path)) return;
  const p = `${path}.`;
  let kind: 'individual' | 'collective' | undefined;
  if (!('kind' in s)) ck.add(`${p}kind`, 'thiếu loại đối tượng (individual hoặc collective)');
  else if (ck.oneOf(s.kind, `${p}kind`, ELIGIBILITY_SUBJECT_KINDS, 'loại đối tượng')) kind = s.kind;

  const allowed: readonly string[] =
    kind === 'individual'
      ? INDIVIDUAL_KEYS
      : kind === 'collective'
        ? COLLECTIVE_KEYS
        : [...INDIVIDUAL_KEYS, 'members'];
  ck.onlyKeys(s, p, allowed, (key) => {
    if (key === 'members')
      return 'chỉ dùng cho tập thể (subject.kind = "collective"), không dùng cho cá nhân';
    if (key === 'startedOn')
      return 'chỉ dùng cho cá nhân (subject.kind = "individual"), không dùng cho tập thể';
    return undefined;
  });

  if ('startedOn' in s && kind !== 'collective') {
    const d = ck.date(s.startedOn, `${p}startedOn`);
    if (d && asOf && compareYmd(d, asOf) > 0) {
      ck.add(`${p}startedOn`, `ngày tuyển dụng ${s.startedOn as string} sau ngày xét asOf`);
    }
  }

  if ('ratings' in s && ck.array(s.ratings, `${p}ratings`)) {
    const seen = new Map<number, number>();
    s.ratings.forEach((r, i) => {
      const rp = `${p}ratings[${i}]`;
      if (!ck.object(r, rp)) return;
      ck.onlyKeys(r, `${rp}.`, ['year', 'level']);
      if (!('year' in r)) ck.add(`${rp}.year`, 'thiếu năm');
      else if (ck.year(r.year, `${rp}.year`, limit)) {
        const prev = seen.get(r.year);
        if (prev !== undefined)
          ck.add(`${rp}.year`, `năm ${r.year} đã có kết quả xếp loại ở ${p}ratings[${prev}]`);
        else seen.set(r.year, i);
      }
      if (!('level' in r)) ck.add(`${rp}.level`, 'thiếu mức xếp loại');
      else ck.oneOf(r.level, `${rp}.level`, ELIGIBILITY_RATING_LEVELS, 'mức xếp loại');
    });
  }

  if ('awards' in s && ck.array(s.awards, `${p}awards`)) {
    const seenTitles = new Map<string, number>();
    s.awards.forEach((a, i) => {
      const ap = `${p}awards[${i}]`;
      if (!ck.object(a, ap)) return;
      ck.onlyKeys(a, `${ap}.`, ['code', 'year', 'type']);
      let code: string | undefined;
      if (!('code' in a)) ck.add(`${ap}.code`, 'thiếu mã danh hiệu, hình thức khen thưởng');
      else if (!isAwardCode(a.code)) {
        ck.add(
          `${ap}.code`,
          `mã danh hiệu, hình thức khen thưởng ${describe(a.code)} không có trong danh mục`,
        );
      } else code = a.code;
      let year: number | undefined;
      if (!('year' in a)) ck.add(`${ap}.year`, 'thiếu năm thành tích');
      else if (ck.year(a.year, `${ap}.year`, limit)) year = a.year;
      if ('type' in a) ck.oneOf(a.type, `${ap}.type`, ELIGIBILITY_AWARD_TYPES, 'loại hình khen thưởng');
      if (code && year !== undefined && isAwardCode(code) && CATALOGUE[code].kind === 'title') {
        const key = `${code}|${year}`;
        const prev = seenTitles.get(key);
        if (prev !== undefined) {
          ck.add(
            `${ap}`,
            `danh hiệu ${code} năm ${year} đã có ở ${p}awards[${prev}] (mỗi danh hiệu thi đua chỉ một lần mỗi năm)`,
          );
        } else seenTitles.set(key, i);
      }
    });
  }

  if ('initiatives' in s && ck.array(s.initiatives, `${p}initiatives`)) {
    s.initiatives.forEach((x, i) => {
      const xp = `${p}initiatives[${i}]`;
      if (!ck.object(x, xp)) return;
      ck.onlyKeys(x, `${xp}.`, ['year', 'scope']);
      if (!('year' in x)) ck.add(`${xp}.year`, 'thiếu năm công nhận');
      else ck.year(x.year, `${xp}.year`, limit);
      if (!('scope' in x)) ck.add(`${xp}.scope`, 'thiếu phạm vi ảnh hưởng');
      else ck.oneOf(x.scope, `${xp}.scope`, ELIGIBILITY_INITIATIVE_SCOPES, 'phạm vi ảnh hưởng');
    });
  }

  if ('discipline' in s && ck.array(s.discipline, `${p}discipline`)) {
    s.discipline.forEach((x, i) => {
      const xp = `${p}discipline[${i}]`;
      if (!ck.object(x, xp)) return;
      ck.onlyKeys(x, `${xp}.`, ['year', 'form']);
      if (!('year' in x)) ck.add(`${xp}.year`, 'thiếu năm quyết định kỷ luật');
      else ck.year(x.year, `${xp}.year`, limit);
      if (!('form' in x)) ck.add(`${xp}.form`, 'thiếu hình thức kỷ luật');
      else ck.oneOf(x.form, `${xp}.form`, ELIGIBILITY_DISCIPLINE_FORMS, 'hình thức kỷ luật');
    });
  }

  if ('members' in s && kind !== 'individual' && ck.object(s.members, `${p}members`)) {
    const m = s.members;
    const mp = `${p}members.`;
    ck.onlyKeys(m, mp, MEMBER_KEYS);
    let total: number | undefined;
    if (!('total' in m)) ck.add(`${mp}total`, 'thiếu tổng số thành viên');
    else if (ck.integer(m.total, `${mp}total`, 0)) total = m.total;
    for (const key of MEMBER_KEYS) {
      if (key === 'total' || !(key in m)) continue;
      const v = m[key];
      if (ck.integer(v, `${mp}${key}`, 0) && total !== undefined && v > total) {
        ck.add(`${mp}${key}`, `${MEMBER_VI[key]} (${v}) lớn hơn tổng số thành viên (${total})`);
      }
    }
  }
}

/**
 * Validates one case or an array of cases. Throws `EligibilityInputError` with code `invalid_case`
 * listing every problem (path and Vietnamese message).
 */
export function parseCases(input: unknown, opts: ParseOptions = {}): ParsedCases {
  const ck = new Checker();
  let today: Ymd | undefined;
  if (opts.today !== undefined) {
    today = parseIsoDate(opts.today);
    if (!today) throw new Error(`parseCases: invalid today "${opts.today}"`);
  }
  const single = !Array.isArray(input);
  if (single) checkCase(ck, input, '', opts, today);
  else input.forEach((c, i) => checkCase(ck, c, `[${i}].`, opts, today));
  if (ck.problems.length > 0) {
    const first = ck.problems[0]!;
    const more = ck.problems.length > 1 ? ` (và ${ck.problems.length - 1} lỗi khác)` : '';
    throw new EligibilityInputError(
      'invalid_case',
      `Hồ sơ kiểm tra điều kiện không hợp lệ: ${first.path}: ${first.message}${more}`,
      ck.problems,
    );
  }
  return { cases: (single ? [input] : input) as EligibilityCase[], single };
}

/** Validates exactly one case. */
export function parseCase(input: unknown, opts: ParseOptions = {}): EligibilityCase {
  if (Array.isArray(input)) {
    throw new EligibilityInputError(
      'invalid_case',
      'Hồ sơ kiểm tra điều kiện không hợp lệ: (gốc): phải là một hồ sơ, không phải mảng',
      [{ path: '(gốc)', message: 'phải là một hồ sơ, không phải mảng' }],
    );
  }
  return parseCases(input, opts).cases[0]!;
}
