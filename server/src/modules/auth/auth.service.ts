import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { Me } from '../../../../contract/api';
import { AppError } from '../../lib/errors';
import type { Deps } from '../../deps';
import type { Role } from '../../../../contract/vocabulary';
import * as repo from './auth.repository';
import type { Actor } from './auth.policy';

export const SESSION_TTL_MS = 12 * 3600_000;
export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_USER = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

// Verified against when the user does not exist, so timing does not reveal which names exist.
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => (dummyHash ??= hash('not-a-real-password-' + randomBytes(8).toString('hex')));

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const hashPassword = (password: string) => hash(password);

export function toMe(actor: Actor): Me {
  return {
    username: actor.username,
    fullName: actor.fullName,
    roles: actor.roles,
    orgUnitId: actor.orgUnitId,
    orgUnitName: actor.orgUnitName,
  };
}

/** Check the password with throttling per user name and per address; on success open a session. */
export async function login(
  deps: Deps,
  input: { username: string; password: string },
  address: string,
): Promise<{ token: string; me: Me; expiresAt: Date }> {
  const now = deps.clock.now();
  const username = input.username.trim().toLowerCase();
  const userKey = `user:${username}`;
  const addressKey = `ip:${address}`;
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
  const ok = await verify(user?.passwordHash ?? (await getDummyHash()), input.password).catch(() => false);
  if (!user || !ok || user.disabled) throw new AppError('invalid_credentials', 401);
  await repo.clearAttempts(deps.db, userKey, cutoff);
  await repo.releaseAttempt(deps.db, addressKey);
  const unit = await repo.findUnitForUser(deps.db, user.orgUnitId);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await repo.createSession(deps.db, hashToken(token), user.id, now, expiresAt);
  return {
    token,
    expiresAt,
    me: {
      username: user.username,
      fullName: user.fullName,
      roles: user.roles as Role[],
      orgUnitId: user.orgUnitId,
      orgUnitName: unit?.name ?? '',
    },
  };
}

export async function logout(deps: Deps, token: string): Promise<void> {
  await repo.deleteSession(deps.db, hashToken(token));
}

export async function actorForToken(deps: Deps, token: string): Promise<Actor | undefined> {
  return repo.findActorBySession(deps.db, hashToken(token), deps.clock.now());
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
