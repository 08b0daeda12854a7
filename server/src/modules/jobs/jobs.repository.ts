import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { UNFINISHED_JOB_STATUSES, type JobStatus } from '../../../../contract/jobs';
import { rowsOf, type Db } from '../../db/client';
import { jobs, orgUnits, users, type Role } from '../../db/schema';
import { likePrefix } from '../../db/scope';
import type { Actor } from '../auth/auth.policy';

/** Every column but the output bytes, with the unit's name and path (for the scope check). */
const jobColumns = {
  id: jobs.id,
  kind: jobs.kind,
  status: jobs.status,
  params: jobs.params,
  progressDone: jobs.progressDone,
  progressTotal: jobs.progressTotal,
  message: jobs.message,
  result: jobs.result,
  outputName: jobs.outputName,
  outputMime: jobs.outputMime,
  outputSize: jobs.outputSize,
  errorCode: jobs.errorCode,
  errorMessage: jobs.errorMessage,
  attempts: jobs.attempts,
  maxAttempts: jobs.maxAttempts,
  actorUserId: jobs.actorUserId,
  orgUnitId: jobs.orgUnitId,
  orgUnitName: orgUnits.name,
  unitPath: orgUnits.path,
  createdAt: jobs.createdAt,
  startedAt: jobs.startedAt,
  finishedAt: jobs.finishedAt,
};

function selectJobs(db: Db) {
  return db.select(jobColumns).from(jobs).innerJoin(orgUnits, eq(orgUnits.id, jobs.orgUnitId));
}
export type JobRow = Awaited<ReturnType<typeof selectJobs>>[number];

export async function insertJob(
  db: Db,
  row: {
    id: string;
    kind: string;
    params: Record<string, unknown>;
    maxAttempts: number;
    actorUserId: string;
    orgUnitId: string;
  },
): Promise<void> {
  await db.insert(jobs).values(row);
}

export async function findJob(db: Db, id: string, opts: { forUpdate?: boolean } = {}) {
  const q = selectJobs(db).where(eq(jobs.id, id));
  const [row] = opts.forUpdate ? await q.for('update', { of: jobs }) : await q;
  return row;
}

export async function listJobs(
  db: Db,
  o: { actorUserId: string; kind?: string; status?: JobStatus; limit: number; offset: number },
): Promise<{ items: JobRow[]; total: number }> {
  const conds: SQL[] = [eq(jobs.actorUserId, o.actorUserId)];
  if (o.kind) conds.push(eq(jobs.kind, o.kind));
  if (o.status) conds.push(eq(jobs.status, o.status));
  const where = and(...conds);
  const [items, [{ n } = { n: 0 }]] = await Promise.all([
    selectJobs(db).where(where).orderBy(desc(jobs.createdAt), desc(jobs.id)).limit(o.limit).offset(o.offset),
    db.select({ n: count() }).from(jobs).where(where),
  ]);
  return { items, total: Number(n) };
}

export async function readOutput(db: Db, id: string) {
  const [row] = await db
    .select({ output: jobs.output, name: jobs.outputName, mime: jobs.outputMime })
    .from(jobs)
    .where(eq(jobs.id, id));
  return row;
}

/**
 * Lock the user's row for the rest of the transaction: two starts by the same user queue up here, so
 * counting their unfinished jobs and adding one cannot interleave (on PostgreSQL's several connections).
 */
export async function lockUser(db: Db, userId: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
  return rows.length > 0;
}

export async function countUnfinished(db: Db, actorUserId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(jobs)
    .where(and(eq(jobs.actorUserId, actorUserId), inArray(jobs.status, [...UNFINISHED_JOB_STATUSES])));
  return Number(row?.n ?? 0);
}

/** Cancel a queued or running job; a running one's worker notices at its next progress or heartbeat. */
export async function markCancelled(db: Db, id: string): Promise<void> {
  await db
    .update(jobs)
    .set({
      status: 'cancelled',
      finishedAt: sql`now()`,
      lockedBy: null,
      lockedAt: null,
      message: 'Đã hủy theo yêu cầu.',
    })
    .where(and(eq(jobs.id, id), inArray(jobs.status, [...UNFINISHED_JOB_STATUSES])));
}

