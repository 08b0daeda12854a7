import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Me } from '../../../../contract/api';
import { AppError } from '../../lib/errors';
import type { Deps } from '../../deps';
import { DEFAULT_SESSION_IDLE_MINUTES, DEFAULT_SESSION_MAX_HOURS } from '../../config';
import type { Role } from '../../../../contract/vocabulary';
import * as repo from './auth.repository';
import type { Actor } from './auth.policy';

export const THROTTLE_WINDOW_MS = 15 * 60_000;
/** A session is extended (written) at most this often: a request within a minute of the last one writes nothing. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;
/** The stored User-Agent is cut to this many characters. */
export const USER_AGENT_MAX = 300;
export const MAX_FAILURES_PER_USER = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

// Verified against when the user does not exist, so timing does not reveal which names exist.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hash('not-a-real-password-' + randomBytes(8).toString('hex')));

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const hashPassword = (password: string) => hash(password);

/** The throttle's key for a user name (the per-address key is `ip:<address>`). */
export const USER_THROTTLE_PREFIX = 'user:';
export const userThrottleKey = (username: string) => `${USER_THROTTLE_PREFIX}${username}`;

/** How long a session lives: unused (sliding), and at most (from login). */
export function sessionLimits(deps: Pick<Deps, 'config'>): { idleMs: number; maxMs: number } {
  const maxMs = (deps.config.sessionMaxHours ?? DEFAULT_SESSION_MAX_HOURS) * 3600_000;
  const idleMs = Math.min(maxMs, (deps.config.sessionIdleMinutes ?? DEFAULT_SESSION_IDLE_MINUTES) * 60_000);
  return { idleMs, maxMs };
}

export function toMe(actor: Actor): Me {
  return {
    username: actor.username,
    fullName: actor.fullName,
    roles: actor.roles,
    orgUnitId: actor.orgUnitId,
    orgUnitName: actor.orgUnitName,
    mustChangePassword: actor.mustChangePassword ?? false,
  };
}

/** Where a login comes from: kept with the session so its owner can recognise it. */
export interface LoginClient {
  ip: string;
  userAgent?: string | undefined;
}

/** Check the password with throttling per user name and per address; on success open a session. */
export async function login(
  deps: Deps,
  input: { username: string; password: string },
  client: LoginClient,
): Promise<{ token: string; me: Me; expiresAt: Date }> {
  const now = deps.clock.now();
  const username = input.username.trim().toLowerCase();
  const userKey = userThrottleKey(username);
  const addressKey = `ip:${client.ip}`;
  const cutoff = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  // Reserve the attempt before the password is checked: parallel guesses each take a distinct count, so
  // no more than the limit are ever checked, whatever the concurrency and however many server processes.
  const [byUser, byAddress] = [
    await repo.reserveAttempt(deps.db, userKey, now, cutoff),
    await repo.reserveAttempt(deps.db, addressKey, now, cutoff),
  ];
  const blocked = [
    byUser.attempts > MAX_FAILURES_PER_USER ? byUser.windowStart : null,
    byAddress.attempts > MAX_FAILURES_PER_ADDRESS ? byAddress.windowStart : null,
  ].filter((d): d is Date => d !== null);
  if (blocked.length > 0) {
    const until = Math.max(...blocked.map((d) => d.getTime() + THROTTLE_WINDOW_MS));
    const retryAfter = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
    throw new AppError('too_many_attempts', 429, undefined, undefined, { 'retry-after': String(retryAfter) });
  }
  const user = await repo.findUserByUsername(deps.db, username);
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
  if (!user || !ok || user.disabled) throw new AppError('invalid_credentials', 401);
  await repo.clearAttempts(deps.db, userKey, cutoff);
  await repo.releaseAttempt(deps.db, addressKey);
  const unit = await repo.findUnitForUser(deps.db, user.orgUnitId);
  const token = randomBytes(32).toString('base64url');
  const { idleMs, maxMs } = sessionLimits(deps);
  const expiresAt = new Date(now.getTime() + maxMs);
  await repo.createSession(deps.db, {
    tokenHash: hashToken(token),
    userId: user.id,
    now,
    expiresAt,
    idleExpiresAt: new Date(now.getTime() + idleMs),
    userAgent: client.userAgent ? client.userAgent.slice(0, USER_AGENT_MAX) : null,
    ip: client.ip || null,
  });
  return {
    token,
    // the cookie lives until the absolute limit; the server ends an idle session sooner
    expiresAt,
    me: {
      username: user.username,
      fullName: user.fullName,
      roles: user.roles as Role[],
      orgUnitId: user.orgUnitId,
      orgUnitName: unit?.name ?? '',
      mustChangePassword: user.mustChangePassword,
    },
  };
}

