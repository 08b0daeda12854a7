import { describe, expect, it } from 'vitest';
import { SETTING_NAMES, SETTING_VALUE_NAMES } from '../../../../contract/catalogue';
import { AWARD_CODES, type AwardCode, type EligibilitySubject } from '../../../../contract/eligibility';
import { DISCIPLINE_FORMS, RATING_LEVELS } from '../../../../contract/vocabulary';
import { CATALOGUE, listCatalogue } from './catalogue';
import { evaluate } from './engine';
import { EligibilityInputError } from './errors';
import type { Condition } from './predicates';
import { DEFAULT_RULE_SETS, ruleSetInForce } from './rule-sets';
import { person, ratingRange, titles, unit } from './testing';

const CONTRACT_CODES: AwardCode[] = [
  'LDTT',
  'CSTT',
  'CSTDCS',
  'CSTD_BO_TINH',
  'CSTD_TQ',
  'TTLDTT',
  'TTLDXS',
  'CO_BO_TINH',
  'CO_CP',
  'GK',
  'BK_BO_TINH',
  'BK_TTG',
  'HCLD_3',
  'HCLD_2',
  'HCLD_1',
];

describe('choosing the rule set by the date the proposal is considered', () => {
  it.each([
    ['2017-10-01', 'LUAT_2003_ND91'],
    ['2023-12-31', 'LUAT_2003_ND91'],
    ['2024-01-01', 'LUAT_2022_ND98'],
    ['2025-06-30', 'LUAT_2022_ND98'],
    ['2025-07-01', 'LUAT_2022_ND152'],
    ['2026-09-30', 'LUAT_2022_ND152'],
    ['2026-10-01', 'LUAT_2026_ND152'],
    ['2030-01-01', 'LUAT_2026_ND152'],
  ])('%s → %s', (asOf, regime) => {
    expect(ruleSetInForce(asOf)?.id).toBe(regime);
    const v = evaluate({ award: 'LDTT', asOf, year: Number(asOf.slice(0, 4)) - 1, subject: person() });
    expect(v.regime).toBe(regime);
  });

  it('refuses a date before 2017-10-01 with a clear error naming asOf', () => {
    expect(ruleSetInForce('2017-09-30')).toBeUndefined();
    let error: unknown;
    try {
      evaluate({ award: 'LDTT', asOf: '2017-09-30', year: 2016, subject: person() });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EligibilityInputError);
    expect((error as EligibilityInputError).code).toBe('invalid_case');
    expect((error as EligibilityInputError).message).toContain('asOf');
    expect((error as EligibilityInputError).message).toContain('2017-10-01');
  });

  it('marks the rule set from 2026-10-01 as unverified and cites the amending law in every basis', () => {
    const rs = ruleSetInForce('2026-10-01')!;
    expect(rs.verified).toBe(false);
    const v = evaluate({
      award: 'CSTD_BO_TINH',
      asOf: '2026-10-01',
      year: 2026,
      subject: person({
        awards: titles('CSTDCS', [2024, 2025, 2026]),
        initiatives: [{ year: 2026, scope: 'BO_TINH' }],
      }),
    });
    expect(v.eligible).toBe(true);
    expect(v.reasons.find((r) => r.rule === 'cstd-bo-tinh.three-consecutive-cstdcs')?.basis).toContain(
      'Luật 06/2026/QH16',
    );
  });

  it('covers every day from 2017-10-01 with exactly one rule set, without gaps or overlaps', () => {
    const sorted = [...DEFAULT_RULE_SETS].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    for (let i = 1; i < sorted.length; i++) {
      const prevEnd = new Date(`${sorted[i - 1]!.validTo}T00:00:00Z`);
      const next = new Date(`${sorted[i]!.validFrom}T00:00:00Z`);
      expect(next.getTime() - prevEnd.getTime()).toBe(86_400_000);
    }
    expect(sorted.at(-1)!.validTo).toBeNull();
  });
});

