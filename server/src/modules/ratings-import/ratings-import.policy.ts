import { can, type Actor, type Scoped } from '../auth/auth.policy';

/**
 * Import a unit's year-end ratings from a spreadsheet: whoever writes yearly records (officer, board,
 * administrator), for a unit of their subtree; every person written lies under that unit.
 */
export const canImportRatings = (actor: Actor, unit: Scoped): boolean => can(actor, 'record.write', unit);

/** The unit's template lists its people: whoever may import for the unit may have it. */
export const canDownloadTemplate = canImportRatings;
