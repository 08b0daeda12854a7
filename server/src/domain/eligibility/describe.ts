/**
 * Describes the conditions of an award, regime by regime, in plain Vietnamese, for a page per award that a
 * civil servant reads without a subject at hand. Pure: reads the engine's rule sets and the settings in force.
 *
 * Judgement calls:
 * - Values that come from settings are filled with the value in force for that rule set
 *   (`engine.settingsOf`), and every setting a condition depends on (its parameters, its `when`, the
 *   `{{key}}` placeholders of a manual text, the anchor mode of "đã được tặng … và sau đó") is listed in the
 *   condition's `settings` with its value and `uncertain` flag.
 * - A condition (or a part of a composite) that does not apply under the settings in force — its `when`
 *   does not hold, or a discipline disqualifier is switched off (`NONE`) — is OMITTED, exactly as the engine
 *   skips it when evaluating; a composite with no applicable part is omitted too. A condition that applies
 *   because of its `when` lists the `when` setting in `settings`, so the page can say what it hinges on.
 * - A condition is `uncertain` when it or one of its applicable parts is marked uncertain in the rule set
 *   (the uncertainty of a setting's value is on the setting).
 * - Counts are written with two digits (01, 02, 03) as in the engine's messages.
 */
import type {
  AwardDescription,
  AwardSummary,
  DescribedCondition,
  DescribedRegime,
  DescribedRoute,
  DescribedSetting,
} from '../../../../contract/catalogue';
import type {
  AwardCode,
  EligibilityDisciplineForm,
  EligibilityInitiativeScope,
  EligibilityRatingLevel,
} from '../../../../contract/eligibility';
import { assertNever } from '../../lib/assert-never';
import { CATALOGUE, listCatalogue } from './catalogue';
import { awardSlug, type EligibilityEngine } from './engine';
import { DISCIPLINE_NAME_VI, RATING_NAME_VI, SCOPE_NAME_VI, pad2 } from './format';
import { MEMBER_FIELD_VI, type Condition, type Param, type Predicate } from './predicates';
import type { Route, RuleSet } from './rule-sets';
import type { Setting, SettingValue } from './settings';

// The shapes of a description are the API's (contract/catalogue.ts).
export type {
  AwardDescription,
  AwardSummary,
  DescribedCondition,
  DescribedRegime,
  DescribedRoute,
  DescribedSetting,
};

// ---------------------------------------------------------------------------------------------------

/** What a description reads from a rule set's settings in force. */
class SettingsView {
  private readonly byKey: ReadonlyMap<string, Setting>;
  constructor(settings: readonly Setting[]) {
    this.byKey = new Map(settings.map((s) => [s.key, s]));
  }
  value(key: string): SettingValue {
    const s = this.byKey.get(key);
    return s === undefined ? null : s.value;
  }
  describe(key: string): DescribedSetting {
    const s = this.byKey.get(key);
    return { key, value: s === undefined ? null : s.value, uncertain: s?.uncertain ?? true };
  }
}

/** Collects the settings a condition depends on, in order of first use. */
class Refs {
  readonly keys: string[] = [];
  add(key: string): void {
    if (!this.keys.includes(key)) this.keys.push(key);
  }
}

function isRef(p: unknown): p is { readonly setting: string } {
  return typeof p === 'object' && p !== null && 'setting' in p;
}

function val<T>(p: Param<T>, s: SettingsView, refs: Refs): T {
  if (isRef(p)) {
    refs.add(p.setting);
    return s.value(p.setting) as T;
  }
  return p;
}

