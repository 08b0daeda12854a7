/**
 * The award catalogue and the description of an award's conditions, as the API sends them
 * (GET /api/v1/eligibility/catalogue, /catalogue/:code): TypeBox schemas shared by the server (response
 * schemas, OpenAPI) and the web client (types). The catalogue itself is server/src/domain/eligibility.
 */
import { Type, type Static } from 'typebox';
import { AWARD_KINDS, AWARD_LEVELS, AWARD_SUBJECTS, PERIODICITIES } from './awards';
import { AWARD_CODES, ELIGIBILITY_SUBJECT_KINDS } from './eligibility';
import type { Names } from './vocabulary';

const oneOf = <const T extends readonly string[]>(values: T) => Type.Enum([...values] as T[number][]);

export const BonusCoefficient = Type.Object({
  /** Multiple of the base salary (mức lương cơ sở); null when no source gives it. */
  value: Type.Union([Type.Number(), Type.Null()]),
  /** The value is a ceiling ("không quá"), not a fixed amount. */
  ceiling: Type.Optional(Type.Literal(true)),
  uncertain: Type.Boolean(),
  basis: Type.String(),
});
export type BonusCoefficient = Static<typeof BonusCoefficient>;

export const BonusBySubject = Type.Object({
  individual: Type.Optional(BonusCoefficient),
  collective: Type.Optional(BonusCoefficient),
});
export type BonusBySubject = Static<typeof BonusBySubject>;

export const CatalogueEntry = Type.Object({
  code: oneOf(AWARD_CODES),
  nameVi: Type.String(),
  nameEn: Type.String(),
  subjects: Type.Array(oneOf(AWARD_SUBJECTS)),
  kind: oneOf(AWARD_KINDS),
  level: oneOf(AWARD_LEVELS),
  /** A state-level title or form (NĐ98 Điều 3 khoản 1–2): consultation and publicity rules apply. */
  stateLevel: Type.Boolean(),
  authorityVi: Type.String(),
  authorityUncertain: Type.Boolean(),
  periodicity: oneOf(PERIODICITIES),
  /** Bonus coefficients by decree (BONUS_REGIMES). */
  bonus: Type.Object({
    ND91: Type.Optional(BonusBySubject),
    ND98: Type.Optional(BonusBySubject),
    ND152: Type.Optional(BonusBySubject),
  }),
  insigniaVi: Type.String(),
  legalBasis: Type.String(),
});
export type CatalogueEntry = Static<typeof CatalogueEntry>;

/** One catalogue line of GET /eligibility/catalogue. */
export const AwardSummary = Type.Object({
  code: oneOf(AWARD_CODES),
  nameVi: Type.String(),
  kind: oneOf(AWARD_KINDS),
  level: oneOf(AWARD_LEVELS),
  subjects: Type.Array(oneOf(AWARD_SUBJECTS)),
  /** Some rule set has routes (regular or manual) for the award. */
  hasRules: Type.Boolean(),
  /** Rule sets with routes for the award, newest first. */
  regimes: Type.Array(Type.String()),
});
export type AwardSummary = Static<typeof AwardSummary>;

/** A value of a rule-set setting: a number, a switch, an enum value, or null ("none"). */
export const SettingValue = Type.Union([
  Type.Number(),
  Type.Boolean(),
  Type.String({ maxLength: 200 }),
  Type.Null(),
]);
export type SettingValue = Static<typeof SettingValue>;

export const DescribedSetting = Type.Object({
  key: Type.String(),
  value: SettingValue,
  uncertain: Type.Boolean(),
});
export type DescribedSetting = Static<typeof DescribedSetting>;

export const DescribedCondition = Type.Object({
  id: Type.String(),
  /** `<award-slug>.<id>`, as in verdicts. */
  rule: Type.String(),
  textVi: Type.String(),
  basis: Type.String(),
  uncertain: Type.Boolean(),
  settings: Type.Array(DescribedSetting),
});
export type DescribedCondition = Static<typeof DescribedCondition>;

export const DescribedRoute = Type.Object({
  id: Type.String(),
  nameVi: Type.String(),
  kind: Type.Enum(['regular', 'manual']),
  subjects: Type.Array(oneOf(ELIGIBILITY_SUBJECT_KINDS)),
  /** The basis of a manual route (a regular route's bases are on its conditions). */
  basis: Type.Optional(Type.String()),
  conditions: Type.Array(DescribedCondition),
});
export type DescribedRoute = Static<typeof DescribedRoute>;

