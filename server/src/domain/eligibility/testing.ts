/** Helpers for the eligibility tests: build cases tersely and read reasons by rule. */
import type {
  AwardCode,
  EligibilityAwardRecord,
  EligibilityCase,
  EligibilityCollective,
  EligibilityIndividual,
  EligibilityRatingLevel,
  EligibilityVerdict,
} from '../../../../contract/eligibility';
import { evaluate, type EvaluateOptions } from './engine';

/** Regime dates used by the tests: a day in force for each rule set. */
export const AS_OF = {
  ND91: '2023-06-15',
  ND98: '2025-03-15',
  ND152: '2025-12-15',
  LAW2026: '2026-12-15',
} as const;

/** { 2021: 'HTT', 2022: 'HTXS' } → ratings */
export function ratings(byYear: Record<number, EligibilityRatingLevel>): EligibilityIndividual['ratings'] {
  return Object.entries(byYear).map(([year, level]) => ({ year: Number(year), level }));
}

/** Same level for every year from..to. */
export function ratingRange(from: number, to: number, level: EligibilityRatingLevel) {
  const out: { year: number; level: EligibilityRatingLevel }[] = [];
  for (let y = from; y <= to; y++) out.push({ year: y, level });
  return out;
}

export function titles(
  code: AwardCode,
  years: number[],
  type?: EligibilityAwardRecord['type'],
): EligibilityAwardRecord[] {
  return years.map((year) => (type ? { code, year, type } : { code, year }));
}

export function person(s: Omit<EligibilityIndividual, 'kind'> = {}): EligibilityIndividual {
  return { kind: 'individual', startedOn: '2010-01-01', ...s };
}

export function unit(s: Omit<EligibilityCollective, 'kind'> = {}): EligibilityCollective {
  return { kind: 'collective', ...s };
}

export function caseOf(
  award: AwardCode,
  asOf: string,
  year: number,
  subject: EligibilityIndividual | EligibilityCollective,
): EligibilityCase {
  return { id: `${award}-${asOf}-${year}`, award, asOf, year, subject };
}

export function judge(
  award: AwardCode,
  asOf: string,
  year: number,
  subject: EligibilityIndividual | EligibilityCollective,
  opts?: EvaluateOptions,
): EligibilityVerdict {
  return evaluate(caseOf(award, asOf, year, subject), opts);
}

export function reasonOf(v: EligibilityVerdict, rule: string) {
  const r = v.reasons.find((x) => x.rule === rule);
  if (!r) throw new Error(`no reason ${rule} in ${v.reasons.map((x) => x.rule).join(', ')}`);
  return r;
}

/** The example case of the contract (shared/contracts/eligibility.md), as raw JSON input: a fresh copy each call. */
export const contractExample = () => ({
  id: 'any string, echoed back',
  award: 'CSTD_BO_TINH',
  asOf: '2025-12-15',
  year: 2025,
  subject: {
    kind: 'individual',
    startedOn: '2016-09-01',
    ratings: [
      { year: 2023, level: 'HTXS' },
      { year: 2024, level: 'HTT' },
      { year: 2025, level: 'HTXS' },
    ],
    awards: [
      { code: 'CSTDCS', year: 2023 },
      { code: 'CSTDCS', year: 2024 },
      { code: 'CSTDCS', year: 2025 },
    ],
    initiatives: [
      { year: 2024, scope: 'CO_SO' },
      { year: 2025, scope: 'BO_TINH' },
    ],
    discipline: [],
  },
});

/** A small deterministic pseudo-random generator (mulberry32), so a failing sequence can be replayed. */
export function rng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
