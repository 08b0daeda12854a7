/**
 * `vinhdanh calendar count FILE`: one query or an array of queries from a JSON file, answered as JSON on
 * stdout (exit 0), on the same calendar as the server (the database, read through `withCliDatabase`;
 * the built-in years when it cannot be reached). A missing file, bad JSON, a malformed query or a date
 * outside the known years: a clear error on stderr, exit 2.
 */
import { readFile } from 'node:fs/promises';
import type { CalendarYearData } from '../../../../contract/calendar';
import type { Deps } from '../../deps';
import {
  BUILT_IN_CALENDAR,
  buildCalendar,
  CalendarError,
  countWorkingDays,
  parseQueries,
} from '../../domain/calendar';
import { pgErrorCode } from '../../plugins/errors';
import { readCalendarYears } from './calendar.service';

/** the database handle the caller holds (a transaction or the pool) */
type Db = Deps['db'];

export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

function printError(io: CliIo, e: CalendarError, english: string): void {
  io.stderr(`Lỗi [${e.code}]: ${e.message}\nError [${e.code}]: ${english}\n`);
  for (const d of e.details) io.stderr(`  - ${d.path}: ${d.message}\n`);
}

/**
 * The calendar the server counts on, read from its database; the built-in years when the database
 * (older than the calendar) has no calendar table yet.
 */
export async function calendarYearsForCli(
  db: Db | null,
  io: Pick<CliIo, 'stderr'>,
): Promise<readonly CalendarYearData[]> {
  if (!db) return BUILT_IN_CALENDAR;
  try {
    return await readCalendarYears(db);
  } catch (e) {
    if (pgErrorCode(e) !== '42P01') throw e; // undefined_table
    io.stderr(
      'Cơ sở dữ liệu chưa có bảng lịch làm việc (chưa cập nhật: hãy khởi động máy chủ một lần); dùng lịch có sẵn ' +
        'trong chương trình (using the built-in calendar).\n',
    );
    return BUILT_IN_CALENDAR;
  }
}

export async function runCalendarCount(
  filePath: string,
  io: CliIo,
  loadYears: () => Promise<readonly CalendarYearData[]>,
): Promise<number> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    io.stderr(
      code === 'ENOENT'
        ? `Lỗi [file_not_found]: không tìm thấy tệp "${filePath}"\nError [file_not_found]: file not found: ${filePath}\n`
        : `Lỗi [file_not_found]: không đọc được tệp "${filePath}" (${code ?? 'lỗi đọc tệp'})\nError [file_not_found]: cannot read ${filePath}: ${(e as Error).message}\n`,
    );
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const why = (e as Error).message;
    io.stderr(
      `Lỗi [invalid_json]: tệp "${filePath}" không phải JSON hợp lệ: ${why}\nError [invalid_json]: ${filePath} is not valid JSON: ${why}\n`,
    );
    return 2;
  }
  try {
    parseQueries(input); // a malformed file is refused before the database is opened
    const calendar = buildCalendar(await loadYears());
    io.stdout(`${JSON.stringify(countWorkingDays(calendar, input), null, 2)}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof CalendarError)) throw e;
    const n = e.details.length;
    printError(
      io,
      e,
      e.code === 'calendar_date_out_of_range'
        ? `a date lies outside the years the calendar knows (${n} problem${n === 1 ? '' : 's'})`
        : `invalid working-day query in ${filePath} (${n} problem${n === 1 ? '' : 's'})`,
    );
    return 2;
  }
}
