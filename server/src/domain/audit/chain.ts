/**
 * The audit log's hash chain, pure: each row's hash covers every field and the previous row's hash, so
 * a row changed, removed or inserted behind the application's back breaks the chain from there. The
 * walk over the stored rows (in pages, as a job) lives in the audit service; what is checked is here.
 */
import { createHash } from 'node:crypto';
import type { AuditChainProblem } from '../../../../contract/audit';
import { canonicalJson } from '../../lib/canonical-json';

/** The "previous hash" of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields a row's hash covers (besides the previous row's hash). */
export interface HashedFields {
  seq: number;
  /** ISO 8601 with milliseconds, as `Date.toISOString()` writes it */
  at: string;
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

/** A row as stored: its fields, the previous row's hash it names, and its own hash. */
export interface ChainRow extends HashedFields {
  prevHash: string;
  hash: string;
}

export interface ChainProblem {
  seq: number;
  code: AuditChainProblem;
  /** in English, for the command line and the logs */
  problem: string;
}

const PROBLEM_TEXT: Record<AuditChainProblem, (seq: number) => string> = {
  gap: (seq) => `missing entries before seq ${seq}`,
  link: () => 'prev_hash does not match the previous row',
  content: () => 'row content does not match its hash',
  head: () => 'the chain head does not match the last row (rows removed at the end?)',
};

export const chainProblem = (seq: number, code: AuditChainProblem): ChainProblem => ({
  seq,
  code,
  problem: PROBLEM_TEXT[code](seq),
});

/** Where a walk stands: the last row checked (seq 0 and the genesis hash before the first). */
export interface ChainCursor {
  seq: number;
  hash: string;
}

export const CHAIN_START: ChainCursor = { seq: 0, hash: GENESIS_HASH };

/** Is the row's content what its hash says? */
export const rowHolds = (row: ChainRow): boolean => auditHash(row.prevHash, row) === row.hash;

/**
 * Check rows that follow `cursor` in order: each must come next (no gap), name the previous row's hash
 * and hash as stored. Problems are handed to `report`; answers the cursor after the last row.
 */
export function checkRows(
  cursor: ChainCursor,
  rows: readonly ChainRow[],
  report: (p: ChainProblem) => void,
): ChainCursor {
  let at = cursor;
  for (const row of rows) {
    if (row.seq !== at.seq + 1) report(chainProblem(row.seq, 'gap'));
    if (row.prevHash !== at.hash) report(chainProblem(row.seq, 'link'));
    if (!rowHolds(row)) report(chainProblem(row.seq, 'content'));
    at = { seq: row.seq, hash: row.hash };
  }
  return at;
}

/** The head (the number and hash the next row will follow) must be the last row walked. */
export function checkHead(cursor: ChainCursor, head: ChainCursor): ChainProblem | undefined {
  return head.seq !== cursor.seq || head.hash !== cursor.hash ? chainProblem(head.seq, 'head') : undefined;
}
