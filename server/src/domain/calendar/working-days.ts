/**
 * Counting working days on the civil service calendar (contract: ../shared/contracts/calendar.md).
 * Saturdays and Sundays are rest days, the listed days off are rest days, a listed working Saturday is a
 * working day. The day of `from` is never counted; every day after it up to the answer (or up to `to`)
 * is, and the answer is provisional when one of those days lies in a provisional year.
 */
import type { CalendarStatus, CalendarYearData } from '../../../../contract/calendar';
import { dayFromParts, formatIsoDay, parseIsoDay, weekdayOf, yearOf, type DayNumber } from './days';
import { CalendarError } from './errors';

/** A calendar compiled for counting: working days as prefix sums over every day of the known span. */
export interface WorkingCalendar {
  /** the years known, ascending */
  readonly years: readonly number[];
  /** status of each known year */
  readonly status: ReadonlyMap<number, CalendarStatus>;
  /** 1 January of the first known year */
  readonly start: DayNumber;
  /** 31 December of the last known year */
  readonly end: DayNumber;
  /** cum[i] = working days among the first i days from `start` */
  readonly cum: Int32Array;
}

/** Compile years of data (validated or built in) into a calendar. A year given twice is a programming error. */
export function buildCalendar(years: readonly CalendarYearData[]): WorkingCalendar {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const status = new Map<number, CalendarStatus>();
  for (const y of sorted) {
    if (status.has(y.year)) throw new Error(`buildCalendar: year ${y.year} given twice`);
    status.set(y.year, y.status);
  }
  if (sorted.length === 0) {
    return { years: [], status, start: 0, end: -1, cum: new Int32Array(1) };
  }
  const first = sorted[0]!.year;
  const last = sorted[sorted.length - 1]!.year;
  const start = dayFromParts(first, 1, 1);
  const end = dayFromParts(last, 12, 31);
  const length = end - start + 1;
  // 0 = unknown year (never a working day), 1 = working day, 2 = rest day
  const kind = new Uint8Array(length);
  for (const y of sorted) {
    const from = dayFromParts(y.year, 1, 1) - start;
    const to = dayFromParts(y.year, 12, 31) - start;
    for (let i = from; i <= to; i++) {
      const w = weekdayOf(start + i);
      kind[i] = w === 0 || w === 6 ? 2 : 1;
    }
    for (const s of y.workingSaturdays) {
      const d = parseIsoDay(s.date);
      if (d !== null && yearOf(d) === y.year && weekdayOf(d) === 6) kind[d - start] = 1;
    }
    for (const h of y.holidays) {
      const d = parseIsoDay(h.date);
      if (d !== null && yearOf(d) === y.year) kind[d - start] = 2;
    }
  }
  const cum = new Int32Array(length + 1);
  for (let i = 0; i < length; i++) cum[i + 1] = cum[i]! + (kind[i] === 1 ? 1 : 0);
  return { years: sorted.map((y) => y.year), status, start, end, cum };
}

function knownRange(cal: WorkingCalendar): string {
  if (cal.years.length === 0) return 'lịch làm việc chưa có năm nào';
  const first = cal.years[0]!;
  const last = cal.years[cal.years.length - 1]!;
  const span = first === last ? `năm ${first}` : `các năm ${first}–${last}`;
  return cal.years.length === last - first + 1
    ? `lịch hiện có ${span}`
    : `lịch hiện có các năm ${cal.years.join(', ')}`;
}

function viDate(day: DayNumber): string {
  const [y, m, d] = formatIsoDay(day).split('-');
  return `${d}/${m}/${y}`;
}

function outOfRange(path: string, message: string): CalendarError {
  return new CalendarError('calendar_date_out_of_range', `${path}: ${message}`, [{ path, message }]);
}

function invalid(path: string, message: string): CalendarError {
  return new CalendarError('invalid_calendar_query', `${path}: ${message}`, [{ path, message }]);
}

