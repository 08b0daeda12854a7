/**
 * Dates cross the API as "yyyy-mm-dd" strings and are shown as dd/mm/yyyy in every language.
 * They are handled as strings to avoid time-zone shifts.
 */
import dayjs, { type Dayjs } from 'dayjs';
import { workingYear } from '../../../contract/calendar';

export const DATE_FORMAT = 'DD/MM/YYYY';

/** "2024-07-01" → "01/07/2024"; null, undefined or malformed → the placeholder. */
export function formatDate(iso: string | null | undefined, placeholder = '—'): string {
  if (!iso) return placeholder;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return placeholder;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** A date picker's value → "yyyy-mm-dd", or null when empty. */
export function toIsoDate(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

/** "yyyy-mm-dd" → a date picker value. */
export function fromIsoDate(iso: string | null | undefined): Dayjs | null {
  if (!iso) return null;
  const value = dayjs(iso.slice(0, 10));
  return value.isValid() ? value : null;
}

export function currentYear(): number {
  return new Date().getFullYear();
}

/** Today in Vietnam as "yyyy-mm-dd", whatever the browser's time zone. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

/** The year every year field starts at (the same rule as the server's: contract/calendar.ts). */
export function defaultYear(): number {
  return workingYear(todayInVietnam());
}
