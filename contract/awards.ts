/**
 * How the award catalogue classifies titles and forms of commendation: who may receive one, what kind
 * of distinction it is, at what level it is decided, how often, and under which decree its bonus is paid.
 */

export const AWARD_SUBJECTS = ['individual', 'collective', 'household'] as const;
export type AwardSubject = (typeof AWARD_SUBJECTS)[number];

export const AWARD_KINDS = [
  'title',
  'order',
  'medal',
  'state_honour',
  'prize',
  'commemorative_medal',
  'certificate_pm',
  'certificate',
  'merit_paper',
] as const;
export type AwardKind = (typeof AWARD_KINDS)[number];

export const AWARD_LEVELS = ['state', 'ministry_province', 'grassroots', 'commune'] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];

export const PERIODICITIES = [
  'annual', // given every year for that year's results
  'cycle', // given after a chain of lower titles (e.g. three consecutive CSTĐCS)
  'merit', // given for achievements over a period or on an occasion (công trạng, đột xuất, cống hiến)
  'once', // a lifetime honour
] as const;
export type Periodicity = (typeof PERIODICITIES)[number];

/** Regimes of the bonus rules (Decree 91/2017, 98/2023, 152/2025). */
export const BONUS_REGIMES = ['ND91', 'ND98', 'ND152'] as const;
export type BonusRegime = (typeof BONUS_REGIMES)[number];
