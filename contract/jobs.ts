/**
 * Background jobs: long work (a city-wide export, a year-end batch) runs in the server's job worker while
 * the user watches its progress. Each feature starts its own kind of job through its own route; reading,
 * downloading and cancelling are generic.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { Id } from './api';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];
/** A job in one of these states may still change; the others are final. */
export const UNFINISHED_JOB_STATUSES = ['queued', 'running'] as const satisfies readonly JobStatus[];

/** The kinds of job the server knows, each started by its own feature (names: the web's jobs dictionary). */
export const JOB_KINDS = [
  'eligible_now_export',
  'eligibility_rebuild',
  'audit_verify',
  'ratings_import',
  'people_export',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Job = Type.Object({
  id: Id,
  /** one of JOB_KINDS (a string, so an older client still reads a newer server's list) */
  kind: Type.String(),
  status: Type.Enum([...JOB_STATUSES]),
  /** what the job was asked to do (the feature's own parameters) */
  params: Type.Record(Type.String(), Type.Unknown()),
  progress: Type.Object({
    done: Type.Integer({ minimum: 0 }),
    /** null while the size of the work is not yet known */
    total: Nullable(Type.Integer({ minimum: 0 })),
  }),
  /** the handler's last word, in Vietnamese ("Đã xét 12.000/200.000 người") */
  message: Nullable(Type.String()),
  /** a small summary the feature returns (counts and the like) */
  result: Type.Unknown(),
  output: Nullable(Type.Object({ name: Type.String(), mime: Type.String(), size: Type.Integer() })),
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  orgUnitId: Id,
  orgUnitName: Type.String(),
  createdAt: Timestamp,
  startedAt: Nullable(Timestamp),
  finishedAt: Nullable(Timestamp),
});
export type Job = Static<typeof Job>;

export const JobListQuery = Type.Object(
  {
    kind: Type.Optional(Type.Enum([...JOB_KINDS])),
    status: Type.Optional(Type.Enum([...JOB_STATUSES])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type JobListQuery = Static<typeof JobListQuery>;

export const JobList = Type.Object({ items: Type.Array(Job), total: Type.Integer() });
export type JobList = Static<typeof JobList>;

/** Parameters of the city-wide "Đủ điều kiện đề nghị" export: the filters of the synchronous export. */
export const EligibleNowExportBody = Type.Object(
  {
    orgUnitId: Type.Optional(Id),
    awards: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 60, uniqueItems: true }),
    ),
    year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
    asOf: Type.Optional(Type.String({ format: 'date', description: 'yyyy-mm-dd' })),
    onlyNew: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type EligibleNowExportBody = Static<typeof EligibleNowExportBody>;
