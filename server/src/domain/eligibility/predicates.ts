/**
 * The small, composable vocabulary of eligibility conditions. A predicate is plain data (a
 * discriminated union); a new legal regime is written as data in rule-sets/, not as code.
 * `evaluatePredicate` turns a predicate into a result with a Vietnamese message that names the
 * years and counts involved, and for an unmet condition a short `missing` text.
 */
import type {
  AwardCode,
  EligibilityDisciplineForm,
  EligibilityInitiativeScope,
  EligibilityRatingLevel,
} from '../../../../contract/eligibility';
import {
  DISCIPLINE_NAME_VI,
  DISCIPLINE_RANK,
  RATING_BY_RANK,
  RATING_NAME_VI,
  RATING_RANK,
  SCOPE_BY_RANK,
  SCOPE_NAME_VI,
  SCOPE_RANK,
  formatDateVi,
  formatPct,
  monthsAndDays,
  pad2,
  ratingAtLeastVi,
  scopeAtLeastVi,
  yearList,
  type Ymd,
} from './format';
import { assertNever } from '../../lib/assert-never';
import type { SettingValue } from './settings';
import { CATALOGUE } from './catalogue';
import { codesOf, type IndexedInitiative, type SubjectIndex } from './subject-index';

/** A reference to a setting of the rule set, for values the sources leave uncertain. */
export interface SettingRef {
  readonly setting: string;
}
export type Param<T> = T | SettingRef;

export interface TitleCountSpec {
  /** Any of these codes counts (e.g. CSTĐCS). */
  readonly awards: readonly AwardCode[];
  readonly count: Param<number>;
}

export interface InitiativeCountSpec {
  readonly scope: EligibilityInitiativeScope;
  readonly count: Param<number>;
}

export type MemberField = 'ldtt' | 'cstdcs' | 'completedTasks';

export type Predicate =
  /** The rating of the judged year is at least `level`. */
  | { readonly kind: 'ratingAtLeast'; readonly level: Param<EligibilityRatingLevel> }
  /** At least `months` whole months from recruitment to the end of the judged year (or asOf, by setting). */
  | {
      readonly kind: 'timeSinceRecruitment';
      readonly months: Param<number>;
      readonly measuredTo: Param<string>;
    }
  /** No discipline of `form` or more severe decided in the judged year ('NONE' switches the condition off). */
  | { readonly kind: 'noDisciplineAtOrAbove'; readonly form: Param<EligibilityDisciplineForm | 'NONE'> }
  /** Decree 152/2025 Đ4: the judged year lies after the disciplinary period of the latest discipline. */
  | {
      readonly kind: 'disciplinePeriodOver';
      readonly form: Param<EligibilityDisciplineForm>;
      readonly extraYears: Param<number>;
    }
  /** At least `count` initiatives of at least `scope` reach recognised in the `withinYears` years ending with the judged year. */
  | {
      readonly kind: 'initiativeOfReach';
      readonly scope: EligibilityInitiativeScope;
      readonly count: Param<number>;
      readonly withinYears: Param<number>;
    }
  /** One of `awards` received in each of the `count` years ending with the judged year. */
  | { readonly kind: 'consecutiveTitles'; readonly awards: readonly AwardCode[]; readonly count: number }
  /** `count`+ consecutive years rated at least `level` ending with the judged year, optionally with initiatives in that period. */
  | {
      readonly kind: 'consecutiveRatings';
      readonly level: EligibilityRatingLevel;
      readonly count: number;
      readonly initiatives?: InitiativeCountSpec;
    }
  /** `count` consecutive receipts of a cyclical title (e.g. CSTĐ bộ/tỉnh), the latest shortly before or in the judged year. */
  | {
      readonly kind: 'repeatedTitle';
      readonly award: AwardCode;
      readonly count: number;
      readonly maxGapYears: Param<number>;
      readonly maxYearsSinceLast: Param<number>;
    }
  /** Holds one of `anchors`, and since then `years`+ consecutive years rated at least `minLevel` up to the judged year, with extras. */
  | {
      readonly kind: 'sinceAward';
      readonly anchors: readonly AwardCode[];
      readonly years: number;
      readonly minLevel: Param<EligibilityRatingLevel>;
      readonly htxsYears?: Param<number>;
      readonly titles?: readonly TitleCountSpec[];
      readonly initiatives?: InitiativeCountSpec;
    }
  /** At least `count` of `awards` received in the `withinYears` years ending with the judged year. */
  | {
      readonly kind: 'titlesInWindow';
      readonly awards: readonly AwardCode[];
      readonly count: number;
      readonly withinYears: number;
    }
  /** The subject holds one of `awards` for the judged year. */
  | { readonly kind: 'titleInYear'; readonly awards: readonly AwardCode[] }
  /** At least (or, strict, more than) `pct`% of the collective's members have `field`. */
  | {
      readonly kind: 'memberShareAtLeast';
      readonly field: MemberField;
      readonly pct: number;
      readonly strict?: boolean;
    }
  /** Every member of the collective completed their tasks. */
  | { readonly kind: 'allMembersCompleted' }
  /** At least `count` members have `field`. */
  | { readonly kind: 'hasMemberWith'; readonly field: MemberField; readonly count: number }
  /** No member of the collective was disciplined at "cảnh cáo" or above in the judged year. */
  | { readonly kind: 'noMemberDisciplinedAtOrAbove' }
  | { readonly kind: 'anyOf'; readonly options: readonly Condition[] }
  | { readonly kind: 'allOf'; readonly conditions: readonly Condition[] }
  /** A condition no record can show: listed for the council, never blocks nor makes eligible. */
  | { readonly kind: 'manual'; readonly textVi: string };

