/**
 * The document register ("sổ văn bản"): numbered PDF documents the system issues, as TypeBox schemas
 * shared by the server (validation, OpenAPI) and the web client.
 */
import { Type, type Static } from 'typebox';
import { DateString, Id } from './api';
import { AWARD_CODES } from './eligibility';

/** Kinds of document the system issues. */
export const DOCUMENT_KINDS = ['commendation_record', 'eligible_list'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** What a document is about: a person (lý lịch khen thưởng) or an organisation unit (a list). */
export const DOCUMENT_SUBJECT_TYPES = ['person', 'org_unit'] as const;
export type DocumentSubjectType = (typeof DOCUMENT_SUBJECT_TYPES)[number];

const lit = <const T extends readonly string[]>(values: T) => Type.Enum([...values] as T[number][]);

/** One entry of the register (never the bytes: download them from /documents/:id/pdf). */
export const DocumentEntry = Type.Object({
  id: Id,
  kind: lit(DOCUMENT_KINDS),
  kindName: Type.String(),
  issuerOrgUnitId: Id,
  issuerName: Type.String(),
  year: Type.Integer(),
  number: Type.Integer({ minimum: 1 }),
  /** "12/LL-UBND" */
  notation: Type.String(),
  title: Type.String(),
  subjectType: lit(DOCUMENT_SUBJECT_TYPES),
  subjectId: Id,
  /** the unit the document belongs to (its subject's): who may see it */
  orgUnitId: Id,
  orgUnitName: Type.String(),
  documentDate: DateString,
  createdBy: Type.Union([Id, Type.Null()]),
  createdByName: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  /** sha-256 of the PDF bytes, hex */
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  sizeBytes: Type.Integer(),
  fileName: Type.String(),
});
export type DocumentEntry = Static<typeof DocumentEntry>;

export const DocumentsQuery = Type.Object(
  {
    kind: Type.Optional(lit(DOCUMENT_KINDS)),
    year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
  },
  { additionalProperties: false },
);
export type DocumentsQuery = Static<typeof DocumentsQuery>;

export const DocumentList = Type.Object({ items: Type.Array(DocumentEntry), total: Type.Integer() });
export type DocumentList = Static<typeof DocumentList>;

/** The "Đủ điều kiện đề nghị" list as a PDF: the same filters as the list and its Excel export. */
export const EligibleListPdfBody = Type.Object(
  {
    orgUnitId: Type.Optional(Id),
    awards: Type.Optional(Type.Array(lit(AWARD_CODES), { maxItems: 60 })),
    year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
    asOf: Type.Optional(DateString),
    onlyNew: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type EligibleListPdfBody = Static<typeof EligibleListPdfBody>;