function parseDate(s: unknown, path: string): DayNumber {
  const d = typeof s === 'string' ? parseIsoDay(s) : null;
  if (d === null) throw invalid(path, 'phải là một ngày có thật, viết dạng YYYY-MM-DD');
  return d;
}

/** The date must lie in a year the calendar knows. */
function requireKnown(cal: WorkingCalendar, day: DayNumber, path: string): void {
  const y = yearOf(day);
  if (!cal.status.has(y)) {
    throw outOfRange(
      path,
      `ngày ${viDate(day)} nằm ngoài lịch làm việc: chưa có lịch năm ${y} (${knownRange(cal)})`,
    );
  }
}

/** Every year from `fromYear` to `toYear` must be known; the first missing one is named. */
function requireYears(
  cal: WorkingCalendar,
  fromYear: number,
  toYear: number,
  path: string,
  what: string,
): void {
  for (let y = fromYear; y <= toYear; y++) {
    if (!cal.status.has(y))
      throw outOfRange(path, `${what} đi qua năm ${y}, chưa có trong lịch (${knownRange(cal)})`);
  }
}

function anyProvisional(cal: WorkingCalendar, fromYear: number, toYear: number): boolean {
  for (let y = fromYear; y <= toYear; y++) if (cal.status.get(y) === 'provisional') return true;
  return false;
}

/** Is the day a working day? (The date must lie in a known year.) */
export function isWorkingDay(cal: WorkingCalendar, date: string): boolean {
  const d = parseDate(date, 'date');
  requireKnown(cal, d, 'date');
  return cal.cum[d - cal.start + 1]! - cal.cum[d - cal.start]! === 1;
}

/**
 * The date of the n-th working day after `from` (the day of `from` itself is never counted, whatever
 * kind of day it is). n is an integer ≥ 1.
 */
export function addWorkingDays(
  cal: WorkingCalendar,
  from: string,
  n: number,
): { date: string; provisional: boolean } {
  const f = parseDate(from, 'from');
  if (!Number.isInteger(n) || n < 1) throw invalid('add', 'phải là số nguyên từ 1 trở lên');
  requireKnown(cal, f, 'from');
  const base = cal.cum[f - cal.start + 1]!; // working days up to and including `from`
  const target = base + n;
  const total = cal.cum[cal.cum.length - 1]!;
  if (target > total) {
    throw outOfRange(
      'add',
      `ngày làm việc thứ ${n} sau ngày ${viDate(f)} rơi sau ngày ${viDate(cal.end)}, ngày cuối cùng của lịch làm việc (${knownRange(cal)})`,
    );
  }
  // smallest i with cum[i] >= target: the answer is day start + i - 1
  let lo = f - cal.start + 2;
  let hi = cal.cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cal.cum[mid]! >= target) hi = mid;
    else lo = mid + 1;
  }
  const answer = cal.start + lo - 1;
  requireYears(cal, yearOf(f), yearOf(answer), 'add', `khoảng đếm từ ngày ${viDate(f)}`);
  return { date: formatIsoDay(answer), provisional: anyProvisional(cal, yearOf(f + 1), yearOf(answer)) };
}

/** The number of working days after `from`, up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(
  cal: WorkingCalendar,
  from: string,
  to: string,
): { days: number; provisional: boolean } {
  const f = parseDate(from, 'from');
  const t = parseDate(to, 'to');
  requireKnown(cal, f, 'from');
  requireKnown(cal, t, 'to');
  if (t <= f) return { days: 0, provisional: false };
  requireYears(cal, yearOf(f), yearOf(t), 'to', `khoảng đếm từ ngày ${viDate(f)} đến ngày ${viDate(t)}`);
  const days = cal.cum[t - cal.start + 1]! - cal.cum[f - cal.start + 1]!;
  return { days, provisional: anyProvisional(cal, yearOf(f + 1), yearOf(t)) };
}
