/**
 * A subject's records indexed by year, built once per subject and shared by every predicate and every
 * award evaluated for it (the engine caches it per subject object).
 */
import type {
  AwardCode,
  EligibilityAwardRecord,
  EligibilityAwardType,
  EligibilityDisciplineForm,
  EligibilityMembers,
  EligibilitySubject,
  EligibilitySubjectKind,
} from '../../../../contract/eligibility';
import { DISCIPLINE_RANK, RATING_RANK, SCOPE_RANK, parseIsoDate, type Ymd } from './format';

export interface IndexedInitiative {
  year: number;
  rank: number; // SCOPE_RANK
}

export interface IndexedDiscipline {
  year: number;
  rank: number; // DISCIPLINE_RANK
  form: EligibilityDisciplineForm;
}

const NOT_COUNTED_FROM_ND152: ReadonlySet<EligibilityAwardType> = new Set(['sudden', 'thematic']);

/** True when an award of this type counts toward the chains a higher award rests on. */
export function countsTowardChains(type: EligibilityAwardType, excludeSuddenThematic: boolean): boolean {
  return !(excludeSuddenThematic && NOT_COUNTED_FROM_ND152.has(type));
}

/** Widest span of rating years kept in a flat array (wider ones, unusual, go to a Map). */
const MAX_FLAT_SPAN = 128;

export class SubjectIndex {
  readonly kind: EligibilitySubjectKind;
  readonly startedOn: Ymd | undefined;
  /** RATING_RANK of year `ratingFrom + i` (undefined: no rating), when the years span little */
  private readonly ratingRanks: (number | undefined)[] | undefined;
  private readonly ratingFrom: number = 0;
  /** year → RATING_RANK, when the years span too much for the flat array */
  private readonly ratingMap: Map<number, number> | undefined;
  /**
   * The subject's own awards, in the order given. Lookups filter by code: a person holds a handful, so a
   * scan is cheaper than building a map for every subject of a city.
   */
  private readonly awards: readonly EligibilityAwardRecord[];
  /** sorted by year */
  readonly initiatives: IndexedInitiative[] = [];
  /** sorted by year */
  readonly discipline: IndexedDiscipline[] = [];
  readonly members: EligibilityMembers | undefined;
  /** Year sets per list of codes (keyed by the identity of the rule data's array): all awards, and counted ones. */
  private allYears: Map<readonly AwardCode[], ReadonlySet<number>> | undefined;
  private countedYears: Map<readonly AwardCode[], ReadonlySet<number>> | undefined;

  constructor(subject: EligibilitySubject) {
    this.kind = subject.kind;
    this.startedOn =
      subject.kind === 'individual' && subject.startedOn ? parseIsoDate(subject.startedOn) : undefined;
    this.members = subject.kind === 'collective' ? subject.members : undefined;
    const ratings = subject.ratings;
    if (ratings && ratings.length > 0) {
      let min = ratings[0]!.year;
      let max = min;
      for (let i = 1; i < ratings.length; i++) {
        const y = ratings[i]!.year;
        if (y < min) min = y;
        else if (y > max) max = y;
      }
      // a later entry for the same year replaces an earlier one, as a Map.set would
      if (max - min < MAX_FLAT_SPAN) {
        this.ratingFrom = min;
        const ranks = new Array<number | undefined>(max - min + 1);
        this.ratingRanks = ranks;
        for (let i = 0; i < ratings.length; i++)
          ranks[ratings[i]!.year - min] = RATING_RANK[ratings[i]!.level];
      } else {
        const map = new Map<number, number>();
        for (let i = 0; i < ratings.length; i++) map.set(ratings[i]!.year, RATING_RANK[ratings[i]!.level]);
        this.ratingMap = map;
      }
    }
    this.awards = subject.awards ?? NO_AWARDS;
    const initiatives = subject.initiatives;
    if (initiatives) {
      for (let i = 0; i < initiatives.length; i++) {
        const x = initiatives[i]!;
        insertByYear(this.initiatives, { year: x.year, rank: SCOPE_RANK[x.scope] });
      }
    }
    const discipline = subject.discipline;
    if (discipline) {
      for (let i = 0; i < discipline.length; i++) {
        const x = discipline[i]!;
        insertByYear(this.discipline, { year: x.year, rank: DISCIPLINE_RANK[x.form], form: x.form });
      }
    }
  }

  rating(year: number): number | undefined {
    const ranks = this.ratingRanks;
    if (ranks) {
      const i = year - this.ratingFrom;
      return i >= 0 && i < ranks.length ? ranks[i] : undefined;
    }
    return this.ratingMap?.get(year);
  }

  /**
   * Years in which any of `codes` was received. With `countedOnly`, awards that do not count toward chains
   * (sudden or thematic, from Decree 152/2025) are left out when `excludeSuddenThematic`.
   * Pass the rule data's own array: results are cached by its identity.
   */
  awardYears(
    codes: readonly AwardCode[],
    countedOnly: boolean,
    excludeSuddenThematic: boolean,
  ): ReadonlySet<number> {
    const counted = countedOnly && excludeSuddenThematic;
    const cache = counted ? (this.countedYears ??= new Map()) : (this.allYears ??= new Map());
    let set = cache.get(codes);
    if (!set) {
      let s: Set<number> | undefined;
      const awards = this.awards;
      for (let i = 0; i < awards.length; i++) {
        const a = awards[i]!;
        if (!codes.includes(a.code)) continue;
        if (counted && !countsTowardChains(a.type ?? 'regular', true)) continue;
        (s ??= new Set()).add(a.year);
      }
      set = s ?? EMPTY;
      cache.set(codes, set);
    }
    return set;
  }

