import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  GENDERS,
  PERSON_CATEGORIES,
  PERSON_CODE_MAX,
  type Gender,
  type PersonCategory,
} from '../../../../contract/vocabulary';
import { inList } from './in-list';
import { orgUnits } from './org-units';

export type { Gender, PersonCategory };

export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey(),
    fullName: text('full_name').notNull(),
    /**
     * "Mã cán bộ": the staff code (trimmed, at most PERSON_CODE_MAX characters), unique when present
     * regardless of case; what an officer's spreadsheet names a person by when two share a name and
     * birth date.
     */
    code: text('code'),
    /** lower-case, accents and đ removed: what accent-insensitive search matches against */
    searchName: text('search_name').notNull(),
    /**
     * The words of `searchName`, kept by the database: the search finds people by word (GIN index),
     * after turning each word typed into the vocabulary words that contain it (`name_vocabulary`).
     */
    searchWords: text('search_words')
      .array()
      .notNull()
      .generatedAlwaysAs(sql`string_to_array(search_name, ' ')`),
    /** Vietnamese collation key (given name first), compared byte-wise */
    sortKey: text('sort_key').notNull(),
    gender: text('gender').$type<Gender>().notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    ethnicity: text('ethnicity').notNull().default('Kinh'),
    category: text('category').$type<PersonCategory>().notNull(),
    directWorker: boolean('direct_worker').notNull().default(false),
    startedOn: date('started_on', { mode: 'string' }),
    /** the unit the person belongs to today; history is in person_units */
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('people_org_unit_idx').using('btree', t.orgUnitId, sql`${t.sortKey} collate "C"`),
    // the list's order, walked from the top when many match (id breaks ties, so no sort is needed)
    index('people_sort_idx').using('btree', sql`${t.sortKey} collate "C"`, t.id),
    // fastupdate off: a pending list of unsorted new entries would be read in full by every search
    // (200,000 seeded people left 62,000 pending entries and made a one-row lookup take 20 ms)
    index('people_search_words_idx').using('gin', t.searchWords).with({ fastupdate: false }),
    // one person per code, whatever the case ("hk-000123" is "HK-000123")
    uniqueIndex('people_code_uq')
      .on(sql`lower(${t.code})`)
      .where(sql`${t.code} is not null`),
    check('people_gender_check', sql`${t.gender} in (${inList(GENDERS)})`),
    check('people_category_check', sql`${t.category} in (${inList(PERSON_CATEGORIES)})`),
    check(
      'people_code_check',
      sql`${t.code} is null or (char_length(${t.code}) between 1 and ${sql.raw(String(PERSON_CODE_MAX))} and ${t.code} = btrim(${t.code}))`,
    ),
  ],
);

/**
 * Every word that occurs in some person's `search_words` (kept by a trigger on people; a word nobody
 * uses any more stays, harmlessly). A word typed into the search stands for the vocabulary words that
 * contain it, so substring matching keeps working while the people are found through the word index.
 */
export const nameVocabulary = pgTable('name_vocabulary', {
  word: text('word').primaryKey(),
});

/** The unit a person belonged to over time (`toDate` is the last day there; null while they still are). */
export const personUnits = pgTable(
  'person_units',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
  },
  (t) => [
    index('person_units_person_idx').on(t.personId),
    index('person_units_unit_idx').on(t.orgUnitId),
    // a person belongs to one unit at a time: at most one open membership (moves close it, then open one)
    uniqueIndex('person_units_one_open_idx')
      .on(t.personId)
      .where(sql`${t.toDate} is null`),
  ],
);

/**
 * Posts a person held (or holds: `toDate` null). A person may hold several posts at once (kiêm nhiệm), even
 * in one unit; the same title in the same unit never twice over the same days (the service checks it with
 * the person's row locked). `isLeadership` marks posts of leadership and management (the law's rules for
 * leaders' awards and the unit quotas look at it).
 */
export const positions = pgTable(
  'positions',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    title: text('title').notNull(),
    isLeadership: boolean('is_leadership').notNull().default(false),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('positions_person_idx').on(t.personId),
    index('positions_org_unit_idx').on(t.orgUnitId),
    check('positions_valid_range', sql`${t.toDate} is null or ${t.toDate} >= ${t.fromDate}`),
  ],
);
