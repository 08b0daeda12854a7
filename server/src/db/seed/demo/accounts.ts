/** The demo accounts, one per role, bound to the city, the officer's ward and the hospital. */
import { BOARD_CODE, OFFICER_HOSPITAL_CODE, OFFICER_WARD_CODE } from '../city';
import { foldAccents, personSortKey } from '../../../lib/vietnamese';
import type { DemoContext, Unit } from './model';

export const DEMO_PASSWORD = 'vinhdanh';

export interface DemoAccount {
  username: string;
  role: string;
  unitName: string;
}

export async function generateAccounts(ctx: DemoContext, passwordHash: string): Promise<DemoAccount[]> {
  const { ids, rows, city, headNames, log } = ctx;
  const { unitOf, root } = city;
  const ward = unitOf(OFFICER_WARD_CODE);
  const hospital = unitOf(OFFICER_HOSPITAL_CODE);
  const accounts: { username: string; fullName: string; roles: string[]; unit: Unit }[] = [
    { username: 'admin', fullName: 'Quản trị hệ thống', roles: ['admin'], unit: root },
    { username: 'bantdkt', fullName: 'Phạm Thu Hằng', roles: ['board'], unit: root },
    { username: 'hoidong', fullName: 'Hoàng Minh Sơn', roles: ['council'], unit: root },
    { username: 'canbo', fullName: 'Lê Thu Trang', roles: ['officer'], unit: ward },
    {
      username: 'lanhdao',
      fullName: headNames.get(ward.code) ?? 'Lãnh đạo phường',
      roles: ['head'],
      unit: ward,
    },
    { username: 'canbo_bv', fullName: 'Đỗ Thị Lan Anh', roles: ['officer'], unit: hospital },
  ];
  await rows.sink(
    'users',
    ['id', 'username', 'full_name', 'search_name', 'sort_key', 'password_hash', 'roles', 'org_unit_id'],
    accounts.map((a) => [
      ids.uuid(),
      a.username,
      a.fullName,
      foldAccents(a.fullName),
      personSortKey(a.fullName),
      passwordHash,
      a.roles,
      a.unit.id,
    ]),
  );
  log(
    `Đã tạo ${accounts.length} tài khoản mẫu (mật khẩu: ${DEMO_PASSWORD}); Ban TĐKT: ${unitOf(BOARD_CODE).name}.`,
  );
  return accounts.map((a) => ({ username: a.username, role: a.roles[0]!, unitName: a.unit.name }));
}
