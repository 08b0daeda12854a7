import type {
  CalendarResult,
  CalendarYear,
  CalendarYearData,
  CalendarYearUpdate,
} from '../../../../contract/calendar';
import type { Deps } from '../../deps';
import {
  buildCalendar,
  CalendarError,
  CalendarYearError,
  countWorkingDays,
  provisionalYear,
  validateCalendarYear,
  type WorkingCalendar,
} from '../../domain/calendar';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { unitOfWork } from '../audit/unit-of-work';
import type { Actor } from '../auth/auth.policy';
import { canEditCalendar, canReadCalendar } from './calendar.policy';
import { toCalendarYear, toCalendarYearData } from './calendar.presenter';
import * as repo from './calendar.repository';

/** the database handle the caller holds (a transaction or the pool) */
type Db = Deps['db'];

function toAppError(e: unknown): never {
  if (e instanceof CalendarError) throw new AppError(e.code, 400, e.message, e.details);
  if (e instanceof CalendarYearError) throw new AppError('invalid_calendar_year', 400, e.message, e.details);
  throw e;
}

/** The years stored in the database, as data (the command line reads them too). */
export async function readCalendarYears(db: Db): Promise<CalendarYearData[]> {
  return repo.readCalendarData(db);
}

/** The calendar as it stands in the database, compiled for counting. */
export async function loadCalendar(deps: Pick<Deps, 'db'>): Promise<WorkingCalendar> {
  return buildCalendar(await readCalendarYears(deps.db));
}

/** POST /calendar/count: the contract's door over HTTP (same parser and counting as the command line). */
export async function countQueries(
  deps: Deps,
  actor: Actor,
  body: unknown,
): Promise<CalendarResult | CalendarResult[]> {
  if (!canReadCalendar(actor)) throw new AppError('forbidden', 403);
  const calendar = await loadCalendar(deps);
  try {
    return countWorkingDays(calendar, body);
  } catch (e) {
    return toAppError(e);
  }
}

export async function listYears(deps: Deps, actor: Actor): Promise<CalendarYear[]> {
  if (!canReadCalendar(actor)) throw new AppError('forbidden', 403);
  return (await repo.listYears(deps.db)).map(toCalendarYear);
}

export async function getYear(deps: Deps, actor: Actor, year: number): Promise<CalendarYear> {
  if (!canReadCalendar(actor)) throw new AppError('forbidden', 403);
  const row = await repo.findYear(deps.db, year);
  if (!row) throw notFound();
  return toCalendarYear(row);
}

/** A provisional year generated from the statutory rule (holidays of the Labour Code, compensatory days). */
export async function createProvisionalYear(deps: Deps, actor: Actor, year: number): Promise<CalendarYear> {
  return unitOfWork(deps, actor, async (uow) => {
    uow.authorise(canEditCalendar(actor));
    const row = await repo.insertYear(uow.tx, provisionalYear(year), {
      username: actor.username,
      at: uow.now,
    });
    if (!row) throw new AppError('calendar_year_exists', 409);
    const created = toCalendarYear(row);
    await uow.record({
      action: 'calendar_year.create',
      entityType: 'calendar_year',
      entityId: String(year),
      after: toCalendarYearData(row),
    });
    return created;
  });
}

/** Replace a year's days off, make-up Saturdays, status and notes (optimistic concurrency on `version`). */
export async function updateYear(
  deps: Deps,
  actor: Actor,
  year: number,
  input: CalendarYearUpdate,
): Promise<CalendarYear> {
  return unitOfWork(deps, actor, async (uow) => {
    const current = await repo.findYear(uow.tx, year);
    uow.authorise(canEditCalendar(actor));
    if (!current) throw notFound();
    if (current.version !== input.version) throw versionConflict();
    let data: CalendarYearData;
    try {
      data = validateCalendarYear({
        year,
        status: input.status,
        holidays: input.holidays,
        workingSaturdays: input.workingSaturdays,
        notes: input.notes,
      });
    } catch (e) {
      return toAppError(e);
    }
    const row = await repo.updateYear(uow.tx, data, input.version, { username: actor.username, at: uow.now });
    if (!row) throw versionConflict(); // changed by someone else since it was read
    await uow.record({
      action: 'calendar_year.update',
      entityType: 'calendar_year',
      entityId: String(year),
      before: toCalendarYearData(current),
      after: toCalendarYearData(row),
    });
    return toCalendarYear(row);
  });
}
