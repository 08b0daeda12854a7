import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  AWARD_RECORD_TYPES,
  DISCIPLINE_FORMS,
  INITIATIVE_KINDS,
  INITIATIVE_SCOPES,
  RATING_LEVELS,
  type AwardRecordType,
  type DisciplineForm,
  type InitiativeKind,
  type InitiativeScope,
  type RatingLevel,
} from '../../../../contract/vocabulary';
import { inList } from './in-list';
import { orgUnits } from './org-units';
import { people } from './people';

export type { AwardRecordType, DisciplineForm, InitiativeKind, InitiativeScope, RatingLevel };

const audit = {
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
};

/** Yearly rating of a person or (when person_id is null) of a collective. */
export const ratings = pgTable(
  'ratings',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    year: integer('year').notNull(),
    level: text('level').$type<RatingLevel>().notNull(),
    ...audit,
  },
  (t) => [
    uniqueIndex('ratings_person_year_uq')
      .on(t.personId, t.year)
      .where(sql`${t.personId} is not null`),
    uniqueIndex('ratings_unit_year_uq')
      .on(t.orgUnitId, t.year)
      .where(sql`${t.personId} is null`),
    index('ratings_year_idx').on(t.year),
    check('ratings_level_check', sql`${t.level} in (${inList(RATING_LEVELS)})`),
    check('ratings_subject_check', sql`(${t.personId} is null) <> (${t.orgUnitId} is null)`),
  ],
);

export const initiatives = pgTable(
  'initiatives',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    kind: text('kind').$type<InitiativeKind>().notNull().default('initiative'),
    scope: text('scope').$type<InitiativeScope>().notNull(),
    ...audit,
  },
  (t) => [
    index('initiatives_person_idx').on(t.personId),
    // the same initiative recorded twice is a mistake, not a second initiative
    uniqueIndex('initiatives_exact_uq').on(t.personId, t.year, t.kind, t.scope, t.title),
    check('initiatives_scope_check', sql`${t.scope} in (${inList(INITIATIVE_SCOPES)})`),
    check('initiatives_kind_check', sql`${t.kind} in (${inList(INITIATIVE_KINDS)})`),
  ],
);

export const disciplines = pgTable(
  'disciplines',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    form: text('form').$type<DisciplineForm>().notNull(),
    decidedOn: date('decided_on', { mode: 'string' }),
    reason: text('reason'),
    ...audit,
  },
  (t) => [
    index('disciplines_person_idx').on(t.personId),
    uniqueIndex('disciplines_exact_uq').on(
      t.personId,
      t.year,
      t.form,
      sql`coalesce(${t.decidedOn}, '0001-01-01'::date)`,
      sql`md5(coalesce(${t.reason}, ''))`,
    ),
    check('disciplines_form_check', sql`${t.form} in (${inList(DISCIPLINE_FORMS)})`),
  ],
);

/** Awards already received by a person or (when person_id is null) a collective. */
export const awardRecords = pgTable(
  'award_records',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    awardCode: text('award_code').notNull(),
    year: integer('year').notNull(),
    type: text('type').$type<AwardRecordType>().notNull().default('regular'),
    decisionNo: text('decision_no'),
    decisionDate: date('decision_date', { mode: 'string' }),
    issuer: text('issuer'),
    ...audit,
  },
  (t) => [
    index('award_records_person_idx').on(t.personId),
    index('award_records_unit_idx').on(t.orgUnitId),
    index('award_records_code_year_idx').on(t.awardCode, t.year),
    unique('award_records_exact_uq')
      .on(t.personId, t.orgUnitId, t.awardCode, t.year, t.type, t.decisionNo, t.decisionDate, t.issuer)
      .nullsNotDistinct(),
    check('award_records_subject_check', sql`(${t.personId} is null) <> (${t.orgUnitId} is null)`),
    check('award_records_type_check', sql`${t.type} in (${inList(AWARD_RECORD_TYPES)})`),
  ],
);
