/** Small helpers for dates and for Vietnamese legal-style wording of numbers. */
import type {
  EligibilityDisciplineForm,
  EligibilityInitiativeScope,
  EligibilityRatingLevel,
} from '../../../../contract/eligibility';
import {
  DISCIPLINE_FORM_NAMES,
  INITIATIVE_SCOPE_NAMES,
  INITIATIVE_SCOPES,
  RATING_LEVEL_NAMES,
  namesIn,
} from '../../../../contract/vocabulary';

/** 3 → "03", 12 → "12": counts written in the Vietnamese legal style. */
export function pad2(n: number): string {
  return n >= 0 && n < 10 ? `0${n}` : String(n);
}

/** [2023, 2024, 2025] → "2023, 2024, 2025". */
export function yearList(years: readonly number[]): string {
  return years.join(', ');
}

/** A percentage written the Vietnamese way, truncated (never rounded up) to two decimals: 69.96 → "69,96%". */
export function formatPct(numerator: number, denominator: number): string {
  if (denominator === 0) return '0%';
  const hundredths = Math.floor((numerator * 10000) / denominator);
  const whole = Math.floor(hundredths / 100);
  const frac = hundredths % 100;
  if (frac === 0) return `${whole}%`;
  const fracText = frac % 10 === 0 ? String(frac / 10) : pad2(frac);
  return `${whole},${fracText}%`;
}

export interface Ymd {
  y: number;
  m: number; // 1..12
  d: number; // 1..31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses yyyy-mm-dd into parts; undefined when the text is not a real calendar date (2025-02-30 is not). */
export function parseIsoDate(s: string): Ymd | undefined {
  // The usual shape is read digit by digit (no match array: subjects of a whole city are parsed in bulk);
  // anything else goes to the pattern, which decides.
  let y: number;
  let mo: number;
  let d: number;
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    y = digits(s, 0, 4);
    mo = digits(s, 5, 7);
    d = digits(s, 8, 10);
    if (y < 0 || mo < 0 || d < 0) return undefined;
  } else {
    const m = ISO_DATE.exec(s);
    if (!m) return undefined;
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return { y, m: mo, d };
}

/** The number written with ASCII digits in s[from, to), or -1 when one of them is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 (UTC), for comparisons and differences. */
export function dayNumber(d: Ymd): number {
  return Math.floor(Date.UTC(d.y, d.m - 1, d.d) / 86_400_000);
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** Adds calendar months; a day that does not exist in the target month is clamped to its last day. */
export function addMonths(d: Ymd, months: number): Ymd {
  const total = d.y * 12 + (d.m - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return { y, m, d: Math.min(d.d, daysInMonth(y, m)) };
}

export function addDays(d: Ymd, days: number): Ymd {
  const t = new Date(Date.UTC(d.y, d.m - 1, d.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/**
 * Whole months and remaining days from `start` (first day counted) to the end of `endInclusive`:
 * 2025-07-01 → 2025-12-31 is 6 months 0 days; 2025-07-03 → 2025-12-31 is 5 months 29 days.
 */
export function monthsAndDays(start: Ymd, endInclusive: Ymd): { months: number; days: number } {
  const endExclusive = nextDay(endInclusive);
  if (compareYmd(start, endExclusive) >= 0) return { months: 0, days: 0 };
  let months = (endExclusive.y - start.y) * 12 + (endExclusive.m - start.m);
  while (months > 0 && compareYmd(addMonths(start, months), endExclusive) > 0) months--;
  const days = civilDayNumber(endExclusive) - civilDayNumber(addMonths(start, months));
  return { months, days };
}

/**
 * `addDays(d, 1)` by calendar arithmetic (no Date object: judged for every person of a batch). Dates
 * `Date.UTC` reads differently (years 0–99) or that do not exist go through `addDays`.
 */
function nextDay(d: Ymd): Ymd {
  if (d.y < 100 || d.m < 1 || d.m > 12 || d.d < 1 || d.d > daysInMonth(d.y, d.m)) return addDays(d, 1);
  if (d.d < daysInMonth(d.y, d.m)) return { y: d.y, m: d.m, d: d.d + 1 };
  return d.m < 12 ? { y: d.y, m: d.m + 1, d: 1 } : { y: d.y + 1, m: 1, d: 1 };
}

/** `dayNumber` by calendar arithmetic (days from civil, proleptic Gregorian), the same for a real date. */
function civilDayNumber(d: Ymd): number {
  if (d.y < 100 || d.m < 1 || d.m > 12 || d.d < 1 || d.d > daysInMonth(d.y, d.m)) return dayNumber(d);
  const y = d.m <= 2 ? d.y - 1 : d.y;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (d.m > 2 ? d.m - 3 : d.m + 9) + 2) / 5) + d.d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** 2025-07-03 → "03/07/2025". */
export function formatDateVi(d: Ymd): string {
  return `${pad2(d.d)}/${pad2(d.m)}/${d.y}`;
}

export const RATING_RANK: Record<EligibilityRatingLevel, number> = { KHT: 0, HT: 1, HTT: 2, HTXS: 3 };
export const RATING_BY_RANK: readonly EligibilityRatingLevel[] = ['KHT', 'HT', 'HTT', 'HTXS'];
/** The wording of the vocabulary's names inside the engine's sentences. */
function mapValues<K extends string>(
  names: Record<K, string>,
  f: (name: string) => string,
): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(names) as K[]) out[key] = f(names[key]);
  return out;
}
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** "Hoàn thành tốt nhiệm vụ": the full name of a rating level. */
export const RATING_NAME_VI: Record<EligibilityRatingLevel, string> = mapValues(
  namesIn('vi', RATING_LEVEL_NAMES),
  (name) => `${name} nhiệm vụ`,
);
export function ratingAtLeastVi(level: EligibilityRatingLevel): string {
  const name = RATING_NAME_VI[level];
  return level === 'HTXS' ? name : `${name} trở lên`;
}

export const SCOPE_RANK: Record<EligibilityInitiativeScope, number> = { CO_SO: 0, BO_TINH: 1, TOAN_QUOC: 2 };
export const SCOPE_BY_RANK: readonly EligibilityInitiativeScope[] = INITIATIVE_SCOPES;
/** "cấp bộ, ban, ngành, tỉnh": a scope inside a sentence. */
export const SCOPE_NAME_VI: Record<EligibilityInitiativeScope, string> = mapValues(
  namesIn('vi', INITIATIVE_SCOPE_NAMES),
  lowerFirst,
);
export function scopeAtLeastVi(scope: EligibilityInitiativeScope): string {
  return scope === 'TOAN_QUOC'
    ? 'phạm vi ảnh hưởng toàn quốc'
    : `phạm vi ảnh hưởng ${SCOPE_NAME_VI[scope]} trở lên`;
}

export const DISCIPLINE_RANK: Record<EligibilityDisciplineForm, number> = {
  KHIEN_TRACH: 0,
  CANH_CAO: 1,
  HA_BAC_LUONG: 2,
  GIANG_CHUC: 3,
  CACH_CHUC: 4,
  BUOC_THOI_VIEC: 5,
};
/** "khiển trách": a disciplinary measure inside a sentence. */
export const DISCIPLINE_NAME_VI: Record<EligibilityDisciplineForm, string> = mapValues(
  namesIn('vi', DISCIPLINE_FORM_NAMES),
  (name) => name.toLowerCase(),
);
