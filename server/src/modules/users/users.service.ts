/**
 * User administration: an administrator looks after the accounts of their unit subtree (an account outside it
 * answers 404 like a missing one). The command line's `vinhdanh user create` goes through the same creation.
 */
import { randomInt } from 'node:crypto';
import type {
  LockedAccount,
  PasswordReset,
  PasswordResetResult,
  UserCreate,
  UserCreated,
  UserDetail,
  UserList,
  UserListQuery,
  UserUpdate,
} from '../../../../contract/users';
import { ROLES, type Role } from '../../../../contract/vocabulary';
import type { Deps } from '../../deps';
import { AppError, notFound, versionConflict } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { collationKey, foldAccents, normaliseText, personSortKey } from '../../lib/vietnamese';
import { pgErrorCode } from '../../plugins/errors';
import { systemUnitOfWork, unitOfWork, type UnitOfWork } from '../audit/unit-of-work';
import type { Actor } from '../auth/auth.policy';
import {
  hashPassword,
  MAX_FAILURES_PER_USER,
  THROTTLE_WINDOW_MS,
  USER_THROTTLE_PREFIX,
  userThrottleKey,
} from '../auth/auth.service';
import { getUnitInScope } from '../org-units/org-units.service';
import {
  canAdministerUsers,
  canChangeUserState,
  canCreateUserIn,
  canEditUser,
  canReadUser,
  canResetPassword,
  canUnlockUser,
  dropsOwnAdminRole,
} from './users.policy';
import { toAuditUser, toUserDetail, toUserSummary } from './users.presenter';
import * as repo from './users.repository';

const USERNAME = /^[a-z0-9_.-]{3,50}$/;
export const PASSWORD_MIN = 8;

/** A password to hand over once: 12 letters and digits without look-alikes (0/O, 1/l/I), in groups of four. */
export function generateTemporaryPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const chars = Array.from({ length: 12 }, () => alphabet[randomInt(alphabet.length)]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** The checks of a new account the request schema cannot make (the command line has no schema). */
function checkNewAccount(input: { username: string; password: string; roles: readonly string[] }): {
  username: string;
  roles: Role[];
} {
  const details: { path: string; message: string }[] = [];
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username))
    details.push({ path: 'username', message: 'Tên đăng nhập gồm 3–50 ký tự a-z, 0-9, _ . -' });
  if (input.password.length < PASSWORD_MIN)
    details.push({ path: 'password', message: `Mật khẩu phải có ít nhất ${PASSWORD_MIN} ký tự.` });
  const roles = [...new Set(input.roles)].filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  if (roles.length !== input.roles.length || roles.length === 0)
    details.push({
      path: 'roles',
      message: `Cần ít nhất một vai trò, mỗi vai trò thuộc: ${ROLES.join(', ')}`,
    });
  if (details.length) throw new AppError('validation_failed', 400, undefined, details);
  return { username, roles };
}

const usernameTaken = () =>
  new AppError('username_taken', 409, undefined, [
    { path: 'username', message: 'Tên đăng nhập đã được sử dụng.' },
  ]);

/** Run a creation, answering 409 `username_taken` when a parallel one took the name first. */
async function uniqueUsername<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (pgErrorCode(e) === '23505') throw usernameTaken();
    throw e;
  }
}

function newAccountRow(a: {
  username: string;
  fullName: string;
  passwordHash: string;
  roles: Role[];
  orgUnitId: string;
  mustChangePassword: boolean;
  now: Date;
}) {
  const fullName = normaliseText(a.fullName);
  return {
    id: newId(),
    username: a.username,
    fullName,
    searchName: foldAccents(fullName),
    sortKey: personSortKey(fullName),
    passwordHash: a.passwordHash,
    roles: a.roles,
    orgUnitId: a.orgUnitId,
    mustChangePassword: a.mustChangePassword,
    passwordChangedAt: a.now,
    createdAt: a.now,
    updatedAt: a.now,
  };
}

/**
 * The command line's `user create`: a user bound to a unit (by code; the root unit when none is given).
 * On an empty database the root unit (the city) is created first, so the first administrator can log in.
 * The operator holds the server, so there is no policy; the audit log names `cli`.
 */
