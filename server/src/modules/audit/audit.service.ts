import {
  AUDIT_CHAIN_PROBLEMS,
  type AuditChainProblem,
  type AuditChainStatus,
  type AuditEntryDetail,
  type AuditList,
  type AuditQuery,
} from '../../../../contract/audit';
import type { Job } from '../../../../contract/jobs';
import type { Deps } from '../../deps';
import {
  CHAIN_START,
  checkHead,
  checkRows,
  type ChainCursor,
  type ChainProblem,
} from '../../domain/audit/chain';
import { AppError, notFound } from '../../lib/errors';
import { foldAccents } from '../../lib/vietnamese';
import type { Actor } from '../auth/auth.policy';
import { startJob } from '../jobs/jobs.service';
import type { JobHandler } from '../jobs/jobs.worker';
import { getUnitInScope } from '../org-units/org-units.service';
import { canReadAudit, canSeeAuditEntry, canSeeUnscopedAudit, canVerifyAuditChain } from './audit.policy';
import { idsToName, presentAuditDetail, presentAuditSummary } from './audit.presenter';
import * as repo from './audit.repository';

type Db = Deps['db'];

// ---- the hash chain ----

/** Rows read per statement by a full verification (one short query each; progress after each). */
export const VERIFY_PAGE_SIZE = 5000;
/** The newest rows checked on every status request: a recent tampering shows without a full walk. */
export const TAIL_CHECK_ROWS = 1000;
/** Problems kept in memory by a walk (the count goes on), and stored with a verification. */
const KEPT_PROBLEMS = 1000;
const STORED_PROBLEMS = 50;

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  /** the head's number when the walk began: the chain was verified up to this row */
  upToSeq: number;
  problems: ChainProblem[];
  problemCount: number;
}

/**
 * Walk the chain from its first row up to the head as it was when the walk began (rows appended meanwhile
 * belong to the next walk), in pages, and report every row whose number, link or hash does not hold, and
 * a head that does not match the last row. `onProgress` is called after each page (a job reports it, and
 * may stop there when cancelled).
 */
export async function verifyAuditChain(
  db: Db,
  o: {
    pageSize?: number;
    signal?: AbortSignal;
    onProgress?: (done: number, total: number) => Promise<void>;
  } = {},
): Promise<AuditVerifyResult> {
  const head = await repo.readHead(db);
  const problems: ChainProblem[] = [];
  let problemCount = 0;
  const report = (p: ChainProblem) => {
    problemCount++;
    if (problems.length < KEPT_PROBLEMS) problems.push(p);
  };
  let cursor: ChainCursor = CHAIN_START;
  let checked = 0;
  await o.onProgress?.(0, head.seq);
  while (cursor.seq < head.seq) {
    o.signal?.throwIfAborted();
    const rows = await repo.chainPage(db, cursor.seq, head.seq, o.pageSize ?? VERIFY_PAGE_SIZE);
    if (rows.length === 0) break; // the last rows are gone: the head check says so
    cursor = checkRows(cursor, rows, report);
    checked += rows.length;
    await o.onProgress?.(checked, head.seq);
  }
  const headProblem = checkHead(cursor, head);
  if (headProblem) report(headProblem);
  return { ok: problemCount === 0, checked, upToSeq: head.seq, problems, problemCount };
}

/** Keep a verification's outcome: the log's page and the administrator's overview show the last one. */
export async function recordChainCheck(
  db: Db,
  result: AuditVerifyResult,
  o: { jobId: string | null; startedBy: string; startedAt: Date; finishedAt: Date },
): Promise<void> {
  await repo.insertChainCheck(db, {
    jobId: o.jobId,
    startedBy: o.startedBy,
    startedAt: o.startedAt,
    finishedAt: o.finishedAt,
    ok: result.ok,
    checked: result.checked,
    upToSeq: result.upToSeq,
    firstBrokenSeq: result.problems[0]?.seq ?? null,
    problems: result.problems.slice(0, STORED_PROBLEMS),
    problemCount: result.problemCount,
  });
}

const knownProblem = (p: { seq: number; code: string; problem: string }) =>
  (AUDIT_CHAIN_PROBLEMS as readonly string[]).includes(p.code)
    ? [{ seq: Number(p.seq), code: p.code as AuditChainProblem, problem: p.problem }]
    : [];

