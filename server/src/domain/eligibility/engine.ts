/**
 * The eligibility engine: a pure function from a case (what is on record, the award, the date the
 * proposal is considered and the year judged) to a verdict that explains itself and cites the law.
 * It picks the rule set in force on `asOf`, indexes the subject's records once, and evaluates every
 * route to the award. No I/O; safe to run for a whole city.
 */
import type {
  AwardCode,
  EligibilityCase,
  EligibilityReason,
  EligibilitySubject,
  EligibilitySubjectKind,
  EligibilityVerdict,
} from '../../../../contract/eligibility';
import { CATALOGUE } from './catalogue';
import { EligibilityInputError } from './errors';
import { DISCIPLINE_NAME_VI, parseIsoDate, type Ymd } from './format';
import {
  awardName,
  conditionApplies,
  disciplineFloor,
  evaluatePredicate,
  type Condition,
  type ConditionOutcome,
  type EvalContext,
} from './predicates';
import { DEFAULT_RULE_SETS, ruleSetInForce, type Route, type RuleSet } from './rule-sets';
import {
  describeSettings,
  resolveSettings,
  settingsFingerprint,
  type ResolvedSettings,
  type Setting,
  type SettingOverrides,
  type SettingValue,
} from './settings';
import { SubjectIndex, codesOf } from './subject-index';

export interface EvaluateOptions {
  /** Rule sets to choose from (default: DEFAULT_RULE_SETS). */
  ruleSets?: readonly RuleSet[];
  /** Setting overrides: `key` or `RULE_SET_ID:key` → value. */
  settings?: SettingOverrides;
}

/** A reason with what the contract's verdict leaves out: what is missing, and where it comes from. */
export interface ReasonDetail extends EligibilityReason {
  /** For an unmet condition: what is still needed. */
  missing?: string;
  /** The criterion is not verified against the official text. */
  uncertain?: boolean;
  /** Route the reason belongs to. */
  route: string;
  /** Parts of a composite condition (one of several options). */
  parts?: { id: string; met: boolean | null; message: string }[];
}

export interface RouteOutcome {
  id: string;
  nameVi: string;
  kind: 'regular' | 'manual';
  /** true: every hard condition met; false: one is not; null: a manual route. */
  met: boolean | null;
}

export interface DetailedVerdict {
  verdict: EligibilityVerdict;
  reasons: ReasonDetail[];
  routes: RouteOutcome[];
  ruleSet: { id: string; nameVi: string; verified: boolean; noteVi?: string };
  /** What is still missing on the closest regular route (empty when eligible). */
  missing: string[];
}

export interface Candidate {
  award: AwardCode;
  nameVi: string;
  eligible: boolean;
  /** Unmet hard conditions on the closest regular route. */
  unmet: number;
  missing: string[];
  verdict: EligibilityVerdict;
}

const UNCERTAIN_SUFFIX =
  ' (tiêu chí chưa được đối chiếu với văn bản chính thức; có thể điều chỉnh trong thiết lập)';
const MIN_YEAR = -1_000_000;

const SLUGS = new Map<AwardCode, string>();
/** CSTD_BO_TINH → cstd-bo-tinh */
export function awardSlug(code: AwardCode): string {
  let slug = SLUGS.get(code);
  if (slug === undefined) {
    slug = code.toLowerCase().replace(/_/g, '-');
    SLUGS.set(code, slug);
  }
  return slug;
}

function fillTemplate(text: string, settings: ResolvedSettings): string {
  if (!text.includes('{{')) return text;
  return text.replace(/\{\{([\w.]+)\}\}/g, (_, key: string) => {
    const v = settings.get(key);
    return v === null || v === undefined ? '' : String(v).replace('.', ',');
  });
}