export async function createUserFromCommandLine(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: {
    username: string;
    fullName: string;
    password: string;
    roles: string[];
    unitCode?: string;
    cityName?: string;
  },
) {
  const { username, roles } = checkNewAccount(input);
  const passwordHash = await hashPassword(input.password);
  return uniqueUsername(() =>
    systemUnitOfWork(deps, 'cli', async (uow) => {
      if (await repo.usernameTaken(uow.tx, username)) throw usernameTaken();
      let unit = input.unitCode
        ? await repo.findUnitByCode(uow.tx, input.unitCode)
        : await repo.findRootUnit(uow.tx);
      if (!unit && input.unitCode)
        throw new AppError('not_found', 404, `Không có đơn vị mã "${input.unitCode}".`);
      if (!unit) {
        const name = normaliseText(input.cityName ?? 'Ủy ban nhân dân thành phố');
        unit = await repo.insertRootUnit(uow.tx, {
          id: newId(),
          name,
          sortKey: collationKey(name),
          validFrom: '2025-07-01',
        });
      }
      const user = await repo.insertUser(
        uow.tx,
        newAccountRow({
          username,
          fullName: input.fullName,
          passwordHash,
          roles,
          orgUnitId: unit.id,
          mustChangePassword: false,
          now: uow.now,
        }),
      );
      await uow.record({
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        orgUnitId: unit.id,
        after: toAuditUser(user),
      });
      return { username, roles, unitName: unit.name };
    }),
  );
}

function requireAdministration(actor: Actor) {
  if (!canAdministerUsers(actor)) throw new AppError('forbidden', 403);
}

/** An account in the actor's scope, or 404 exactly like a missing one. */
async function userInScope(deps: Pick<Deps, 'db'>, actor: Actor, id: string, lock = false) {
  const user = await repo.findUserInScope(deps.db, id, actor.scopePath, lock);
  if (!user) throw notFound();
  return user;
}

const placeOf = (u: repo.PlacedUser) => ({ id: u.id, path: u.unitPath });

async function detail(deps: Pick<Deps, 'db' | 'clock'>, user: repo.PlacedUser): Promise<UserDetail> {
  const now = deps.clock.now();
  const [activeSessions, locked] = await Promise.all([
    repo.countLiveSessions(deps.db, user.id, now),
    repo.listLockedUsers(deps.db, lockedFilter(now, user.unitPath, user.id)),
  ]);
  const lockedUntil = locked[0] ? new Date(locked[0].windowStart.getTime() + THROTTLE_WINDOW_MS) : null;
  return toUserDetail(user, { activeSessions, lockedUntil });
}

export async function listUsers(deps: Deps, actor: Actor, query: UserListQuery): Promise<UserList> {
  requireAdministration(actor);
  const unitPath = query.orgUnitId ? (await getUnitInScope(deps, actor, query.orgUnitId)).path : undefined;
  const words = query.q ? foldAccents(query.q).split(' ').filter(Boolean) : [];
  const { items, total } = await repo.listUsers(deps.db, {
    scopePath: actor.scopePath,
    unitPath,
    role: query.role,
    disabled: query.state === undefined ? undefined : query.state === 'disabled',
    words,
    limit: query.limit ?? 20,
    offset: query.offset ?? 0,
  });
  return { items: items.map(toUserSummary), total };
}

export async function getUser(deps: Deps, actor: Actor, id: string): Promise<UserDetail> {
  requireAdministration(actor);
  const user = await userInScope(deps, actor, id);
  if (!canReadUser(actor, placeOf(user))) throw notFound();
  return detail(deps, user);
}

