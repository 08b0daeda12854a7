/**
 * The contract's queries: one query or an array of them, answered in the same shape and order.
 *   { "id": "a", "from": "2026-02-09", "add": 10 }        → { "id": "a", "date": "2026-03-02", "provisional": false }
 *   { "id": "b", "from": "2026-02-13", "to": "2026-02-23" } → { "id": "b", "days": 1, "provisional": false }
 * Strict: unknown fields are errors, and every problem is listed with its path (`[3].add`). Shared by the
 * HTTP door and the command line, so both give the same answers and the same errors.
 */
import {
  CALENDAR_MAX_ADD,
  CALENDAR_MAX_QUERIES,
  type CalendarQuery,
  type CalendarResult,
} from '../../../../contract/calendar';
import { parseIsoDay } from './days';
import { CalendarError, type CalendarErrorDetail } from './errors';
import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from './working-days';

const KEYS = ['id', 'from', 'add', 'to'];

export interface ParsedQueries {
  queries: CalendarQuery[];
  /** the input was one query, not an array: answer with one result */
  single: boolean;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'mảng';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'object') return 'đối tượng';
  return String(v);
}

function checkQuery(q: unknown, prefix: string, add: (path: string, message: string) => void): void {
  const self = prefix ? prefix.slice(0, -1) : '(gốc)';
  if (typeof q !== 'object' || q === null || Array.isArray(q)) {
    add(
      self,
      `phải là một yêu cầu dạng {"from": …, "add": …} hoặc {"from": …, "to": …}, nhận được ${describe(q)}`,
    );
    return;
  }
  const o = q as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!KEYS.includes(key)) add(`${prefix}${key}`, `trường không được phép (chỉ nhận: ${KEYS.join(', ')})`);
  }
  if ('id' in o && typeof o.id !== 'string')
    add(`${prefix}id`, `phải là chuỗi (nhận được ${describe(o.id)})`);
  if (!('from' in o)) add(`${prefix}from`, 'thiếu ngày bắt đầu (YYYY-MM-DD)');
  else if (typeof o.from !== 'string' || parseIsoDay(o.from) === null) {
    add(`${prefix}from`, `phải là một ngày có thật dạng YYYY-MM-DD (nhận được ${describe(o.from)})`);
  }
  const hasAdd = 'add' in o;
  const hasTo = 'to' in o;
  if (hasAdd && hasTo) add(self, 'chỉ được có một trong hai trường "add" hoặc "to"');
  else if (!hasAdd && !hasTo) add(self, 'cần "add" (số ngày làm việc cộng thêm) hoặc "to" (ngày kết thúc)');
  if (
    hasAdd &&
    (typeof o.add !== 'number' || !Number.isInteger(o.add) || o.add < 1 || o.add > CALENDAR_MAX_ADD)
  ) {
    add(`${prefix}add`, `phải là số nguyên từ 1 đến ${CALENDAR_MAX_ADD} (nhận được ${describe(o.add)})`);
  }
  if (hasTo && (typeof o.to !== 'string' || parseIsoDay(o.to) === null)) {
    add(`${prefix}to`, `phải là một ngày có thật dạng YYYY-MM-DD (nhận được ${describe(o.to)})`);
  }
}

function fail(code: CalendarError['code'], title: string, problems: CalendarErrorDetail[]): never {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (và ${problems.length - 1} lỗi khác)` : '';
  throw new CalendarError(code, `${title}: ${first.path}: ${first.message}${more}`, problems);
}

/** Validates one query or an array of queries; throws `CalendarError` (`invalid_calendar_query`). */
export function parseQueries(input: unknown): ParsedQueries {
  const problems: CalendarErrorDetail[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const single = !Array.isArray(input);
  if (single) checkQuery(input, '', add);
  else if (input.length > CALENDAR_MAX_QUERIES) {
    add('(gốc)', `tối đa ${CALENDAR_MAX_QUERIES} yêu cầu một lần (nhận được ${input.length})`);
  } else input.forEach((q, i) => checkQuery(q, `[${i}].`, add));
  if (problems.length > 0)
    fail('invalid_calendar_query', 'Yêu cầu tính ngày làm việc không hợp lệ', problems);
  return { queries: (single ? [input] : input) as CalendarQuery[], single };
}

/** Answers one valid query. */
export function answerQuery(cal: WorkingCalendar, q: CalendarQuery): CalendarResult {
  const id = q.id !== undefined ? { id: q.id } : {};
  if ('add' in q) return { ...id, ...addWorkingDays(cal, q.from, q.add) };
  return { ...id, ...workingDaysBetween(cal, q.from, q.to) };
}

/**
 * Validates and answers one query or an array of them. A malformed input throws `invalid_calendar_query`;
 * a date outside the known years throws `calendar_date_out_of_range` (every such query listed).
 */
export function countWorkingDays(cal: WorkingCalendar, input: unknown): CalendarResult | CalendarResult[] {
  const { queries, single } = parseQueries(input);
  const results: CalendarResult[] = [];
  const problems: CalendarErrorDetail[] = [];
  queries.forEach((q, i) => {
    try {
      results.push(answerQuery(cal, q));
    } catch (e) {
      if (!(e instanceof CalendarError) || e.code !== 'calendar_date_out_of_range') throw e;
      const prefix = single ? '' : `[${i}].`;
      for (const d of e.details) problems.push({ path: `${prefix}${d.path}`, message: d.message });
    }
  });
  if (problems.length > 0) {
    fail('calendar_date_out_of_range', 'Ngày nằm ngoài các năm đã có trong lịch làm việc', problems);
  }
  return single ? results[0]! : results;
}
