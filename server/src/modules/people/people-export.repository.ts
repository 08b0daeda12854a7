import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import { cursorPages, isPool } from '../../db/cursor';
import { likeContains, likePrefix } from '../../db/scope';
import type { Gender, PersonCategory, RatingLevel } from '../../../../contract/vocabulary';

export interface ExportFilter {
  /** the subtree exported */
  unitPath: string;
  /** accent-folded words; every one must occur in the name (as the list's search) */
  words: string[];
  /** the years whose ratings are exported, oldest first (three) */
  years: readonly number[];
}

export interface ExportRow {
  id: string;
  code: string | null;
  full_name: string;
  gender: Gender;
  birth_date: string | null;
  ethnicity: string;
  category: PersonCategory;
  unit_name: string;
  unit_key: string;
  person_key: string;
  /** the rating of each year of the filter, in its order (null: none) */
  ratings: (RatingLevel | null)[];
}

function where(f: ExportFilter): SQL {
  const conds = [sql`u.path like ${likePrefix(f.unitPath)}`];
  // a typed word has no space: it occurs inside one word of the name exactly when the name contains it
  for (const w of f.words) conds.push(sql`p.search_name like ${likeContains(w)}`);
  return sql.join(conds, sql` and `);
}

export async function countForExport(db: Db, f: ExportFilter): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from people p join org_units u on u.id = p.org_unit_id
      where ${where(f)}`),
  );
  return Number(row?.n ?? 0);
}

type After = { unitKey: string; personKey: string; id: string } | undefined;

/** One statement for the whole list (or the part after `after`), by unit then name, each with its ratings. */
function exportQuery(f: ExportFilter, after: After, limit?: number): SQL {
  const ratings = sql.join(
    f.years.map((y) => sql`(select r.level from ratings r where r.person_id = p.id and r.year = ${y}::int)`),
    sql`, `,
  );
  const keyset = after
    ? sql`and (u.sort_key collate "C" > ${after.unitKey} or (u.sort_key = ${after.unitKey} and
        (p.sort_key collate "C" > ${after.personKey} or (p.sort_key = ${after.personKey} and p.id > ${after.id}::uuid))))`
    : sql``;
  return sql`select p.id, p.code, p.full_name, p.gender, to_char(p.birth_date, 'YYYY-MM-DD') as birth_date,
      p.ethnicity, p.category, u.name as unit_name, u.sort_key as unit_key, p.sort_key as person_key,
      array[${ratings}]::text[] as ratings
    from people p join org_units u on u.id = p.org_unit_id
    where ${where(f)} ${keyset}
    order by u.sort_key collate "C", p.sort_key collate "C", p.id
    ${limit ? sql`limit ${limit}` : sql``}`;
}

/** People a PGlite read takes before its cursor is closed (so the caller may write between segments). */
const SEGMENT = 5000;

/**
 * The people of the export, a page at a time, each page read set-based (one statement, the ratings by
 * index lookups inside it: no query per person). On a pool, one cursor streams the whole list; on one
 * connection (PGlite) the list is read a segment at a time, each segment's cursor closed before its pages
 * are handed over, so the caller can report progress (a write) between pages.
 */
export async function* exportPages(
  db: Db,
  f: ExportFilter,
  pageSize = 1000,
  segment = SEGMENT,
): AsyncGenerator<ExportRow[]> {
  if (isPool(db)) {
    for await (const rows of cursorPages<ExportRow>(db, exportQuery(f, undefined), pageSize)) yield rows;
    return;
  }
  let after: After;
  for (;;) {
    const pages: ExportRow[][] = [];
    let read = 0;
    for await (const rows of cursorPages<ExportRow>(db, exportQuery(f, after, segment), pageSize, {
      ahead: 1,
    })) {
      pages.push(rows);
      read += rows.length;
      const last = rows[rows.length - 1]!;
      after = { unitKey: last.unit_key, personKey: last.person_key, id: last.id };
    }
    for (const rows of pages) yield rows;
    if (read < segment) return;
  }
}
