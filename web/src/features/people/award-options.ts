/**
 * The award picker's options, built from the catalogue (GET /api/v1/eligibility/catalogue): the awards a
 * person can receive, grouped by level (from the grassroots up) and kind, each with its name in the
 * chosen language and its code; typed text matches without regard to diacritics or case.
 */
import { AWARD_KINDS, type AwardCode, type AwardKind, type AwardLevel } from '../../../../contract/awards';
import type { AwardSummary } from '../../lib/api';
import { fold } from '../../lib/text';

export interface AwardOption {
  /** the award code: what is stored */
  value: string;
  /** the award's name: what the field shows once chosen (and the option's title) */
  label: string;
  title: string;
  code: string;
  /** folded name, Vietnamese name and code: what typed text is matched against */
  search: string;
}

export interface AwardOptionGroup {
  key: string;
  label: string;
  title: string;
  options: AwardOption[];
}

export interface AwardNames {
  award: Readonly<Record<AwardCode, string>>;
  kinds: Readonly<Record<AwardKind, string>>;
  levels: Readonly<Record<AwardLevel, string>>;
  /** the group of codes kept although the catalogue does not offer them for a person */
  other: string;
}

/** Levels from the grassroots up: the awards an officer records most come first. */
const LEVEL_ORDER: readonly AwardLevel[] = ['grassroots', 'commune', 'ministry_province', 'state'];

/**
 * Groups of options: one per level and kind that has awards for individuals, in catalogue order within a
 * group. `keep` (the code of an entry being corrected) stays offered even when the catalogue has it for
 * collectives only, or does not know it.
 */
export function awardOptionGroups(
  catalogue: readonly AwardSummary[],
  names: AwardNames,
  keep: readonly string[] = [],
): AwardOptionGroup[] {
  const option = (code: string, label: string, nameVi: string): AwardOption => ({
    value: code,
    label,
    title: label,
    code,
    search: fold(`${label} ${nameVi} ${code} ${code.replace(/_/g, ' ')}`),
  });
  const groups = new Map<string, AwardOptionGroup & { order: number }>();
  const offered = new Set<string>();
  for (const a of catalogue) {
    if (!a.subjects.includes('individual') && !keep.includes(a.code)) continue;
    const key = `${a.level}.${a.kind}`;
    let group = groups.get(key);
    if (!group) {
      const label = `${names.levels[a.level]} · ${names.kinds[a.kind]}`;
      const order = LEVEL_ORDER.indexOf(a.level) * AWARD_KINDS.length + AWARD_KINDS.indexOf(a.kind);
      group = { key, label, title: label, options: [], order };
      groups.set(key, group);
    }
    group.options.push(option(a.code, names.award[a.code], a.nameVi));
    offered.add(a.code);
  }
  const result: AwardOptionGroup[] = [...groups.values()]
    .sort((x, y) => x.order - y.order)
    .map(({ order: _order, ...g }) => g);
  const unknown = keep.filter((c) => c && !offered.has(c));
  if (unknown.length > 0)
    result.push({
      key: 'other',
      label: names.other,
      title: names.other,
      options: unknown.map((c) => option(c, c, c)),
    });
  return result;
}

/** Whether typed text matches an option (accents and case ignored; every word must occur). */
export function matchesAward(input: string, option: Pick<AwardOption, 'search'> | undefined): boolean {
  if (!option?.search) return false;
  return fold(input)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => option.search.includes(word));
}
