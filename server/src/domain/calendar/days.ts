/**
 * Calendar dates as whole day numbers (days since 1970-01-01), so that arithmetic never meets a time zone.
 * A date is a civil date in Vietnam written `YYYY-MM-DD`; nothing here reads a clock.
 */

/** Days since 1970-01-01 of a civil date. */
export type DayNumber = number;

export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6; // 0 = Sunday … 6 = Saturday

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of `YYYY-MM-DD`, or null when it is not a real date written that way. */
export function parseIsoDay(s: string): DayNumber | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(t / 86_400_000);
}

export function dayFromParts(year: number, month: number, day: number): DayNumber {
  const t = new Date(0);
  t.setUTCFullYear(year, month - 1, day);
  t.setUTCHours(0, 0, 0, 0);
  return Math.round(t.getTime() / 86_400_000);
}

export function formatIsoDay(day: DayNumber): string {
  const d = new Date(day * 86_400_000);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${dd}`;
}

export function yearOf(day: DayNumber): number {
  return new Date(day * 86_400_000).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: DayNumber): Weekday {
  return ((((day + 4) % 7) + 7) % 7) as Weekday;
}

export function isWeekend(day: DayNumber): boolean {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
}

/** "Thứ Hai" … "Chủ nhật". */
export const WEEKDAY_VI: Record<Weekday, string> = {
  0: 'Chủ nhật',
  1: 'Thứ Hai',
  2: 'Thứ Ba',
  3: 'Thứ Tư',
  4: 'Thứ Năm',
  5: 'Thứ Sáu',
  6: 'Thứ Bảy',
};

/** "2026-04-27" → "27/4/2026" (the way Vietnamese legal texts write dates). */
export function shortViDate(day: DayNumber): string {
  const d = new Date(day * 86_400_000);
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`;
}