/**
 * The chain as it stands: its length, the last full verification, and the newest `TAIL_CHECK_ROWS` rows
 * checked now (their content and links, and the head).
 */
export async function chainHealth(db: Db): Promise<Omit<AuditChainStatus, 'canVerify'>> {
  const head = await repo.readHead(db);
  const last = await repo.latestChainCheck(db);
  const rows = await repo.chainTail(db, head.seq, TAIL_CHECK_ROWS);
  const problems: ChainProblem[] = [];
  let cursor = CHAIN_START;
  const first = rows[0];
  if (first && first.seq > 1) {
    // the row before the tail is not read: the first row's content is checked, its link taken as given
    cursor = checkRows({ seq: first.seq - 1, hash: first.prevHash }, [first], (p) => problems.push(p));
    cursor = checkRows(cursor, rows.slice(1), (p) => problems.push(p));
  } else {
    cursor = checkRows(cursor, rows, (p) => problems.push(p));
  }
  const headProblem = checkHead(cursor, head);
  if (headProblem) problems.push(headProblem);
  return {
    headSeq: head.seq,
    lastCheck: last
      ? {
          ok: last.ok,
          checked: last.checked,
          upToSeq: last.upToSeq,
          firstBrokenSeq: last.firstBrokenSeq,
          problems: last.problems.flatMap(knownProblem),
          problemCount: last.problemCount,
          startedBy: last.startedBy,
          startedAt: last.startedAt.toISOString(),
          finishedAt: last.finishedAt.toISOString(),
        }
      : null,
    tail: {
      ok: problems.length === 0,
      checked: rows.length,
      fromSeq: first?.seq ?? 0,
      toSeq: rows[rows.length - 1]?.seq ?? 0,
      firstBrokenSeq: problems[0]?.seq ?? null,
      problems: problems.slice(0, STORED_PROBLEMS),
    },
  };
}

/** The number of the newest entry: it moves with every change made through the application. */
export async function auditHeadSeq(db: Db): Promise<number> {
  return (await repo.readHead(db)).seq;
}

/** "Chuỗi băm toàn vẹn đến bản ghi số N": the chain's state, for whoever reads the log. */
export async function chainStatus(deps: Deps, actor: Actor): Promise<AuditChainStatus> {
  if (!canReadAudit(actor)) throw new AppError('forbidden', 403);
  return { ...(await chainHealth(deps.db)), canVerify: canVerifyAuditChain(actor) };
}

/** "Kiểm tra chuỗi nhật ký": a full verification as a background job with progress (administrators). */
export async function startChainVerification(deps: Deps, actor: Actor): Promise<Job> {
  if (!canVerifyAuditChain(actor)) throw new AppError('forbidden', 403);
  return startJob(deps, actor, { kind: 'audit_verify', orgUnitId: actor.orgUnitId, params: {} });
}

const viNumber = new Intl.NumberFormat('vi-VN');

/**
 * The verification job: walks the whole chain a page at a time ("Đã kiểm n/N bản ghi"), then keeps the
 * outcome. A broken chain is the job's finding, not its failure: the job succeeds and says where.
 */
export function auditVerifyHandler(o: { pageSize?: number } = {}): JobHandler {
  return async (ctx) => {
    const actor = await ctx.actor();
    if (!canVerifyAuditChain(actor)) throw new AppError('forbidden', 403);
    const startedAt = ctx.deps.clock.now();
    const result = await verifyAuditChain(ctx.deps.db, {
      pageSize: o.pageSize,
      signal: ctx.signal,
      onProgress: (done, total) =>
        ctx.progress(done, total, `Đã kiểm ${viNumber.format(done)}/${viNumber.format(total)} bản ghi`),
    });
    await recordChainCheck(ctx.deps.db, result, {
      jobId: ctx.job.id,
      startedBy: actor.username,
      startedAt,
      finishedAt: ctx.deps.clock.now(),
    });
    const first = result.problems[0];
    return {
      result: {
        ok: result.ok,
        checked: result.checked,
        upToSeq: result.upToSeq,
        firstBrokenSeq: first?.seq ?? null,
        problemCount: result.problemCount,
      },
      message: first
        ? `Chuỗi băm bị phá vỡ từ bản ghi số ${viNumber.format(first.seq)} (${viNumber.format(result.problemCount)} lỗi).`
        : `Chuỗi băm toàn vẹn: đã kiểm ${viNumber.format(result.checked)} bản ghi, đến bản ghi số ${viNumber.format(result.upToSeq)}.`,
    };
  };
}

