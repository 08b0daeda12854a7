import { describe, expect, it } from 'vitest';
import {
  AWARD_CODES,
  ELIGIBILITY_AWARD_TYPES,
  ELIGIBILITY_DISCIPLINE_FORMS,
  ELIGIBILITY_INITIATIVE_SCOPES,
  ELIGIBILITY_RATING_LEVELS,
  type EligibilityCase,
  type EligibilitySubject,
} from '../../../../contract/eligibility';
import { EligibilityEngine, candidateAwards, evaluate, evaluateDetailed, isEligible } from './engine';
import { EligibilityInputError } from './errors';
import { person, ratingRange, rng, titles } from './testing';

function randomSubject(r: () => number): EligibilitySubject {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const years = Array.from({ length: 12 }, (_, i) => 2015 + i);
  const ratings = years
    .filter(() => r() < 0.9)
    .map((year) => ({ year, level: pick(ELIGIBILITY_RATING_LEVELS) }));
  const codes = [
    'LDTT',
    'CSTDCS',
    'CSTD_BO_TINH',
    'BK_BO_TINH',
    'BK_TTG',
    'HCLD_3',
    'HCLD_2',
    'TTLDXS',
    'CSTD_TQ',
  ] as const;
  const awards = years.flatMap((year) =>
    codes.filter(() => r() < 0.25).map((code) => ({ code, year, type: pick(ELIGIBILITY_AWARD_TYPES) })),
  );
  const initiatives = years
    .filter(() => r() < 0.3)
    .map((year) => ({ year, scope: pick(ELIGIBILITY_INITIATIVE_SCOPES) }));
  const discipline = years
    .filter(() => r() < 0.05)
    .map((year) => ({ year, form: pick(ELIGIBILITY_DISCIPLINE_FORMS) }));
  if (r() < 0.3) {
    const total = 1 + Math.floor(r() * 50);
    const k = () => Math.floor(r() * (total + 1));
    return {
      kind: 'collective',
      ratings,
      awards,
      initiatives,
      discipline,
      members: {
        total,
        completedTasks: k(),
        ldtt: k(),
        cstdcs: k(),
        disciplinedWarningOrAbove: r() < 0.8 ? 0 : 1,
      },
    };
  }
  const startedOn = `${2010 + Math.floor(r() * 17)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-15`;
  return { kind: 'individual', startedOn, ratings, awards, initiatives, discipline };
}

describe('the fast path', () => {
  it('isEligible gives the same answer as evaluate(c).eligible on 3,000 random records in every regime', () => {
    const r = rng(20251215);
    const dates = [
      '2019-05-01',
      '2023-12-31',
      '2024-01-01',
      '2025-06-30',
      '2025-07-01',
      '2026-09-30',
      '2026-10-01',
      '2026-12-31',
    ];
    let eligible = 0;
    for (let i = 0; i < 3000; i++) {
      const subject = randomSubject(r);
      const asOf = dates[i % dates.length]!;
      const year = Math.min(Number(asOf.slice(0, 4)), 2026) - Math.floor(r() * 2);
      for (const award of AWARD_CODES.slice(0, 15)) {
        const c: EligibilityCase = { award, asOf, year, subject };
        const full = evaluate(c).eligible;
        expect(isEligible(c), `${JSON.stringify(c)}`).toBe(full);
        if (full) eligible++;
      }
    }
    expect(eligible).toBeGreaterThan(100);
  });

  it('evaluates 20,000 award checks quickly', () => {
    const subjects = Array.from({ length: 2000 }, (_, i) =>
      person({
        ratings: ratingRange(2012, 2025, i % 2 ? 'HTXS' : 'HTT'),
        awards: [...titles('CSTDCS', [2019, 2021, 2022, 2023, 2024, 2025]), ...titles('BK_BO_TINH', [2018])],
        initiatives: [{ year: 2025, scope: 'BO_TINH' }],
      }),
    );
    const awards = AWARD_CODES.slice(0, 10);
    const start = performance.now();
    for (const subject of subjects)
      for (const award of awards) evaluate({ award, asOf: '2025-12-15', year: 2025, subject });
    expect(performance.now() - start).toBeLessThan(3000);
  });
});