export interface Condition {
  /** kebab-case, relative to the award: the reason's rule is `<award>.<id>`. */
  readonly id: string;
  readonly basis: string;
  readonly test: Predicate;
  /** The condition applies only when the setting has (`is`) or has not (`isNot`) this value. */
  readonly when?: { readonly setting: string; readonly is?: SettingValue; readonly isNot?: SettingValue };
  /** The criterion itself is not verified against the official text. */
  readonly uncertain?: boolean;
  /**
   * A disqualifier (e.g. the disciplinary period): it can block a route but cannot make one eligible on
   * its own; a route needs at least one other hard condition that applies.
   */
  readonly blockingOnly?: boolean;
}

export interface EvalContext {
  readonly idx: SubjectIndex;
  readonly year: number;
  readonly asOf: Ymd;
  setting(key: string): SettingValue;
  /** From 2025-07-01 (Decree 152/2025 Đ4) sudden and thematic awards do not count toward chains. */
  readonly excludeSuddenThematic: boolean;
  /** First year whose achievements count in chains and windows. */
  readonly floor: number;
  /** Why the floor is where it is ("sau lần được tặng … năm 2022"). */
  readonly floorNoteVi: string | undefined;
  /** Build messages; when false, predicates return shared results with `met` only (fast path). */
  readonly text: boolean;
}

export interface PredicateResult {
  met: boolean | null;
  message: string;
  missing?: string;
  manual?: true;
}

/** A condition's result with the ids of its parts, for composite conditions. */
export interface ConditionOutcome extends PredicateResult {
  parts?: { id: string; met: boolean | null; message: string }[];
}

const MET: ConditionOutcome = Object.freeze({ met: true, message: '' });
const UNMET: ConditionOutcome = Object.freeze({ met: false, message: '' });
const MANUAL: ConditionOutcome = Object.freeze({ met: null, message: '', manual: true });
const bare = (met: boolean): ConditionOutcome => (met ? MET : UNMET);

export function param<T>(ctx: EvalContext, p: Param<T>): T {
  if (typeof p === 'object' && p !== null && 'setting' in p) return ctx.setting(p.setting) as T;
  return p;
}

export function awardName(code: AwardCode): string {
  return CATALOGUE[code].nameVi;
}

function yearsFromTo(from: number, to: number): number[] {
  const out: number[] = [];
  for (let y = from; y <= to; y++) out.push(y);
  return out;
}

/** "năm 2025", "các năm 2023, 2024, 2025" for short spans, "giai đoạn 2015–2025" for long ones. */
function span(from: number, to: number): string {
  if (from === to) return `năm ${from}`;
  return to - from < 5 ? `các năm ${yearList(yearsFromTo(from, to))}` : `giai đoạn ${from}–${to}`;
}

function floorNote(ctx: EvalContext, affected: boolean): string {
  return affected && ctx.floorNoteVi ? `; chỉ tính từ năm ${ctx.floor} (${ctx.floorNoteVi})` : '';
}

function uncountedNote(ctx: EvalContext, awards: readonly AwardCode[], from: number, to: number): string {
  const skipped = ctx.idx.uncountedYears(awards, ctx.excludeSuddenThematic);
  if (skipped.size === 0) return '';
  const years = [...skipped].filter((y) => y >= from && y <= to).sort((a, b) => a - b);
  if (years.length === 0) return '';
  return `; danh hiệu, hình thức khen thưởng đột xuất hoặc theo chuyên đề (${yearList(years)}) không được tính làm căn cứ (Nghị định 152/2025/NĐ-CP, Điều 4)`;
}

// Helpers with a callback live apart: a closure over a function's own variables makes V8 allocate on
// every call of that function, and the fast path runs for every person of a city.

function ascending(a: number, b: number): number {
  return a - b;
}

/** Initiatives of a narrower reach than `rank`. */
function narrowerInitiatives(list: readonly IndexedInitiative[], rank: number): IndexedInitiative[] {
  return list.filter((i) => i.rank < rank);
}

/** The years of `years` before `year`. */
function yearsBefore(years: readonly number[], year: number): number[] {
  return years.filter((y) => y < year);
}

/** The notes about uncounted awards for each title of a `sinceAward` condition, from `start` to the judged year. */
function uncountedNotes(ctx: EvalContext, titles: readonly TitleCountSpec[], start: number): string {
  return titles.map((t) => uncountedNote(ctx, t.awards, start, ctx.year)).join('');
}

function titleNames(awards: readonly AwardCode[]): string {
  return awards.length === 1 ? awardName(awards[0]!) : awards.map(awardName).join(' hoặc ');
}

function initiativeWord(count: number): string {
  return `${pad2(count)} sáng kiến hoặc đề tài khoa học`;
}

function listInitiativeYears(list: readonly IndexedInitiative[]): string {
  return yearList(list.map((i) => i.year));
}

/** Counted years of `awards` within [from, to], ascending. */
function yearsIn(set: ReadonlySet<number>, from: number, to: number): number[] {
  const out: number[] = [];
  if (set.size === 0) return out;
  for (let y = from; y <= to; y++) if (set.has(y)) out.push(y);
  return out;
}

