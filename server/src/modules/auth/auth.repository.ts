import { and, eq, gt, lt, or, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import type { Role } from '../../../../contract/vocabulary';
import { loginThrottle, orgUnits, sessions, users } from '../../db/schema';
import { likePrefix } from '../../db/scope';
import type { Actor } from './auth.policy';

export async function findUserByUsername(db: Db, username: string) {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

/**
 * Count one attempt for `key` atomically and answer the count in the current window (which starts anew when
 * the last one began before `windowCutoff`). Concurrent callers each get a distinct count.
 */
export async function reserveAttempt(
  db: Db,
  key: string,
  now: Date,
  windowCutoff: Date,
): Promise<{ attempts: number; windowStart: Date }> {
  const [row] = await db
    .insert(loginThrottle)
    .values({ key, windowStart: now, attempts: 1 })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        attempts: sql`case when ${loginThrottle.windowStart} <= ${windowCutoff} then 1 else ${loginThrottle.attempts} + 1 end`,
        windowStart: sql`case when ${loginThrottle.windowStart} <= ${windowCutoff} then excluded.window_start else ${loginThrottle.windowStart} end`,
      },
    })
    .returning({ attempts: loginThrottle.attempts, windowStart: loginThrottle.windowStart });
  return row!;
}

/** Give back one reserved attempt (a login that succeeded does not count against its address). */
export async function releaseAttempt(db: Db, key: string): Promise<void> {
  await db
    .update(loginThrottle)
    .set({ attempts: sql`greatest(${loginThrottle.attempts} - 1, 0)` })
    .where(eq(loginThrottle.key, key));
}

/** Forget a key's attempts (a user who logged in), and windows that ended long ago. */
export async function clearAttempts(db: Db, key: string, staleBefore: Date): Promise<void> {
  await db
    .delete(loginThrottle)
    .where(or(eq(loginThrottle.key, key), lt(loginThrottle.windowStart, staleBefore)));
}

export interface NewSession {
  tokenHash: string;
  userId: string;
  now: Date;
  /** the absolute limit */
  expiresAt: Date;
  idleExpiresAt: Date;
  userAgent: string | null;
  ip: string | null;
}

/** Open a session (and sweep sessions that have ended, whoever's), and note the user's login time. */
export async function createSession(db: Db, s: NewSession) {
  await db.delete(sessions).where(or(lt(sessions.expiresAt, s.now), lt(sessions.idleExpiresAt, s.now)));
  await db.insert(sessions).values({
    tokenHash: s.tokenHash,
    userId: s.userId,
    createdAt: s.now,
    expiresAt: s.expiresAt,
    lastSeenAt: s.now,
    idleExpiresAt: s.idleExpiresAt,
    userAgent: s.userAgent,
    ip: s.ip,
  });
  await db.update(users).set({ lastLoginAt: s.now }).where(eq(users.id, s.userId));
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** A live session's actor, and the session's times (to decide whether to extend it), in one query. */
export async function findActorBySession(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<{ actor: Actor; lastSeenAt: Date; expiresAt: Date } | undefined> {
  const [row] = await db
    .select({
      userId: users.id,
      username: users.username,
      fullName: users.fullName,
      roles: users.roles,
      orgUnitId: users.orgUnitId,
      orgUnitName: orgUnits.name,
      scopePath: orgUnits.path,
      mustChangePassword: users.mustChangePassword,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        gt(sessions.expiresAt, now),
        gt(sessions.idleExpiresAt, now),
        eq(users.disabled, false),
      ),
    );
  if (!row) return undefined;
  const { lastSeenAt, expiresAt, ...actor } = row;
  return { actor: { ...actor, roles: actor.roles as Role[] }, lastSeenAt, expiresAt };
}

/**
 * Extend a session that was last extended before `touchedBefore`: last seen now, idle expiry moved on.
 * Concurrent requests of one session write it once.
 */
export async function touchSession(
  db: Db,
  tokenHash: string,
  now: Date,
  idleExpiresAt: Date,
  touchedBefore: Date,
): Promise<void> {
  await db
    .update(sessions)
    .set({ lastSeenAt: now, idleExpiresAt })
    .where(and(eq(sessions.tokenHash, tokenHash), lt(sessions.lastSeenAt, touchedBefore)));
}

export async function findUnitForUser(db: Db, orgUnitId: string) {
  const [row] = await db
    .select({ name: orgUnits.name, path: orgUnits.path })
    .from(orgUnits)
    .where(eq(orgUnits.id, orgUnitId));
  return row;
}

/**
 * Sign-in refused now: accounts of a subtree (their user name's counter over `maxPerUser` in a window that
 * began after `cutoff`), the first few by name, and addresses over `maxPerAddress`.
 */
export async function throttledNow(
  db: Db,
  o: { subtreePath: string; cutoff: Date; maxPerUser: number; maxPerAddress: number; names: number },
): Promise<{ accounts: number; usernames: string[]; addresses: number }> {
  const [row] = rowsOf<{ accounts: number; usernames: string[] | null; addresses: number }>(
    await db.execute(sql`select
      (select count(*)::int from login_throttle t join users us on t.key = 'user:' || us.username
        join org_units u on u.id = us.org_unit_id
        where t.attempts > ${o.maxPerUser} and t.window_start > ${o.cutoff.toISOString()}::timestamptz
          and u.path like ${likePrefix(o.subtreePath)}) as accounts,
      (select json_agg(x.username) from (select us.username from login_throttle t
        join users us on t.key = 'user:' || us.username join org_units u on u.id = us.org_unit_id
        where t.attempts > ${o.maxPerUser} and t.window_start > ${o.cutoff.toISOString()}::timestamptz
          and u.path like ${likePrefix(o.subtreePath)}
        order by us.username limit ${o.names}) x) as usernames,
      (select count(*)::int from login_throttle t where t.key like 'ip:%'
        and t.attempts > ${o.maxPerAddress} and t.window_start > ${o.cutoff.toISOString()}::timestamptz) as addresses`),
  );
  return {
    accounts: Number(row?.accounts ?? 0),
    usernames: row?.usernames ?? [],
    addresses: Number(row?.addresses ?? 0),
  };
}
