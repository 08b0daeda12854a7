/** Public API of the working-day calendar (pure domain: no Fastify, no Drizzle, no I/O). */
export { BUILT_IN_CALENDAR, CALENDAR_2025, CALENDAR_2026, CALENDAR_2027 } from './data';
export { formatIsoDay, parseIsoDay, weekdayOf, WEEKDAY_VI, type DayNumber } from './days';
export { CalendarError, CalendarYearError, type CalendarErrorDetail } from './errors';
export { hungKingsDay, lunarToSolar, solarToLunar, tetDay, type LunarDate } from './lunar';
export { answerQuery, countWorkingDays, parseQueries, type ParsedQueries } from './queries';
export {
  CULTURE_DAY_NOTE,
  canChi,
  provisionalYear,
  statutoryHolidays,
  withCompensatoryDays,
} from './statutory';
export { validateCalendarYear } from './validate';
export {
  addWorkingDays,
  buildCalendar,
  isWorkingDay,
  workingDaysBetween,
  type WorkingCalendar,
} from './working-days';