interface CompiledRuleSet {
  ruleSet: RuleSet;
  settings: ResolvedSettings;
  /** per award: see `fastRoutes` */
  fastIndividual: Map<AwardCode, readonly (readonly Condition[])[]>;
  fastCollective: Map<AwardCode, readonly (readonly Condition[])[]>;
  /** see `floorSettings` (worked out on first use) */
  floors?: {
    resetAfterSameAward: boolean;
    discipline: { minForm: Parameters<typeof disciplineFloor>[2]; extraYears: number } | undefined;
  };
}

/** A configured engine: rule sets and resolved settings, ready to evaluate many cases quickly. */
export class EligibilityEngine {
  readonly ruleSets: readonly RuleSet[];
  private readonly compiled: CompiledRuleSet[];
  private readonly knownKeys: ReadonlySet<string>;
  private readonly overrides: SettingOverrides | undefined;
  /** The last subjects indexed: callers usually evaluate several awards for one subject in a row. */
  private readonly recentSubjects: (EligibilitySubject | undefined)[] = [
    undefined,
    undefined,
    undefined,
    undefined,
  ];
  private readonly recentIndexes: (SubjectIndex | undefined)[] = [undefined, undefined, undefined, undefined];
  private recentNext = 0;
  private readonly asOfCache = new Map<string, Ymd>();

  constructor(opts: EvaluateOptions = {}) {
    this.ruleSets = opts.ruleSets ?? DEFAULT_RULE_SETS;
    this.overrides = opts.settings;
    this.knownKeys = new Set(this.ruleSets.flatMap((rs) => rs.settings.map((s) => s.key)));
    this.compiled = this.ruleSets.map((ruleSet) => ({
      ruleSet,
      settings: resolveSettings(ruleSet.id, ruleSet.settings, opts.settings, this.knownKeys),
      fastIndividual: new Map(),
      fastCollective: new Map(),
    }));
  }

  /** The rule set in force on `asOf` (yyyy-mm-dd), or undefined. */
  ruleSetFor(asOf: string): RuleSet | undefined {
    return ruleSetInForce(asOf, this.ruleSets);
  }

  /** A rule set's settings with the values in force (definitions, defaults, overrides). */
  settingsOf(ruleSetId: string): Setting[] {
    const rs = this.ruleSets.find((r) => r.id === ruleSetId);
    if (!rs) return [];
    return describeSettings(rs.id, rs.settings, this.overrides, this.knownKeys);
  }

  private compiledFor(asOf: string): CompiledRuleSet {
    for (const c of this.compiled) {
      const rs = c.ruleSet;
      if (rs.validFrom <= asOf && (rs.validTo === null || asOf <= rs.validTo)) return c;
    }
    const earliest = this.ruleSets.reduce<string | undefined>(
      (min, rs) => (min === undefined || rs.validFrom < min ? rs.validFrom : min),
      undefined,
    );
    const message = `asOf: không có bộ quy tắc nào áp dụng cho ngày ${asOf}${
      earliest ? ` (hệ thống áp dụng cho các đề nghị xét từ ngày ${earliest})` : ''
    }`;
    throw new EligibilityInputError('invalid_case', `Hồ sơ kiểm tra điều kiện không hợp lệ: ${message}`, [
      { path: 'asOf', message },
    ]);
  }

  private parseAsOf(asOf: string): Ymd {
    let d = this.asOfCache.get(asOf);
    if (!d) {
      d = parseIsoDate(asOf);
      if (!d) {
        const message = `asOf: "${asOf}" không phải ngày hợp lệ (yyyy-mm-dd)`;
        throw new EligibilityInputError('invalid_case', `Hồ sơ kiểm tra điều kiện không hợp lệ: ${message}`, [
          { path: 'asOf', message },
        ]);
      }
      if (this.asOfCache.size > 1000) this.asOfCache.clear();
      this.asOfCache.set(asOf, d);
    }
    return d;
  }

  private index(subject: EligibilitySubject): SubjectIndex {
    for (let i = 0; i < 4; i++) if (this.recentSubjects[i] === subject) return this.recentIndexes[i]!;
    const idx = new SubjectIndex(subject);
    this.recentSubjects[this.recentNext] = subject;
    this.recentIndexes[this.recentNext] = idx;
    this.recentNext = (this.recentNext + 1) % 4;
    return idx;
  }

