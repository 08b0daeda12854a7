/**
 * Rule sets as data: one per legal regime, with its validity period, legal basis, settings and, for each
 * award, the routes to it. A route is eligible when every hard condition in it is met; manual conditions
 * (judgement, conduct) and manual routes (outstanding result in a movement, sudden achievement, …) are
 * listed for the council and never block nor make eligible.
 * Source: /shared/domain/legal-digest.md §2–§4, §8 and legal-update-2025-2026.md §0–§2, §5.
 */
import { LUAT_2003_ND91 } from './luat-2003-nd91';
import { LUAT_2022_ND152 } from './luat-2022-nd152';
import { LUAT_2022_ND98 } from './luat-2022-nd98';
import { LUAT_2026_ND152 } from './luat-2026-nd152';
import type { RuleSet } from './shared';

export type { ManualRoute, RegularRoute, Route, RuleSet } from './shared';
export { LUAT_2003_ND91, LUAT_2022_ND98, LUAT_2022_ND152, LUAT_2026_ND152 };

/** The rule sets shipped with the engine, oldest first. */
export const DEFAULT_RULE_SETS: readonly RuleSet[] = [
  LUAT_2003_ND91,
  LUAT_2022_ND98,
  LUAT_2022_ND152,
  LUAT_2026_ND152,
];

/** The rule set in force on `date` (yyyy-mm-dd), or undefined. */
export function ruleSetInForce(
  date: string,
  ruleSets: readonly RuleSet[] = DEFAULT_RULE_SETS,
): RuleSet | undefined {
  for (const rs of ruleSets) {
    if (rs.validFrom <= date && (rs.validTo === null || date <= rs.validTo)) return rs;
  }
  return undefined;
}