describe('the rule data', () => {
  const allConditions = (conds: readonly Condition[]): Condition[] =>
    conds.flatMap((c) =>
      c.test.kind === 'anyOf'
        ? [c, ...allConditions(c.test.options)]
        : c.test.kind === 'allOf'
          ? [c, ...allConditions(c.test.conditions)]
          : [c],
    );

  it.each(DEFAULT_RULE_SETS.map((rs) => [rs.id, rs] as const))(
    '%s has a real (automatic) route for every award of the contract',
    (_id, rs) => {
      for (const code of CONTRACT_CODES) {
        const routes = rs.rules[code] ?? [];
        expect(
          routes.some((r) => r.kind === 'regular'),
          `${rs.id} ${code}`,
        ).toBe(true);
      }
    },
  );

  it.each(DEFAULT_RULE_SETS.map((rs) => [rs.id, rs] as const))(
    '%s: condition ids are kebab-case, every basis names a document and an article, settings exist',
    (_id, rs) => {
      const keys = new Set(rs.settings.map((s) => s.key));
      for (const [code, routes] of Object.entries(rs.rules)) {
        for (const route of routes ?? []) {
          expect(route.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
          if (route.kind === 'manual') {
            expect(route.basis).toMatch(/(Luật|Nghị định|Thông tư).*Điều \d+/);
            continue;
          }
          for (const c of allConditions(route.conditions)) {
            expect(c.id, `${code}`).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
            expect(c.basis, `${code}.${c.id}`).toMatch(/(Luật|Nghị định|Thông tư)/);
            expect(c.basis, `${code}.${c.id}`).toMatch(/Điều \d+|số điều chưa đối chiếu/);
            if (c.when) expect(keys.has(c.when.setting), `${code}.${c.id} when ${c.when.setting}`).toBe(true);
            for (const v of Object.values(c.test)) {
              if (v && typeof v === 'object' && 'setting' in v)
                expect(keys.has(v.setting), `${code}.${c.id}`).toBe(true);
            }
          }
        }
      }
    },
  );

  it('gives every reason of every award, under every rule set, a basis and a kebab-case rule id', () => {
    const individual: EligibilitySubject = person({
      ratings: ratingRange(2010, 2026, 'HTXS'),
      awards: [
        ...titles('CSTDCS', [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]),
        ...titles('BK_BO_TINH', [2014]),
        ...titles('BK_TTG', [2015]),
      ],
      initiatives: [{ year: 2020, scope: 'CO_SO' }],
    });
    const collective: EligibilitySubject = unit({
      ratings: ratingRange(2010, 2026, 'HTT'),
      members: { total: 10, completedTasks: 9, ldtt: 7 },
    });
    for (const rs of DEFAULT_RULE_SETS) {
      const asOf = rs.validTo ?? '2026-12-31';
      for (const award of AWARD_CODES) {
        for (const subject of [individual, collective]) {
          const v = evaluate({ award, asOf, year: Number(asOf.slice(0, 4)), subject });
          expect(v.regime).toBe(rs.id);
          expect(v.reasons.length).toBeGreaterThan(0);
          for (const r of v.reasons) {
            expect(r.rule).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*$/);
            expect(r.rule.startsWith(`${award.toLowerCase().replace(/_/g, '-')}.`)).toBe(true);
            expect(r.basis.length).toBeGreaterThan(10);
            expect(r.basis, `${rs.id} ${award} ${r.rule}`).toMatch(/Điều \d+|số điều chưa đối chiếu/);
            expect(r.message.length).toBeGreaterThan(10);
            if (r.manual) expect(r.met).toBeNull();
            else expect(typeof r.met).toBe('boolean');
            expect(Object.keys(r).sort()).toEqual(
              r.manual ? ['basis', 'manual', 'message', 'met', 'rule'] : ['basis', 'message', 'met', 'rule'],
            );
          }
        }
      }
    }
  });

  it('writes counts in messages with two digits', () => {
    const v = evaluate({
      award: 'CSTD_BO_TINH',
      asOf: '2025-12-15',
      year: 2025,
      subject: person({ awards: titles('CSTDCS', [2024, 2025]) }),
    });
    const msg = v.reasons.find((r) => r.rule === 'cstd-bo-tinh.three-consecutive-cstdcs')!.message;
    expect(msg).toBe(
      'Chỉ có 02 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở (2024, 2025); cần 03 lần liên tục đến năm 2025',
    );
  });
});