  evaluate(c: EligibilityCase): EligibilityVerdict {
    const asOf = this.parseAsOf(c.asOf);
    return verdictWith(this.compiledFor(c.asOf), this.index(c.subject), c, asOf);
  }

  evaluateAll(cases: readonly EligibilityCase[]): EligibilityVerdict[] {
    return cases.map((c) => this.evaluate(c));
  }

  evaluateDetailed(c: EligibilityCase): DetailedVerdict {
    const asOf = this.parseAsOf(c.asOf);
    return evaluateWith(this.compiledFor(c.asOf), this.index(c.subject), c, asOf);
  }

  /**
   * Fast path for bulk runs (e.g. "who has just become eligible" over a whole city): only the
   * `eligible` flag of the verdict, without building messages. Same answer as `evaluate(c).eligible`.
   */
  isEligible(c: EligibilityCase): boolean {
    const asOf = this.parseAsOf(c.asOf);
    return eligibleWith(this.compiledFor(c.asOf), this.index(c.subject), c, asOf);
  }

  /**
   * Awards the subject could aim at for `year` under the rule set in force on `asOf`: every award with
   * an automatic route for the subject's kind, eligible first, then the closest (fewest unmet conditions).
   */
  candidateAwards(subject: EligibilitySubject, at: { asOf: string; year: number }): Candidate[] {
    const compiled = this.compiledFor(at.asOf);
    const asOf = this.parseAsOf(at.asOf);
    const idx = this.index(subject);
    const out: Candidate[] = [];
    const order = Object.keys(CATALOGUE) as AwardCode[];
    for (const award of order) {
      const routes = compiled.ruleSet.rules[award];
      if (!routes?.some((r) => r.kind === 'regular' && r.subjects.includes(subject.kind))) continue;
      const d = evaluateWith(compiled, idx, { award, asOf: at.asOf, year: at.year, subject }, asOf);
      out.push({
        award,
        nameVi: CATALOGUE[award].nameVi,
        eligible: d.verdict.eligible,
        unmet: d.verdict.eligible ? 0 : closestUnmet(d).length,
        missing: d.missing,
        verdict: d.verdict,
      });
    }
    const rank = new Map(order.map((a, i) => [a, i]));
    return out.sort(
      (a, b) =>
        Number(b.eligible) - Number(a.eligible) ||
        a.unmet - b.unmet ||
        (rank.get(a.award) ?? 0) - (rank.get(b.award) ?? 0),
    );
  }
}

function closestUnmet(d: DetailedVerdict): ReasonDetail[] {
  let best: ReasonDetail[] | undefined;
  for (const r of d.routes) {
    if (r.kind !== 'regular') continue;
    const unmet = d.reasons.filter((x) => x.route === r.id && x.met === false);
    if (!best || unmet.length < best.length) best = unmet;
  }
  return best ?? [];
}

class Context implements EvalContext {
  excludeSuddenThematic = false;
  floor = MIN_YEAR;
  floorNoteVi: string | undefined = undefined;
  compiled!: CompiledRuleSet;
  idx!: SubjectIndex;
  year = 0;
  asOf!: Ymd;
  text = false;

