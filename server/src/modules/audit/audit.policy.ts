import { can, inScope, type Actor } from '../auth/auth.policy';

/**
 * Who reads the audit log, and which entries. Everyone signed in reads the log of their own scope: an
 * entry belongs to the unit it names (`org_unit_id`: the person's unit, the unit itself, the job's), and
 * is in scope when that unit lies in the reader's subtree as the tree stands today (a unit moved takes
 * its history with it). An entry without a unit (a setting, the working calendar, an account made at the
 * command line) concerns the whole system: only administrators and the Board at city scope read it.
 */
export const canReadAudit = (actor: Actor): boolean => can(actor, 'audit.read');

/** The actor's unit is a root of the tree (the city). */
export const atCityScope = (actor: Actor): boolean =>
  actor.scopePath !== '' && actor.scopePath.split('/').filter(Boolean).length === 1;

/** Entries without a unit: administrators and the Board at city scope. */
export const canSeeUnscopedAudit = (actor: Actor): boolean =>
  canReadAudit(actor) && atCityScope(actor) && actor.roles.some((r) => r === 'admin' || r === 'board');

/** One entry, by the current path of its unit (null: it has none, or the unit is gone). */
export function canSeeAuditEntry(actor: Actor, entry: { unitPath: string | null }): boolean {
  if (!canReadAudit(actor)) return false;
  return entry.unitPath === null ? canSeeUnscopedAudit(actor) : inScope(actor, entry.unitPath);
}

/** A full verification of the chain reads every entry of the city: administrators only. */
export const canVerifyAuditChain = (actor: Actor): boolean => actor.roles.includes('admin');