export async function logout(deps: Deps, token: string): Promise<void> {
  await repo.deleteSession(deps.db, hashToken(token));
}

/**
 * The actor of a live session (neither idle past its idle expiry nor past its absolute limit), extending the
 * session as it is used: idle expiry = now + idle timeout, capped at the absolute limit. The extension is
 * written only when the last one is more than a minute old, so most requests read and write nothing more.
 */
export async function actorForToken(deps: Deps, token: string): Promise<Actor | undefined> {
  const now = deps.clock.now();
  const tokenHash = hashToken(token);
  const found = await repo.findActorBySession(deps.db, tokenHash, now);
  if (!found) return undefined;
  const touchedBefore = new Date(now.getTime() - SESSION_TOUCH_INTERVAL_MS);
  if (found.lastSeenAt < touchedBefore) {
    const { idleMs } = sessionLimits(deps);
    const idleExpiresAt = new Date(Math.min(now.getTime() + idleMs, found.expiresAt.getTime()));
    await repo.touchSession(deps.db, tokenHash, now, idleExpiresAt, touchedBefore);
  }
  return found.actor;
}

/** Check a password against a stored hash (false for a malformed hash). */
export const verifyPassword = (passwordHash: string, password: string) =>
  verify(passwordHash, password).catch(() => false);

/**
 * Count one attempt at a user's password outside the login (e.g. "change my password"): the same per-user
 * limit as the login, so a stolen session cannot guess the password faster than the login form. Answers
 * 429 when over the limit; `succeeded` forgets the user's attempts.
 */
export async function reservePasswordAttempt(deps: Deps, username: string): Promise<void> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const byUser = await repo.reserveAttempt(deps.db, userThrottleKey(username), now, cutoff);
  if (byUser.attempts > MAX_FAILURES_PER_USER) {
    const retryAfter = Math.max(
      1,
      Math.ceil((byUser.windowStart.getTime() + THROTTLE_WINDOW_MS - now.getTime()) / 1000),
    );
    throw new AppError('too_many_attempts', 429, undefined, undefined, { 'retry-after': String(retryAfter) });
  }
}

export async function passwordAttemptSucceeded(deps: Deps, username: string): Promise<void> {
  const now = deps.clock.now();
  await repo.clearAttempts(deps.db, userThrottleKey(username), new Date(now.getTime() - THROTTLE_WINDOW_MS));
}

/**
 * Accounts of the actor's scope refused sign-in right now after too many wrong passwords (the first few
 * names), and, for whoever sees the whole city, the addresses refused. Administrators only.
 */
export async function throttledLogins(
  deps: Deps,
  actor: Actor,
  o: { withAddresses: boolean },
): Promise<{ accounts: number; usernames: string[]; addresses: number }> {
  if (!actor.roles.includes('admin')) throw new AppError('forbidden', 403);
  const now = deps.clock.now();
  const found = await repo.throttledNow(deps.db, {
    subtreePath: actor.scopePath,
    cutoff: new Date(now.getTime() - THROTTLE_WINDOW_MS),
    maxPerUser: MAX_FAILURES_PER_USER,
    maxPerAddress: MAX_FAILURES_PER_ADDRESS,
    names: 5,
  });
  return o.withAddresses ? found : { ...found, addresses: 0 };
}