  /** Set up for one case; the fast path reuses one context for every case (it allocates nothing). */
  init(
    compiled: CompiledRuleSet,
    idx: SubjectIndex,
    award: AwardCode,
    year: number,
    asOf: Ymd,
    text: boolean,
  ): this {
    this.compiled = compiled;
    this.idx = idx;
    this.year = year;
    this.asOf = asOf;
    this.text = text;
    this.floor = MIN_YEAR;
    this.floorNoteVi = undefined;
    const ruleSet = compiled.ruleSet;
    this.excludeSuddenThematic = ruleSet.principles.excludeSuddenThematicFromChains;
    const floors = compiled.floors ?? (compiled.floors = floorSettings(compiled));
    if (floors.resetAfterSameAward) {
      const last = idx.anchorYear(codesOf(award), year, true, 'latest');
      if (last !== undefined) {
        this.floor = last + 1;
        if (text) this.floorNoteVi = `sau lần được tặng ${awardName(award)} năm ${last}`;
      }
    }
    if (floors.discipline) {
      const f = disciplineFloor(idx, year, floors.discipline.minForm, floors.discipline.extraYears);
      if (f && f.from > this.floor) {
        this.floor = f.from;
        if (text) this.floorNoteVi = `sau thời hạn kỷ luật ${DISCIPLINE_NAME_VI[f.form]} năm ${f.decidedIn}`;
      }
    }
    return this;
  }

  setting(key: string): SettingValue {
    const v = this.compiled.settings.get(key);
    if (v === undefined)
      throw new Error(`Rule set ${this.compiled.ruleSet.id} does not declare setting "${key}"`);
    return v;
  }
}

/** What sets the first counted year of every case under a rule set, read from its settings once. */
function floorSettings(compiled: CompiledRuleSet): NonNullable<CompiledRuleSet['floors']> {
  return {
    resetAfterSameAward: settingOf(compiled, 'chains.resetAfterSameAward') === true,
    discipline: compiled.ruleSet.principles.disciplineResetsAchievements
      ? {
          minForm: settingOf(compiled, 'discipline.resetMinForm') as Parameters<typeof disciplineFloor>[2],
          extraYears: settingOf(compiled, 'discipline.extraYearsExcluded') as number,
        }
      : undefined,
  };
}

/** The fast path's context: judging is synchronous and never re-entered, so one serves every case. */
const FAST = new Context();

/**
 * The regular routes of an award open to a kind of subject, each with the conditions that can decide it
 * under the rule set's settings (manual ones and those a setting switches off left out): worked out once
 * per rule set, award and kind, not for every case.
 */
function fastRoutes(
  compiled: CompiledRuleSet,
  award: AwardCode,
  kind: EligibilitySubjectKind,
): readonly (readonly Condition[])[] {
  const cache = kind === 'individual' ? compiled.fastIndividual : compiled.fastCollective;
  let routes = cache.get(award);
  if (!routes) {
    routes = compileFastRoutes(compiled, award, kind);
    cache.set(award, routes);
  }
  return routes;
}

// (apart from fastRoutes: a closure there would cost an allocation on every call)
function compileFastRoutes(
  compiled: CompiledRuleSet,
  award: AwardCode,
  kind: EligibilitySubjectKind,
): readonly (readonly Condition[])[] {
  const settingsOnly = { setting: (k: string) => settingOf(compiled, k) };
  const list: (readonly Condition[])[] = [];
  for (const route of compiled.ruleSet.rules[award] ?? []) {
    if (route.kind !== 'regular' || !route.subjects.includes(kind)) continue;
    list.push(
      route.conditions.filter((cond) => cond.test.kind !== 'manual' && conditionApplies(settingsOnly, cond)),
    );
  }
  return list;
}

function settingOf(compiled: CompiledRuleSet, key: string): SettingValue {
  const v = compiled.settings.get(key);
  if (v === undefined) throw new Error(`Rule set ${compiled.ruleSet.id} does not declare setting "${key}"`);
  return v;
}

/** Fast path: is there a regular route whose hard conditions are all met? No messages are built. */
function eligibleWith(compiled: CompiledRuleSet, idx: SubjectIndex, c: EligibilityCase, asOf: Ymd): boolean {
  const routes = fastRoutes(compiled, c.award, idx.kind);
  if (routes.length === 0) return false;
  const ctx = FAST.init(compiled, idx, c.award, c.year, asOf, false);
  for (let i = 0; i < routes.length; i++) {
    const conditions = routes[i]!;
    let hard = 0;
    let ok = true;
    for (let j = 0; j < conditions.length && ok; j++) {
      const cond = conditions[j]!;
      const r = evaluatePredicate(ctx, cond.test);
      if (!r || r.met === null) continue;
      if (!cond.blockingOnly) hard++;
      if (r.met === false) ok = false;
    }
    if (ok && hard > 0) return true;
  }
  return false;
}

