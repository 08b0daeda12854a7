import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import { likePrefix } from '../../db/scope';

/**
 * People of a subtree without a rating for `year`, per unit (one statement): everyone whose unit lies in
 * the subtree and who had started work by the end of that year.
 */
export async function ratingsMissingByUnit(
  db: Db,
  subtreePath: string,
  year: number,
): Promise<{ orgUnitId: string; orgUnitName: string; count: number }[]> {
  const rows = rowsOf<{ id: string; name: string; n: number }>(
    await db.execute(sql`
      -- to-do: people without the year's rating, per unit
      select p.org_unit_id as id, u.name, count(*)::int as n
      from org_units u join people p on p.org_unit_id = u.id
      where u.path like ${likePrefix(subtreePath)}
        and (p.started_on is null or p.started_on <= ${`${year}-12-31`}::date)
        and not exists (select 1 from ratings r where r.person_id = p.id and r.year = ${year})
      group by p.org_unit_id, u.name`),
  );
  return rows.map((r) => ({ orgUnitId: r.id, orgUnitName: r.name, count: Number(r.n) }));
}
