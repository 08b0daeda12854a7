import type { Role } from '../../../../contract/vocabulary';
import { can, type Actor } from '../auth/auth.policy';

/**
 * Whose to-do list holds what. The work of the units (year-end ratings, people newly eligible) is asked
 * of those who enter it (officers, the Board) and of heads, who approve and sign: each within their scope.
 * The system's health (sign-in refusals, the audit chain, the stored verdicts, failed jobs) is the
 * administrator's. A council member's work (ballots) comes with the council's sessions.
 */
export function unitWorkRole(actor: Actor): Extract<Role, 'head' | 'officer' | 'board'> | undefined {
  if (!can(actor, 'person.read')) return undefined;
  if (actor.roles.includes('head')) return 'head';
  if (actor.roles.includes('officer')) return 'officer';
  if (actor.roles.includes('board')) return 'board';
  return undefined;
}

/** Newly eligible people are read from the eligibility lists. */
export const seesEligibility = (actor: Actor): boolean => can(actor, 'eligibility.check');

export const watchesSystem = (actor: Actor): boolean => actor.roles.includes('admin');
