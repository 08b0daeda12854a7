import {
  and,
  arrayContains,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  isNull,
  like,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Db } from '../../db/client';
import { inSubtree, likeContains } from '../../db/scope';
import { loginThrottle, orgUnits, sessions, users } from '../../db/schema';
import type { Role } from '../../../../contract/vocabulary';

export type UnitRow = typeof orgUnits.$inferSelect;
export type UserRow = typeof users.$inferSelect;

/** A user with the unit they belong to (its name, and its path for scope). */
export type PlacedUser = UserRow & { orgUnitName: string; unitPath: string };

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return taken !== undefined;
}

export async function findUnitByCode(db: Db, code: string): Promise<UnitRow | undefined> {
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.code, code));
  return unit;
}

/** The root of the organisation tree (the city), if there is one yet. */
export async function findRootUnit(db: Db): Promise<UnitRow | undefined> {
  const [unit] = await db.select().from(orgUnits).where(isNull(orgUnits.parentId)).limit(1);
  return unit;
}

export async function insertRootUnit(
  db: Db,
  row: { id: string; name: string; sortKey: string; validFrom: string },
): Promise<UnitRow> {
  const [unit] = await db
    .insert(orgUnits)
    .values({ ...row, path: `/${row.id}/`, code: 'ROOT', kind: 'city' })
    .returning();
  return unit!;
}

export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<UserRow> {
  const [inserted] = await db.insert(users).values(row).returning();
  return inserted!;
}

const placedColumns = {
  user: users,
  orgUnitName: orgUnits.name,
  unitPath: orgUnits.path,
};

const placed = (r: { user: UserRow; orgUnitName: string; unitPath: string }): PlacedUser => ({
  ...r.user,
  orgUnitName: r.orgUnitName,
  unitPath: r.unitPath,
});

/**
 * A user whose unit lies in the subtree at `scopePath`, or undefined (missing and out of scope look alike).
 * `lock` takes the row for update: the caller's transaction then sees it as no one else can change it.
 */
export async function findUserInScope(
  db: Db,
  id: string,
  scopePath: string,
  lock = false,
): Promise<PlacedUser | undefined> {
  const query = db
    .select(placedColumns)
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(and(eq(users.id, id), inSubtree(orgUnits.path, scopePath)));
  const [row] = lock ? await query.for('update', { of: users }) : await query;
  return row ? placed(row) : undefined;
}

export async function findUserById(db: Db, id: string): Promise<PlacedUser | undefined> {
  const [row] = await db
    .select(placedColumns)
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(eq(users.id, id));
  return row ? placed(row) : undefined;
}

export interface UserFilter {
  scopePath: string;
  /** a unit's subtree inside the scope */
  unitPath?: string;
  role?: Role;
  disabled?: boolean;
  /** folded words, each found in the folded full name or in the user name */
  words: string[];
  limit: number;
  offset: number;
}

/** One page of users in Vietnamese order of their names (given name first), and how many match. */
export async function listUsers(db: Db, f: UserFilter): Promise<{ items: PlacedUser[]; total: number }> {
  const conditions: SQL[] = [inSubtree(orgUnits.path, f.scopePath)];
  if (f.unitPath) conditions.push(inSubtree(orgUnits.path, f.unitPath));
  if (f.role) conditions.push(arrayContains(users.roles, [f.role]));
  if (f.disabled !== undefined) conditions.push(eq(users.disabled, f.disabled));
  for (const word of f.words) {
    conditions.push(
      or(like(users.searchName, likeContains(word)), like(users.username, likeContains(word)))!,
    );
  }
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select(placedColumns)
      .from(users)
      .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
      .where(where)
      .orderBy(sql`${users.sortKey} collate "C" nulls last`, asc(users.username))
      .limit(f.limit)
      .offset(f.offset),
    db.select({ n: count() }).from(users).innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId)).where(where),
  ]);
  return { items: rows.map(placed), total: total?.n ?? 0 };
}

/** Change a user if they are still at `version`; answers the new row, or undefined on a version conflict. */
export async function updateUserVersioned(
  db: Db,
  id: string,
  version: number,
  patch: Partial<typeof users.$inferInsert>,
  now: Date,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: now })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning();
  return row;
}

