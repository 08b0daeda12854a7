import { and, asc, desc, eq, gt, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client';
import { foldedSql } from '../../db/fold';
import { auditChainChecks, auditHead, auditLog, orgUnits } from '../../db/schema';
import { likeContains, likePrefix } from '../../db/scope';
import { auditHash, type ChainRow } from '../../domain/audit/chain';

export { auditHash };

export interface AuditEntry {
  actorUserId: string | null;
  actorUsername: string;
  action: string;
  entityType: string;
  entityId: string;
  orgUnitId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/**
 * Append one entry inside the caller's transaction. The head row is locked, so concurrent writers
 * queue up and the chain never forks.
 */
export async function appendAudit(tx: Db, at: Date, entry: AuditEntry): Promise<void> {
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 'head')).for('update');
  if (!head) throw new Error('audit_head row is missing');
  const seq = head.seq + 1;
  const atIso = at.toISOString();
  // Round-trip through JSON so what is hashed is exactly what jsonb will give back.
  const before = entry.before === undefined ? null : JSON.parse(JSON.stringify(entry.before));
  const after = entry.after === undefined ? null : JSON.parse(JSON.stringify(entry.after));
  const row = {
    ...entry,
    before,
    after,
    orgUnitId: entry.orgUnitId ?? null,
    reason: entry.reason ?? null,
    seq,
    at: atIso,
  };
  const hash = auditHash(head.hash, row);
  const [stored] = await tx
    .insert(auditLog)
    .values({ ...row, at, prevHash: head.hash, hash })
    .returning();
  // The chain must hold for what the database keeps, not for what we meant to write: hash the stored row
  // again and refuse the whole change (the transaction rolls back) if the two differ.
  if (!stored || auditHash(stored.prevHash, { ...stored, at: stored.at.toISOString() }) !== hash) {
    throw new Error(`audit: the stored row ${seq} does not hash as written; the change is refused`);
  }
  await tx
    .update(auditHead)
    .set({ seq, hash, updatedAt: sql`now()` })
    .where(eq(auditHead.id, 'head'));
}

// ---- the chain, read for verification ----

export type AuditRow = typeof auditLog.$inferSelect;

const chainRow = (r: AuditRow): ChainRow => ({ ...r, at: r.at.toISOString() });

/** The head: the number and hash of the last row written. */
export async function readHead(db: Db): Promise<{ seq: number; hash: string }> {
  const [head] = await db.select({ seq: auditHead.seq, hash: auditHead.hash }).from(auditHead);
  if (!head) throw new Error('audit_head row is missing');
  return head;
}

/** Rows after `afterSeq` up to `uptoSeq`, in order, at most `limit`. */
export async function chainPage(
  db: Db,
  afterSeq: number,
  uptoSeq: number,
  limit: number,
): Promise<ChainRow[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(gt(auditLog.seq, afterSeq), lte(auditLog.seq, uptoSeq)))
    .orderBy(asc(auditLog.seq))
    .limit(limit);
  return rows.map(chainRow);
}

/** The last `count` rows up to `uptoSeq`, in order. */
export async function chainTail(db: Db, uptoSeq: number, count: number): Promise<ChainRow[]> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(lte(auditLog.seq, uptoSeq))
    .orderBy(desc(auditLog.seq))
    .limit(count);
  return rows.reverse().map(chainRow);
}

export type ChainCheckRow = typeof auditChainChecks.$inferSelect;

export async function insertChainCheck(db: Db, row: typeof auditChainChecks.$inferInsert): Promise<void> {
  await db.insert(auditChainChecks).values(row);
}

/** The last full verification, if any. */
export async function latestChainCheck(db: Db): Promise<ChainCheckRow | undefined> {
  const [row] = await db.select().from(auditChainChecks).orderBy(desc(auditChainChecks.id)).limit(1);
  return row;
}

// ---- the log, read by people ----

/** A PostgreSQL array literal of texts (each quoted, `"` and `\` escaped). */
const textArray = (items: readonly string[]) =>
  `{${items.map((w) => `"${w.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

/** The person an entry's before/after names (an entry of their yearly record). */
const personOf = sql`coalesce(a.after ->> 'personId', a.before ->> 'personId')`;