// ---- the log, read ----

/** Midnight in Vietnam at the start of `day` (yyyy-mm-dd), as an instant. */
const vietnamDayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);
const DAY_MS = 24 * 3600_000;

/** `person.create` is one action; `person.`, `person.*` and `person` are every action on persons. */
function actionFilter(action: string | undefined) {
  if (action === undefined || action === '') return undefined;
  if (action.endsWith('.*')) return { prefix: action.slice(0, -1) };
  if (action.endsWith('.')) return { prefix: action };
  if (!action.includes('.')) return { prefix: `${action}.` };
  return { exact: action };
}

/** People and units a free-text search may name, at most (more: type more of the name). */
const TEXT_MATCH_CAP = 200;

/**
 * "Nhật ký hoạt động": entries of the reader's scope (see audit.policy.ts), newest first, filtered, a page
 * at a time by number (keyset: entries appended meanwhile never shift a page).
 */
export async function listAuditEntries(deps: Deps, actor: Actor, q: AuditQuery): Promise<AuditList> {
  if (!canReadAudit(actor)) throw new AppError('forbidden', 403);
  if (q.from && q.to && q.from > q.to) throw new AppError('invalid_date_range', 400);
  const unit = q.orgUnitId ? await getUnitInScope(deps, actor, q.orgUnitId) : undefined;
  const scopePath = unit?.path ?? actor.scopePath;
  const limit = q.limit ?? 50;
  const empty: AuditList = { items: [], nextBefore: null };

  const fromAt = q.from ? vietnamDayStart(q.from) : undefined;
  const toAt = q.to ? new Date(vietnamDayStart(q.to).getTime() + DAY_MS) : undefined;
  let seqFrom: number | undefined;
  let seqBelow = q.before;
  if (fromAt || toAt) {
    const bounds = await repo.seqBounds(deps.db, fromAt, toAt);
    if ((fromAt && bounds.from === null) || (toAt && bounds.below === null)) return empty;
    seqFrom = bounds.from ?? undefined;
    if (bounds.below !== null) seqBelow = Math.min(seqBelow ?? Infinity, bounds.below);
  }

  const folded = q.q ? foldAccents(q.q) : '';
  let text;
  if (folded) {
    const m = await repo.textMatches(deps.db, scopePath, folded, TEXT_MATCH_CAP);
    text = { folded, userIds: m.userIds, entityIds: [...m.unitIds, ...m.personIds], personIds: m.personIds };
  }

  // a selective filter has its own index; the whole city is most of the log: walk the log then
  const selective = q.entityId !== undefined || q.personId !== undefined || q.actor !== undefined;
  const wholeTree = scopePath.split('/').filter(Boolean).length === 1;
  const seqs = await repo.listAuditSeqs(deps.db, {
    scopePath,
    plan: selective || wholeTree ? 'walk' : 'units',
    includeUnscoped: unit === undefined && canSeeUnscopedAudit(actor),
    actor: q.actor,
    action: actionFilter(q.action),
    entityType: q.entityType,
    entityId: q.entityId,
    personId: q.personId,
    fromAt,
    toAt,
    seqFrom,
    seqBelow,
    text,
    limit: limit + 1,
  });
  const page = seqs.slice(0, limit);
  const rows = await repo.auditRows(deps.db, page);
  const names = await repo.namesOf(deps.db, idsToName(rows));
  return {
    items: rows.map((r) => presentAuditSummary(r, names)),
    nextBefore: seqs.length > limit ? page[page.length - 1]! : null,
  };
}

/** One entry with its before, after and changed fields; 404 outside the reader's scope, like a missing one. */
export async function getAuditEntry(deps: Deps, actor: Actor, seq: number): Promise<AuditEntryDetail> {
  if (!canReadAudit(actor)) throw new AppError('forbidden', 403);
  const found = await repo.findAuditRow(deps.db, seq);
  if (!found || !canSeeAuditEntry(actor, found)) throw notFound();
  const names = await repo.namesOf(deps.db, idsToName([found.row]));
  return presentAuditDetail(found.row, names);
}