function catalogueBasis(ruleSet: RuleSet, award: AwardCode): string {
  const entry = CATALOGUE[award];
  const current = 'Luật Thi đua, khen thưởng 2022';
  if (!entry.legalBasis.startsWith(current)) return entry.legalBasis;
  if (ruleSet.lawName.startsWith(current)) return entry.legalBasis.replaceAll(current, ruleSet.lawName);
  // An older regime: name its documents, and the matching article of the current law for orientation.
  return `${ruleSet.basis} (tương ứng ${entry.legalBasis} hiện hành)`;
}

function firstConditionBasis(routes: readonly Route[]): string | undefined {
  for (const r of routes) {
    if (r.kind === 'manual') return r.basis;
    if (r.conditions[0]) return r.conditions[0].basis;
  }
  return undefined;
}

const SUBJECT_VI = { individual: 'cá nhân', collective: 'tập thể' } as const;

function evaluateWith(
  compiled: CompiledRuleSet,
  idx: SubjectIndex,
  c: EligibilityCase,
  asOf: Ymd,
  withMissing = true,
): DetailedVerdict {
  const { ruleSet, settings } = compiled;
  const award = c.award;
  const slug = awardSlug(award);
  const name = awardName(award);
  const routes = ruleSet.rules[award] ?? [];
  const reasons: ReasonDetail[] = [];
  const outcomes: RouteOutcome[] = [];

  const applicable: Route[] = [];
  for (const r of routes) if (r.subjects.includes(idx.kind)) applicable.push(r);
  if (routes.length === 0) {
    pushUnique(reasons, {
      rule: `${slug}.no-automatic-rule`,
      met: null,
      manual: true,
      message: `Bộ quy tắc ${ruleSet.id} chưa có tiêu chí tự động cho "${name}"; việc xét tặng do cơ quan thẩm định và Hội đồng Thi đua – Khen thưởng xem xét theo hồ sơ`,
      basis: catalogueBasis(ruleSet, award),
      route: 'none',
    });
  } else if (applicable.length === 0) {
    const kinds = [...new Set(routes.flatMap((r) => r.subjects))].map((k) => SUBJECT_VI[k]).join(', ');
    pushUnique(reasons, {
      rule: `${slug}.subject-kind`,
      met: false,
      message: `"${name}" chỉ xét tặng cho ${kinds}; hồ sơ là ${SUBJECT_VI[idx.kind]}`,
      basis: firstConditionBasis(routes) ?? catalogueBasis(ruleSet, award),
      missing: `"${name}" không áp dụng cho ${SUBJECT_VI[idx.kind]}`,
      route: 'none',
    });
  } else {
    const ctx = new Context().init(compiled, idx, award, c.year, asOf, true);
    for (const route of applicable) {
      if (route.kind === 'manual') {
        pushUnique(reasons, {
          rule: `${slug}.${route.id}`,
          met: null,
          manual: true,
          message: `Phương án khác, do Hội đồng xem xét theo hồ sơ: ${route.nameVi}`,
          basis: route.basis,
          route: route.id,
        });
        outcomes.push({ id: route.id, nameVi: route.nameVi, kind: 'manual', met: null });
        continue;
      }
      let hard = 0;
      let allMet = true;
      for (const cond of route.conditions) {
        if (!conditionApplies(ctx, cond)) continue;
        const r = evaluatePredicate(ctx, cond.test);
        if (!r) continue;
        const isManual = r.manual === true || r.met === null;
        if (!isManual) {
          if (!cond.blockingOnly) hard++;
          if (r.met !== true) allMet = false;
        }
        pushUnique(reasons, toReason(slug, route.id, cond, r, isManual, settings));
      }
      outcomes.push({ id: route.id, nameVi: route.nameVi, kind: 'regular', met: hard > 0 && allMet });
    }
  }

  const eligible = outcomes.some((o) => o.kind === 'regular' && o.met === true);
  const verdict: EligibilityVerdict = {
    ...(c.id !== undefined ? { id: c.id } : {}),
    award,
    eligible,
    regime: ruleSet.id,
    settings: settingsFingerprint(settings),
    reasons: reasons.map(contractReason),
  };
  const detailed: DetailedVerdict = {
    verdict,
    reasons,
    routes: outcomes,
    ruleSet: { id: ruleSet.id, nameVi: ruleSet.nameVi, verified: ruleSet.verified, noteVi: ruleSet.noteVi },
    missing: [],
  };
  if (!eligible && withMissing) {
    const unmet = outcomes.some((o) => o.kind === 'regular')
      ? closestUnmet(detailed)
      : reasons.filter((r) => r.met === false);
    detailed.missing = unmet.map((r) => r.missing ?? r.message);
  }
  return detailed;
}

