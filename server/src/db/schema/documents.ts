import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { DocumentKind, DocumentSubjectType } from '../../../../contract/documents';
import { orgUnits } from './org-units';
import { users } from './users';

/** PostgreSQL bytea as a Buffer (PGlite answers a Uint8Array, node-postgres a Buffer). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

/**
 * The document register ("sổ văn bản"): every numbered document the system issued, with its bytes.
 * Numbers run from 1 each year per issuing unit, without gaps (see document_counters).
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').$type<DocumentKind>().notNull(),
    issuerOrgUnitId: uuid('issuer_org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    /** "12/LL-UBND" */
    notation: text('notation').notNull(),
    title: text('title').notNull(),
    subjectType: text('subject_type').$type<DocumentSubjectType>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** the unit of the subject when issued: who may see the document */
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    documentDate: date('document_date', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    fileName: text('file_name').notNull(),
    /** sha-256 of `content`, hex */
    sha256: text('sha256').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [
    uniqueIndex('documents_issuer_year_number_uq').on(t.issuerOrgUnitId, t.year, t.number),
    index('documents_org_unit_idx').on(t.orgUnitId, t.createdAt),
    index('documents_subject_idx').on(t.subjectType, t.subjectId),
    check('documents_kind_check', sql`${t.kind} in ('commendation_record','eligible_list')`),
    check('documents_subject_type_check', sql`${t.subjectType} in ('person','org_unit')`),
    check('documents_number_check', sql`${t.number} >= 1`),
    check('documents_size_check', sql`${t.sizeBytes} = octet_length(${t.content})`),
  ],
);

/** The last number given per issuing unit and year; its row is locked while a number is taken. */
export const documentCounters = pgTable(
  'document_counters',
  {
    issuerOrgUnitId: uuid('issuer_org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.issuerOrgUnitId, t.year] })],
);
