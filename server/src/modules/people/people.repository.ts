import { and, asc, count, desc, eq, isNull, like, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  awardRecords,
  disciplines,
  initiatives,
  orgUnits,
  people,
  personUnits,
  positions,
  ratings,
} from '../../db/schema';
import { inSubtree, likePrefix } from '../../db/scope';

export type PersonRow = typeof people.$inferSelect;

const summaryColumns = {
  id: people.id,
  fullName: people.fullName,
  gender: people.gender,
  birthDate: people.birthDate,
  category: people.category,
  directWorker: people.directWorker,
  orgUnitId: people.orgUnitId,
  orgUnitName: orgUnits.name,
  currentPosition: sql<string | null>`(select p.title from positions p where p.person_id = ${people.id}
    and p.to_date is null order by p.is_leadership desc, p.from_date desc limit 1)`,
  latestRatingYear: sql<number | null>`(select r.year from ratings r where r.person_id = ${people.id}
    order by r.year desc limit 1)`,
  latestRatingLevel: sql<string | null>`(select r.level from ratings r where r.person_id = ${people.id}
    order by r.year desc limit 1)`,
};

export interface PeopleFilter {
  scopePath: string;
  unitPath?: string;
  /** accent-folded words; every one must occur in the name */
  words: string[];
  limit: number;
  offset: number;
}

/** One page of people in the subtree, in Vietnamese order (given name first), and the total. */
export async function listPeople(db: Db, f: PeopleFilter) {
  const conds: SQL[] = [inSubtree(orgUnits.path, f.scopePath)];
  if (f.unitPath) conds.push(inSubtree(orgUnits.path, f.unitPath));
  for (const w of f.words) conds.push(like(people.searchName, `%${likePrefix(w)}`));
  const where = and(...conds);
  const [items, [totalRow]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(people)
      .innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
      .where(where)
      .orderBy(asc(sql`${people.sortKey} collate "C"`), asc(people.id))
      .limit(f.limit)
      .offset(f.offset),
    db
      .select({ n: count() })
      .from(people)
      .innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
      .where(where),
  ]);
  return { items, total: Number(totalRow?.n ?? 0) };
}

/** The person with the path of their unit, only when that unit lies in the scope. */
export async function findInScope(db: Db, id: string, scopePath: string) {
  const [row] = await db
    .select({ ...summaryColumns, person: people, unitPath: orgUnits.path })
    .from(people)
    .innerJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
    .where(and(eq(people.id, id), inSubtree(orgUnits.path, scopePath)));
  return row;
}

/** The whole record of one person: a fixed number of queries, whatever its size. */
export async function loadRecord(db: Db, personId: string) {
  const [r, i, d, a, p, m] = await Promise.all([
    db.select().from(ratings).where(eq(ratings.personId, personId)).orderBy(desc(ratings.year)),
    db.select().from(initiatives).where(eq(initiatives.personId, personId)).orderBy(desc(initiatives.year)),
    db.select().from(disciplines).where(eq(disciplines.personId, personId)).orderBy(desc(disciplines.year)),
    db
      .select()
      .from(awardRecords)
      .where(eq(awardRecords.personId, personId))
      .orderBy(desc(awardRecords.year), asc(awardRecords.awardCode)),
    db
      .select({ position: positions, orgUnitName: orgUnits.name })
      .from(positions)
      .innerJoin(orgUnits, eq(orgUnits.id, positions.orgUnitId))
      .where(eq(positions.personId, personId))
      .orderBy(desc(positions.fromDate)),
    db
      .select({ membership: personUnits, orgUnitName: orgUnits.name })
      .from(personUnits)
      .innerJoin(orgUnits, eq(orgUnits.id, personUnits.orgUnitId))
      .where(eq(personUnits.personId, personId))
      .orderBy(desc(personUnits.fromDate)),
  ]);
  return { ratings: r, initiatives: i, discipline: d, awards: a, positions: p, memberships: m };
}

export async function insertPerson(db: Db, row: typeof people.$inferInsert) {
  const [created] = await db.insert(people).values(row).returning();
  return created!;
}

export async function updatePersonVersioned(db: Db, id: string, version: number, patch: Partial<PersonRow>) {
  const [row] = await db
    .update(people)
    .set({ ...patch, version: sql`${people.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(people.id, id), eq(people.version, version)))
    .returning();
  return row;
}

export async function openMembership(db: Db, row: typeof personUnits.$inferInsert) {
  await db.insert(personUnits).values(row);
}

export async function closeOpenMemberships(db: Db, personId: string, toDate: string) {
  await db
    .update(personUnits)
    .set({ toDate })
    .where(and(eq(personUnits.personId, personId), isNull(personUnits.toDate)));
}