/** Open an account in the subtree. Without a password the server generates one and answers it this once. */
export async function createUser(deps: Deps, actor: Actor, input: UserCreate): Promise<UserCreated> {
  requireAdministration(actor);
  const temporaryPassword = input.password === undefined ? generateTemporaryPassword() : null;
  const password = input.password ?? temporaryPassword!;
  const { username, roles } = checkNewAccount({ ...input, password });
  const passwordHash = await hashPassword(password);
  return uniqueUsername(() =>
    unitOfWork(deps, actor, async (uow) => {
      const unit = await getUnitInScope(uow.deps, actor, input.orgUnitId);
      uow.authorise(canCreateUserIn(actor, unit));
      if (await repo.usernameTaken(uow.tx, username)) throw usernameTaken();
      const row = await repo.insertUser(
        uow.tx,
        newAccountRow({
          username,
          fullName: input.fullName,
          passwordHash,
          roles,
          orgUnitId: unit.id,
          mustChangePassword: input.mustChangePassword ?? true,
          now: uow.now,
        }),
      );
      await uow.record({
        action: 'user.create',
        entityType: 'user',
        entityId: row.id,
        orgUnitId: unit.id,
        after: { ...toAuditUser(row), passwordGenerated: temporaryPassword !== null },
      });
      const user = { ...row, orgUnitName: unit.name, unitPath: unit.path };
      return { user: await detail(uow.deps, user), temporaryPassword };
    }),
  );
}

/**
 * Would the change leave the city (the root of the account's tree) without an active administrator bound
 * to it? Checked under the administrators' lock, so two administrators removing each other cannot both pass.
 */
async function keepAnAdministrator(
  uow: UnitOfWork,
  user: repo.PlacedUser,
  after: { roles: readonly string[]; disabled: boolean; orgUnitId: string },
) {
  const rootId = user.unitPath.split('/').filter(Boolean)[0];
  const wasRootAdmin = !user.disabled && user.roles.includes('admin') && user.orgUnitId === rootId;
  const staysRootAdmin = !after.disabled && after.roles.includes('admin') && after.orgUnitId === rootId;
  if (!wasRootAdmin || staysRootAdmin || !rootId) return;
  if ((await repo.countActiveAdminsAt(uow.tx, rootId, user.id)) === 0) throw new AppError('last_admin', 409);
}

/** Change an account's name, unit or roles (optimistic version). */
export async function updateUser(
  deps: Deps,
  actor: Actor,
  id: string,
  input: UserUpdate,
): Promise<UserDetail> {
  requireAdministration(actor);
  return unitOfWork(deps, actor, async (uow) => {
    await repo.lockAdministrators(uow.tx);
    const user = await userInScope(uow.deps, actor, id, true);
    const unit =
      input.orgUnitId !== undefined && input.orgUnitId !== user.orgUnitId
        ? await getUnitInScope(uow.deps, actor, input.orgUnitId)
        : undefined;
    uow.authorise(canEditUser(actor, placeOf(user), unit));
    if (user.version !== input.version) throw versionConflict();
    const roles = input.roles ? [...new Set(input.roles)] : (user.roles as Role[]);
    if (dropsOwnAdminRole(actor, user, roles)) throw new AppError('self_lockout', 409);
    await keepAnAdministrator(uow, user, {
      roles,
      disabled: user.disabled,
      orgUnitId: unit?.id ?? user.orgUnitId,
    });
    const patch: Partial<repo.UserRow> = {};
    if (input.fullName !== undefined) {
      patch.fullName = normaliseText(input.fullName);
      patch.searchName = foldAccents(patch.fullName);
      patch.sortKey = personSortKey(patch.fullName);
    }
    if (unit) patch.orgUnitId = unit.id;
    if (input.roles) patch.roles = roles;
    const updated = await repo.updateUserVersioned(uow.tx, id, input.version, patch, uow.now);
    if (!updated) throw versionConflict();
    await uow.record({
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      orgUnitId: updated.orgUnitId,
      before: toAuditUser(user),
      after: toAuditUser(updated),
    });
    return detail(uow.deps, {
      ...updated,
      orgUnitName: unit?.name ?? user.orgUnitName,
      unitPath: unit?.path ?? user.unitPath,
    });
  });
}

/**
 * Deactivate (every session of the account ends at once) or reactivate an account. Never one's own, and
 * never the city's last active administrator.
 */
