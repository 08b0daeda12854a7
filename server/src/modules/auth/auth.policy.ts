import type { Role } from '../../../../contract/vocabulary';

/** Who is acting: a logged-in user bound to an organisation unit; their scope is that unit's subtree. */
export interface Actor {
  userId: string;
  username: string;
  fullName: string;
  roles: Role[];
  orgUnitId: string;
  orgUnitName: string;
  /** materialised path of the actor's unit; every resource they may touch has a path starting with it */
  scopePath: string;
  /** an administrator set the password: only the own-account routes answer until the user changes it */
  mustChangePassword?: boolean;
}

export type Action =
  | 'org_unit.read'
  | 'org_unit.write'
  | 'person.read'
  | 'person.write'
  | 'record.write'
  | 'eligibility.check'
  | 'audit.read'
  /** administer the user accounts of the subtree (create, edit, deactivate, reset passwords, unlock) */
  | 'user.admin';

const GRANTS: Record<Role, readonly Action[]> = {
  admin: [
    'org_unit.read',
    'org_unit.write',
    'person.read',
    'person.write',
    'record.write',
    'eligibility.check',
    'audit.read',
    'user.admin',
  ],
  board: [
    'org_unit.read',
    'org_unit.write',
    'person.read',
    'person.write',
    'record.write',
    'eligibility.check',
    'audit.read',
  ],
  // everyone reads the audit log of their own scope (audit.policy.ts)
  officer: [
    'org_unit.read',
    'person.read',
    'person.write',
    'record.write',
    'eligibility.check',
    'audit.read',
  ],
  head: ['org_unit.read', 'person.read', 'eligibility.check', 'audit.read'],
  council: ['org_unit.read', 'person.read', 'eligibility.check', 'audit.read'],
};

/** A resource with a place in the organisation tree. */
export interface Scoped {
  path: string;
}

/** May the actor perform the action (on the resource, when given)? Scope is the actor's unit subtree. */
export function can(actor: Actor, action: Action, resource?: Scoped): boolean {
  if (!actor.roles.some((r) => GRANTS[r]?.includes(action))) return false;
  return resource === undefined || inScope(actor, resource.path);
}

export function inScope(actor: Actor, path: string): boolean {
  return actor.scopePath !== '' && path.startsWith(actor.scopePath);
}
