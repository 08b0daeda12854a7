import { createHash } from 'node:crypto';
import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditHead, auditLog } from '../../db/schema';
import { canonicalJson } from '../../lib/canonical-json';

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

interface HashedFields extends AuditEntry {
  seq: number;
  at: string;
}

/** The hash of a row covers every field and the previous row's hash. */
export function auditHash(prevHash: string, row: HashedFields): string {
  const payload = canonicalJson({
    seq: row.seq,
    at: row.at,
    actorUserId: row.actorUserId,
    actorUsername: row.actorUsername,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    orgUnitId: row.orgUnitId ?? null,
    before: row.before ?? null,
    after: row.after ?? null,
    reason: row.reason ?? null,
  });
  return createHash('sha256').update(prevHash).update('\n').update(payload).digest('hex');
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

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  problems: { seq: number; problem: string }[];
}

/** Walk the whole chain in order, in pages, and report every row whose hash or link does not hold. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<AuditVerifyResult> {
  const problems: { seq: number; problem: string }[] = [];
  let prevHash = '0'.repeat(64);
  let expectedSeq = 1;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, lastSeq))
      .orderBy(asc(auditLog.seq))
      .limit(pageSize);
    for (const r of rows) {
      checked++;
      if (r.seq !== expectedSeq)
        problems.push({ seq: r.seq, problem: `missing entries before seq ${r.seq}` });
      if (r.prevHash !== prevHash)
        problems.push({ seq: r.seq, problem: 'prev_hash does not match the previous row' });
      const at = r.at.toISOString();
      const expected = auditHash(r.prevHash, { ...r, at, actorUserId: r.actorUserId });
      if (expected !== r.hash) problems.push({ seq: r.seq, problem: 'row content does not match its hash' });
      prevHash = r.hash;
      expectedSeq = r.seq + 1;
      lastSeq = r.seq;
    }
    if (rows.length < pageSize) break;
  }
  const [head] = await db.select().from(auditHead).where(eq(auditHead.id, 'head'));
  if (head && (head.seq !== lastSeq || head.hash !== prevHash)) {
    problems.push({
      seq: head.seq,
      problem: 'the chain head does not match the last row (rows removed at the end?)',
    });
  }
  return { ok: problems.length === 0, checked, problems };
}
