import { and, asc, eq, sql } from 'drizzle-orm';
import type { CalendarYearData } from '../../../../contract/calendar';
import type { Db } from '../../db/client';
import { calendarYears } from '../../db/schema';

export type CalendarYearRow = typeof calendarYears.$inferSelect;

export async function listYears(db: Db): Promise<CalendarYearRow[]> {
  return db.select().from(calendarYears).orderBy(asc(calendarYears.year));
}

/** The years as data, for counting (no bookkeeping columns). */
export async function readCalendarData(db: Db): Promise<CalendarYearData[]> {
  return db
    .select({
      year: calendarYears.year,
      status: calendarYears.status,
      holidays: calendarYears.holidays,
      workingSaturdays: calendarYears.workingSaturdays,
      notes: calendarYears.notes,
    })
    .from(calendarYears)
    .orderBy(asc(calendarYears.year));
}

export async function findYear(db: Db, year: number, opts: { forUpdate?: boolean } = {}) {
  const q = db.select().from(calendarYears).where(eq(calendarYears.year, year));
  const [row] = opts.forUpdate ? await q.for('update') : await q;
  return row;
}

/** Insert a year; undefined when the year is already there. */
export async function insertYear(
  db: Db,
  data: CalendarYearData,
  by: { username: string; at: Date },
): Promise<CalendarYearRow | undefined> {
  const [row] = await db
    .insert(calendarYears)
    .values({ ...data, version: 1, updatedBy: by.username, updatedAt: by.at })
    .onConflictDoNothing({ target: calendarYears.year })
    .returning();
  return row;
}

/** Replace a year's data when its version is still `version`; undefined otherwise. */
export async function updateYear(
  db: Db,
  data: CalendarYearData,
  version: number,
  by: { username: string; at: Date },
): Promise<CalendarYearRow | undefined> {
  const [row] = await db
    .update(calendarYears)
    .set({
      status: data.status,
      holidays: data.holidays,
      workingSaturdays: data.workingSaturdays,
      notes: data.notes,
      version: sql`${calendarYears.version} + 1`,
      updatedBy: by.username,
      updatedAt: by.at,
    })
    .where(and(eq(calendarYears.year, data.year), eq(calendarYears.version, version)))
    .returning();
  return row;
}
