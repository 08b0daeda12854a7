/**
 * Excel import of a unit's year-end ratings, its template, and the Excel export of the people list: the
 * shapes the server answers and the web reads. The import and the export run as background jobs
 * (contract/jobs.ts); an import's job carries a `RatingsImportResult` as its result.
 */
import { Type, type Static } from 'typebox';
import { Id, Year } from './api';
import { RATING_LEVELS } from './vocabulary';

/** At most this many data rows in one imported file. */
export const MAX_IMPORT_ROWS = 100_000;
/** A unit's template lists at most this many people (a larger one: "Xuất danh sách", or a smaller unit). */
export const MAX_TEMPLATE_PEOPLE = 20_000;
/** The refused rows a result lists (the report file lists them all). */
export const MAX_LISTED_PROBLEMS = 200;

/** Codes of the problems that refuse one row (their messages: contract/errors.ts). */
export const IMPORT_ROW_PROBLEMS = [
  'import_missing_value',
  'import_bad_date',
  'import_unknown_rating',
  'import_year_mismatch',
  'import_unknown_unit',
  'import_person_not_found',
  'import_person_ambiguous',
  'import_code_mismatch',
  'import_duplicate_row',
] as const;
export type ImportRowProblem = (typeof IMPORT_ROW_PROBLEMS)[number];

export const RatingsImportQuery = Type.Object({ year: Year }, { additionalProperties: false });
export type RatingsImportQuery = Static<typeof RatingsImportQuery>;

export const RatingsTemplateQuery = Type.Object(
  { year: Type.Optional(Year) },
  { additionalProperties: false },
);

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

/** What an import did, or why it wrote nothing (a job's `result`). */
export const RatingsImportResult = Type.Object({
  /** 'written': every row was accepted and written in one transaction; 'refused': nothing was written */
  outcome: Type.Enum(['written', 'refused']),
  year: Type.Integer(),
  orgUnitId: Id,
  orgUnitName: Type.String(),
  fileName: Type.String(),
  sheet: Type.String(),
  /** the header's row number in the sheet */
  headerRow: Type.Integer(),
  /** rows naming a person */
  rows: Type.Integer(),
  /** rows skipped: group headings, the signature block, notes */
  skipped: Type.Integer(),
  counts: Type.Object({
    /** ratings added (the person had none for the year) */
    added: Type.Integer(),
    /** ratings changed (another level was stored) */
    changed: Type.Integer(),
    /** ratings already stored as the file says */
    unchanged: Type.Integer(),
    refused: Type.Integer(),
  }),
  /** refused rows by problem */
  byProblem: Type.Record(Type.String(), Type.Integer()),
  /** the first refused rows (at most MAX_LISTED_PROBLEMS), in the sheet's order */
  problems: Type.Array(
    Type.Object({
      row: Type.Integer(),
      name: Nullable(Type.String()),
      code: Type.String(),
      message: Type.String(),
    }),
  ),
  /** the first changed ratings, old → new (at most MAX_LISTED_PROBLEMS) */
  changes: Type.Array(
    Type.Object({
      row: Type.Integer(),
      name: Type.String(),
      from: Type.Enum([...RATING_LEVELS]),
      to: Type.Enum([...RATING_LEVELS]),
    }),
  ),
});
export type RatingsImportResult = Static<typeof RatingsImportResult>;

/** The people list's filters, for its Excel export (the same as GET /api/v1/people). */
export const PeopleExportBody = Type.Object(
  {
    orgUnitId: Type.Optional(Id),
    q: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type PeopleExportBody = Static<typeof PeopleExportBody>;
