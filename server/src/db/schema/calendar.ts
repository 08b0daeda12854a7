import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { CalendarHoliday, CalendarStatus, CalendarWorkingSaturday } from '../../../../contract/calendar';

/**
 * The working-day calendar, one row a year (domain/calendar): days off and make-up Saturdays as JSON,
 * decided or provisional. Seeded with the built-in years by the migration `calendar_seed`; changed by an
 * administrator (optimistic concurrency on `version`).
 */
export const calendarYears = pgTable(
  'calendar_years',
  {
    year: integer('year').primaryKey(),
    status: text('status').$type<CalendarStatus>().notNull(),
    holidays: jsonb('holidays').$type<CalendarHoliday[]>().notNull(),
    workingSaturdays: jsonb('working_saturdays').$type<CalendarWorkingSaturday[]>().notNull(),
    notes: text('notes').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('calendar_years_status_ck', sql`${t.status} in ('decided', 'provisional')`),
    check('calendar_years_year_ck', sql`${t.year} between 2000 and 2100`),
    check(
      'calendar_years_lists_ck',
      sql`jsonb_typeof(${t.holidays}) = 'array' and jsonb_typeof(${t.workingSaturdays}) = 'array'`,
    ),
  ],
);
