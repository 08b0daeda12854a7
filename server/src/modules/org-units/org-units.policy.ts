import { can, type Actor } from '../auth/auth.policy';

interface UnitLike {
  path: string;
}

/** Read a unit: in the actor's subtree, or a predecessor of it (`lineage`: merged into the subtree). */
export const canReadUnit = (actor: Actor, unit: UnitLike, lineage = false): boolean =>
  can(actor, 'org_unit.read') && (lineage || can(actor, 'org_unit.read', unit));

/** Change a unit's details: within the actor's subtree (never a predecessor outside it). */
export const canEditUnit = (actor: Actor, unit: UnitLike): boolean => can(actor, 'org_unit.write', unit);

/** Create a unit under `parent`. */
export const canCreateUnder = (actor: Actor, parent: UnitLike): boolean =>
  can(actor, 'org_unit.write', parent);

/** Move `unit` under `parent`: both in the subtree, and never the actor's own root unit. */
export const canMoveUnit = (actor: Actor, unit: UnitLike, parent: UnitLike): boolean =>
  canEditUnit(actor, unit) && canCreateUnder(actor, parent) && unit.path !== actor.scopePath;

/** Close a unit: in the subtree, and never the actor's own root unit (they would lock themselves out). */
export const canCloseUnit = (actor: Actor, unit: UnitLike): boolean =>
  canEditUnit(actor, unit) && unit.path !== actor.scopePath;

/**
 * Merge `unit` into `target`: the unit (never the actor's own root) and the target both in the subtree,
 * so a merge never reaches across scopes the actor cannot write.
 */
export const canMergeUnit = (actor: Actor, unit: UnitLike, target: UnitLike): boolean =>
  canCloseUnit(actor, unit) && canCreateUnder(actor, target);
