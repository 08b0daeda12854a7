import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
  jsonb,
} from 'drizzle-orm/pg-core';
import type { Role } from '../../../../contract/vocabulary';
import { orgUnits } from './org-units';

export type { Role };

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: text('roles').array().$type<Role[]>().notNull(),
  orgUnitId: uuid('org_unit_id')
    .notNull()
    .references(() => orgUnits.id),
  disabled: boolean('disabled').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** optimistic concurrency: every administrator's change bumps it */
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  /** folded full name (foldAccents), for accent-insensitive search; filled in code (db/backfill.ts for old rows) */
  searchName: text('search_name'),
  /** Vietnamese collation key of the full name (personSortKey), compared with COLLATE "C"; filled in code */
  sortKey: text('sort_key'),
  /** a password an administrator set (or generated): the user must choose their own before working */
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
});

export const sessions = pgTable(
  'sessions',
  {
    /** sha-256 of the session token; the token itself lives only in the client's cookie */
    tokenHash: text('token_hash').primaryKey(),
    /** the session's public name (listing and ending one's own sessions); never the token or its hash */
    id: uuid('id').notNull().unique().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** when the user logged in */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** the absolute limit (login + SESSION_MAX_HOURS): never extended */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** last time a request extended the session (written at most about once a minute) */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    /** the sliding limit: last use + SESSION_IDLE_MINUTES, never past `expiresAt` */
    idleExpiresAt: timestamp('idle_expires_at', { withTimezone: true }).notNull(),
    /** the browser's User-Agent at login, truncated */
    userAgent: text('user_agent'),
    /** the client's address at login */
    ip: text('ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Login attempts per key (a user name, an address) in a fixed window, counted atomically in the database so
 * the limit holds under any concurrency and across server processes: an attempt is reserved (counted)
 * before the password is checked, and given back only when it succeeds.
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  attempts: integer('attempts').notNull(),
});

/** Append-only audit log; each row's hash chains to the previous row's. */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorUsername: text('actor_username').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    orgUnitId: uuid('org_unit_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    reason: text('reason'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    // the log of a unit, newest first: one range per unit of the reader's scope
    index('audit_log_unit_seq_idx').on(t.orgUnitId, t.seq),
    // a date range becomes a range of numbers (and the log by time)
    index('audit_log_at_idx').on(t.at),
    // one actor's entries, newest first
    index('audit_log_actor_seq_idx').on(t.actorUsername, t.seq),
    // a person's entries of their yearly record (ratings, initiatives, ...) carry the person in before/after
    index('audit_log_person_seq_idx').using(
      'btree',
      sql`(coalesce(${t.after} ->> 'personId', ${t.before} ->> 'personId'))`,
      t.seq,
    ),
  ],
);

/**
 * The full verifications of the audit chain (a background job, or the command line): the last one is what
 * the log's page and the administrator's overview show. A record of a check, not a change of the log.
 */
export const auditChainChecks = pgTable('audit_chain_checks', {
  /** in the order recorded: the last one is the newest */
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  /** the job that ran it; null from the command line */
  jobId: uuid('job_id'),
  startedBy: text('started_by').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
  ok: boolean('ok').notNull(),
  checked: integer('checked').notNull(),
  upToSeq: bigint('up_to_seq', { mode: 'number' }).notNull(),
  firstBrokenSeq: bigint('first_broken_seq', { mode: 'number' }),
  /** the first problems found (at most 50), and how many there were */
  problems: jsonb('problems').$type<{ seq: number; code: string; problem: string }[]>().notNull(),
  problemCount: integer('problem_count').notNull(),
});

/** One row: the head of the audit chain, locked by each writer so the chain never forks. */
export const auditHead = pgTable('audit_head', {
  id: text('id').primaryKey().default('head'),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true })
    .notNull()
    .default(sql`now()`),
});

/** Administrator-changeable settings (e.g. values the law leaves uncertain). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedBy: text('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
