/**
 * Eligibility check: the shape of a case (what is on record about a person or a collective) and of a
 * verdict, as TypeBox schemas shared by the HTTP route (validation, OpenAPI), the command line and the
 * web client. The contract is /shared/contracts/eligibility.md; the engine is server/src/domain/eligibility.
 */
import { Type, type Static } from 'typebox';
import { AWARD_CODES, type AwardCode } from './awards';
import {
  AWARD_RECORD_TYPES,
  DISCIPLINE_FORMS,
  GENDERS,
  INITIATIVE_SCOPES,
  RATING_LEVELS,
  type AwardRecordType,
  type DisciplineForm,
  type InitiativeScope,
  type RatingLevel,
} from './vocabulary';

/** Award codes known to the catalogue (contract/awards.ts, with their names). */
export { AWARD_CODES, type AwardCode };

export const ELIGIBILITY_SUBJECT_KINDS = ['individual', 'collective'] as const;
export type EligibilitySubjectKind = (typeof ELIGIBILITY_SUBJECT_KINDS)[number];

// The eligibility contract speaks the one vocabulary (contract/vocabulary.ts) under its own names.
/** Yearly rating, best first. */
export const ELIGIBILITY_RATING_LEVELS = RATING_LEVELS;
export type EligibilityRatingLevel = RatingLevel;
/** Widest reach at which an initiative or accepted research work was recognised, narrowest first. */
export const ELIGIBILITY_INITIATIVE_SCOPES = INITIATIVE_SCOPES;
export type EligibilityInitiativeScope = InitiativeScope;
/** Disciplinary measures, mildest first. */
export const ELIGIBILITY_DISCIPLINE_FORMS = DISCIPLINE_FORMS;
export type EligibilityDisciplineForm = DisciplineForm;
/** Commendation type of an award already received (Luật 2022 Điều 8). */
export const ELIGIBILITY_AWARD_TYPES = AWARD_RECORD_TYPES;
export type EligibilityAwardType = AwardRecordType;

/** Error codes the eligibility check can answer with (stable, snake_case). */
export const ELIGIBILITY_ERROR_CODES = [
  'invalid_case',
  'invalid_json',
  'file_not_found',
  'invalid_setting',
] as const;
export type EligibilityErrorCode = (typeof ELIGIBILITY_ERROR_CODES)[number];

const oneOf = <const T extends readonly string[]>(values: T, description?: string) =>
  Type.Enum([...values] as T[number][], description ? { description } : {});

const IsoDate = (description: string) =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', description });
const RecordYear = Type.Integer({ minimum: 1900, maximum: 9999 });

export const EligibilityRating = Type.Object(
  { year: RecordYear, level: oneOf(ELIGIBILITY_RATING_LEVELS, 'HTXS, HTT (hoàn thành tốt), HT, KHT') },
  { additionalProperties: false },
);
export const EligibilityAwardRecord = Type.Object(
  {
    code: oneOf(AWARD_CODES),
    year: RecordYear,
    type: Type.Optional(oneOf(ELIGIBILITY_AWARD_TYPES, 'default: regular')),
  },
  { additionalProperties: false },
);
export const EligibilityInitiative = Type.Object(
  { year: RecordYear, scope: oneOf(ELIGIBILITY_INITIATIVE_SCOPES) },
  { additionalProperties: false },
);
export const EligibilityDiscipline = Type.Object(
  { year: RecordYear, form: oneOf(ELIGIBILITY_DISCIPLINE_FORMS) },
  { additionalProperties: false },
);
const Count = Type.Integer({ minimum: 0 });
export const EligibilityMembers = Type.Object(
  {
    total: Count,
    completedTasks: Type.Optional(Count),
    ldtt: Type.Optional(Count),
    cstdcs: Type.Optional(Count),
    disciplinedWarningOrAbove: Type.Optional(Count),
  },
  { additionalProperties: false, description: 'members of the collective in the judged year' },
);

const recordLists = {
  ratings: Type.Optional(Type.Array(EligibilityRating)),
  awards: Type.Optional(Type.Array(EligibilityAwardRecord)),
  initiatives: Type.Optional(Type.Array(EligibilityInitiative)),
  discipline: Type.Optional(Type.Array(EligibilityDiscipline)),
};