function applies(c: Condition, s: SettingsView): boolean {
  if (!c.when) return true;
  const v = s.value(c.when.setting);
  if ('is' in c.when && v !== c.when.is) return false;
  if ('isNot' in c.when && v === c.when.isNot) return false;
  return true;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function names(awards: readonly AwardCode[]): string {
  return awards.map((a) => CATALOGUE[a].nameVi).join(' hoặc ');
}

/** "Hoàn thành xuất sắc nhiệm vụ" / "từ Hoàn thành tốt nhiệm vụ trở lên" */
function ratingPhrase(level: EligibilityRatingLevel): string {
  return level === 'HTXS' ? RATING_NAME_VI[level] : `từ ${RATING_NAME_VI[level]} trở lên`;
}

function scopePhrase(scope: EligibilityInitiativeScope): string {
  return scope === 'TOAN_QUOC'
    ? 'phạm vi ảnh hưởng toàn quốc'
    : `phạm vi ảnh hưởng ${SCOPE_NAME_VI[scope]} trở lên`;
}

function initiatives(count: number, scope: EligibilityInitiativeScope): string {
  return `${pad2(count)} sáng kiến hoặc đề tài khoa học có ${scopePhrase(scope)}`;
}

/** "trong năm xét" / "trong 03 năm tính đến năm xét (kể cả năm xét)" */
function windowPhrase(years: number): string {
  return years <= 1 ? 'trong năm xét' : `trong ${pad2(years)} năm tính đến năm xét (kể cả năm xét)`;
}

function pctText(pct: number): string {
  return `${String(pct).replace('.', ',')}%`;
}

function fillTemplate(text: string, s: SettingsView, refs: Refs): string {
  if (!text.includes('{{')) return text;
  return text.replace(/\{\{([\w.]+)\}\}/g, (_, key: string) => {
    refs.add(key);
    const v = s.value(key);
    return v === null || v === undefined ? '' : String(v).replace('.', ',');
  });
}

interface Described {
  text: string;
  uncertain: boolean;
}

/** The parts of a composite that apply, described; empty when none applies. */
function describeParts(conditions: readonly Condition[], s: SettingsView, refs: Refs): Described[] {
  const out: Described[] = [];
  for (const c of conditions) {
    if (!applies(c, s)) continue;
    if (c.when) refs.add(c.when.setting);
    const d = describePredicate(c.test, s, refs);
    if (d) out.push({ text: d.text, uncertain: d.uncertain || c.uncertain === true });
  }
  return out;
}

/**
 * A predicate in general terms, with setting values filled in; undefined when it does not apply under the
 * settings in force (a discipline disqualifier set to NONE, a composite without applicable parts).
 */
function describePredicate(p: Predicate, s: SettingsView, refs: Refs): Described | undefined {
  const plain = (text: string): Described => ({ text, uncertain: false });
  switch (p.kind) {
    case 'ratingAtLeast': {
      const level = val(p.level, s, refs);
      return plain(`Được đánh giá, xếp loại ${ratingPhrase(level)} trong năm xét`);
    }
    case 'timeSinceRecruitment': {
      const months = val(p.months, s, refs);
      const to =
        val(p.measuredTo, s, refs) === 'as_of'
          ? 'tính đến ngày xét, không quá 31/12 năm xét'
          : 'tính đến 31/12 năm xét';
      return plain(`Đã được tuyển dụng từ ${pad2(months)} tháng trở lên (${to})`);
    }
    case 'noDisciplineAtOrAbove': {
      const form = val(p.form, s, refs);
      if (form === 'NONE') return undefined;
      return plain(`Không bị kỷ luật từ hình thức ${DISCIPLINE_NAME_VI[form]} trở lên trong năm xét`);
    }
    case 'disciplinePeriodOver': {
      const form: EligibilityDisciplineForm = val(p.form, s, refs);
      const extra = val(p.extraYears, s, refs);
      const from = extra <= 0 ? 'năm sau năm' : `năm thứ ${pad2(extra + 1)} sau năm`;
      return plain(
        `Năm xét không nằm trong thời hạn kỷ luật: nếu bị kỷ luật từ hình thức ${DISCIPLINE_NAME_VI[form]} trở lên, thành tích chỉ được tính từ ${from} có quyết định kỷ luật`,
      );
    }
    case 'initiativeOfReach': {
      const count = val(p.count, s, refs);
      const within = val(p.withinYears, s, refs);
      if (count <= 0)
        return plain(`Không bắt buộc có sáng kiến hoặc đề tài khoa học (số yêu cầu: ${pad2(0)})`);
      return plain(`Có ít nhất ${initiatives(count, p.scope)} được công nhận ${windowPhrase(within)}`);
    }
    case 'consecutiveTitles':
      return plain(
        `Có ${pad2(p.count)} lần liên tục được tặng danh hiệu ${names(p.awards)}, lần cuối vào năm xét`,
      );
    case 'consecutiveRatings': {
      let text = `Có từ ${pad2(p.count)} năm liên tục trở lên được đánh giá, xếp loại ${ratingPhrase(p.level)}, năm cuối là năm xét`;
      if (p.initiatives) {
        const n = val(p.initiatives.count, s, refs);
        if (n > 0)
          text += `; trong thời gian đó có ít nhất ${initiatives(n, p.initiatives.scope)} được công nhận`;
      }
      return plain(text);
    }
    case 'repeatedTitle': {
      const gap = val(p.maxGapYears, s, refs);
      const since = val(p.maxYearsSinceLast, s, refs);
      const last =
        since <= 0
          ? 'lần gần nhất vào năm xét'
          : `lần gần nhất vào năm xét hoặc không quá ${pad2(since)} năm trước năm xét`;
      return plain(
        `Có ${pad2(p.count)} lần liên tục được tặng danh hiệu ${names([p.award])} (hai lần liền nhau cách nhau không quá ${pad2(gap)} năm), ${last}`,
      );
    }
    case 'sinceAward': {
      refs.add('sinceAward.anchor');
      const anchor = s.value('sinceAward.anchor') === 'earliest' ? 'lần đầu tiên' : 'lần gần nhất';
      const level = val(p.minLevel, s, refs);
      const extras: string[] = [];
      if (p.htxsYears !== undefined) {
        const n = val(p.htxsYears, s, refs);
        if (n > 0) extras.push(`${pad2(n)} năm Hoàn thành xuất sắc nhiệm vụ`);
      }
      for (const t of p.titles ?? []) {
        const n = val(t.count, s, refs);
        if (n > 0) extras.push(`${pad2(n)} lần được tặng danh hiệu ${names(t.awards)}`);
      }
      if (p.initiatives) {
        const n = val(p.initiatives.count, s, refs);
        if (n > 0) extras.push(initiatives(n, p.initiatives.scope));
      }
      const head = `Đã được tặng ${names(p.anchors)} và sau đó (tính từ ${anchor} được tặng) có từ ${pad2(p.years)} năm liên tục trở lên được đánh giá, xếp loại ${ratingPhrase(level)}, năm cuối là năm xét`;
      return plain(extras.length > 0 ? `${head}; trong thời gian đó có ít nhất ${extras.join(', ')}` : head);
    }
    case 'titlesInWindow':
      return plain(
        `Có ít nhất ${pad2(p.count)} lần được tặng ${names(p.awards)} trong ${pad2(p.withinYears)} năm tính đến năm xét (kể cả năm xét)`,
      );
    case 'titleInYear':
      return plain(`Đạt danh hiệu ${names(p.awards)} trong năm xét`);
    case 'memberShareAtLeast':
      return plain(
        `Có ${p.strict ? 'trên' : 'ít nhất'} ${pctText(p.pct)} cá nhân ${MEMBER_FIELD_VI[p.field]}`,
      );
    case 'allMembersCompleted':
      return plain('100% cá nhân trong tập thể hoàn thành nhiệm vụ được giao');
    case 'hasMemberWith':
      return plain(`Có ít nhất ${pad2(p.count)} cá nhân ${MEMBER_FIELD_VI[p.field]}`);
    case 'noMemberDisciplinedAtOrAbove':
      return plain('Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên trong năm xét');
    case 'manual':
      return plain(fillTemplate(p.textVi, s, refs));
    case 'anyOf': {
      const parts = describeParts(p.options, s, refs);
      if (parts.length === 0) return undefined;
      const uncertain = parts.some((x) => x.uncertain);
      if (parts.length === 1) return { text: parts[0]!.text, uncertain };
      const listed = parts.map((x, i) => `(${i + 1}) ${lowerFirst(x.text)}`).join('; hoặc ');
      return { text: `Đáp ứng một trong các phương án: ${listed}`, uncertain };
    }
    case 'allOf': {
      const parts = describeParts(p.conditions, s, refs);
      if (parts.length === 0) return undefined;
      const uncertain = parts.some((x) => x.uncertain);
      if (parts.length === 1) return { text: parts[0]!.text, uncertain };
      const listed = parts.map((x) => lowerFirst(x.text)).join('; ');
      return { text: `Đáp ứng đủ các tiêu chuẩn: ${listed}`, uncertain };
    }
    default:
      // A new predicate kind must be described here: this line stops compiling until it is.
      return assertNever(p, 'predicate kind');
  }
}

/**
 * One predicate in general terms with the given settings (e.g. `engine.settingsOf(id)`); undefined when it
 * does not apply under them. `settingKeys` receives the keys of the settings it depends on.
 */
export function describePredicateVi(
  p: Predicate,
  settings: readonly Setting[] = [],
  settingKeys: string[] = [],
): string | undefined {
  const refs = new Refs();
  const d = describePredicate(p, new SettingsView(settings), refs);
  settingKeys.push(...refs.keys);
  return d?.text;
}

function describeCondition(slug: string, c: Condition, s: SettingsView): DescribedCondition | undefined {
  if (!applies(c, s)) return undefined;
  const refs = new Refs();
  if (c.when) refs.add(c.when.setting);
  const d = describePredicate(c.test, s, refs);
  if (!d) return undefined;
  return {
    id: c.id,
    rule: `${slug}.${c.id}`,
    textVi: d.text,
    basis: c.basis,
    uncertain: c.uncertain === true || d.uncertain,
    settings: refs.keys.map((k) => s.describe(k)),
  };
}

function describeRoute(slug: string, route: Route, s: SettingsView): DescribedRoute {
  if (route.kind === 'manual') {
    return {
      id: route.id,
      nameVi: route.nameVi,
      kind: 'manual',
      subjects: [...route.subjects],
      basis: route.basis,
      conditions: [],
    };
  }
  const conditions: DescribedCondition[] = [];
  for (const c of route.conditions) {
    const d = describeCondition(slug, c, s);
    if (d) conditions.push(d);
  }
  return {
    id: route.id,
    nameVi: route.nameVi,
    kind: 'regular',
    subjects: [...route.subjects],
    conditions,
  };
}

/** Rule sets with routes for the award, newest first. */
function ruleSetsFor(code: AwardCode, engine: EligibilityEngine): RuleSet[] {
  return engine.ruleSets
    .filter((rs) => (rs.rules[code]?.length ?? 0) > 0)
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0));
}

