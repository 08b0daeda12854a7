import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { JOB_STATUSES, type JobStatus } from '../../../../contract/jobs';
import { orgUnits } from './org-units';
import { users } from './users';

/** Raw bytes (node-postgres answers a Buffer, PGlite a Uint8Array: both become a Buffer). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const tz = { withTimezone: true } as const;

/**
 * The background job queue. A worker claims the oldest due queued row with
 * `FOR UPDATE SKIP LOCKED`, marks it running under its own name and keeps `locked_at` fresh while it
 * works; a running row whose heartbeat went stale belongs to a worker that died and is queued again.
 * Times come from the database's clock, the one clock every server process shares.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    status: text('status').$type<JobStatus>().notNull().default('queued'),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total'),
    message: text('message'),
    result: jsonb('result'),
    /** the file the job produced (kept in the row for now; a file store can take it later) */
    output: bytea('output'),
    outputName: text('output_name'),
    outputMime: text('output_mime'),
    outputSize: integer('output_size'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    runAfter: timestamp('run_after', tz).notNull().defaultNow(),
    lockedBy: text('locked_by'),
    /** the heartbeat of the worker running the job */
    lockedAt: timestamp('locked_at', tz),
    actorUserId: uuid('actor_user_id')
      .notNull()
      .references(() => users.id),
    /** the unit whose subtree the job works on: its scope */
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    startedAt: timestamp('started_at', tz),
    finishedAt: timestamp('finished_at', tz),
  },
  (t) => [
    index('jobs_queued_idx')
      .on(t.runAfter, t.createdAt)
      .where(sql`${t.status} = 'queued'`),
    index('jobs_running_idx')
      .on(t.lockedAt)
      .where(sql`${t.status} = 'running'`),
    index('jobs_actor_idx').on(t.actorUserId, t.createdAt),
    check('jobs_status_check', sql.raw(`"status" in (${JOB_STATUSES.map((s) => `'${s}'`).join(', ')})`)),
    check(
      'jobs_progress_check',
      sql`${t.progressDone} >= 0 and (${t.progressTotal} is null or ${t.progressTotal} >= 0)`,
    ),
    check('jobs_attempts_check', sql`${t.attempts} >= 0 and ${t.maxAttempts} >= 1`),
  ],
);
