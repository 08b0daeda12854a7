import { eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { orgUnits, ROLES, users, type Role } from '../../db/schema';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { collationKey, normaliseText } from '../../lib/vietnamese';
import { appendAudit } from '../audit/audit.repository';
import { hashPassword } from '../auth/auth.service';

const USERNAME = /^[a-z0-9_.-]{3,50}$/;

/**
 * Create a user bound to a unit (by code; the root unit when none is given). On an empty database
 * the root unit (the city) is created first, so the first administrator can log in.
 */
export async function createUser(
  deps: { db: Db; clock: Clock },
  input: {
    username: string;
    fullName: string;
    password: string;
    roles: string[];
    unitCode?: string;
    cityName?: string;
  },
) {
  const details: { path: string; message: string }[] = [];
  const username = input.username.trim().toLowerCase();
  if (!USERNAME.test(username))
    details.push({ path: 'username', message: 'Tên đăng nhập gồm 3–50 ký tự a-z, 0-9, _ . -' });
  if (input.password.length < 8)
    details.push({ path: 'password', message: 'Mật khẩu phải có ít nhất 8 ký tự.' });
  const roles = input.roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  if (roles.length !== input.roles.length)
    details.push({ path: 'roles', message: `Vai trò phải thuộc: ${ROLES.join(', ')}` });
  if (details.length) throw new AppError('validation_failed', 400, undefined, details);
  const passwordHash = await hashPassword(input.password);

  return deps.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (taken) throw new AppError('username_taken', 409);
    let [unit] = input.unitCode
      ? await tx.select().from(orgUnits).where(eq(orgUnits.code, input.unitCode))
      : await tx.select().from(orgUnits).where(isNull(orgUnits.parentId)).limit(1);
    if (!unit && input.unitCode)
      throw new AppError('not_found', 404, `Không có đơn vị mã "${input.unitCode}".`);
    if (!unit) {
      const id = newId();
      const name = normaliseText(input.cityName ?? 'Ủy ban nhân dân thành phố');
      [unit] = await tx
        .insert(orgUnits)
        .values({
          id,
          path: `/${id}/`,
          code: 'ROOT',
          name,
          kind: 'city',
          sortKey: collationKey(name),
          validFrom: '2025-07-01',
        })
        .returning();
    }
    const id = newId();
    await tx.insert(users).values({
      id,
      username,
      fullName: normaliseText(input.fullName),
      passwordHash,
      roles,
      orgUnitId: unit!.id,
    });
    await appendAudit(tx, deps.clock.now(), {
      actorUserId: null,
      actorUsername: 'cli',
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      orgUnitId: unit!.id,
      after: { username, roles, orgUnitId: unit!.id },
    });
    return { username, roles, unitName: unit!.name };
  });
}
