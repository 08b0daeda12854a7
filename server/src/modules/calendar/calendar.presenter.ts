import type { CalendarYear, CalendarYearData } from '../../../../contract/calendar';
import type { CalendarYearRow } from './calendar.repository';

/** The data of a year (what the domain counts on, and what the audit log keeps). */
export function toCalendarYearData(r: CalendarYearRow): CalendarYearData {
  return {
    year: r.year,
    status: r.status,
    holidays: r.holidays,
    workingSaturdays: r.workingSaturdays,
    notes: r.notes,
  };
}

/** A year as the API shows it. */
export function toCalendarYear(r: CalendarYearRow): CalendarYear {
  return {
    ...toCalendarYearData(r),
    version: r.version,
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt.toISOString(),
  };
}