/** Store a new password hash (not a versioned edit: it does not conflict with an open edit form). */
export async function setPassword(
  db: Db,
  id: string,
  passwordHash: string,
  mustChangePassword: boolean,
  now: Date,
): Promise<UserRow> {
  const [row] = await db
    .update(users)
    .set({ passwordHash, mustChangePassword, passwordChangedAt: now, updatedAt: now })
    .where(eq(users.id, id))
    .returning();
  return row!;
}

// One advisory lock serialises the changes that could take an administrator away (deactivating, removing
// the role, moving to another unit): the check "another active administrator remains" then holds.
const ADMINS_LOCK = 7_301_101;

export async function lockAdministrators(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(${ADMINS_LOCK})`);
}

/** How many active administrators are bound to `unitId`, leaving out `exceptUserId`. */
export async function countActiveAdminsAt(db: Db, unitId: string, exceptUserId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(
      and(
        eq(users.orgUnitId, unitId),
        eq(users.disabled, false),
        arrayContains(users.roles, ['admin']),
        ne(users.id, exceptUserId),
      ),
    );
  return row?.n ?? 0;
}

// --- sessions -------------------------------------------------------------------------------------------

export type SessionRow = typeof sessions.$inferSelect;

/** A user's sessions that have not ended, most recently used first. */
export async function listLiveSessions(db: Db, userId: string, now: Date): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now), gt(sessions.idleExpiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt), asc(sessions.createdAt));
}

export async function countLiveSessions(db: Db, userId: string, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now), gt(sessions.idleExpiresAt, now)));
  return row?.n ?? 0;
}

/** End a user's sessions (all, or all but the one with `keepTokenHash`); answers how many live ones ended. */
export async function deleteSessionsOfUser(
  db: Db,
  userId: string,
  now: Date,
  keepTokenHash?: string,
): Promise<number> {
  const where = keepTokenHash
    ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash))
    : eq(sessions.userId, userId);
  const rows = await db
    .delete(sessions)
    .where(where)
    .returning({ expiresAt: sessions.expiresAt, idleExpiresAt: sessions.idleExpiresAt });
  return rows.filter((r) => r.expiresAt > now && r.idleExpiresAt > now).length;
}

/** End one of a user's sessions by its public id; answers the ended session, or undefined. */
export async function deleteSessionOfUser(
  db: Db,
  userId: string,
  sessionId: string,
): Promise<SessionRow | undefined> {
  const [row] = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.id, sessionId)))
    .returning();
  return row;
}

// --- login throttle -------------------------------------------------------------------------------------

export interface LockedRow {
  userId: string;
  username: string;
  fullName: string;
  orgUnitName: string;
  attempts: number;
  windowStart: Date;
}

/**
 * Users of the subtree whose throttle key (`keyPrefix` + user name) has reached `minAttempts` in the window
 * that started after `windowCutoff`: the next login attempt would be refused.
 */
export async function listLockedUsers(
  db: Db,
  f: { scopePath: string; keyPrefix: string; minAttempts: number; windowCutoff: Date; userId?: string },
): Promise<LockedRow[]> {
  const conditions: SQL[] = [
    inSubtree(orgUnits.path, f.scopePath),
    gte(loginThrottle.attempts, f.minAttempts),
    gt(loginThrottle.windowStart, f.windowCutoff),
  ];
  if (f.userId) conditions.push(eq(users.id, f.userId));
  const rows = await db
    .select({
      userId: users.id,
      username: users.username,
      fullName: users.fullName,
      orgUnitName: orgUnits.name,
      attempts: loginThrottle.attempts,
      windowStart: loginThrottle.windowStart,
    })
    .from(loginThrottle)
    .innerJoin(users, eq(loginThrottle.key, sql`${f.keyPrefix} || ${users.username}`))
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(and(...conditions))
    .orderBy(sql`${users.sortKey} collate "C" nulls last`, asc(users.username));
  return rows;
}

/** Forget a throttle key's attempts; answers whether there were any. */
export async function clearThrottleKey(db: Db, key: string): Promise<boolean> {
  const rows = await db
    .delete(loginThrottle)
    .where(eq(loginThrottle.key, key))
    .returning({ key: loginThrottle.key });
  return rows.length > 0;
}
