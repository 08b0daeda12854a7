/**
 * The values of an officer's rating spreadsheet, cell by cell: the rating word, the birth date, the name
 * and the codes. Pure functions; each answers a value or a Vietnamese reason it cannot be one.
 */
import { RATING_LEVEL_NAMES, RATING_LEVELS, type RatingLevel } from '../../../../contract/vocabulary';
import { foldAccents, normaliseText } from '../../lib/vietnamese';

/** A cell as the reader gives it (dates are Excel serial numbers). */
export type CellValue = string | number | boolean | undefined;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });

/** White space normaliseText would change: a run, a leading or trailing one, or any but the plain space. */
const UNTIDY_SPACE = /\s\s|^\s|\s$|[^\S ]/;
/** Characters NFC may change (a plain ASCII text is already NFC). */
const NOT_ASCII = /[^ -~]/; // outside printable ASCII (tabs and newlines are gone by then)

/** normaliseText, with a fast path for text that is already tidy (most cells of a sheet). */
function tidy(s: string): string {
  if (UNTIDY_SPACE.test(s)) return normaliseText(s);
  return NOT_ASCII.test(s) ? s.normalize('NFC') : s;
}

/** A cell's text as typed (NFC, inner white space collapsed); numbers as they read ("123"); '' when empty. */
export function cellText(v: CellValue): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return tidy(v);
}

// ---- the rating word ----

/** "Hoàn thành tốt nhiệm vụ" — the level's full name as the law writes it. */
export const ratingFullName = (level: RatingLevel) => `${RATING_LEVEL_NAMES[level].vi} nhiệm vụ`;

/** Accent-folded, punctuation dropped, one space between words: "Hoàn thành tốt NV." → "hoan thanh tot nv". */
function foldWord(s: string): string {
  return foldAccents(s)
    .replace(/[.,;:!?()[\]"'“”‘’*\-–—/\\]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Every spelling accepted for each level, folded: the full name with or without "nhiệm vụ" (or "NV"),
 * the abbreviation (HTXS, HTT, HT, KHT) with or without "NV", and "HT" written out before the rest
 * ("HT tốt", "HT xuất sắc", "không HT").
 */
const SPELLINGS: ReadonlyMap<string, RatingLevel> = (() => {
  const m = new Map<string, RatingLevel>();
  const add = (level: RatingLevel, ...forms: string[]) => {
    for (const f of forms) {
      const base = foldWord(f);
      for (const s of [base, `${base} nhiem vu`, `${base} nv`, `${base.replace(/ /g, '')}nv`])
        m.set(s, level);
    }
  };
  for (const level of RATING_LEVELS) add(level, RATING_LEVEL_NAMES[level].vi, level);
  add('HTXS', 'HT xuất sắc');
  add('HTT', 'HT tốt');
  add('KHT', 'không HT', 'K HT');
  return m;
})();

const ACCEPTED = RATING_LEVELS.map((l) => `${ratingFullName(l)} (${l})`).join(', ');

/**
 * The level a rating word names: "Hoàn thành xuất sắc nhiệm vụ", "HTXS", "hoan thanh tot", "HT tốt NV"…
 * (accents, case, punctuation and "nhiệm vụ" do not matter). A word the rules on yearly rating do not have
 * ("Tốt", "Xuất sắc", "Khá", the pre-2020 "Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực") is refused
 * with the four levels that exist.
 */
export function parseRatingWord(v: CellValue): Parsed<RatingLevel> {
  // a sheet says the same few words thousands of times
  const key = typeof v === 'string' ? v : undefined;
  const known = key === undefined ? undefined : RATING_WORDS_SEEN.get(key);
  if (known) return known;
  const parsed = readRatingWord(v);
  if (key !== undefined && RATING_WORDS_SEEN.size < 1000) RATING_WORDS_SEEN.set(key, parsed);
  return parsed;
}

const RATING_WORDS_SEEN = new Map<string, Parsed<RatingLevel>>();

function readRatingWord(v: CellValue): Parsed<RatingLevel> {
  const text = cellText(v);
  const level = SPELLINGS.get(foldWord(text));
  if (level) return ok(level);
  const old = /^hoan thanh nhiem vu nhung/.test(foldWord(text));
  return fail(
    `Mức xếp loại "${text}" không có trong quy định về đánh giá, xếp loại hằng năm` +
      (old ? ' (đây là mức của quy định cũ, trước năm 2020)' : '') +
      `; chỉ dùng một trong bốn mức: ${ACCEPTED}.`,
  );
}

// ---- dates ----

const pad = (n: number) => String(n).padStart(2, '0');

/** yyyy-mm-dd → dd/mm/yyyy */
export const viDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function isoOf(y: number, m: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
}

/** An Excel serial day number (1 = 1900-01-01, Lotus's phantom 29/02/1900 skipped) as yyyy-mm-dd. */
export function serialToIso(serial: number, date1904 = false): string {
  const days = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  // the 1900 system counts a 29 February 1900 that never was: serials before it are one day off
  const shift = !date1904 && days < 61 ? 1 : 0;
  return new Date(epoch + (days + shift) * 86_400_000).toISOString().slice(0, 10);
}

/** yyyy-mm-dd as an Excel serial (the 1900 system), for writing dates back. */
export function isoToSerial(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

export interface DateRange {
  /** earliest date accepted (yyyy-mm-dd) */
  from: string;
  /** latest date accepted (today) */
  to: string;
}

/**
 * A birth date from a cell: a date cell or an Excel serial number, or text dd/mm/yyyy (also d/m/yyyy, with
 * "-" or "." between, or yyyy-mm-dd). Two-digit years, impossible days (31/02) and dates outside `range`
 * are refused, saying what was read.
 */
export function parseBirthDate(v: CellValue, range: DateRange, date1904 = false): Parsed<string> {
  let iso: string | undefined;
  if (typeof v === 'number') {
    if (!(v >= 1 && v < 2_958_466)) return fail(`Ngày sinh "${v}" không phải ngày tháng hợp lệ.`);
    iso = serialToIso(v, date1904);
  } else {
    const text = cellText(v);
    let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    if (m) iso = isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
    else if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text))) {
      iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    } else {
      return fail(`Ngày sinh "${text}" không đúng dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 20/05/1985.`);
    }
    if (!iso) return fail(`Ngày sinh "${text}" không có trong lịch (ngày hoặc tháng không hợp lệ).`);
  }
  if (iso < range.from || iso > range.to) {
    return fail(
      `Ngày sinh ${viDate(iso)} nằm ngoài khoảng hợp lý (${viDate(range.from)} – ${viDate(range.to)}); ` +
        `hãy kiểm tra lại ô ngày sinh.`,
    );
  }
  return ok(iso);
}

// ---- names and codes ----

/** How a name is compared: NFC, white space collapsed, lower case (accents matter: "Đức" is not "Dúc"). */
export const nameKey = (name: string) => tidy(name).toLowerCase();

/** How a code is compared: trimmed, lower case. */
export const codeKey = (code: string) => tidy(code).toLowerCase();

/** How a unit's name is compared, loosely: accents, case and punctuation do not matter. */
export const looseKey = (text: string) => foldWord(text);

/** A year cell: a whole number (or its text). */
export function parseYear(v: CellValue): number | undefined {
  const n = typeof v === 'number' ? v : Number(cellText(v));
  return Number.isInteger(n) ? n : undefined;
}
