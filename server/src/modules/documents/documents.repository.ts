import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DocumentKind } from '../../../../contract/documents';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/client';
import { documents, orgUnits } from '../../db/schema';
import { inSubtree } from '../../db/scope';

export type DocumentInsert = typeof documents.$inferInsert;

/**
 * Take the next number of the issuer's register for the year, inside the caller's transaction. The
 * counter row stays locked until the transaction ends, so concurrent issues queue here and get
 * consecutive numbers; a rolled-back issue gives its number back.
 */
export async function takeNextNumber(tx: Db, issuerOrgUnitId: string, year: number): Promise<number> {
  const result = await tx.execute(sql`
    insert into document_counters (issuer_org_unit_id, year, last_number)
    values (${issuerOrgUnitId}, ${year}, 1)
    on conflict (issuer_org_unit_id, year)
      do update set last_number = document_counters.last_number + 1
    returning last_number`);
  const [row] = rowsOf<{ last_number: number }>(result);
  return Number(row!.last_number);
}

export async function insertDocument(tx: Db, row: DocumentInsert): Promise<void> {
  await tx.insert(documents).values(row);
}

const issuer = alias(orgUnits, 'issuer');

/** The register's columns: everything but the bytes, with the names of the units. */
const entryColumns = {
  id: documents.id,
  kind: documents.kind,
  issuerOrgUnitId: documents.issuerOrgUnitId,
  issuerName: issuer.name,
  year: documents.year,
  number: documents.number,
  notation: documents.notation,
  title: documents.title,
  subjectType: documents.subjectType,
  subjectId: documents.subjectId,
  orgUnitId: documents.orgUnitId,
  orgUnitName: orgUnits.name,
  documentDate: documents.documentDate,
  createdBy: documents.createdBy,
  createdByName: documents.createdByName,
  createdAt: documents.createdAt,
  sha256: documents.sha256,
  sizeBytes: documents.sizeBytes,
  fileName: documents.fileName,
};

/** Documents are scoped by the unit they belong to (their subject's). */
const entries = (db: Db) =>
  db
    .select(entryColumns)
    .from(documents)
    .innerJoin(orgUnits, eq(orgUnits.id, documents.orgUnitId))
    .innerJoin(issuer, eq(issuer.id, documents.issuerOrgUnitId));

export async function findEntryInScope(db: Db, id: string, scopePath: string) {
  const [row] = await entries(db).where(and(eq(documents.id, id), inSubtree(orgUnits.path, scopePath)));
  return row;
}

/** The bytes of a document in scope, with what a download needs. */
export async function findContentInScope(db: Db, id: string, scopePath: string) {
  const [row] = await db
    .select({
      id: documents.id,
      orgUnitPath: orgUnits.path,
      fileName: documents.fileName,
      sha256: documents.sha256,
      content: documents.content,
    })
    .from(documents)
    .innerJoin(orgUnits, eq(orgUnits.id, documents.orgUnitId))
    .where(and(eq(documents.id, id), inSubtree(orgUnits.path, scopePath)));
  return row;
}

export type DocumentEntryRow = NonNullable<Awaited<ReturnType<typeof findEntryInScope>>>;

export async function listInScope(
  db: Db,
  f: { scopePath: string; kind?: DocumentKind; year?: number; limit: number; offset: number },
) {
  const conds: SQL[] = [inSubtree(orgUnits.path, f.scopePath)];
  if (f.kind) conds.push(eq(documents.kind, f.kind));
  if (f.year !== undefined) conds.push(eq(documents.year, f.year));
  const where = and(...conds);
  const [items, [total]] = await Promise.all([
    entries(db)
      .where(where)
      .orderBy(desc(documents.createdAt), desc(documents.number), desc(documents.id))
      .limit(f.limit)
      .offset(f.offset),
    db
      .select({ n: count() })
      .from(documents)
      .innerJoin(orgUnits, eq(orgUnits.id, documents.orgUnitId))
      .where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}
