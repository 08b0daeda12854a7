import type { Job, JobKind, JobList, JobListQuery } from '../../../../contract/jobs';
import type { Deps } from '../../deps';
import { AppError, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { unitOfWork, type UnitOfWork } from '../audit/unit-of-work';
import type { Actor } from '../auth/auth.policy';
import { getUnitInScope } from '../org-units/org-units.service';
import { canCancelJob, canSeeJob, canStartJob } from './jobs.policy';
import { presentJob } from './jobs.presenter';
import * as repo from './jobs.repository';

/** How many queued or running jobs one user may have at a time. */
export const MAX_UNFINISHED_JOBS_PER_USER = 3;
export const DEFAULT_MAX_ATTEMPTS = 3;

export interface StartJob {
  kind: JobKind;
  /** the unit whose subtree the job works on (its scope) */
  orgUnitId: string;
  /** the feature's parameters, stored as given and handed to its handler */
  params: Record<string, unknown>;
  maxAttempts?: number;
}

/**
 * Queue a job for the actor (features call this from their own "start" service function, after checking
 * their own permission). Audited; refused with 429 when the actor already has the maximum of unfinished
 * jobs: the user's row is locked first, so parallel starts count one after another.
 */
export async function startJob(deps: Deps, actor: Actor, o: StartJob): Promise<Job> {
  return unitOfWork(deps, actor, (uow) => queueJob(uow, o));
}

/**
 * Queue a job inside the feature's own unit of work, with what it stores alongside (an uploaded file the
 * job reads, say): both commit or neither. The same checks and audit row as `startJob`.
 */
export async function queueJob(uow: UnitOfWork, o: StartJob): Promise<Job> {
  const actor = uow.actor;
  const unit = await getUnitInScope(uow.deps, actor, o.orgUnitId); // 404 outside the actor's scope
  uow.authorise(canStartJob(actor, unit), 'hide');
  if (!(await repo.lockUser(uow.tx, actor.userId))) throw new AppError('forbidden', 403);
  if ((await repo.countUnfinished(uow.tx, actor.userId)) >= MAX_UNFINISHED_JOBS_PER_USER) {
    throw new AppError('too_many_jobs', 429);
  }
  const id = newId();
  await repo.insertJob(uow.tx, {
    id,
    kind: o.kind,
    params: o.params,
    maxAttempts: o.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    actorUserId: actor.userId,
    orgUnitId: o.orgUnitId,
  });
  await uow.record({
    action: 'job.start',
    entityType: 'job',
    entityId: id,
    orgUnitId: o.orgUnitId,
    after: { kind: o.kind, params: o.params },
  });
  const row = await repo.findJob(uow.tx, id);
  return presentJob(row!);
}

async function visibleJob(deps: Deps, actor: Actor, id: string) {
  const row = await repo.findJob(deps.db, id);
  if (!row || !canSeeJob(actor, row)) throw notFound();
  return row;
}

export async function getJob(deps: Deps, actor: Actor, id: string): Promise<Job> {
  return presentJob(await visibleJob(deps, actor, id));
}

/** The actor's own jobs, newest first. */
export async function listJobs(deps: Deps, actor: Actor, q: JobListQuery): Promise<JobList> {
  const { items, total } = await repo.listJobs(deps.db, {
    actorUserId: actor.userId,
    kind: q.kind,
    status: q.status,
    limit: q.limit ?? 20,
    offset: q.offset ?? 0,
  });
  return { items: items.map(presentJob), total };
}

/** The file a finished job produced; 409 while it is not there (yet). */
export async function getJobOutput(deps: Deps, actor: Actor, id: string) {
  const row = await visibleJob(deps, actor, id);
  if (row.status !== 'succeeded') throw new AppError('job_not_ready', 409);
  const out = await repo.readOutput(deps.db, id);
  if (!out?.output || !out.name || !out.mime) throw new AppError('job_not_ready', 409);
  return { bytes: out.output, name: out.name, mime: out.mime };
}

/** Stop a queued or running job (a running one stops at its next progress report). Audited. */
export async function cancelJob(deps: Deps, actor: Actor, id: string): Promise<Job> {
  return unitOfWork(deps, actor, async (uow) => {
    const row = await repo.findJob(uow.tx, id, { forUpdate: true });
    uow.authorise(row !== undefined && canCancelJob(actor, row), 'hide');
    if (row!.status !== 'queued' && row!.status !== 'running') throw new AppError('job_finished', 409);
    await repo.markCancelled(uow.tx, id);
    await uow.record({
      action: 'job.cancel',
      entityType: 'job',
      entityId: id,
      orgUnitId: row!.orgUnitId,
      before: { status: row!.status },
      after: { status: 'cancelled' },
    });
    return presentJob((await repo.findJob(uow.tx, id))!);
  });
}

/** The user who started a job, as they are now (their scope may have changed since). */
export async function jobActor(deps: Deps, actorUserId: string): Promise<Actor> {
  const actor = await repo.findActiveActor(deps.db, actorUserId);
  if (!actor) throw new AppError('forbidden', 403);
  return actor;
}

/** How many days a failed job of one's own stays on the overview's to-do list. */
export const FAILED_JOB_TODO_DAYS = 7;

/** The actor's own jobs to look at: failed lately, finished with a file in the last day. */
export async function ownJobsToSee(deps: Deps, actor: Actor): Promise<{ failed: number; ready: number }> {
  return repo.ownJobsToSee(deps.db, actor.userId, FAILED_JOB_TODO_DAYS);
}

/** Jobs of the actor's scope that failed in the last day (what an administrator watches). */
export async function failedJobsInScope(deps: Deps, actor: Actor): Promise<number> {
  if (!actor.roles.includes('admin')) throw new AppError('forbidden', 403);
  return repo.failedJobsInSubtree(deps.db, actor.scopePath, 24);
}
