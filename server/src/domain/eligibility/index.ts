/** Public API of the eligibility engine (pure domain: no Fastify, no Drizzle, no I/O except cli.ts). */
export {
  CATALOGUE,
  catalogueEntry,
  isAwardCode,
  listCatalogue,
  type AwardKind,
  type AwardLevel,
  type AwardSubject,
  type BonusCoefficient,
  type BonusRegime,
  type CatalogueEntry,
  type Periodicity,
} from './catalogue';
export {
  describeAllAwards,
  describeAward,
  describePredicateVi,
  type AwardDescription,
  type AwardSummary,
  type DescribedCondition,
  type DescribedRegime,
  type DescribedRoute,
  type DescribedSetting,
} from './describe';
export {
  EligibilityEngine,
  awardSlug,
  candidateAwards,
  engineFor,
  evaluate,
  evaluateAll,
  evaluateDetailed,
  isEligible,
  type Candidate,
  type DetailedVerdict,
  type EvaluateOptions,
  type ReasonDetail,
  type RouteOutcome,
} from './engine';
export { EligibilityInputError, type EligibilityErrorDetail } from './errors';
export { parseCase, parseCases, type ParseOptions, type ParsedCases } from './parse-case';
export type { Condition, Param, Predicate, SettingRef } from './predicates';
export {
  DEFAULT_RULE_SETS,
  LUAT_2003_ND91,
  LUAT_2022_ND152,
  LUAT_2022_ND98,
  LUAT_2026_ND152,
  ruleSetInForce,
  type ManualRoute,
  type RegularRoute,
  type Route,
  type RuleSet,
} from './rule-sets';
export {
  describeSettings,
  resolveSettings,
  type Setting,
  type SettingDef,
  type SettingOverrides,
  type SettingValue,
} from './settings';
