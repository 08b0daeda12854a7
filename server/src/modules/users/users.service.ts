import { ROLES, type Role } from '../../../../contract/vocabulary';
import type { Deps } from '../../deps';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { collationKey, normaliseText } from '../../lib/vietnamese';
import { systemUnitOfWork } from '../audit/unit-of-work';
import { hashPassword } from '../auth/auth.service';
import * as repo from './users.repository';

const USERNAME = /^[a-z0-9_.-]{3,50}$/;

/**
 * Create a user bound to a unit (by code; the root unit when none is given). On an empty database
 * the root unit (the city) is created first, so the first administrator can log in.
 */
export async function createUser(
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

  return systemUnitOfWork(deps, 'cli', async (uow) => {
    if (await repo.usernameTaken(uow.tx, username)) throw new AppError('username_taken', 409);
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
    const id = newId();
    await repo.insertUser(uow.tx, {
      id,
      username,
      fullName: normaliseText(input.fullName),
      passwordHash,
      roles,
      orgUnitId: unit.id,
    });
    await uow.record({
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      orgUnitId: unit.id,
      after: { username, roles, orgUnitId: unit.id },
    });
    return { username, roles, unitName: unit.name };
  });
}
