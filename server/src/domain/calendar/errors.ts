import type { CalendarErrorCode } from '../../../../contract/calendar';

export interface CalendarErrorDetail {
  /** where: `from`, `[3].add`, `holidays[2].date`, `(gốc)` for the whole input */
  path: string;
  message: string;
}

/**
 * The one error type of the calendar: a malformed query (`invalid_calendar_query`), or a date the
 * calendar does not know (`calendar_date_out_of_range`). `message` is Vietnamese and names the first
 * problem; `details` lists every problem found.
 */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';

  constructor(
    readonly code: CalendarErrorCode,
    message: string,
    readonly details: CalendarErrorDetail[] = [],
  ) {
    super(message);
  }
}

/** Problems found in a year's data (an administrator's edit); code `invalid_calendar_year`. */
export class CalendarYearError extends Error {
  override readonly name = 'CalendarYearError';
  readonly code = 'invalid_calendar_year';

  constructor(
    message: string,
    readonly details: CalendarErrorDetail[],
  ) {
    super(message);
  }
}
