import type { Deps } from '../../deps';
import type { Db } from '../../db/client';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.policy';
import { appendAudit } from './audit.repository';
import { refreshOwnChanges } from '../eligibility/verdicts.service';

/** What one change leaves in the audit log. */
export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string;
  orgUnitId?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  /**
   * A secret act (a council member's ballot): the log keeps that the actor acted on the entity,
   * never what they chose. A secret record may carry no before/after.
   */
  secret?: boolean;
}

export interface UnitOfWork {
  /** the transaction: every read and write of the change goes through it */
  tx: Db;
  /** the same dependencies, with the transaction as the database */
  deps: Deps;
  actor: Actor;
  now: Date;
  /**
   * The feature's named policy, looked at with the resource as it is inside the transaction.
   * `false` refuses with 403; pass `'hide'` as the second argument where a refusal must look like a
   * missing record (404).
   */
  authorise(allowed: boolean, refusal?: 'forbid' | 'hide'): void;
  /** Append an audit row inside the transaction. */
  record(entry: AuditRecord): Promise<void>;
}

/**
 * The one way to change state: run `work` in one transaction that authorises through the feature's
 * policy and appends its audit row(s). A change that forgets to authorise or to record is a programming
 * error and rolls back.
 */
export async function unitOfWork<T>(
  deps: Deps,
  actor: Actor,
  work: (uow: UnitOfWork) => Promise<T>,
): Promise<T> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    let authorised = false;
    let recorded = 0;
    const uow: UnitOfWork = {
      tx,
      deps: { ...deps, db: tx },
      actor,
      now,
      authorise(allowed, refusal = 'forbid') {
        if (!allowed) {
          throw refusal === 'hide' ? new AppError('not_found', 404) : new AppError('forbidden', 403);
        }
        authorised = true;
      },
      async record(entry) {
        if (!authorised) throw new Error(`unit of work: "${entry.action}" recorded before it was authorised`);
        if (entry.secret && (entry.before !== undefined || entry.after !== undefined)) {
          throw new Error(`unit of work: the secret act "${entry.action}" may not carry its content`);
        }
        await appendAudit(tx, now, {
          actorUserId: actor.userId,
          actorUsername: actor.username,
          action: entry.action,
          entityType: entry.entityType,
          entityId: entry.entityId,
          orgUnitId: entry.orgUnitId ?? null,
          before: entry.secret ? undefined : entry.before,
          after: entry.secret ? undefined : entry.after,
          reason: entry.reason ?? null,
        });
        recorded++;
      },
    };
    const result = await work(uow);
    if (!authorised) throw new Error('unit of work: the change was never authorised');
    if (recorded === 0) throw new Error('unit of work: the change left no audit row');
    // derived data the change affects is brought up to date before it commits
    await refreshOwnChanges(tx, deps.clock);
    return result;
  });
}

/** A change made by the system itself on an operator's command (the command line): no logged-in user. */
export interface SystemUnitOfWork {
  /** the transaction: every read and write of the change goes through it */
  tx: Db;
  now: Date;
  /** Append an audit row inside the transaction, in the name of `system` (e.g. "cli"). */
  record(entry: Omit<AuditRecord, 'secret'>): Promise<void>;
}

/**
 * The one way for the system itself to change state: one transaction with its audit row(s), the log
 * naming `system` as the actor. There is no user, hence no policy: whoever runs the command line holds
 * the server. A change that records nothing is a programming error and rolls back.
 */
export async function systemUnitOfWork<T>(
  deps: { db: Db; clock: Clock },
  system: string,
  work: (uow: SystemUnitOfWork) => Promise<T>,
): Promise<T> {
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    let recorded = 0;
    const result = await work({
      tx,
      now,
      async record(entry) {
        await appendAudit(tx, now, {
          actorUserId: null,
          actorUsername: system,
          action: entry.action,
          entityType: entry.entityType,
          entityId: entry.entityId,
          orgUnitId: entry.orgUnitId ?? null,
          before: entry.before,
          after: entry.after,
          reason: entry.reason ?? null,
        });
        recorded++;
      },
    });
    if (recorded === 0) throw new Error('unit of work: the change left no audit row');
    await refreshOwnChanges(tx, deps.clock);
    return result;
  });
}