describe('the award catalogue', () => {
  it('has one entry for every award code, with names, authority, periodicity and legal basis', () => {
    expect(listCatalogue().map((e) => e.code)).toEqual([...AWARD_CODES]);
    for (const e of listCatalogue()) {
      expect(e.nameVi.length).toBeGreaterThan(3);
      expect(e.nameEn.length).toBeGreaterThan(3);
      expect(e.authorityVi.length).toBeGreaterThan(3);
      expect(e.legalBasis).toMatch(/Điều \d+/);
      expect(e.subjects.length).toBeGreaterThan(0);
      for (const bySubject of Object.values(e.bonus)) {
        for (const c of Object.values(bySubject ?? {})) expect(c?.basis.length).toBeGreaterThan(5);
      }
    }
  });

  it('carries the bonus coefficients of the digest, with the uncertain ones marked', () => {
    expect(CATALOGUE.CSTD_TQ.bonus.ND152?.individual).toMatchObject({ value: 4.5, uncertain: false });
    expect(CATALOGUE.BK_BO_TINH.bonus.ND152?.individual).toMatchObject({ value: 1.5, uncertain: false });
    expect(CATALOGUE.BK_BO_TINH.bonus.ND91?.individual).toMatchObject({ value: 1.0, uncertain: false });
    expect(CATALOGUE.BK_BO_TINH.bonus.ND98?.individual?.uncertain).toBe(true);
    expect(CATALOGUE.HCLD_3.bonus.ND98?.individual).toMatchObject({ value: 4.5, uncertain: false });
    expect(CATALOGUE.CO_CP.bonus.ND152?.collective).toMatchObject({ value: 12, uncertain: false });
    expect(CATALOGUE.KNC_BO_TINH.bonus.ND152?.individual).toMatchObject({ value: 0.6, ceiling: true });
  });

  it('classifies state-level forms (NĐ 98/2023 Điều 3)', () => {
    expect(CATALOGUE.BK_TTG.stateLevel).toBe(true);
    expect(CATALOGUE.CSTD_TQ.stateLevel).toBe(true);
    expect(CATALOGUE.BK_BO_TINH.stateLevel).toBe(false);
    expect(CATALOGUE.GD_VH.subjects).toEqual(['household']);
  });
});

describe('the settings as people read them', () => {
  it.each(DEFAULT_RULE_SETS.map((rs) => [rs.id, rs] as const))(
    '%s names every setting and every value of its enum settings, in Vietnamese and English',
    (_id, rs) => {
      const named = (v: string) =>
        (RATING_LEVELS as readonly string[]).includes(v) ||
        (DISCIPLINE_FORMS as readonly string[]).includes(v) ||
        v in SETTING_VALUE_NAMES;
      for (const setting of rs.settings) {
        expect(SETTING_NAMES[setting.key]?.vi, setting.key).toBeTruthy();
        expect(SETTING_NAMES[setting.key]?.en, setting.key).toBeTruthy();
        for (const v of setting.values ?? [])
          if (v !== null) expect(named(v), `${setting.key}=${v}`).toBe(true);
        // the description speaks Vietnamese, not the codes of values
        for (const v of setting.values ?? [])
          if (v !== null) expect(setting.descriptionVi, setting.key).not.toContain(`(${v})`);
      }
    },
  );
});
