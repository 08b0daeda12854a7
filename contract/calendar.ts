/**
 * Working-day calendar: the shape of a year's calendar (days off, make-up Saturdays, decided or
 * provisional) and of the counting queries, as TypeBox schemas shared by the HTTP routes (validation,
 * OpenAPI), the command line and the web client. The contract is ../shared/contracts/calendar.md; the
 * computation is server/src/domain/calendar.
 */
import { Type, type Static } from 'typebox';

export const CALENDAR_STATUSES = ['decided', 'provisional'] as const;
export type CalendarStatus = (typeof CALENDAR_STATUSES)[number];

/** Vietnamese and English names of the statuses. */
export const CALENDAR_STATUS_NAMES: Record<CalendarStatus, { vi: string; en: string }> = {
  decided: { vi: 'Đã quyết định', en: 'Decided' },
  provisional: { vi: 'Tạm tính', en: 'Provisional' },
};

/** First and last year an administrator may hold in the calendar. */
export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2100;
/** Most queries one request or one file may carry. */
export const CALENDAR_MAX_QUERIES = 10_000;
/** Largest N of an `add` query (about 40 years of working days). */
export const CALENDAR_MAX_ADD = 10_000;

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Text = (max: number) => Type.String({ maxLength: max });

/** A day off (public holiday, compensatory day off, or a weekday swapped against a make-up Saturday). */
export const CalendarHoliday = Type.Object(
  {
    date: IsoDate,
    name: Type.String({ minLength: 1, maxLength: 300 }),
    source: Type.Optional(Text(1000)),
    /** set when the day rests on an assumption rather than a decision (what is assumed) */
    assumption: Type.Optional(Text(1000)),
  },
  { additionalProperties: false },
);
export type CalendarHoliday = Static<typeof CalendarHoliday>;

/** A Saturday that is a working day (a make-up day, "làm bù"). */
export const CalendarWorkingSaturday = Type.Object(
  {
    date: IsoDate,
    name: Type.Optional(Text(300)),
    source: Type.Optional(Text(1000)),
  },
  { additionalProperties: false },
);
export type CalendarWorkingSaturday = Static<typeof CalendarWorkingSaturday>;

/** One year of the calendar as data. */
export const CalendarYearData = Type.Object(
  {
    year: Type.Integer({ minimum: CALENDAR_MIN_YEAR, maximum: CALENDAR_MAX_YEAR }),
    status: Type.Enum([...CALENDAR_STATUSES]),
    holidays: Type.Array(CalendarHoliday, { maxItems: 120 }),
    workingSaturdays: Type.Array(CalendarWorkingSaturday, { maxItems: 53 }),
    /** legal basis, sources and what is uncertain, in Vietnamese */
    notes: Text(5000),
  },
  { additionalProperties: false },
);
export type CalendarYearData = Static<typeof CalendarYearData>;

/** A year as stored: the data plus its version (optimistic concurrency) and who changed it last. */
export const CalendarYear = Type.Object({
  ...CalendarYearData.properties,
  version: Type.Integer(),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type CalendarYear = Static<typeof CalendarYear>;

/** PUT /calendar/years/:year: the whole year replaced; `version` is the one read. */
export const CalendarYearUpdate = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    status: Type.Enum([...CALENDAR_STATUSES]),
    holidays: CalendarYearData.properties.holidays,
    workingSaturdays: CalendarYearData.properties.workingSaturdays,
    notes: Text(5000),
  },
  { additionalProperties: false },
);
export type CalendarYearUpdate = Static<typeof CalendarYearUpdate>;

/** POST /calendar/years: a provisional year generated from the statutory rule. */
export const CalendarYearCreate = Type.Object(
  { year: Type.Integer({ minimum: CALENDAR_MIN_YEAR, maximum: CALENDAR_MAX_YEAR }) },
  { additionalProperties: false },
);

/** Counting queries (contract): the N-th working day after `from`, or the working days from `from` to `to`. */
export const CalendarAddQuery = Type.Object(
  {
    id: Type.Optional(Type.String({ description: 'any string, echoed back' })),
    from: IsoDate,
    add: Type.Integer({ minimum: 1, maximum: CALENDAR_MAX_ADD }),
  },
  { additionalProperties: false },
);
export const CalendarBetweenQuery = Type.Object(
  {
    id: Type.Optional(Type.String({ description: 'any string, echoed back' })),
    from: IsoDate,
    to: IsoDate,
  },
  { additionalProperties: false },
);
export const CalendarQuery = Type.Union([CalendarAddQuery, CalendarBetweenQuery]);
export type CalendarQuery = Static<typeof CalendarQuery>;

export const CalendarAddResult = Type.Object({
  id: Type.Optional(Type.String()),
  date: Type.String({ description: 'YYYY-MM-DD' }),
  provisional: Type.Boolean(),
});
export const CalendarBetweenResult = Type.Object({
  id: Type.Optional(Type.String()),
  days: Type.Integer(),
  provisional: Type.Boolean(),
});
export const CalendarResult = Type.Union([CalendarAddResult, CalendarBetweenResult]);
export type CalendarResult = Static<typeof CalendarResult>;

export const CalendarCountBody = Type.Union([
  CalendarQuery,
  Type.Array(CalendarQuery, { maxItems: CALENDAR_MAX_QUERIES }),
]);
export const CalendarCountResponse = Type.Union([CalendarResult, Type.Array(CalendarResult)]);

/** Error codes of the counting (their messages are in contract/errors.ts). */
export type CalendarErrorCode = 'invalid_calendar_query' | 'calendar_date_out_of_range';

/**
 * Where every year field starts (a default of the screens, not a rule of law): units rate their people and
 * propose the year's titles in December, so from 1 December the year under way is the one worked on; before
 * that, the last completed year is. The demo city follows it too (part of the city has rated by then).
 */
export const YEAR_END_SEASON_FROM = '12-01';

/** The year every year field starts at on the day `today` ("yyyy-mm-dd", in Vietnam): see YEAR_END_SEASON_FROM. */
export function workingYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return today.slice(5, 10) >= YEAR_END_SEASON_FROM ? year : year - 1;
}
