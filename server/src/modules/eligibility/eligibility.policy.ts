import { can, type Actor } from '../auth/auth.policy';

/** Check a case or read the catalogue, lists and panels (what is read is scoped by the service). */
export const canCheckEligibility = (actor: Actor): boolean => can(actor, 'eligibility.check');

/** Change the values the law leaves uncertain: they change every verdict in the city, so administrators only. */
export const canChangeSettings = (actor: Actor): boolean => actor.roles.includes('admin');
