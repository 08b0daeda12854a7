import { sql } from 'drizzle-orm';
import {
  bigserial,
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { people } from './people';

const tz = { withTimezone: true } as const;

/**
 * Stored verdicts: who meets an award for a judged year and has not received it for that year (positive
 * verdicts only; the absence of a row is "does not meet it"). Kept current by the unit of work (the people a
 * change touched are judged again before it commits) and by the keeper (the queue below, the nightly check).
 */
export const eligibilityVerdicts = pgTable(
  'eligibility_verdicts',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    awardCode: text('award_code').notNull(),
    year: integer('year').notNull(),
    /** did not meet it for the year before */
    newlyEligible: boolean('newly_eligible').notNull(),
    /** the conditions met, in words, and their legal bases */
    summary: text('summary').notNull(),
    basis: text('basis').notNull(),
    /** when the system first found the person eligible (kept while the verdict holds) */
    eligibleSince: timestamp('eligible_since', tz).notNull(),
    judgedAt: timestamp('judged_at', tz).notNull(),
    /**
     * The path of the person's unit today (a copy kept by triggers when the person moves or the tree
     * changes), so a unit's list is one index range, not a join over every person of the city.
     */
    orgPath: text('org_path').notNull(),
    /** the list's order, copied the same way: the unit's and the person's Vietnamese collation keys */
    unitSortKey: text('unit_sort_key').notNull(),
    personSortKey: text('person_sort_key').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.awardCode, t.year] }),
    // + eligibility_verdicts_list_idx (year, award_code, org_path) INCLUDE (the order's columns), in the
    // custom migration (drizzle cannot say INCLUDE): a unit's list is one range of it, paged and counted
    // without reading the rows
  ],
);

/**
 * People whose records changed since they were last judged. Filled by triggers on every table a person's
 * verdict rests on (whatever writes it); the transaction that made the change judges its own people
 * before it commits (`tx` tells them apart), the keeper takes whatever is left.
 */
export const eligibilityStale = pgTable(
  'eligibility_stale',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    personId: uuid('person_id').notNull(),
    tx: bigint('tx', { mode: 'number' })
      .notNull()
      .default(sql`txid_current()`),
    queuedAt: timestamp('queued_at', tz).notNull().defaultNow(),
  },
  (t) => [index('eligibility_stale_tx_idx').on(t.tx), index('eligibility_stale_person_idx').on(t.personId)],
);

/**
 * What the stored verdicts were judged with (one row): the date, the settings and rule sets (as
 * fingerprints), the judged years and awards; and the last full recomputation with how much it repaired.
 * A lease keeps two server processes from rebuilding at once.
 */
export const eligibilityStore = pgTable('eligibility_store', {
  id: integer('id').primaryKey(),
  consideredOn: date('considered_on', { mode: 'string' }),
  settingsFingerprint: text('settings_fingerprint'),
  rulesFingerprint: text('rules_fingerprint'),
  years: jsonb('years').$type<number[]>(),
  awards: jsonb('awards').$type<string[]>(),
  builtAt: timestamp('built_at', tz),
  /** the last full recomputation: people judged, verdicts changed, and whether those were drift */
  lastReport: jsonb('last_report').$type<Record<string, unknown>>(),
  leaseBy: text('lease_by'),
  leaseUntil: timestamp('lease_until', tz),
});