export const EligibilityIndividual = Type.Object(
  {
    kind: Type.Literal('individual'),
    startedOn: Type.Optional(IsoDate('date of recruitment into the public sector')),
    ...recordLists,
  },
  { additionalProperties: false },
);
export const EligibilityCollective = Type.Object(
  { kind: Type.Literal('collective'), ...recordLists, members: Type.Optional(EligibilityMembers) },
  { additionalProperties: false },
);
export const EligibilitySubject = Type.Union([EligibilityIndividual, EligibilityCollective]);

export const EligibilityCase = Type.Object(
  {
    id: Type.Optional(Type.String({ description: 'any string, echoed back' })),
    award: oneOf(AWARD_CODES),
    asOf: IsoDate('date the proposal is considered; picks the rule set in force'),
    year: Type.Integer({ minimum: 1900, maximum: 9999, description: 'achievement year judged' }),
    subject: EligibilitySubject,
  },
  { additionalProperties: false },
);
/** Body of POST /api/v1/eligibility/check and content of the CLI file: one case or an array of cases. */
export const EligibilityCheckBody = Type.Union([EligibilityCase, Type.Array(EligibilityCase)]);

export const EligibilityReason = Type.Object({
  rule: Type.String({ description: 'kebab-case <award>.<condition>' }),
  met: Type.Union([Type.Boolean(), Type.Null()]),
  message: Type.String(),
  basis: Type.String({ description: 'document, Điều, khoản of the rule set in force' }),
  manual: Type.Optional(Type.Literal(true)),
});
export const EligibilityVerdict = Type.Object({
  id: Type.Optional(Type.String()),
  award: oneOf(AWARD_CODES),
  eligible: Type.Boolean(),
  regime: Type.String({ description: 'id of the rule set applied' }),
  settings: Type.String({
    description:
      'fingerprint of the setting values the verdict was judged with (same values, same fingerprint)',
  }),
  reasons: Type.Array(EligibilityReason),
});
export const EligibilityCheckResponse = Type.Union([EligibilityVerdict, Type.Array(EligibilityVerdict)]);

export type EligibilityRating = Static<typeof EligibilityRating>;
export type EligibilityAwardRecord = Static<typeof EligibilityAwardRecord>;
export type EligibilityInitiative = Static<typeof EligibilityInitiative>;
export type EligibilityDiscipline = Static<typeof EligibilityDiscipline>;
export type EligibilityMembers = Static<typeof EligibilityMembers>;
export type EligibilityIndividual = Static<typeof EligibilityIndividual>;
export type EligibilityCollective = Static<typeof EligibilityCollective>;
export type EligibilitySubject = Static<typeof EligibilitySubject>;
export type EligibilityCase = Static<typeof EligibilityCase>;
export type EligibilityReason = Static<typeof EligibilityReason>;
export type EligibilityVerdict = Static<typeof EligibilityVerdict>;

// ---------------------------------------------------------------------------------------------------
// The eligibility screens' answers (GET /people/:id/eligibility, /org-units/:id/eligibility,
// /eligibility/eligible-now, /eligibility/quotas).

/** An award a subject could aim at, with the verdict and what is still missing. */
export const EligibilityCandidate = Type.Object({
  award: oneOf(AWARD_CODES),
  nameVi: Type.String(),
  eligible: Type.Boolean(),
  missing: Type.Array(Type.String()),
  /** id of the rule set applied */
  regime: Type.String(),
  reasons: Type.Array(EligibilityReason),
});
export type EligibilityCandidate = Static<typeof EligibilityCandidate>;

const Uuid = Type.String({ format: 'uuid' });
const DateText = Type.String({ format: 'date', description: 'yyyy-mm-dd' });

/** Figures about the members of a collective for the judged year (null: none on record). */
export const CollectiveMembers = Type.Union([
  Type.Object({
    total: Type.Integer(),
    completedTasks: Type.Optional(Type.Integer()),
    ldtt: Type.Optional(Type.Integer()),
    cstdcs: Type.Optional(Type.Integer()),
    disciplinedWarningOrAbove: Type.Optional(Type.Integer()),
  }),
  Type.Null(),
]);
export type CollectiveMembers = Static<typeof CollectiveMembers>;

