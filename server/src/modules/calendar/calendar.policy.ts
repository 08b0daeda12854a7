import type { Actor } from '../auth/auth.policy';

/**
 * The working-day calendar belongs to the whole city: every time limit of the procedure is counted on it.
 * Anyone signed in may read it and count on it; only an administrator whose scope is the whole city (a
 * root unit of the organisation tree) may change it.
 */
export function canReadCalendar(actor: Actor): boolean {
  return actor.roles.length > 0;
}

/** A city-wide actor: their unit is a root of the organisation tree (path `/<id>/`). */
function isCityWide(actor: Actor): boolean {
  return actor.scopePath.split('/').filter(Boolean).length === 1;
}

/** May the actor create or change a year of the calendar? */
export function canEditCalendar(actor: Actor): boolean {
  return actor.roles.includes('admin') && isCityWide(actor);
}
