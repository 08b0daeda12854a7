/**
 * The award catalogue and the description of an award's conditions, as the API sends them
 * (GET /api/v1/eligibility/catalogue, /catalogue/:code): TypeBox schemas shared by the server (response
 * schemas, OpenAPI) and the web client (types). The catalogue itself is server/src/domain/eligibility.
 */
import { Type, type Static } from 'typebox';
import { AWARD_KINDS, AWARD_LEVELS, AWARD_SUBJECTS, PERIODICITIES } from './awards';
import { AWARD_CODES, ELIGIBILITY_SUBJECT_KINDS } from './eligibility';

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
