import type { Role } from '../../../../contract/vocabulary';
import { can, type Actor } from '../auth/auth.policy';

/** A user account as the policy sees it: who, and where in the tree (their unit's materialised path). */
interface AccountLike {
  id: string;
  /** path of the unit the user belongs to */
  path: string;
}

interface UnitLike {
  path: string;
}

/** See the user administration at all (the list, the locked accounts). */
export const canAdministerUsers = (actor: Actor): boolean => can(actor, 'user.admin');

/** See one account: an administrator whose subtree holds the account's unit. */
export const canReadUser = (actor: Actor, user: AccountLike): boolean => can(actor, 'user.admin', user);

/** Open an account bound to `unit`. */
export const canCreateUserIn = (actor: Actor, unit: UnitLike): boolean => can(actor, 'user.admin', unit);

/** Change an account's name, unit or roles; `to`: the unit it moves to, which must be in the subtree too. */
export const canEditUser = (actor: Actor, user: AccountLike, to?: UnitLike): boolean =>
  can(actor, 'user.admin', user) && (to === undefined || can(actor, 'user.admin', to));

/** Deactivate or reactivate an account: never one's own (an administrator cannot lock themselves out). */
export const canChangeUserState = (actor: Actor, user: AccountLike): boolean =>
  can(actor, 'user.admin', user) && !isSelf(actor, user);

/** Set a new password for someone else (one's own goes through "change my password", with the current one). */
export const canResetPassword = (actor: Actor, user: AccountLike): boolean =>
  can(actor, 'user.admin', user) && !isSelf(actor, user);

/** Lift the login throttle of an account of the subtree. */
export const canUnlockUser = (actor: Actor, user: AccountLike): boolean => can(actor, 'user.admin', user);

/** Look after one's own account: one's sessions and one's password. Everyone signed in, for themselves only. */
export const canManageOwnAccount = (actor: Actor, user: { id: string }): boolean => isSelf(actor, user);

/** Would this change take the actor's own administrator role away (a self-lockout)? */
export const dropsOwnAdminRole = (actor: Actor, user: { id: string }, roles: readonly Role[]): boolean =>
  isSelf(actor, user) && !roles.includes('admin');

const isSelf = (actor: Actor, user: { id: string }) => actor.userId === user.id;