const RULE_IDS = new WeakMap<object, Map<AwardCode, string>>();

/** `<award slug>.<id>` of a route or condition, built once (a batch asks for the same few many times). */
function ruleId(award: AwardCode, owner: Route | Condition, id: string): string {
  let byAward = RULE_IDS.get(owner);
  if (!byAward) {
    byAward = new Map();
    RULE_IDS.set(owner, byAward);
  }
  let rule = byAward.get(award);
  if (rule === undefined) {
    rule = `${awardSlug(award)}.${id}`;
    byAward.set(award, rule);
  }
  return rule;
}

function hasRule(reasons: readonly EligibilityReason[], rule: string): boolean {
  for (let i = 0; i < reasons.length; i++) if (reasons[i]!.rule === rule) return true;
  return false;
}

/**
 * The verdict alone (what `evaluate` answers): the same reasons as `evaluateWith(...).verdict`, built
 * straight in the contract's shape, without the route outcomes and details only `evaluateDetailed` shows.
 */
function verdictWith(
  compiled: CompiledRuleSet,
  idx: SubjectIndex,
  c: EligibilityCase,
  asOf: Ymd,
): EligibilityVerdict {
  const { ruleSet, settings } = compiled;
  const award = c.award;
  const routes = ruleSet.rules[award];
  // no automatic rule, or none for this kind of subject: one explanatory reason, rare
  if (!routes || !routes.some((r) => r.subjects.includes(idx.kind)))
    return evaluateWith(compiled, idx, c, asOf, false).verdict;
  const reasons: EligibilityReason[] = [];
  let eligible = false;
  const ctx = new Context().init(compiled, idx, award, c.year, asOf, true);
  for (const route of routes) {
    if (!route.subjects.includes(idx.kind)) continue;
    if (route.kind === 'manual') {
      const rule = ruleId(award, route, route.id);
      if (!hasRule(reasons, rule)) {
        reasons.push({
          rule,
          met: null,
          message: `Phương án khác, do Hội đồng xem xét theo hồ sơ: ${route.nameVi}`,
          basis: route.basis,
          manual: true,
        });
      }
      continue;
    }
    let hard = 0;
    let allMet = true;
    for (const cond of route.conditions) {
      if (!conditionApplies(ctx, cond)) continue;
      const r = evaluatePredicate(ctx, cond.test);
      if (!r) continue;
      const isManual = r.manual === true || r.met === null;
      if (!isManual) {
        if (!cond.blockingOnly) hard++;
        if (r.met !== true) allMet = false;
      }
      const rule = ruleId(award, cond, cond.id);
      if (hasRule(reasons, rule)) continue; // the first reason for a rule stands, as in evaluateWith
      if (isManual) {
        const message = fillTemplate(r.message, settings);
        reasons.push({ rule, met: null, message, basis: cond.basis, manual: true });
      } else {
        const message = cond.uncertain ? r.message + UNCERTAIN_SUFFIX : r.message;
        reasons.push({ rule, met: r.met, message, basis: cond.basis });
      }
    }
    if (hard > 0 && allMet) eligible = true;
  }
  const regime = ruleSet.id;
  const fingerprint = settingsFingerprint(settings);
  return c.id !== undefined
    ? { id: c.id, award, eligible, regime, settings: fingerprint, reasons }
    : { award, eligible, regime, settings: fingerprint, reasons };
}