export const DescribedRegime = Type.Object({
  ruleSetId: Type.String(),
  nameVi: Type.String(),
  validFrom: Type.String(),
  validTo: Type.Union([Type.String(), Type.Null()]),
  verified: Type.Boolean(),
  noteVi: Type.Optional(Type.String()),
  basis: Type.String(),
  routes: Type.Array(DescribedRoute),
});
export type DescribedRegime = Static<typeof DescribedRegime>;

/** GET /eligibility/catalogue/:code: the award's facts and its conditions, regime by regime. */
export const AwardDescription = Type.Object({
  code: oneOf(AWARD_CODES),
  nameVi: Type.String(),
  nameEn: Type.String(),
  entry: CatalogueEntry,
  /** Every rule set with routes for the award, newest first. */
  regimes: Type.Array(DescribedRegime),
});
export type AwardDescription = Static<typeof AwardDescription>;

/** A rule-set setting as an administrator sees it: its definition and the value in force. */
export const EligibilitySetting = Type.Object({
  key: Type.String(),
  type: Type.Enum(['integer', 'number', 'boolean', 'enum']),
  /** Allowed values of an enum setting. */
  values: Type.Optional(Type.Array(Type.Union([Type.String(), Type.Null()]))),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  /** null is allowed (means "none" / "not applicable"). */
  nullable: Type.Optional(Type.Boolean()),
  defaultValue: SettingValue,
  /** The sources do not settle this value. */
  uncertain: Type.Boolean(),
  descriptionVi: Type.String(),
  basis: Type.String(),
  value: SettingValue,
});
export type EligibilitySetting = Static<typeof EligibilitySetting>;

