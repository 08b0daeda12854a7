import { hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import type { Db } from '../src/db/client';
import {
  awardRecords,
  initiatives,
  orgUnits,
  people,
  personUnits,
  ratings,
  users,
  type OrgUnitKind,
  type Role,
} from '../src/db/schema';
import { newId } from '../src/lib/ids';
import { collationKey, foldAccents, personSortKey } from '../src/lib/vietnamese';

export const TEST_PASSWORD = 'mat-khau-thu-nghiem';
let passwordHash: Promise<string> | undefined;

let counter = 0;
const next = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A unit; without a parent it is a new root (a city). */
export async function createUnit(
  db: Db,
  o: {
    parentId?: string;
    name?: string;
    kind?: OrgUnitKind;
    validFrom?: string;
    validTo?: string | null;
    mergedIntoId?: string;
  } = {},
) {
  const id = newId();
  let path = `/${id}/`;
  if (o.parentId) {
    const [parent] = await db.select().from(orgUnits).where(eq(orgUnits.id, o.parentId));
    path = `${parent!.path}${id}/`;
  }
  const name = o.name ?? `Đơn vị ${next()}`;
  const [row] = await db
    .insert(orgUnits)
    .values({
      id,
      parentId: o.parentId ?? null,
      path,
      code: `T-${next()}`,
      name,
      kind: o.kind ?? (o.parentId ? 'ward' : 'city'),
      sortKey: collationKey(name),
      validFrom: o.validFrom ?? (o.validTo ? '2008-08-01' : '2025-07-01'),
      validTo: o.validTo ?? null,
      mergedIntoId: o.mergedIntoId ?? null,
    })
    .returning();
  return row!;
}

export async function createPerson(
  db: Db,
  o: {
    orgUnitId: string;
    fullName?: string;
    gender?: 'male' | 'female';
    startedOn?: string;
    /** "Mã cán bộ" (none by default) */
    code?: string | null;
    birthDate?: string | null;
  },
) {
  const id = newId();
  const fullName = o.fullName ?? `Nguyễn Văn ${next()}`;
  const [row] = await db
    .insert(people)
    .values({
      id,
      code: o.code ?? null,
      fullName,
      searchName: foldAccents(fullName),
      sortKey: personSortKey(fullName),
      gender: o.gender ?? 'male',
      birthDate: o.birthDate === undefined ? '1985-05-20' : o.birthDate,
      category: 'civil_servant',
      startedOn: o.startedOn ?? '2010-09-01',
      orgUnitId: o.orgUnitId,
    })
    .returning();
  await db
    .insert(personUnits)
    .values({ id: newId(), personId: id, orgUnitId: o.orgUnitId, fromDate: '2010-09-01' });
  return row!;
}

/** A user who can log in with `password` (the fields a login sends; `createAccount` also answers the id). */
export async function createUser(db: Db, o: Parameters<typeof createAccount>[1]) {
  const { username, password } = await createAccount(db, o);
  return { username, password };
}

/** A user account: its id, and the user name and password to log in with. */
export async function createAccount(
  db: Db,
  o: { orgUnitId: string; roles: Role[]; username?: string; fullName?: string; disabled?: boolean },
) {
  passwordHash ??= hash(TEST_PASSWORD);
  const username = o.username ?? `u${next()}`;
  const fullName = o.fullName ?? `Người dùng ${username}`;
  const id = newId();
  await db.insert(users).values({
    id,
    username,
    fullName,
    searchName: foldAccents(fullName),
    sortKey: personSortKey(fullName),
    passwordHash: await passwordHash,
    roles: o.roles,
    orgUnitId: o.orgUnitId,
    disabled: o.disabled ?? false,
  });
  return { id, username, password: TEST_PASSWORD };
}

/**
 * A yearly record: rated HTT with "Lao động tiên tiến" each of `years` (HTXS and "Chiến sĩ thi đua cơ sở"
 * in the `cstdcs` years), and an initiative of `scope` in the last year when given.
 */
export async function giveRecord(
  db: Db,
  personId: string,
  o: { years: number[]; cstdcs: number[]; scope?: 'CO_SO' | 'BO_TINH' },
) {
  for (const year of o.years) {
    await db
      .insert(ratings)
      .values({ id: newId(), personId, year, level: o.cstdcs.includes(year) ? 'HTXS' : 'HTT' });
    await db.insert(awardRecords).values({ id: newId(), personId, awardCode: 'LDTT', year });
  }
  for (const year of o.cstdcs)
    await db.insert(awardRecords).values({ id: newId(), personId, awardCode: 'CSTDCS', year });
  if (o.scope) {
    await db.insert(initiatives).values({
      id: newId(),
      personId,
      year: o.years[o.years.length - 1]!,
      title: 'Sáng kiến',
      scope: o.scope,
    });
  }
}
