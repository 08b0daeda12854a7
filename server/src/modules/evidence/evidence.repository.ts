import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { files, initiativeEvidence, users } from '../../db/schema';

const evidenceColumns = {
  file: files,
  uploader: { id: users.id, username: users.username, fullName: users.fullName },
};

export type EvidenceRow = Awaited<ReturnType<typeof listForInitiative>>[number];

function linked(db: Db) {
  return db
    .select(evidenceColumns)
    .from(initiativeEvidence)
    .innerJoin(files, eq(files.id, initiativeEvidence.fileId))
    .innerJoin(users, eq(users.id, files.uploadedBy));
}

/** The evidence of one initiative, oldest first. */
export async function listForInitiative(db: Db, initiativeId: string) {
  return linked(db)
    .where(eq(initiativeEvidence.initiativeId, initiativeId))
    .orderBy(asc(files.createdAt), asc(files.name), asc(files.id));
}

export async function findLinked(db: Db, initiativeId: string, fileId: string) {
  const [row] = await linked(db).where(
    and(eq(initiativeEvidence.initiativeId, initiativeId), eq(initiativeEvidence.fileId, fileId)),
  );
  return row;
}

/** Evidence of the initiative with the same content, if any. */
export async function findLinkedByContent(db: Db, initiativeId: string, sha256: string) {
  const [row] = await linked(db)
    .where(and(eq(initiativeEvidence.initiativeId, initiativeId), eq(files.sha256, sha256)))
    .limit(1);
  return row;
}

export async function insertLink(db: Db, row: typeof initiativeEvidence.$inferInsert): Promise<void> {
  await db.insert(initiativeEvidence).values(row);
}

export async function deleteLink(db: Db, initiativeId: string, fileId: string): Promise<void> {
  await db
    .delete(initiativeEvidence)
    .where(and(eq(initiativeEvidence.initiativeId, initiativeId), eq(initiativeEvidence.fileId, fileId)));
}
