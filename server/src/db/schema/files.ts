import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgUnits } from './org-units';
import { initiatives } from './records';
import { users } from './users';

/**
 * One row per stored upload: its own name, who uploaded it and for which unit. The bytes live on disk,
 * addressed by their SHA-256; uploads of the same content share one blob.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** detected from the content, never taken from the name or the Content-Type */
    mime: text('mime').notNull(),
    /** NFC, cleaned (server/src/domain/files/file-name.ts) */
    name: text('name').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    /** the unit whose subtree may see the file */
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('files_sha256_idx').on(t.sha256),
    check('files_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('files_size_check', sql`${t.size} > 0`),
    check('files_name_check', sql`char_length(${t.name}) between 1 and 255`),
  ],
);

/**
 * Evidence of an initiative (sáng kiến): a link from the initiative to a stored file. A table of its own,
 * not a generic (entity_type, entity_id) one, so the database keeps it honest: the initiative must exist,
 * deleting it removes its links, and each stored upload is evidence of exactly one initiative.
 */
export const initiativeEvidence = pgTable(
  'initiative_evidence',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .unique('initiative_evidence_file_uq')
      .references(() => files.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'initiative_evidence_pk', columns: [t.initiativeId, t.fileId] })],
);