/** GET /eligibility/settings: each rule set with its settings and the stored key that holds a change. */
export const RuleSetSettings = Type.Object({
  ruleSetId: Type.String(),
  nameVi: Type.String(),
  validFrom: Type.String(),
  validTo: Type.Union([Type.String(), Type.Null()]),
  verified: Type.Boolean(),
  settings: Type.Array(
    Type.Object({
      ...EligibilitySetting.properties,
      /** The stored key that holds a change (`key` or `RULE_SET_ID:key`); null: the default applies. */
      overriddenBy: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
export type RuleSetSettings = Static<typeof RuleSetSettings>;

/**
 * The names of the rule settings (server/src/domain/eligibility/settings.ts declares them; a test checks that
 * every declared key is named here), and of the values of enum settings that are not ratings or discipline
 * forms. The screens show these, never the keys.
 */
export const SETTING_NAMES: Readonly<Record<string, Names>> = {
  'recruitment.measuredTo': {
    vi: 'Thời gian công tác tính đến',
    en: 'Length of service counted up to',
  },
  'chains.resetAfterSameAward': {
    vi: 'Chuỗi thành tích tính lại sau lần được tặng gần nhất',
    en: 'Achievement chains restart after the latest same award',
  },
  'sinceAward.anchor': {
    vi: 'Mốc tính "sau khi được tặng"',
    en: 'Anchor of "since the award"',
  },
  'cstdcs.initiativeWindowYears': {
    vi: 'Chiến sĩ thi đua cơ sở: số năm tính sáng kiến',
    en: 'Grassroots emulation fighter: years an initiative counts',
  },
  'cstdBoTinh.initiativeWindowYears': {
    vi: 'Chiến sĩ thi đua bộ, tỉnh: số năm tính sáng kiến',
    en: 'Provincial emulation fighter: years an initiative counts',
  },
  'cstdTq.initiativeWindowYears': {
    vi: 'Chiến sĩ thi đua toàn quốc: số năm tính sáng kiến',
    en: 'National emulation fighter: years an initiative counts',
  },
  'cstdTq.maxGapYears': {
    vi: 'Chiến sĩ thi đua toàn quốc: khoảng cách tối đa giữa hai lần cấp tỉnh',
    en: 'National emulation fighter: longest gap between two provincial titles',
  },
  'cstdTq.maxYearsAfterSecond': {
    vi: 'Chiến sĩ thi đua toàn quốc: số năm tối đa sau lần cấp tỉnh thứ hai',
    en: 'National emulation fighter: most years after the second provincial title',
  },
  'coBoTinh.minRating': {
    vi: 'Cờ thi đua bộ, tỉnh: mức xếp loại tối thiểu của tập thể',
    en: 'Provincial emulation flag: lowest collective rating',
  },
  'coBoTinh.requireTtldxs': {
    vi: 'Cờ thi đua bộ, tỉnh: phải là Tập thể lao động xuất sắc',
    en: 'Provincial emulation flag: requires Excellent Labour Collective',
  },
  'coCp.minRating': {
    vi: 'Cờ thi đua của Chính phủ: mức xếp loại tối thiểu của tập thể',
    en: 'Government emulation flag: lowest collective rating',
  },
  'coCp.requireTtldxs': {
    vi: 'Cờ thi đua của Chính phủ: phải là Tập thể lao động xuất sắc',
    en: 'Government emulation flag: requires Excellent Labour Collective',
  },
  'gk.minRating': {
    vi: 'Giấy khen: mức xếp loại tối thiểu',
    en: 'Certificate of merit: lowest rating',
  },
  'cstdcs.quotaPct': {
    vi: 'Tỷ lệ tối đa Chiến sĩ thi đua cơ sở (%)',
    en: 'Largest share of grassroots emulation fighters (%)',
  },
  'cstdBoTinh.requireInitiativeBoTinh': {
    vi: 'Chiến sĩ thi đua bộ, tỉnh: bắt buộc sáng kiến cấp tỉnh',
    en: 'Provincial emulation fighter: provincial initiative required',
  },
  'cstdTq.requireSixConsecutiveCstdcs': {
    vi: 'Chiến sĩ thi đua toàn quốc: 06 năm liên tục Chiến sĩ thi đua cơ sở',
    en: 'National emulation fighter: six consecutive grassroots titles',
  },
  'hcld.minRating': {
    vi: 'Huân chương Lao động: mức xếp loại tối thiểu mỗi năm',
    en: 'Labour Order: lowest rating of each year',
  },
  'hcld2.initiativesBoTinh': {
    vi: 'Huân chương Lao động hạng Nhì: số sáng kiến cấp tỉnh',
    en: 'Second-class Labour Order: provincial initiatives',
  },
  'hcld1.initiativesToanQuoc': {
    vi: 'Huân chương Lao động hạng Nhất: số sáng kiến toàn quốc',
    en: 'First-class Labour Order: national initiatives',
  },
  'ldtt.disciplineDisqualifier': {
    vi: 'Lao động tiên tiến: hình thức kỷ luật loại trừ',
    en: 'Advanced worker: discipline that rules it out',
  },
  'ttldxs.requireNoWarningDiscipline': {
    vi: 'Tập thể lao động xuất sắc: không có cá nhân bị cảnh cáo trở lên',
    en: 'Excellent Labour Collective: no member warned or worse',
  },
  'hcld1.regularRouteEnabled': {
    vi: 'Huân chương Lao động hạng Nhất: bật tiêu chí suy luận',
    en: 'First-class Labour Order: inferred criteria on',
  },
  'hcld1.minHtxsYears': {
    vi: 'Huân chương Lao động hạng Nhất: số năm hoàn thành xuất sắc',
    en: 'First-class Labour Order: excellent years',
  },
  'hcld1.cstdTqCount': {
    vi: 'Huân chương Lao động hạng Nhất: số lần Chiến sĩ thi đua toàn quốc',
    en: 'First-class Labour Order: national emulation fighter titles',
  },
  'hcld1.cstdBoTinhCount': {
    vi: 'Huân chương Lao động hạng Nhất: số lần Chiến sĩ thi đua bộ, tỉnh',
    en: 'First-class Labour Order: provincial emulation fighter titles',
  },
  'discipline.resetMinForm': {
    vi: 'Kỷ luật: hình thức thấp nhất làm tính lại thành tích',
    en: 'Discipline: lightest form that restarts achievements',
  },
  'discipline.extraYearsExcluded': {
    vi: 'Kỷ luật: số năm tiếp theo vẫn trong thời hạn',
    en: 'Discipline: further years still within its term',
  },
};

/** Names of the values of enum settings other than ratings and discipline forms. */
export const SETTING_VALUE_NAMES: Readonly<Record<string, Names>> = {
  year_end: { vi: 'Hết ngày 31/12 của năm xét', en: 'The end of the year judged (31/12)' },
  as_of: { vi: 'Ngày xét', en: 'The date of judgement' },
  latest: { vi: 'Lần được tặng gần nhất', en: 'The latest award' },
  earliest: { vi: 'Lần được tặng đầu tiên', en: 'The first award' },
  NONE: { vi: 'Không có hình thức nào', en: 'None' },
};