/** The user behind a job as an actor, as the session would load them; undefined when gone or disabled. */
export async function findActiveActor(db: Db, userId: string): Promise<Actor | undefined> {
  const [row] = await db
    .select({
      userId: users.id,
      username: users.username,
      fullName: users.fullName,
      roles: users.roles,
      orgUnitId: users.orgUnitId,
      orgUnitName: orgUnits.name,
      scopePath: orgUnits.path,
    })
    .from(users)
    .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
    .where(and(eq(users.id, userId), eq(users.disabled, false)));
  return row ? { ...row, roles: row.roles as Role[] } : undefined;
}

// ---- the worker's side: each statement is its own short transaction ----

export interface ClaimedJob {
  id: string;
  kind: string;
  params: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
  actorUserId: string;
  orgUnitId: string;
}

interface ClaimedRow {
  id: string;
  kind: string;
  params: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
  actor_user_id: string;
  org_unit_id: string;
}

/**
 * Claim the oldest due queued job of one of `kinds` for `workerId`: the inner SELECT locks one row and
 * skips rows other workers hold, so two workers never take the same job.
 */
export async function claimNext(db: Db, workerId: string, kinds: string[]): Promise<ClaimedJob | undefined> {
  if (kinds.length === 0) return undefined;
  const [row] = rowsOf<ClaimedRow>(
    await db.execute(sql`
      update jobs set status = 'running', locked_by = ${workerId}, locked_at = now(),
        started_at = coalesce(started_at, now()), attempts = attempts + 1,
        progress_done = 0, progress_total = null, message = null
      where status = 'queued' and id = (
        select id from jobs
        where status = 'queued' and run_after <= now()
          and kind = any(${`{${kinds.map((k) => `"${k.replace(/["\\]/g, '')}"`).join(',')}}`}::text[])
        order by run_after, created_at, id
        limit 1
        for update skip locked)
      returning id, kind, params, attempts, max_attempts, actor_user_id, org_unit_id`),
  );
  return row
    ? {
        id: row.id,
        kind: row.kind,
        params: row.params ?? {},
        attempts: Number(row.attempts),
        maxAttempts: Number(row.max_attempts),
        actorUserId: row.actor_user_id,
        orgUnitId: row.org_unit_id,
      }
    : undefined;
}

const mine = (id: string, workerId: string) =>
  and(eq(jobs.id, id), eq(jobs.lockedBy, workerId), eq(jobs.status, 'running'));

/** Write progress (and refresh the heartbeat); false when the job is no longer this worker's. */
export async function writeProgress(
  db: Db,
  id: string,
  workerId: string,
  p: { done: number; total: number | null; message: string | null },
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ progressDone: p.done, progressTotal: p.total, message: p.message, lockedAt: sql`now()` })
    .where(mine(id, workerId))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Refresh the heartbeat; false when the job is no longer this worker's (cancelled, or taken back). */
export async function heartbeat(db: Db, id: string, workerId: string): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ lockedAt: sql`now()` })
    .where(mine(id, workerId))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export async function markSucceeded(
  db: Db,
  id: string,
  workerId: string,
  o: { result: unknown; message: string | null; file?: { name: string; mime: string; bytes: Buffer } },
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      status: 'succeeded',
      progressDone: sql`coalesce(${jobs.progressTotal}, ${jobs.progressDone})`,
      message: o.message,
      result: o.result === undefined ? null : sql`${JSON.stringify(o.result)}::jsonb`,
      output: o.file?.bytes ?? null,
      outputName: o.file?.name ?? null,
      outputMime: o.file?.mime ?? null,
      outputSize: o.file?.bytes.length ?? null,
      errorCode: null,
      errorMessage: null,
      finishedAt: sql`now()`,
      lockedBy: null,
      lockedAt: null,
    })
    .where(mine(id, workerId))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export async function markFailed(
  db: Db,
  id: string,
  workerId: string,
  error: { code: string; message: string },
): Promise<void> {
  await db
    .update(jobs)
    .set({
      status: 'failed',
      errorCode: error.code,
      errorMessage: error.message,
      finishedAt: sql`now()`,
      lockedBy: null,
      lockedAt: null,
    })
    .where(mine(id, workerId));
}