export const PersonEligibility = Type.Object({
  year: Type.Integer(),
  asOf: DateText,
  isLeader: Type.Boolean(),
  candidates: Type.Array(EligibilityCandidate),
  /** For a leader: the collective they lead, with its own results. */
  unit: Type.Union([
    Type.Object({
      id: Uuid,
      name: Type.String(),
      ratings: Type.Array(Type.Object({ year: Type.Integer(), level: oneOf(RATING_LEVELS) })),
      awards: Type.Array(
        Type.Object({
          code: oneOf(AWARD_CODES),
          nameVi: Type.String(),
          year: Type.Integer(),
          type: Type.Optional(oneOf(AWARD_RECORD_TYPES)),
        }),
      ),
      members: CollectiveMembers,
    }),
    Type.Null(),
  ]),
});
export type PersonEligibility = Static<typeof PersonEligibility>;

export const UnitEligibility = Type.Object({
  year: Type.Integer(),
  asOf: DateText,
  members: CollectiveMembers,
  candidates: Type.Array(EligibilityCandidate),
});
export type UnitEligibility = Static<typeof UnitEligibility>;

/** One line of "Đủ điều kiện đề nghị": a person who meets every hard condition of an award for the year. */
export const EligibleNowRow = Type.Object({
  personId: Uuid,
  fullName: Type.String(),
  orgUnitId: Uuid,
  orgUnitName: Type.String(),
  award: oneOf(AWARD_CODES),
  awardName: Type.String(),
  year: Type.Integer(),
  newlyEligible: Type.Boolean(),
  isLeader: Type.Boolean(),
  directWorker: Type.Boolean(),
  gender: oneOf(GENDERS),
  summary: Type.String(),
  basis: Type.String(),
});
export type EligibleNowRow = Static<typeof EligibleNowRow>;

export const EligibleNowList = Type.Object({
  year: Type.Integer(),
  items: Type.Array(EligibleNowRow),
  /** rows matching the filters (the page is `items`) */
  total: Type.Integer(),
  /** distinct people among them */
  people: Type.Integer(),
  /** rows per award, in the order asked */
  byAward: Type.Array(Type.Object({ award: oneOf(AWARD_CODES), count: Type.Integer() })),
  /** read from the stored verdicts, or judged for this request (another date, a year the store does not hold) */
  source: Type.Union([Type.Literal('stored'), Type.Literal('live')]),
  /** some verdicts in the scope are being judged again ("đang cập nhật"): the list may lag a little */
  updating: Type.Boolean(),
  /** when the stored verdicts were last recomputed in full (null when judged for this request) */
  builtAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type EligibleNowList = Static<typeof EligibleNowList>;

/** Per unit, the share of CSTĐCS among LĐTT holders of the year against the cap of the rule set in force. */
export const QuotaReport = Type.Object({
  year: Type.Integer(),
  ruleSetId: Type.Union([Type.String(), Type.Null()]),
  capPct: Type.Union([Type.Number(), Type.Null()]),
  capUncertain: Type.Boolean(),
  capBasis: Type.Union([Type.String(), Type.Null()]),
  units: Type.Array(
    Type.Object({
      orgUnitId: Uuid,
      orgUnitName: Type.String(),
      members: Type.Integer(),
      ldtt: Type.Integer(),
      cstdcs: Type.Integer(),
      cstdcsLeaders: Type.Integer(),
      cstdcsDirectWorkers: Type.Integer(),
      cstdcsWomen: Type.Integer(),
      sharePct: Type.Union([Type.Number(), Type.Null()]),
      overCap: Type.Boolean(),
    }),
  ),
});
export type QuotaReport = Static<typeof QuotaReport>;

/** The stored verdicts: what they were judged with, whether that is current, and the last full recomputation. */
export const EligibilityStoreStatus = Type.Object({
  built: Type.Boolean(),
  /** judged with today's settings, rule sets and judged years */
  current: Type.Boolean(),
  /** recomputed in full today */
  fresh: Type.Boolean(),
  rebuilding: Type.Boolean(),
  consideredOn: Type.Union([Type.String(), Type.Null()]),
  builtAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  years: Type.Array(Type.Integer()),
  awards: Type.Array(Type.String()),
  /** people waiting to be judged again */
  stalePeople: Type.Integer(),
  lastReport: Type.Union([
    Type.Object({
      consideredOn: Type.String(),
      people: Type.Integer(),
      verdicts: Type.Integer(),
      changed: Type.Integer(),
      added: Type.Integer(),
      removed: Type.Integer(),
      drift: Type.Boolean(),
      seconds: Type.Number(),
    }),
    Type.Null(),
  ]),
});
export type EligibilityStoreStatus = Static<typeof EligibilityStoreStatus>;
