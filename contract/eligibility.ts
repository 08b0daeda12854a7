/**
 * Eligibility check: the shape of a case (what is on record about a person or a collective) and of a
 * verdict, as TypeBox schemas shared by the HTTP route (validation, OpenAPI), the command line and the
 * web client. The contract is /shared/contracts/eligibility.md; the engine is server/src/domain/eligibility.
 */
import { Type, type Static } from 'typebox';

/** Award codes known to the catalogue. The first block is the contract's required list. */
export const AWARD_CODES = [
  // Individual emulation titles (Luật 2022 Điều 19)
  'LDTT',
  'CSTT',
  'CSTDCS',
  'CSTD_BO_TINH',
  'CSTD_TQ',
  // Collective emulation titles (Luật 2022 Điều 20)
  'TTLDTT',
  'TTLDXS',
  'CO_BO_TINH',
  'CO_CP',
  // Certificates of merit (Luật 2022 Điều 73–75)
  'GK',
  'BK_BO_TINH',
  'BK_TTG',
  // Labour orders (Luật 2022 Điều 42–44)
  'HCLD_3',
  'HCLD_2',
  'HCLD_1',
  // Other emulation titles
  'DVTT',
  'DVQT',
  'XA_TIEU_BIEU',
  'THON_VH',
  'GD_VH',
  // Other orders (Luật 2022 Điều 33)
  'HC_SAO_VANG',
  'HC_HO_CHI_MINH',
  'HC_DOC_LAP_1',
  'HC_DOC_LAP_2',
  'HC_DOC_LAP_3',
  'HC_QUAN_CONG_1',
  'HC_QUAN_CONG_2',
  'HC_QUAN_CONG_3',
  'HC_BVTQ_1',
  'HC_BVTQ_2',
  'HC_BVTQ_3',
  'HC_CHIEN_CONG_1',
  'HC_CHIEN_CONG_2',
  'HC_CHIEN_CONG_3',
  'HC_DAI_DOAN_KET',
  'HC_DUNG_CAM',
  'HC_HUU_NGHI',
  // Medals (Luật 2022 Điều 54)
  'HUY_CHUONG_QKQT',
  'HUY_CHUONG_VANTQ',
  'HUY_CHUONG_CSVV_1',
  'HUY_CHUONG_CSVV_2',
  'HUY_CHUONG_CSVV_3',
  'HUY_CHUONG_HUU_NGHI',
  // State honorary titles
  'TINH_TP_ANH_HUNG',
  'BA_ME_VNAH',
  'AH_LLVTND',
  'AH_LAO_DONG',
  'NHA_GIAO_ND',
  'NHA_GIAO_UT',
  'THAY_THUOC_ND',
  'THAY_THUOC_UT',
  'NGHE_SI_ND',
  'NGHE_SI_UT',
  'NGHE_NHAN_ND',
  'NGHE_NHAN_UT',
  // Prizes
  'GT_HO_CHI_MINH',
  'GT_NHA_NUOC',
  // Commemorative medals
  'KNC_UBTVQH',
  'KNC_BO_TINH',
] as const;
export type AwardCode = (typeof AWARD_CODES)[number];

export const ELIGIBILITY_SUBJECT_KINDS = ['individual', 'collective'] as const;
export type EligibilitySubjectKind = (typeof ELIGIBILITY_SUBJECT_KINDS)[number];

/** Yearly rating, best first. */
export const ELIGIBILITY_RATING_LEVELS = ['HTXS', 'HTT', 'HT', 'KHT'] as const;
export type EligibilityRatingLevel = (typeof ELIGIBILITY_RATING_LEVELS)[number];

/** Widest reach at which an initiative or accepted research work was recognised, narrowest first. */
export const ELIGIBILITY_INITIATIVE_SCOPES = ['CO_SO', 'BO_TINH', 'TOAN_QUOC'] as const;
export type EligibilityInitiativeScope = (typeof ELIGIBILITY_INITIATIVE_SCOPES)[number];

/** Disciplinary measures, mildest first. */
export const ELIGIBILITY_DISCIPLINE_FORMS = [
  'KHIEN_TRACH',
  'CANH_CAO',
  'HA_BAC_LUONG',
  'GIANG_CHUC',
  'CACH_CHUC',
  'BUOC_THOI_VIEC',
] as const;
export type EligibilityDisciplineForm = (typeof ELIGIBILITY_DISCIPLINE_FORMS)[number];

/** Commendation type of an award already received (Luật 2022 Điều 8). */
export const ELIGIBILITY_AWARD_TYPES = [
  'regular',
  'sudden',
  'thematic',
  'dedication',
  'seniority',
  'foreign',
] as const;
export type EligibilityAwardType = (typeof ELIGIBILITY_AWARD_TYPES)[number];

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
