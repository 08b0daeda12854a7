import { and, count, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Role } from '../../../../contract/vocabulary';
import { loginFailures, orgUnits, sessions, users } from '../../db/schema';
import { newId } from '../../lib/ids';
import type { Actor } from './auth.policy';

export async function findUserByUsername(db: Db, username: string) {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

export async function countRecentFailures(db: Db, keys: string[], since: Date): Promise<Map<string, number>> {
  const rows = await db
    .select({ key: loginFailures.key, n: count() })
    .from(loginFailures)
    .where(and(inArray(loginFailures.key, keys), gt(loginFailures.at, since)))
    .groupBy(loginFailures.key);
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}

export async function recordFailures(db: Db, keys: string[], at: Date): Promise<void> {
  await db.insert(loginFailures).values(keys.map((key) => ({ id: newId(), key, at })));
}

export async function clearFailures(db: Db, key: string, olderThan: Date): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.key, key));
  await db.delete(loginFailures).where(lt(loginFailures.at, olderThan));
}

export async function createSession(db: Db, tokenHash: string, userId: string, now: Date, expiresAt: Date) {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  await db.insert(sessions).values({ tokenHash, userId, createdAt: now, expiresAt });
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** The actor behind a live session, in one query. */
export async function findActorBySession(db: Db, tokenHash: string, now: Date): Promise<Actor | undefined> {
  const [row] = await db
    .select({
      userId: users.id,
      username: users.username,
      fullName: users.fullName,
      roles: users.roles,
      orgUnitId: users.orgUnitId,
      orgUnitName: orgUnits.name,
      scopePath: orgUnits.path,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.disabled, false)));
  return row ? { ...row, roles: row.roles as Role[] } : undefined;
}

export async function findUnitForUser(db: Db, orgUnitId: string) {
  const [row] = await db
    .select({ name: orgUnits.name, path: orgUnits.path })
    .from(orgUnits)
    .where(eq(orgUnits.id, orgUnitId));
  return row;
}