/** Queue the job again after `delayMs` (a failed attempt with attempts left). */
export async function retryLater(
  db: Db,
  id: string,
  workerId: string,
  delayMs: number,
  error: { code: string; message: string },
): Promise<void> {
  await db
    .update(jobs)
    .set({
      status: 'queued',
      runAfter: sql`now() + ${`${Math.max(0, Math.round(delayMs))} milliseconds`}::interval`,
      errorCode: error.code,
      errorMessage: error.message,
      message: 'Lần chạy trước gặp lỗi; công việc sẽ được chạy lại.',
      lockedBy: null,
      lockedAt: null,
    })
    .where(mine(id, workerId));
}

/** Give the job back untouched (the server is stopping): the attempt does not count. */
export async function release(db: Db, id: string, workerId: string): Promise<void> {
  await db
    .update(jobs)
    .set({
      status: 'queued',
      attempts: sql`greatest(${jobs.attempts} - 1, 0)`,
      runAfter: sql`now()`,
      message: 'Máy chủ tạm dừng; công việc sẽ tiếp tục khi máy chủ chạy lại.',
      lockedBy: null,
      lockedAt: null,
    })
    .where(mine(id, workerId));
}

/**
 * Running jobs whose worker died: queued again, or failed once they have used every attempt. With
 * `all`, every running job counts as orphaned (the embedded database has one owner process, so at its
 * start nothing can still be running); otherwise only those whose heartbeat is older than `staleMs`.
 */
export async function recoverOrphans(
  db: Db,
  o: { staleMs: number; all: boolean; failedMessage: string },
): Promise<{ requeued: number; failed: number }> {
  const stale = o.all
    ? sql`true`
    : sql`locked_at is null or locked_at < now() - ${`${Math.round(o.staleMs)} milliseconds`}::interval`;
  const rows = rowsOf<{ status: string }>(
    await db.execute(sql`
      update jobs set
        status = case when attempts >= max_attempts then 'failed' else 'queued' end,
        error_code = case when attempts >= max_attempts then 'job_interrupted' else error_code end,
        error_message = case when attempts >= max_attempts then ${o.failedMessage} else error_message end,
        message = case when attempts >= max_attempts then message
          else 'Máy chủ đã dừng khi công việc đang chạy; công việc sẽ được chạy lại.' end,
        finished_at = case when attempts >= max_attempts then now() else finished_at end,
        run_after = now(), locked_by = null, locked_at = null
      where status = 'running' and (${stale})
      returning status`),
  );
  return {
    requeued: rows.filter((r) => r.status === 'queued').length,
    failed: rows.filter((r) => r.status === 'failed').length,
  };
}

/** Drop the files of jobs finished more than `olderThanMs` ago (the job itself stays, for the record). */
export async function expireOutputs(db: Db, olderThanMs: number): Promise<number> {
  const rows = await db
    .update(jobs)
    .set({
      output: null,
      outputName: null,
      outputMime: null,
      outputSize: null,
      message: 'Tệp kết quả đã hết thời hạn lưu giữ; hãy chạy lại nếu cần.',
    })
    .where(
      and(
        sql`${jobs.output} is not null`,
        sql`${jobs.finishedAt} < now() - ${`${Math.round(olderThanMs)} milliseconds`}::interval`,
      ),
    )
    .returning({ id: jobs.id });
  return rows.length;
}

// ---- for the overview's to-do list (times by the database's clock, like the jobs' own) ----

/** The user's jobs that failed in the last `failedDays` days, and that finished with a file in the last day. */
export async function ownJobsToSee(
  db: Db,
  actorUserId: string,
  failedDays: number,
): Promise<{ failed: number; ready: number }> {
  const [row] = rowsOf<{ failed: number; ready: number }>(
    await db.execute(sql`select
      count(*) filter (where status = 'failed'
        and finished_at > now() - ${`${failedDays} days`}::interval)::int as failed,
      count(*) filter (where status = 'succeeded' and output_name is not null
        and finished_at > now() - interval '1 day')::int as ready
      from jobs where actor_user_id = ${actorUserId}
        and finished_at > now() - ${`${Math.max(failedDays, 1)} days`}::interval`),
  );
  return { failed: Number(row?.failed ?? 0), ready: Number(row?.ready ?? 0) };
}

/** Jobs of a subtree that failed in the last `hours` hours. */
export async function failedJobsInSubtree(db: Db, subtreePath: string, hours: number): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from jobs j join org_units u on u.id = j.org_unit_id
      where j.status = 'failed' and j.finished_at > now() - ${`${hours} hours`}::interval
        and u.path like ${likePrefix(subtreePath)}`),
  );
  return Number(row?.n ?? 0);
}