function countYearsIn(set: ReadonlySet<number>, from: number, to: number): number {
  if (set.size === 0) return 0;
  let n = 0;
  for (let y = from; y <= to; y++) if (set.has(y)) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------------

function ratingAtLeast(ctx: EvalContext, levelParam: Param<EligibilityRatingLevel>): ConditionOutcome {
  const level = param(ctx, levelParam);
  const rank = ctx.idx.rating(ctx.year);
  const met = rank !== undefined && rank >= RATING_RANK[level];
  if (!ctx.text) return bare(met);
  const wanted = ratingAtLeastVi(level);
  if (rank === undefined) {
    return {
      met: false,
      message: `Chưa có kết quả đánh giá, xếp loại năm ${ctx.year}; yêu cầu ${wanted}`,
      missing: `cần được đánh giá ${wanted} năm ${ctx.year}`,
    };
  }
  const got = RATING_NAME_VI[RATING_BY_RANK[rank]!];
  if (met) return { met: true, message: `Năm ${ctx.year} được đánh giá ${got} (yêu cầu ${wanted})` };
  return {
    met: false,
    message: `Năm ${ctx.year} chỉ được đánh giá ${got}; yêu cầu ${wanted}`,
    missing: `cần được đánh giá ${wanted} năm ${ctx.year}`,
  };
}

function timeSinceRecruitment(
  ctx: EvalContext,
  monthsParam: Param<number>,
  toParam: Param<string>,
): ConditionOutcome {
  const months = param(ctx, monthsParam);
  const started = ctx.idx.startedOn;
  if (!started) {
    if (!ctx.text) return MANUAL;
    return {
      met: null,
      manual: true,
      message: `Hồ sơ chưa có ngày tuyển dụng; cần xác minh đã công tác từ ${pad2(months)} tháng trở lên tính đến cuối năm ${ctx.year}`,
    };
  }
  const asOf = ctx.asOf;
  // measured to "as of" when that comes before the end of the judged year (compareYmd(asOf, 31/12) < 0)
  const toAsOf =
    param(ctx, toParam) === 'as_of' &&
    (asOf.y !== ctx.year ? asOf.y < ctx.year : asOf.m !== 12 ? asOf.m < 12 : asOf.d < 31);
  // Fast check: recruited a full year or more before the end.
  if (!ctx.text && months <= 12 && started.y < (toAsOf ? asOf.y : ctx.year) - 1) return MET;
  const end: Ymd = toAsOf ? asOf : { y: ctx.year, m: 12, d: 31 };
  const { months: m, days } = monthsAndDays(started, end);
  if (!ctx.text) return bare(m >= months);
  const length = days > 0 ? `${pad2(m)} tháng ${pad2(days)} ngày` : `${pad2(m)} tháng`;
  const head = `Tuyển dụng ngày ${formatDateVi(started)}, đến ngày ${formatDateVi(end)} được ${length}`;
  if (m >= months) return { met: true, message: `${head} (yêu cầu từ ${pad2(months)} tháng trở lên)` };
  return {
    met: false,
    message: `${head}; không xét tặng đối với cá nhân mới tuyển dụng dưới ${pad2(months)} tháng`,
    missing: `cần đủ ${pad2(months)} tháng công tác kể từ ngày tuyển dụng`,
  };
}

function noDisciplineAtOrAbove(
  ctx: EvalContext,
  formParam: Param<EligibilityDisciplineForm | 'NONE'>,
): ConditionOutcome | undefined {
  const form = param(ctx, formParam);
  if (form === 'NONE') return undefined;
  const d = ctx.idx.disciplineIn(ctx.year);
  const met = !d || d.rank < DISCIPLINE_RANK[form];
  if (!ctx.text) return bare(met);
  const threshold = `từ hình thức ${DISCIPLINE_NAME_VI[form]} trở lên`;
  if (met) return { met: true, message: `Năm ${ctx.year} không bị kỷ luật ${threshold}` };
  return {
    met: false,
    message: `Năm ${ctx.year} bị kỷ luật ${DISCIPLINE_NAME_VI[d!.form]}; không xét tặng đối với cá nhân bị kỷ luật ${threshold}`,
    missing: `không đủ điều kiện trong năm ${ctx.year} do bị kỷ luật`,
  };
}

/** The first year whose achievements count after the latest discipline (Decree 152/2025 Đ4), or undefined. */
export function disciplineFloor(
  idx: SubjectIndex,
  year: number,
  form: EligibilityDisciplineForm,
  extraYears: number,
): { from: number; decidedIn: number; form: EligibilityDisciplineForm } | undefined {
  if (idx.discipline.length === 0) return undefined;
  const d = idx.latestDiscipline(DISCIPLINE_RANK[form], year);
  if (!d) return undefined;
  return { from: d.year + extraYears + 1, decidedIn: d.year, form: d.form };
}

function disciplinePeriodOver(
  ctx: EvalContext,
  formParam: Param<EligibilityDisciplineForm>,
  extraParam: Param<number>,
): ConditionOutcome {
  const form = param(ctx, formParam);
  const extraYears = param(ctx, extraParam);
  if (!ctx.text) {
    // disciplineFloor without its result object: met unless the latest discipline's period runs past the year
    if (ctx.idx.discipline.length === 0) return MET;
    const d = ctx.idx.latestDiscipline(DISCIPLINE_RANK[form], ctx.year);
    return bare(!d || d.year + extraYears + 1 <= ctx.year);
  }
  const f = disciplineFloor(ctx.idx, ctx.year, form, extraYears);
  if (!f) {
    return {
      met: true,
      message: `Không có quyết định kỷ luật làm gián đoạn việc tính thành tích (tính đến năm ${ctx.year})`,
    };
  }
  const head = `Bị kỷ luật ${DISCIPLINE_NAME_VI[f.form]} năm ${f.decidedIn}`;
  if (f.from <= ctx.year) {
    return { met: true, message: `${head}; thành tích được tính từ năm ${f.from} (sau thời hạn kỷ luật)` };
  }
  return {
    met: false,
    message: `${head}; thành tích năm ${ctx.year} chưa được tính, chỉ tính thành tích từ năm ${f.from} sau khi hết thời hạn kỷ luật`,
    missing: `chỉ được xét với thành tích từ năm ${f.from}`,
  };
}

function initiativeOfReach(
  ctx: EvalContext,
  scope: EligibilityInitiativeScope,
  countParam: Param<number>,
  withinParam: Param<number>,
): ConditionOutcome {
  const count = param(ctx, countParam);
  const within = param(ctx, withinParam);
  const windowStart = ctx.year - within + 1;
  const from = Math.max(windowStart, ctx.floor);
  if (!ctx.text) return bare(ctx.idx.countInitiatives(SCOPE_RANK[scope], from, ctx.year) >= count);
  const found = ctx.idx.initiativesIn(SCOPE_RANK[scope], from, ctx.year);
  const what = `sáng kiến hoặc đề tài khoa học có ${scopeAtLeastVi(scope)}`;
  const period = span(from, ctx.year);
  const cut = floorNote(ctx, from > windowStart);
  if (found.length >= count) {
    return { met: true, message: `Có ${pad2(found.length)} ${what} (${listInitiativeYears(found)})${cut}` };
  }
  const narrower = narrowerInitiatives(ctx.idx.initiativesIn(0, from, ctx.year), SCOPE_RANK[scope]);
  const narrowerNote =
    narrower.length > 0
      ? `; có ${pad2(narrower.length)} sáng kiến, đề tài phạm vi hẹp hơn (${narrower
          .map((i) => `${i.year}: ${SCOPE_NAME_VI[SCOPE_BY_RANK[i.rank]!]}`)
          .join('; ')})`
      : '';
  const head =
    found.length === 0
      ? `Chưa có ${what} trong ${period}`
      : `Chỉ có ${pad2(found.length)} ${what} trong ${period} (${listInitiativeYears(found)})`;
  return {
    met: false,
    message: `${head}; yêu cầu ${pad2(count)}${narrowerNote}${cut}`,
    missing: `cần thêm ${initiativeWord(count - found.length)} có ${scopeAtLeastVi(scope)} trong ${period}`,
  };
}

function consecutiveTitles(ctx: EvalContext, awards: readonly AwardCode[], count: number): ConditionOutcome {
  const years = ctx.idx.awardYears(awards, true, ctx.excludeSuddenThematic);
  let k = 0;
  while (k < count && ctx.year - k >= ctx.floor && years.has(ctx.year - k)) k++;
  if (!ctx.text) return bare(k >= count);
  const run = yearsFromTo(ctx.year - k + 1, ctx.year);
  const name = titleNames(awards);
  const firstNeeded = ctx.year - count + 1;
  const cutByFloor = k < count && ctx.year - k < ctx.floor && years.has(ctx.year - k);
  const notes =
    uncountedNote(ctx, awards, firstNeeded, ctx.year) +
    floorNote(ctx, cutByFloor || (k < count && ctx.floor > firstNeeded));
  if (k >= count)
    return { met: true, message: `Có ${pad2(count)} lần liên tục đạt danh hiệu ${name} (${yearList(run)})` };
  if (k === 0) {
    const held = yearsIn(years, firstNeeded - 1, ctx.year - 1);
    const heldNote = held.length > 0 ? ` (đã đạt các năm ${yearList(held)})` : '';
    return {
      met: false,
      message: `Năm ${ctx.year} chưa đạt danh hiệu ${name}; cần ${pad2(count)} lần liên tục đến năm ${ctx.year}${heldNote}${notes}`,
      missing: `cần đạt danh hiệu ${name} ${span(firstNeeded, ctx.year)}`,
    };
  }
  return {
    met: false,
    message: `Chỉ có ${pad2(k)} lần liên tục đạt danh hiệu ${name} (${yearList(run)}); cần ${pad2(count)} lần liên tục đến năm ${ctx.year}${notes}`,
    missing: `cần thêm ${pad2(count - k)} lần đạt danh hiệu ${name} liên tục (${yearList(yearsFromTo(firstNeeded, ctx.year - k))})`,
  };
}

/** Length of the run of years rated at least `minRank` ending with the judged year, not before `from`. */
function ratingRun(ctx: EvalContext, minRank: number, from: number): number {
  let k = 0;
  for (let y = ctx.year; y >= from; y--) {
    const r = ctx.idx.rating(y);
    if (r === undefined || r < minRank) break;
    k++;
  }
  return k;
}

function lowerName(level: EligibilityRatingLevel): string {
  const n = RATING_NAME_VI[level];
  return n.charAt(0).toLowerCase() + n.slice(1);
}

function consecutiveRatings(
  ctx: EvalContext,
  level: EligibilityRatingLevel,
  count: number,
  initiatives: InitiativeCountSpec | undefined,
): ConditionOutcome {
  const k = ratingRun(ctx, RATING_RANK[level], ctx.floor);
  const start = ctx.year - k + 1;
  const initCount = initiatives ? param(ctx, initiatives.count) : 0;
  if (!ctx.text) {
    if (k < count) return UNMET;
    return bare(
      !initiatives || ctx.idx.countInitiatives(SCOPE_RANK[initiatives.scope], start, ctx.year) >= initCount,
    );
  }
  const levelName = lowerName(level);
  const found =
    initiatives && k > 0 ? ctx.idx.initiativesIn(SCOPE_RANK[initiatives.scope], start, ctx.year) : [];
  const cut = floorNote(
    ctx,
    k < count && ctx.year - k < ctx.floor && ctx.idx.rating(ctx.year - k) !== undefined,
  );
  const runText =
    k === 0
      ? `Năm ${ctx.year} chưa được đánh giá ${levelName}`
      : `Có ${pad2(k)} năm liên tục ${levelName} (${k === 1 ? ctx.year : k <= 6 ? yearList(yearsFromTo(start, ctx.year)) : `${start}–${ctx.year}`})`;
  const initText = initiatives
    ? k === 0
      ? ''
      : found.length > 0
        ? `, trong thời gian đó có ${pad2(found.length)} sáng kiến hoặc đề tài khoa học (${listInitiativeYears(found)})`
        : ', trong thời gian đó chưa có sáng kiến hoặc đề tài khoa học'
    : '';
  const missing: string[] = [];
  if (k < count) missing.push(`cần thêm ${pad2(count - k)} năm ${levelName} liên tục`);
  if (initiatives && found.length < initCount) {
    missing.push(
      `cần thêm ${initiativeWord(initCount - found.length)} có ${scopeAtLeastVi(initiatives.scope)} trong thời gian đó`,
    );
  }
  const required = `yêu cầu từ ${pad2(count)} năm liên tục${initiatives ? ` và ${initiativeWord(initCount)} trong thời gian đó` : ''}`;
  if (missing.length === 0) return { met: true, message: `${runText}${initText} (${required})` };
  return { met: false, message: `${runText}${initText}; ${required}${cut}`, missing: missing.join('; ') };
}

function repeatedTitle(
  ctx: EvalContext,
  award: AwardCode,
  count: number,
  gapParam: Param<number>,
  sinceParam: Param<number>,
): ConditionOutcome {
  const maxGap = param(ctx, gapParam);
  const maxSince = param(ctx, sinceParam);
  const set = ctx.idx.awardYears(codesOf(award), true, ctx.excludeSuddenThematic);
  // Latest counted year ≤ judged year and ≥ floor, then walk back while the gaps are small enough.
  const all: number[] = [];
  for (const y of set) if (y <= ctx.year) all.push(y);
  all.sort(ascending);
  let lo = 0;
  while (lo < all.length && all[lo]! < ctx.floor) lo++;
  const years = lo === 0 ? all : all.slice(lo);
  const last = years.length > 0 ? years[years.length - 1]! : undefined;
  const chain: number[] = [];
  if (last !== undefined && ctx.year - last <= maxSince) {
    chain.push(last);
    for (let i = years.length - 2; i >= 0 && chain.length < count; i--) {
      if (chain[0]! - years[i]! <= maxGap) chain.unshift(years[i]!);
      else break;
    }
  }
  const met = chain.length >= count;
  if (!ctx.text) return bare(met);
  const name = awardName(award);
  const cut = floorNote(ctx, years.length < all.length);
  const need = `cần ${pad2(count)} lần liên tục được tặng danh hiệu ${name}`;
  if (last === undefined) {
    return {
      met: false,
      message: `Chưa được tặng danh hiệu ${name}; ${need}${cut}`,
      missing: `cần được tặng danh hiệu ${name} ${pad2(count)} lần liên tục`,
    };
  }
  if (ctx.year - last > maxSince) {
    return {
      met: false,
      message: `Lần gần nhất được tặng danh hiệu ${name} là năm ${last}, cách năm xét ${ctx.year} quá ${pad2(maxSince)} năm; ${need}, đề nghị ngay sau lần thứ hai${cut}`,
      missing: `cần được tặng danh hiệu ${name} ${pad2(count)} lần liên tục, lần thứ hai không sớm hơn năm ${ctx.year - maxSince}`,
    };
  }
  if (met)
    return {
      met: true,
      message: `Có ${pad2(count)} lần liên tục được tặng danh hiệu ${name} (${yearList(chain)})`,
    };
  const earlier = yearsBefore(years, chain[0]!);
  const gapNote =
    earlier.length > 0
      ? ` (lần năm ${earlier[earlier.length - 1]} cách quá ${pad2(maxGap)} năm nên không liên tục)`
      : '';
  return {
    met: false,
    message: `Chỉ có ${pad2(chain.length)} lần liên tục được tặng danh hiệu ${name} (${yearList(chain)})${gapNote}; ${need}${cut}`,
    missing: `cần thêm ${pad2(count - chain.length)} lần được tặng danh hiệu ${name} liên tục`,
  };
}

function sinceAward(ctx: EvalContext, p: Extract<Predicate, { kind: 'sinceAward' }>): ConditionOutcome {
  const mode = ctx.setting('sinceAward.anchor') === 'earliest' ? 'earliest' : 'latest';
  const anchor = ctx.idx.anchorAward(p.anchors, ctx.year, ctx.excludeSuddenThematic, mode);
  const minLevel = param(ctx, p.minLevel);
  if (!anchor) {
    if (!ctx.text) return UNMET;
    const anchorNames = titleNames(p.anchors);
    const levelText = lowerName(minLevel) + (minLevel === 'HTXS' ? '' : ' trở lên');
    return {
      met: false,
      message: `Chưa được tặng ${anchorNames} trước năm ${ctx.year}; điều kiện: đã được tặng ${anchorNames} và sau đó có liên tục từ ${pad2(p.years)} năm trở lên ${levelText}${uncountedNote(ctx, p.anchors, 0, ctx.year - 1)}`,
      missing: `cần được tặng ${anchorNames}, sau đó ${pad2(p.years)} năm liên tục ${levelText}`,
    };
  }
  const from = Math.max(anchor.year + 1, ctx.floor);
  const k = ratingRun(ctx, RATING_RANK[minLevel], from);
  const start = ctx.year - k + 1;
  const htxsNeed = p.htxsYears === undefined ? 0 : param(ctx, p.htxsYears);
  let htxs = 0;
  if (p.htxsYears !== undefined) {
    for (let y = start; y <= ctx.year; y++) if ((ctx.idx.rating(y) ?? -1) >= RATING_RANK.HTXS) htxs++;
  }
  if (!ctx.text) {
    if (k < p.years || htxs < htxsNeed) return UNMET;
    for (const t of p.titles ?? []) {
      const set = ctx.idx.awardYears(t.awards, true, ctx.excludeSuddenThematic);
      if (countYearsIn(set, start, ctx.year) < param(ctx, t.count)) return UNMET;
    }
    if (p.initiatives) {
      const n = ctx.idx.countInitiatives(SCOPE_RANK[p.initiatives.scope], start, ctx.year);
      if (n < param(ctx, p.initiatives.count)) return UNMET;
    }
    return MET;
  }
  const levelText = lowerName(minLevel) + (minLevel === 'HTXS' ? '' : ' trở lên');
  const parts: string[] = [];
  const missing: string[] = [];
  parts.push(`Được tặng ${awardName(anchor.code)} năm ${anchor.year}`);
  if (k > 0) parts.push(`từ năm ${start} đến năm ${ctx.year} có ${pad2(k)} năm liên tục ${levelText}`);
  else if (ctx.idx.rating(ctx.year) === undefined) parts.push(`chưa có kết quả đánh giá năm ${ctx.year}`);
  else parts.push(`năm ${ctx.year} không được đánh giá ${levelText}`);
  if (k < p.years)
    missing.push(`cần thêm ${pad2(p.years - k)} năm ${levelText} liên tục (yêu cầu từ ${pad2(p.years)} năm)`);
  if (p.htxsYears !== undefined) {
    parts.push(`trong đó ${pad2(htxs)} năm hoàn thành xuất sắc nhiệm vụ (yêu cầu từ ${pad2(htxsNeed)} năm)`);
    if (htxs < htxsNeed) missing.push(`cần thêm ${pad2(htxsNeed - htxs)} năm hoàn thành xuất sắc nhiệm vụ`);
  }
  for (const t of p.titles ?? []) {
    const need = param(ctx, t.count);
    const got =
      k > 0 ? yearsIn(ctx.idx.awardYears(t.awards, true, ctx.excludeSuddenThematic), start, ctx.year) : [];
    const name = titleNames(t.awards);
    parts.push(
      got.length > 0
        ? `${pad2(got.length)} lần đạt danh hiệu ${name} (${yearList(got)}; yêu cầu ${pad2(need)})`
        : `chưa có lần nào đạt danh hiệu ${name} (yêu cầu ${pad2(need)})`,
    );
    if (got.length < need) missing.push(`cần thêm ${pad2(need - got.length)} lần đạt danh hiệu ${name}`);
  }
  if (p.initiatives) {
    const need = param(ctx, p.initiatives.count);
    const got = k > 0 ? ctx.idx.initiativesIn(SCOPE_RANK[p.initiatives.scope], start, ctx.year) : [];
    const what = `sáng kiến hoặc đề tài khoa học có ${scopeAtLeastVi(p.initiatives.scope)}`;
    parts.push(
      got.length > 0
        ? `${pad2(got.length)} ${what} (${listInitiativeYears(got)}; yêu cầu ${pad2(need)})`
        : `chưa có ${what} (yêu cầu ${pad2(need)})`,
    );
    if (got.length < need)
      missing.push(`cần thêm ${initiativeWord(need - got.length)} có ${scopeAtLeastVi(p.initiatives.scope)}`);
  }
  const cut = floorNote(ctx, ctx.floor > anchor.year + 1 && k < p.years);
  const notes = p.titles ? uncountedNotes(ctx, p.titles, start) : '';
  const message = parts.join('; ') + notes + cut;
  return missing.length === 0 ? { met: true, message } : { met: false, message, missing: missing.join('; ') };
}

function titlesInWindow(
  ctx: EvalContext,
  awards: readonly AwardCode[],
  count: number,
  within: number,
): ConditionOutcome {
  const windowStart = ctx.year - within + 1;
  const from = Math.max(windowStart, ctx.floor);
  const set = ctx.idx.awardYears(awards, true, ctx.excludeSuddenThematic);
  if (!ctx.text) return bare(countYearsIn(set, from, ctx.year) >= count);
  const got = yearsIn(set, from, ctx.year);
  const name = titleNames(awards);
  const period = span(from, ctx.year);
  const cut = floorNote(ctx, from > windowStart);
  if (got.length >= count)
    return {
      met: true,
      message: `Có ${pad2(got.length)} lần được tặng ${name} trong ${period} (${yearList(got)})`,
    };
  return {
    met: false,
    message: `${got.length > 0 ? `Chỉ có ${pad2(got.length)} lần` : 'Chưa có lần nào'} được tặng ${name} trong ${period}; yêu cầu ${pad2(count)}${cut}${uncountedNote(ctx, awards, from, ctx.year)}`,
    missing: `cần thêm ${pad2(count - got.length)} lần được tặng ${name} trong ${period}`,
  };
}

function titleInYear(ctx: EvalContext, awards: readonly AwardCode[]): ConditionOutcome {
  const has = ctx.idx.awardYears(awards, false, false).has(ctx.year);
  if (!ctx.text) return bare(has);
  const name = titleNames(awards);
  if (has) return { met: true, message: `Năm ${ctx.year} đạt danh hiệu ${name}` };
  return {
    met: false,
    message: `Năm ${ctx.year} chưa có danh hiệu ${name} trong hồ sơ`,
    missing: `cần đạt danh hiệu ${name} năm ${ctx.year}`,
  };
}

/** What a member of a collective has, inside a sentence. */
export const MEMBER_FIELD_VI: Record<MemberField, string> = {
  ldtt: 'đạt danh hiệu Lao động tiên tiến',
  cstdcs: 'đạt danh hiệu Chiến sĩ thi đua cơ sở',
  completedTasks: 'hoàn thành nhiệm vụ được giao',
};

function noMembersOnRecord(ctx: EvalContext, what: string): ConditionOutcome {
  if (!ctx.text) return UNMET;
  return {
    met: false,
    message: `Chưa có số liệu thành viên của tập thể năm ${ctx.year}; không xác định được ${what}`,
    missing: `cần số liệu thành viên năm ${ctx.year}`,
  };
}

function memberShareAtLeast(
  ctx: EvalContext,
  field: MemberField,
  pct: number,
  strict: boolean,
): ConditionOutcome {
  const m = ctx.idx.members;
  if (!m || m.total === 0) return noMembersOnRecord(ctx, `tỷ lệ cá nhân ${MEMBER_FIELD_VI[field]}`);
  const n = m[field] ?? 0;
  const ok = strict ? n * 100 > pct * m.total : n * 100 >= pct * m.total;
  if (!ctx.text) return bare(ok);
  const required = strict ? `trên ${pct}%` : `từ ${pct}% trở lên`;
  const share = `${pad2(n)}/${pad2(m.total)} cá nhân (${formatPct(n, m.total)}) ${MEMBER_FIELD_VI[field]}`;
  if (ok) return { met: true, message: `Có ${share}; yêu cầu ${required}` };
  // smallest n' with n'*100 >= pct*total (or > when strict)
  const needed = strict ? Math.floor((pct * m.total) / 100) + 1 : Math.ceil((pct * m.total) / 100);
  return {
    met: false,
    message: `Chỉ có ${share}; yêu cầu ${required}`,
    missing: `cần thêm ${pad2(needed - n)} cá nhân ${MEMBER_FIELD_VI[field]}`,
  };
}

function allMembersCompleted(ctx: EvalContext): ConditionOutcome {
  const m = ctx.idx.members;
  if (!m || m.total === 0) return noMembersOnRecord(ctx, 'số cá nhân hoàn thành nhiệm vụ');
  const done = m.completedTasks ?? 0;
  if (!ctx.text) return bare(done >= m.total);
  if (done >= m.total) {
    return {
      met: true,
      message: `100% cá nhân (${pad2(done)}/${pad2(m.total)}) hoàn thành nhiệm vụ được giao`,
    };
  }
  return {
    met: false,
    message: `Chỉ có ${pad2(done)}/${pad2(m.total)} cá nhân hoàn thành nhiệm vụ được giao; yêu cầu 100%`,
    missing: `còn ${pad2(m.total - done)} cá nhân chưa hoàn thành nhiệm vụ`,
  };
}

function hasMemberWith(ctx: EvalContext, field: MemberField, count: number): ConditionOutcome {
  const n = ctx.idx.members?.[field] ?? 0;
  if (!ctx.text) return bare(n >= count);
  if (n >= count) return { met: true, message: `Có ${pad2(n)} cá nhân ${MEMBER_FIELD_VI[field]}` };
  return {
    met: false,
    message: `${n === 0 ? 'Chưa có cá nhân nào' : `Chỉ có ${pad2(n)} cá nhân`} ${MEMBER_FIELD_VI[field]} năm ${ctx.year}; yêu cầu ít nhất ${pad2(count)}`,
    missing: `cần ít nhất ${pad2(count)} cá nhân ${MEMBER_FIELD_VI[field]}`,
  };
}

function noMemberDisciplinedAtOrAbove(ctx: EvalContext): ConditionOutcome {
  const n = ctx.idx.members?.disciplinedWarningOrAbove ?? 0;
  if (!ctx.text) return bare(n === 0);
  if (n === 0)
    return {
      met: true,
      message: `Năm ${ctx.year} không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên`,
    };
  return {
    met: false,
    message: `Năm ${ctx.year} có ${pad2(n)} cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên; yêu cầu không có`,
    missing: 'không đủ điều kiện trong năm do có cá nhân bị kỷ luật từ cảnh cáo trở lên',
  };
}

/** Whether a condition applies under the current settings. */
export function conditionApplies(ctx: Pick<EvalContext, 'setting'>, c: Condition): boolean {
  if (!c.when) return true;
  const v = ctx.setting(c.when.setting);
  if ('is' in c.when && v !== c.when.is) return false;
  if ('isNot' in c.when && v === c.when.isNot) return false;
  return true;
}

/** Evaluates a predicate; undefined when it does not apply (e.g. a disqualifier switched off by a setting). */
export function evaluatePredicate(ctx: EvalContext, p: Predicate): ConditionOutcome | undefined {
  switch (p.kind) {
    case 'ratingAtLeast':
      return ratingAtLeast(ctx, p.level);
    case 'timeSinceRecruitment':
      return timeSinceRecruitment(ctx, p.months, p.measuredTo);
    case 'noDisciplineAtOrAbove':
      return noDisciplineAtOrAbove(ctx, p.form);
    case 'disciplinePeriodOver':
      return disciplinePeriodOver(ctx, p.form, p.extraYears);
    case 'initiativeOfReach':
      return initiativeOfReach(ctx, p.scope, p.count, p.withinYears);
    case 'consecutiveTitles':
      return consecutiveTitles(ctx, p.awards, p.count);
    case 'consecutiveRatings':
      return consecutiveRatings(ctx, p.level, p.count, p.initiatives);
    case 'repeatedTitle':
      return repeatedTitle(ctx, p.award, p.count, p.maxGapYears, p.maxYearsSinceLast);
    case 'sinceAward':
      return sinceAward(ctx, p);
    case 'titlesInWindow':
      return titlesInWindow(ctx, p.awards, p.count, p.withinYears);
    case 'titleInYear':
      return titleInYear(ctx, p.awards);
    case 'memberShareAtLeast':
      return memberShareAtLeast(ctx, p.field, p.pct, p.strict ?? false);
    case 'allMembersCompleted':
      return allMembersCompleted(ctx);
    case 'hasMemberWith':
      return hasMemberWith(ctx, p.field, p.count);
    case 'noMemberDisciplinedAtOrAbove':
      return noMemberDisciplinedAtOrAbove(ctx);
    case 'manual':
      return ctx.text ? { met: null, manual: true, message: p.textVi } : MANUAL;
    case 'anyOf':
      return combineAny(ctx, p.options);
    case 'allOf':
      return combineAll(ctx, p.conditions);
    default:
      // A forgotten kind would silently drop a hard condition (and could make a subject eligible):
      // it does not compile, and an unknown kind at run time throws.
      return assertNever(p, 'predicate kind');
  }
}

type Part = { id: string; met: boolean | null; message: string; missing?: string };

function combineAny(ctx: EvalContext, options: readonly Condition[]): ConditionOutcome | undefined {
  if (!ctx.text) {
    let any = false;
    let sawNull = false;
    for (const c of options) {
      if (!conditionApplies(ctx, c)) continue;
      const r = evaluatePredicate(ctx, c.test);
      if (!r) continue;
      any = true;
      if (r.met === true) return MET;
      if (r.met === null) sawNull = true;
    }
    return any ? (sawNull ? MANUAL : UNMET) : undefined;
  }
  const parts = collect(ctx, options);
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return { ...parts[0]!, parts };
  const hit = parts.find((p) => p.met === true);
  if (hit) return { met: true, message: hit.message, parts };
  const numbered = parts.map((p, i) => `(${i + 1}) ${lowerFirst(p.message)}`).join('; ');
  // Options that lack the same thing (both routes of Huân chương Lao động hạng Nhất start from hạng Nhì)
  // say it once; when every option lacks only that, it is simply what is missing.
  const lacking = [...new Set(parts.flatMap((p) => (p.missing ? [p.missing] : [])))];
  const missing =
    lacking.length === 0
      ? undefined
      : lacking.length === 1
        ? lacking[0]
        : `đáp ứng một trong các phương án: ${lacking.map((m, i) => `(${i + 1}) ${m}`).join('; hoặc ')}`;
  return {
    met: parts.some((p) => p.met === null) ? null : false,
    message: `Chưa đáp ứng phương án nào: ${numbered}`,
    missing,
    parts,
  };
}

function combineAll(ctx: EvalContext, conditions: readonly Condition[]): ConditionOutcome | undefined {
  if (!ctx.text) {
    let any = false;
    let sawNull = false;
    for (const c of conditions) {
      if (!conditionApplies(ctx, c)) continue;
      const r = evaluatePredicate(ctx, c.test);
      if (!r) continue;
      any = true;
      if (r.met === false) return UNMET;
      if (r.met === null) sawNull = true;
    }
    return any ? (sawNull ? MANUAL : MET) : undefined;
  }
  const parts = collect(ctx, conditions);
  if (parts.length === 0) return undefined;
  const failed = parts.filter((p) => p.met !== true);
  const message = parts.map((p) => p.message).join('; ');
  if (failed.length === 0) return { met: true, message, parts };
  return {
    met: failed.some((p) => p.met === false) ? false : null,
    message,
    missing: failed
      .map((p) => p.missing)
      .filter(Boolean)
      .join('; '),
    parts,
  };
}

function collect(ctx: EvalContext, conditions: readonly Condition[]): Part[] {
  const parts: Part[] = [];
  for (const c of conditions) {
    if (!conditionApplies(ctx, c)) continue;
    const r = evaluatePredicate(ctx, c.test);
    if (r) parts.push({ id: c.id, met: r.met, message: r.message, missing: r.missing });
  }
  return parts;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