export async function setUserDisabled(
  deps: Deps,
  actor: Actor,
  id: string,
  disabled: boolean,
  version: number,
): Promise<UserDetail> {
  requireAdministration(actor);
  return unitOfWork(deps, actor, async (uow) => {
    await repo.lockAdministrators(uow.tx);
    const user = await userInScope(uow.deps, actor, id, true);
    if (user.id === actor.userId) throw new AppError('self_lockout', 409);
    uow.authorise(canChangeUserState(actor, placeOf(user)));
    if (user.version !== version) throw versionConflict();
    if (disabled) await keepAnAdministrator(uow, user, { ...user, disabled: true });
    const updated = await repo.updateUserVersioned(uow.tx, id, version, { disabled }, uow.now);
    if (!updated) throw versionConflict();
    const sessionsEnded = disabled ? await repo.deleteSessionsOfUser(uow.tx, id, uow.now) : 0;
    await uow.record({
      action: disabled ? 'user.deactivate' : 'user.reactivate',
      entityType: 'user',
      entityId: id,
      orgUnitId: updated.orgUnitId,
      before: toAuditUser(user),
      after: disabled ? { ...toAuditUser(updated), sessionsEnded } : toAuditUser(updated),
    });
    return detail(uow.deps, { ...updated, orgUnitName: user.orgUnitName, unitPath: user.unitPath });
  });
}

/**
 * Set a new password for an account of the subtree (the administrator's, or one generated and answered this
 * once). The user must change it at the next login, and every session of theirs ends.
 */
export async function resetPassword(
  deps: Deps,
  actor: Actor,
  id: string,
  input: PasswordReset,
): Promise<PasswordResetResult> {
  requireAdministration(actor);
  const temporaryPassword = input.password === undefined ? generateTemporaryPassword() : null;
  const passwordHash = await hashPassword(input.password ?? temporaryPassword!);
  return unitOfWork(deps, actor, async (uow) => {
    const user = await userInScope(uow.deps, actor, id, true);
    uow.authorise(canResetPassword(actor, placeOf(user)));
    const updated = await repo.setPassword(uow.tx, id, passwordHash, true, uow.now);
    const sessionsEnded = await repo.deleteSessionsOfUser(uow.tx, id, uow.now);
    await uow.record({
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
      orgUnitId: user.orgUnitId,
      // that it happened and how, never the password or its hash
      after: { mustChangePassword: true, passwordGenerated: temporaryPassword !== null, sessionsEnded },
    });
    return {
      user: await detail(uow.deps, { ...updated, orgUnitName: user.orgUnitName, unitPath: user.unitPath }),
      temporaryPassword,
      sessionsEnded,
    };
  });
}

function lockedFilter(now: Date, scopePath: string, userId?: string) {
  return {
    scopePath,
    keyPrefix: USER_THROTTLE_PREFIX,
    minAttempts: MAX_FAILURES_PER_USER,
    windowCutoff: new Date(now.getTime() - THROTTLE_WINDOW_MS),
    userId,
  };
}

/** Accounts of the subtree that too many failed logins have locked for now (the next attempt is refused). */
export async function listLockedAccounts(deps: Deps, actor: Actor): Promise<{ items: LockedAccount[] }> {
  requireAdministration(actor);
  const rows = await repo.listLockedUsers(deps.db, lockedFilter(deps.clock.now(), actor.scopePath));
  return {
    items: rows.map((r) => ({
      userId: r.userId,
      username: r.username,
      fullName: r.fullName,
      orgUnitName: r.orgUnitName,
      failedAttempts: r.attempts,
      lockedUntil: new Date(r.windowStart.getTime() + THROTTLE_WINDOW_MS).toISOString(),
    })),
  };
}

/** Lift an account's login throttle: the user may try again at once. */
export async function unlockUser(deps: Deps, actor: Actor, id: string): Promise<void> {
  requireAdministration(actor);
  await unitOfWork(deps, actor, async (uow) => {
    const user = await userInScope(uow.deps, actor, id);
    uow.authorise(canUnlockUser(actor, placeOf(user)));
    const [locked] = await repo.listLockedUsers(uow.tx, lockedFilter(uow.now, user.unitPath, user.id));
    const cleared = await repo.clearThrottleKey(uow.tx, userThrottleKey(user.username));
    await uow.record({
      action: 'user.unlock',
      entityType: 'user',
      entityId: id,
      orgUnitId: user.orgUnitId,
      before: locked
        ? {
            failedAttempts: locked.attempts,
            lockedUntil: new Date(locked.windowStart.getTime() + THROTTLE_WINDOW_MS).toISOString(),
          }
        : null,
      after: { cleared },
    });
  });
}