export interface AuditListFilter {
  /** the subtree whose entries are read */
  scopePath: string;
  /**
   * How the page is found: `walk` goes down the log (newest first) keeping the entries in scope, right
   * when most entries are (the whole city) or when a selective filter (an entity, a person, an actor)
   * has its own index; `units` reads each unit of the subtree's newest entries through
   * (org_unit_id, seq) and merges them, right for a ward among a city's log.
   */
  plan: 'walk' | 'units';
  /** entries without a unit (settings, the calendar, accounts made at the command line) too */
  includeUnscoped: boolean;
  actor?: string;
  action?: { exact: string } | { prefix: string };
  entityType?: string;
  entityId?: string;
  personId?: string;
  fromAt?: Date;
  /** exclusive */
  toAt?: Date;
  /** seq ≥ this (a date range's lower bound as a number) */
  seqFrom?: number;
  /** seq < this (the paging cursor, and a date range's upper bound) */
  seqBelow?: number;
  /** free text: folded and matched against the actor's name, and the people, units and users it names */
  text?: { folded: string; userIds: string[]; entityIds: string[]; personIds: string[] };
  limit: number;
}

function conditions(f: AuditListFilter): SQL[] {
  const c: SQL[] = [];
  if (f.actor !== undefined) c.push(sql`a.actor_username = ${f.actor}`);
  if (f.action && 'exact' in f.action) c.push(sql`a.action = ${f.action.exact}`);
  if (f.action && 'prefix' in f.action) c.push(sql`a.action like ${likePrefix(f.action.prefix)}`);
  if (f.entityType !== undefined) c.push(sql`a.entity_type = ${f.entityType}`);
  if (f.entityId !== undefined) c.push(sql`a.entity_id = ${f.entityId}`);
  if (f.personId !== undefined) {
    c.push(sql`((a.entity_type = 'person' and a.entity_id = ${f.personId}) or ${personOf} = ${f.personId})`);
  }
  if (f.fromAt) c.push(sql`a.at >= ${f.fromAt.toISOString()}::timestamptz`);
  if (f.toAt) c.push(sql`a.at < ${f.toAt.toISOString()}::timestamptz`);
  if (f.seqFrom !== undefined) c.push(sql`a.seq >= ${f.seqFrom}`);
  if (f.seqBelow !== undefined) c.push(sql`a.seq < ${f.seqBelow}`);
  if (f.text) {
    const t = f.text;
    const ids = textArray(t.entityIds);
    const people = textArray(t.personIds);
    c.push(sql`(${foldedSql(sql`a.actor_username`)} like ${likeContains(t.folded)}
      or a.actor_user_id = any(${textArray(t.userIds)}::uuid[])
      or a.entity_id = any(${ids}::text[])
      or ${personOf} = any(${people}::text[]))`);
  }
  return c;
}

const where = (c: SQL[]) => (c.length ? sql.join(c, sql` and `) : sql`true`);

/** The numbers of one page of entries, newest first (see `AuditListFilter.plan`). */
export async function listAuditSeqs(db: Db, f: AuditListFilter): Promise<number[]> {
  const c = conditions(f);
  const scope = likePrefix(f.scopePath);
  let rows: { seq: string | number }[];
  if (f.plan === 'walk') {
    const inScope = sql`exists (select 1 from org_units u where u.id = a.org_unit_id and u.path like ${scope})`;
    rows = rowsOf(
      await db.execute(sql`
        -- audit log, one page walking the log
        select a.seq from audit_log a
        where ${where(c)} and (${inScope}${f.includeUnscoped ? sql` or a.org_unit_id is null` : sql``})
        order by a.seq desc limit ${f.limit}`),
    );
  } else {
    const unscoped = f.includeUnscoped
      ? sql`union all (select a.seq from audit_log a where a.org_unit_id is null and ${where(c)}
          order by a.seq desc limit ${f.limit})`
      : sql``;
    rows = rowsOf(
      await db.execute(sql`
        -- audit log, one page merged from the units of the subtree
        select s.seq from (
          (select x.seq from org_units u cross join lateral (
            select a.seq from audit_log a where a.org_unit_id = u.id and ${where(c)}
            order by a.seq desc limit ${f.limit}) x
          where u.path like ${scope})
          ${unscoped}
        ) s order by s.seq desc limit ${f.limit}`),
    );
  }
  return rows.map((r) => Number(r.seq));
}

