import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { ORG_UNIT_KINDS, type OrgUnitKind } from '../../../../contract/vocabulary';
import { inList } from './in-list';

export type { OrgUnitKind };

/** Organisation units as a tree. `path` is the materialised chain of ids ("/root/child/") used for subtree scope. */
export const orgUnits = pgTable(
  'org_units',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id').references((): AnyPgColumn => orgUnits.id),
    path: text('path').notNull(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').$type<OrgUnitKind>().notNull(),
    sortKey: text('sort_key').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => orgUnits.id),
    headPersonId: uuid('head_person_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('org_units_parent_idx').on(t.parentId),
    index('org_units_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    check('org_units_kind_check', sql`${t.kind} in (${inList(ORG_UNIT_KINDS)})`),
    check('org_units_valid_range', sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);
