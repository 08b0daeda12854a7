/**
 * What a rule set is (routes of conditions per award, validity, basis, settings) and the small builders
 * and citations the regimes share.
 */
import type { AwardCode, EligibilitySubjectKind } from '../../../../../contract/eligibility';
import type { Condition } from '../predicates';
import type { SettingDef } from '../settings';

export interface RegularRoute {
  readonly id: string;
  readonly kind: 'regular';
  readonly nameVi: string;
  readonly subjects: readonly EligibilitySubjectKind[];
  readonly conditions: readonly Condition[];
}

/** A route that rests on a judgement; shown as one manual reason. */
export interface ManualRoute {
  readonly id: string;
  readonly kind: 'manual';
  readonly nameVi: string;
  readonly subjects: readonly EligibilitySubjectKind[];
  readonly basis: string;
}

export type Route = RegularRoute | ManualRoute;

export interface RuleSet {
  readonly id: string;
  readonly nameVi: string;
  /** First day in force (yyyy-mm-dd), inclusive. */
  readonly validFrom: string;
  /** Last day in force, inclusive; null while in force. */
  readonly validTo: string | null;
  readonly basis: string;
  /** False when the criteria are carried forward or inferred and not checked against the official text. */
  readonly verified: boolean;
  readonly noteVi?: string;
  /** Name of the law as cited in catalogue bases under this rule set. */
  readonly lawName: string;
  readonly principles: {
    /** Decree 152/2025 Đ4: sudden and thematic awards do not count toward the chains a higher award rests on. */
    readonly excludeSuddenThematicFromChains: boolean;
    /** Decree 152/2025 Đ4: after a disciplinary period, achievements count only from its end. */
    readonly disciplineResetsAchievements: boolean;
  };
  readonly settings: readonly SettingDef[];
  readonly rules: Readonly<Partial<Record<AwardCode, readonly Route[]>>>;
}

export const IND: readonly EligibilitySubjectKind[] = ['individual'];
export const COL: readonly EligibilitySubjectKind[] = ['collective'];
export const BOTH: readonly EligibilitySubjectKind[] = ['individual', 'collective'];

export const L22 = 'Luật Thi đua, khen thưởng 2022';
export const L26 =
  'Luật Thi đua, khen thưởng 2022 (sửa đổi, bổ sung bởi Luật 06/2026/QH16; tiêu chí mang sang, chưa đối chiếu)';
export const L03 = 'Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2005, 2013)';
export const ND91 = 'Nghị định 91/2017/NĐ-CP';
export const ND152 = 'Nghị định 152/2025/NĐ-CP';
export const TT01_RECRUIT = 'Thông tư 01/2024/TT-BNV, Điều 1, khoản 5, điểm d';

export const manual = (id: string, basis: string, textVi: string): Condition => ({
  id,
  basis,
  test: { kind: 'manual', textVi },
});

export const manualRoute = (
  id: string,
  subjects: readonly EligibilitySubjectKind[],
  basis: string,
  nameVi: string,
): ManualRoute => ({ id, kind: 'manual', subjects, basis, nameVi });

export const regular = (
  conditions: readonly Condition[],
  subjects: readonly EligibilitySubjectKind[] = IND,
  nameVi = 'Thành tích thường xuyên',
  id = 'regular',
): RegularRoute => ({ id, kind: 'regular', nameVi, subjects, conditions });