describe('evaluateDetailed and candidateAwards', () => {
  it('says what is still missing on the closest route', () => {
    const d = evaluateDetailed({
      award: 'CSTD_BO_TINH',
      asOf: '2025-12-15',
      year: 2025,
      subject: person({ awards: titles('CSTDCS', [2024, 2025]) }),
    });
    expect(d.verdict.eligible).toBe(false);
    expect(d.missing).toEqual([
      'cần thêm 01 lần đạt danh hiệu Chiến sĩ thi đua cơ sở liên tục (2023)',
      'cần thêm 01 sáng kiến hoặc đề tài khoa học có phạm vi ảnh hưởng cấp bộ, ban, ngành, tỉnh trở lên trong các năm 2023, 2024, 2025',
    ]);
    expect(d.ruleSet).toMatchObject({ id: 'LUAT_2022_ND152', verified: true });
    expect(d.routes[0]).toMatchObject({ id: 'regular', kind: 'regular', met: false });
  });

  it('says a lack shared by every option once (both routes of Huân chương Lao động hạng Nhất need hạng Nhì)', () => {
    const d = evaluateDetailed({
      award: 'HCLD_1',
      asOf: '2025-12-15',
      year: 2025,
      subject: person({ ratings: ratingRange(2018, 2025, 'HTXS') }),
    });
    expect(d.verdict.eligible).toBe(false);
    const lacks = d.missing.filter((m) => m.includes('Huân chương Lao động hạng Nhì'));
    expect(lacks).toHaveLength(1);
    expect(lacks[0]).not.toContain('phương án');
    expect(lacks[0]!.match(/Huân chương Lao động hạng Nhì/g)).toHaveLength(1);
  });

  it('lists the awards a person could aim at next, eligible first, then the closest', () => {
    const subject = person({
      ratings: ratingRange(2020, 2025, 'HTXS'),
      awards: [...titles('CSTDCS', [2024, 2025]), ...titles('BK_BO_TINH', [2019])],
      initiatives: [{ year: 2025, scope: 'CO_SO' }],
    });
    const list = candidateAwards(subject, { asOf: '2025-12-15', year: 2025 });
    const codes = list.map((c) => c.award);
    expect(codes).toContain('LDTT');
    expect(codes).not.toContain('TTLDTT');
    const firstNotEligible = list.findIndex((c) => !c.eligible);
    expect(list.slice(0, firstNotEligible).every((c) => c.eligible)).toBe(true);
    expect(list.slice(firstNotEligible).every((c) => !c.eligible)).toBe(true);
    const cstd = list.find((c) => c.award === 'CSTD_BO_TINH')!;
    expect(cstd.unmet).toBe(2);
    expect(cstd.missing.length).toBe(2);
    const bkTtg = list.find((c) => c.award === 'BK_TTG')!;
    expect(bkTtg.eligible).toBe(false);
    expect(bkTtg.missing[0]).toContain('cần thêm 01 lần đạt danh hiệu Chiến sĩ thi đua cơ sở');
  });
});

describe('settings', () => {
  it('rejects an unknown setting key or a value of the wrong type', () => {
    expect(() => new EligibilityEngine({ settings: { 'no.such.key': 1 } })).toThrow(EligibilityInputError);
    expect(() => new EligibilityEngine({ settings: { 'gk.minRating': 'GOOD' } })).toThrow(/gk.minRating/);
    expect(() => new EligibilityEngine({ settings: { 'cstdcs.initiativeWindowYears': 1.5 } })).toThrow(
      /số nguyên/,
    );
    try {
      new EligibilityEngine({ settings: { 'chains.resetAfterSameAward': 'yes' } });
    } catch (e) {
      expect((e as EligibilityInputError).code).toBe('invalid_setting');
    }
  });

  it('applies a scoped override only to its rule set', () => {
    const engine = new EligibilityEngine({ settings: { 'LUAT_2022_ND98:gk.minRating': 'HTXS' } });
    const c = (asOf: string, year: number): EligibilityCase => ({
      award: 'GK',
      asOf,
      year,
      subject: person({ ratings: [{ year, level: 'HTT' }] }),
    });
    expect(engine.evaluate(c('2025-03-01', 2024)).eligible).toBe(false);
    expect(engine.evaluate(c('2025-12-01', 2025)).eligible).toBe(true);
  });

  it('describes every setting with its value, default, uncertainty, description and basis', () => {
    const engine = new EligibilityEngine({ settings: { 'cstdcs.quotaPct': 10 } });
    for (const rs of engine.ruleSets) {
      const settings = engine.settingsOf(rs.id);
      expect(settings.length).toBeGreaterThan(10);
      for (const s of settings) {
        expect(s.descriptionVi.length).toBeGreaterThan(20);
        expect(s.basis).toMatch(/(Luật|Nghị định|Thông tư)/);
      }
      expect(settings.find((s) => s.key === 'cstdcs.quotaPct')).toMatchObject({ value: 10 });
    }
    expect(
      engine.settingsOf('LUAT_2022_ND152').find((s) => s.key === 'discipline.resetMinForm'),
    ).toMatchObject({
      value: 'KHIEN_TRACH',
      defaultValue: 'KHIEN_TRACH',
      uncertain: true,
    });
  });
});
