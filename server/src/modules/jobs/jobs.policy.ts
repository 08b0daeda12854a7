import { inScope, type Actor, type Scoped } from '../auth/auth.policy';

/** What the policies look at on a job: who started it and where its unit sits in the tree. */
export interface JobResource {
  actorUserId: string;
  unitPath: string;
}

/** A job is its creator's; an administrator also sees the jobs of their subtree. Anyone else: 404. */
export function canSeeJob(actor: Actor, job: JobResource): boolean {
  return job.actorUserId === actor.userId || (actor.roles.includes('admin') && inScope(actor, job.unitPath));
}

/** Who may see a job may also stop it. */
export function canCancelJob(actor: Actor, job: JobResource): boolean {
  return canSeeJob(actor, job);
}

/**
 * A job works on a unit's subtree, which must lie in the actor's scope; the feature that starts it has
 * already checked its own permission (reading people, say).
 */
export function canStartJob(actor: Actor, unit: Scoped): boolean {
  return inScope(actor, unit.path);
}