/** The award's conditions, regime by regime (newest first), with setting values in force. */
export function describeAward(code: AwardCode, engine: EligibilityEngine): AwardDescription {
  const entry = CATALOGUE[code];
  const slug = awardSlug(code);
  const regimes = ruleSetsFor(code, engine).map((rs): DescribedRegime => {
    const s = new SettingsView(engine.settingsOf(rs.id));
    const regime: DescribedRegime = {
      ruleSetId: rs.id,
      nameVi: rs.nameVi,
      validFrom: rs.validFrom,
      validTo: rs.validTo,
      verified: rs.verified,
      basis: rs.basis,
      routes: (rs.rules[code] ?? []).map((r) => describeRoute(slug, r, s)),
    };
    if (rs.noteVi !== undefined) regime.noteVi = rs.noteVi;
    return regime;
  });
  return { code, nameVi: entry.nameVi, nameEn: entry.nameEn, entry, regimes };
}

/** Every award in catalogue order, with the rule sets that have routes for it (newest first). */
export function describeAllAwards(engine: EligibilityEngine): AwardSummary[] {
  return listCatalogue().map((e) => {
    const regimes = ruleSetsFor(e.code, engine).map((rs) => rs.id);
    return {
      code: e.code,
      nameVi: e.nameVi,
      kind: e.kind,
      level: e.level,
      subjects: e.subjects,
      hasRules: regimes.length > 0,
      regimes,
    };
  });
}