/** The entries of the given numbers, newest first. */
export async function auditRows(db: Db, seqs: readonly number[]): Promise<AuditRow[]> {
  if (seqs.length === 0) return [];
  return db
    .select()
    .from(auditLog)
    .where(inArray(auditLog.seq, [...seqs]))
    .orderBy(desc(auditLog.seq));
}

/** One entry with the path of its unit (null when it has none). */
export async function findAuditRow(
  db: Db,
  seq: number,
): Promise<{ row: AuditRow; unitPath: string | null } | undefined> {
  const [found] = await db
    .select({ row: auditLog, unitPath: orgUnits.path })
    .from(auditLog)
    .leftJoin(orgUnits, eq(orgUnits.id, auditLog.orgUnitId))
    .where(eq(auditLog.seq, seq));
  return found;
}

/**
 * The numbers bounding a date range (the `at` index): the first entry at or after `fromAt` and the last
 * before `toAt`, each widened by a day. Numbers and times go up together except for transactions that
 * overlap (the time is taken when a change starts, the number when it writes its entry), which never
 * last a day; the exact times are still compared on each entry.
 */
export async function seqBounds(
  db: Db,
  fromAt: Date | undefined,
  toAt: Date | undefined,
): Promise<{ from: number | null; below: number | null }> {
  const DAY = 24 * 3600_000;
  const lo = fromAt ? new Date(fromAt.getTime() - DAY).toISOString() : null;
  const hi = toAt ? new Date(toAt.getTime() + DAY).toISOString() : null;
  const [row] = rowsOf<{ lo: string | number | null; hi: string | number | null }>(
    await db.execute(sql`select
      ${lo === null ? sql`null` : sql`(select seq from audit_log where at >= ${lo}::timestamptz order by at limit 1)`} as lo,
      ${hi === null ? sql`null` : sql`(select seq from audit_log where at < ${hi}::timestamptz order by at desc limit 1)`} as hi`),
  );
  return {
    from: row?.lo === null || row?.lo === undefined ? null : Number(row.lo),
    below: row?.hi === null || row?.hi === undefined ? null : Number(row.hi) + 1,
  };
}

/** What a free-text search stands for: the users, units (of the subtree) and people (of the subtree) it names. */
export async function textMatches(
  db: Db,
  scopePath: string,
  folded: string,
  cap: number,
): Promise<{ userIds: string[]; unitIds: string[]; personIds: string[] }> {
  const like = likeContains(folded);
  const scope = likePrefix(scopePath);
  const [row] = rowsOf<{ users: string[] | null; units: string[] | null; people: string[] | null }>(
    await db.execute(sql`select
      (select json_agg(x.id) from (select us.id from users us
        where ${foldedSql(sql`us.username || ' ' || us.full_name`)} like ${like} limit ${cap}) x) as users,
      (select json_agg(x.id) from (select u.id from org_units u
        where u.path like ${scope} and ${foldedSql(sql`u.name`)} like ${like} limit ${cap}) x) as units,
      (select json_agg(x.id) from (select p.id from people p join org_units u on u.id = p.org_unit_id
        where u.path like ${scope} and p.search_name like ${like} limit ${cap}) x) as people`),
  );
  return { userIds: row?.users ?? [], unitIds: row?.units ?? [], personIds: row?.people ?? [] };
}

/** Today's names of people, units and users, by id (one statement). */
export async function namesOf(
  db: Db,
  ids: { people: readonly string[]; units: readonly string[]; users: readonly string[] },
): Promise<{ people: Map<string, string>; units: Map<string, string>; users: Map<string, string> }> {
  const [row] = rowsOf<{
    people: [string, string][] | null;
    units: [string, string][] | null;
    users: [string, string][] | null;
  }>(
    await db.execute(sql`select
      (select json_agg(json_build_array(p.id, p.full_name)) from people p
        where p.id = any(${textArray(ids.people)}::uuid[])) as people,
      (select json_agg(json_build_array(u.id, u.name)) from org_units u
        where u.id = any(${textArray(ids.units)}::uuid[])) as units,
      (select json_agg(json_build_array(us.id, us.full_name)) from users us
        where us.id = any(${textArray(ids.users)}::uuid[])) as users`),
  );
  return {
    people: new Map(row?.people ?? []),
    units: new Map(row?.units ?? []),
    users: new Map(row?.users ?? []),
  };
}