function pushUnique(reasons: ReasonDetail[], r: ReasonDetail): void {
  for (let i = 0; i < reasons.length; i++) if (reasons[i]!.rule === r.rule) return;
  reasons.push(r);
}

function toReason(
  slug: string,
  routeId: string,
  cond: Condition,
  r: ConditionOutcome,
  isManual: boolean,
  settings: ResolvedSettings,
): ReasonDetail {
  const message = isManual
    ? fillTemplate(r.message, settings)
    : cond.uncertain
      ? r.message + UNCERTAIN_SUFFIX
      : r.message;
  const out: ReasonDetail = {
    rule: `${slug}.${cond.id}`,
    met: isManual ? null : r.met,
    message,
    basis: cond.basis,
    route: routeId,
  };
  if (isManual) out.manual = true;
  if (r.missing && !isManual && r.met === false) out.missing = r.missing;
  if (cond.uncertain) out.uncertain = true;
  if (r.parts) out.parts = r.parts.map((p) => ({ id: p.id, met: p.met, message: p.message }));
  return out;
}

function contractReason(r: ReasonDetail): EligibilityReason {
  return r.manual
    ? { rule: r.rule, met: r.met, message: r.message, basis: r.basis, manual: true }
    : { rule: r.rule, met: r.met, message: r.message, basis: r.basis };
}

// ---- Module-level API with a cache of configured engines --------------------------------------------

const NO_SETTINGS: SettingOverrides = Object.freeze({});
const engines = new WeakMap<readonly RuleSet[], WeakMap<SettingOverrides, EligibilityEngine>>();

/** The engine for these options, built once and reused (keyed by the identity of `ruleSets` and `settings`). */
export function engineFor(opts: EvaluateOptions = {}): EligibilityEngine {
  const ruleSets = opts.ruleSets ?? DEFAULT_RULE_SETS;
  const settings = opts.settings ?? NO_SETTINGS;
  let bySettings = engines.get(ruleSets);
  if (!bySettings) {
    bySettings = new WeakMap();
    engines.set(ruleSets, bySettings);
  }
  let engine = bySettings.get(settings);
  if (!engine) {
    engine = new EligibilityEngine({ ruleSets, settings: opts.settings });
    bySettings.set(settings, engine);
  }
  return engine;
}

/** Judges one case under the rule set in force on its `asOf`. Pure. */
export function evaluate(c: EligibilityCase, opts?: EvaluateOptions): EligibilityVerdict {
  return engineFor(opts).evaluate(c);
}

/** The verdict plus what is missing, route outcomes and unverified markers (for a person's page). */
export function evaluateDetailed(c: EligibilityCase, opts?: EvaluateOptions): DetailedVerdict {
  return engineFor(opts).evaluateDetailed(c);
}

/** Only the `eligible` flag, without messages (fast path for bulk runs). */
export function isEligible(c: EligibilityCase, opts?: EvaluateOptions): boolean {
  return engineFor(opts).isEligible(c);
}

/** Judges many cases, in order. */
export function evaluateAll(cases: readonly EligibilityCase[], opts?: EvaluateOptions): EligibilityVerdict[] {
  return engineFor(opts).evaluateAll(cases);
}

/** Awards a subject could aim at for `year`, with the verdict and what is missing. */
export function candidateAwards(
  subject: EligibilitySubject,
  at: { asOf: string; year: number },
  opts?: EvaluateOptions,
): Candidate[] {
  return engineFor(opts).candidateAwards(subject, at);
}