  /** Years in which one of `codes` was received only as a sudden or thematic award (not counted). */
  uncountedYears(codes: readonly AwardCode[], excludeSuddenThematic: boolean): ReadonlySet<number> {
    if (!excludeSuddenThematic) return EMPTY;
    const all = this.awardYears(codes, false, true);
    const counted = this.awardYears(codes, true, true);
    if (all.size === counted.size) return EMPTY;
    const out = new Set<number>();
    for (const y of all) if (!counted.has(y)) out.add(y);
    return out;
  }

  /** The year `anchorAward` finds, without the code (nothing allocated). */
  anchorYear(
    codes: readonly AwardCode[],
    before: number,
    excludeSuddenThematic: boolean,
    mode: 'latest' | 'earliest',
  ): number | undefined {
    let found = false;
    let bestYear = 0;
    const awards = this.awards;
    const single = codes.length === 1 ? codes[0] : undefined;
    for (let i = 0; i < awards.length; i++) {
      const a = awards[i]!;
      if (a.year >= before || (single !== undefined ? a.code !== single : !codes.includes(a.code))) continue;
      if (!countsTowardChains(a.type ?? 'regular', excludeSuddenThematic)) continue;
      if (!found || (mode === 'latest' ? a.year > bestYear : a.year < bestYear)) {
        found = true;
        bestYear = a.year;
      }
    }
    return found ? bestYear : undefined;
  }

  /**
   * Latest (or earliest) year strictly before `before` in which one of `codes` was received, counted awards
   * only; on a tie, the code listed first in `codes`.
   */
  anchorAward(
    codes: readonly AwardCode[],
    before: number,
    excludeSuddenThematic: boolean,
    mode: 'latest' | 'earliest',
  ): { code: AwardCode; year: number } | undefined {
    let bestCode: AwardCode | undefined;
    let bestYear = 0;
    const awards = this.awards;
    for (let c = 0; c < codes.length; c++) {
      const code = codes[c]!;
      for (let i = 0; i < awards.length; i++) {
        const a = awards[i]!;
        if (a.code !== code || a.year >= before) continue;
        if (!countsTowardChains(a.type ?? 'regular', excludeSuddenThematic)) continue;
        if (bestCode === undefined || (mode === 'latest' ? a.year > bestYear : a.year < bestYear)) {
          bestCode = code;
          bestYear = a.year;
        }
      }
    }
    return bestCode === undefined ? undefined : { code: bestCode, year: bestYear };
  }

  /** Number of initiatives of at least `minRank` reach with from ≤ year ≤ to. */
  countInitiatives(minRank: number, from: number, to: number): number {
    let n = 0;
    const list = this.initiatives;
    for (let i = 0; i < list.length; i++) {
      const x = list[i]!;
      if (x.year > to) break;
      if (x.year >= from && x.rank >= minRank) n++;
    }
    return n;
  }

  /** Initiatives of at least `minRank` reach with from ≤ year ≤ to. */
  initiativesIn(minRank: number, from: number, to: number): IndexedInitiative[] {
    const out: IndexedInitiative[] = [];
    for (const i of this.initiatives) {
      if (i.year > to) break;
      if (i.year >= from && i.rank >= minRank) out.push(i);
    }
    return out;
  }

  /** Latest discipline of at least `minRank` decided in or before `upTo` (the most severe of that year). */
  latestDiscipline(minRank: number, upTo: number): IndexedDiscipline | undefined {
    let found: IndexedDiscipline | undefined;
    for (const d of this.discipline) {
      if (d.year > upTo) break;
      if (d.rank >= minRank && (!found || d.year > found.year || d.rank > found.rank)) found = d;
    }
    return found;
  }

  /** The most severe discipline decided in `year`. */
  disciplineIn(year: number): IndexedDiscipline | undefined {
    let found: IndexedDiscipline | undefined;
    for (const d of this.discipline) {
      if (d.year > year) break;
      if (d.year === year && (!found || d.rank > found.rank)) found = d;
    }
    return found;
  }
}

/** Appends `item` after every entry of the same or an earlier year (a stable sort by year, built as it goes). */
function insertByYear<T extends { year: number }>(list: T[], item: T): void {
  let i = list.length;
  list.push(item);
  while (i > 0 && list[i - 1]!.year > item.year) {
    list[i] = list[i - 1]!;
    i--;
  }
  list[i] = item;
}

const EMPTY: ReadonlySet<number> = new Set();
const NO_AWARDS: readonly EligibilityAwardRecord[] = Object.freeze([]);

const SINGLE = new Map<AwardCode, readonly AwardCode[]>();
/** A stable one-element code list (for the identity-keyed caches of SubjectIndex). */
export function codesOf(code: AwardCode): readonly AwardCode[] {
  let list = SINGLE.get(code);
  if (!list) {
    list = Object.freeze([code]);
    SINGLE.set(code, list);
  }
  return list;
}
