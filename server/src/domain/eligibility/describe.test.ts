import { describe, expect, it } from 'vitest';
import { AWARD_CODES, type AwardCode } from '../../../../contract/eligibility';
import { listCatalogue } from './catalogue';
import { describeAllAwards, describeAward, describePredicateVi, type DescribedCondition } from './describe';
import { EligibilityEngine, engineFor } from './engine';
import type { Condition, Predicate } from './predicates';
import { DEFAULT_RULE_SETS } from './rule-sets';

const engine = new EligibilityEngine();

function conditions(code: AwardCode, ruleSetId: string, eng = engine): DescribedCondition[] {
  const regime = describeAward(code, eng).regimes.find((r) => r.ruleSetId === ruleSetId);
  if (!regime) throw new Error(`${code} has no regime ${ruleSetId}`);
  return regime.routes.flatMap((r) => r.conditions);
}

function allText(code: AwardCode, ruleSetId: string, eng = engine): string {
  return conditions(code, ruleSetId, eng)
    .map((c) => c.textVi)
    .join('\n');
}

/** One sample of every predicate kind: a Record, so a new kind fails to compile here too. */
const SAMPLES: Record<Predicate['kind'], Predicate> = {
  ratingAtLeast: { kind: 'ratingAtLeast', level: 'HTT' },
  timeSinceRecruitment: { kind: 'timeSinceRecruitment', months: 6, measuredTo: 'year_end' },
  noDisciplineAtOrAbove: { kind: 'noDisciplineAtOrAbove', form: 'KHIEN_TRACH' },
  disciplinePeriodOver: { kind: 'disciplinePeriodOver', form: 'KHIEN_TRACH', extraYears: 0 },
  initiativeOfReach: { kind: 'initiativeOfReach', scope: 'BO_TINH', count: 1, withinYears: 3 },
  consecutiveTitles: { kind: 'consecutiveTitles', awards: ['CSTDCS'], count: 3 },
  consecutiveRatings: {
    kind: 'consecutiveRatings',
    level: 'HTXS',
    count: 2,
    initiatives: { scope: 'CO_SO', count: 2 },
  },
  repeatedTitle: {
    kind: 'repeatedTitle',
    award: 'CSTD_BO_TINH',
    count: 2,
    maxGapYears: 3,
    maxYearsSinceLast: 1,
  },
  sinceAward: {
    kind: 'sinceAward',
    anchors: ['BK_TTG'],
    years: 5,
    minLevel: 'HTT',
    htxsYears: 1,
    titles: [{ awards: ['CSTDCS'], count: 3 }],
    initiatives: { scope: 'BO_TINH', count: 1 },
  },
  titlesInWindow: { kind: 'titlesInWindow', awards: ['TTLDXS'], count: 2, withinYears: 5 },
  titleInYear: { kind: 'titleInYear', awards: ['TTLDXS'] },
  memberShareAtLeast: { kind: 'memberShareAtLeast', field: 'ldtt', pct: 70 },
  allMembersCompleted: { kind: 'allMembersCompleted' },
  hasMemberWith: { kind: 'hasMemberWith', field: 'cstdcs', count: 1 },
  noMemberDisciplinedAtOrAbove: { kind: 'noMemberDisciplinedAtOrAbove' },
  anyOf: {
    kind: 'anyOf',
    options: [
      { id: 'a', basis: 'x', test: { kind: 'ratingAtLeast', level: 'HTXS' } },
      { id: 'b', basis: 'x', test: { kind: 'titleInYear', awards: ['TTLDXS'] } },
    ],
  },
  allOf: {
    kind: 'allOf',
    conditions: [
      { id: 'a', basis: 'x', test: { kind: 'allMembersCompleted' } },
      { id: 'b', basis: 'x', test: { kind: 'memberShareAtLeast', field: 'ldtt', pct: 50, strict: true } },
    ],
  },
  manual: { kind: 'manual', textVi: 'Hội đồng xem xét' },
};

function kindsIn(conds: readonly Condition[], out: Set<string>): void {
  for (const c of conds) {
    out.add(c.test.kind);
    if (c.test.kind === 'anyOf') kindsIn(c.test.options, out);
    if (c.test.kind === 'allOf') kindsIn(c.test.conditions, out);
  }
}

describe('describeAward', () => {
  it('describes every award with rules under every rule set, each condition with text and basis', () => {
    let described = 0;
    for (const code of AWARD_CODES) {
      const d = describeAward(code, engine);
      expect(d.code).toBe(code);
      expect(d.entry.code).toBe(code);
      const expected = DEFAULT_RULE_SETS.filter((rs) => (rs.rules[code]?.length ?? 0) > 0)
        .map((rs) => rs.id)
        .reverse();
      expect(d.regimes.map((r) => r.ruleSetId)).toEqual(expected);
      for (const regime of d.regimes) {
        expect(regime.routes.length).toBeGreaterThan(0);
        for (const route of regime.routes) {
          if (route.kind === 'manual') expect(route.basis).toBeTruthy();
          else expect(route.conditions.length).toBeGreaterThan(0);
          for (const c of route.conditions) {
            described++;
            expect(c.textVi.trim(), c.rule).not.toBe('');
            expect(c.basis.trim(), c.rule).not.toBe('');
            expect(c.textVi, c.rule).not.toMatch(/\{\{|undefined|null|NaN|\[object/);
            expect(c.rule).toBe(`${code.toLowerCase().replace(/_/g, '-')}.${c.id}`);
            for (const s of c.settings)
              expect(engine.settingsOf(regime.ruleSetId).some((x) => x.key === s.key)).toBe(true);
          }
        }
      }
    }
    expect(described).toBeGreaterThan(50);
  });

  it('has a description for every predicate kind used by the rule sets', () => {
    const used = new Set<string>();
    for (const rs of DEFAULT_RULE_SETS) {
      for (const routes of Object.values(rs.rules)) {
        for (const r of routes ?? []) if (r.kind === 'regular') kindsIn(r.conditions, used);
      }
    }
    expect([...used].filter((k) => !(k in SAMPLES))).toEqual([]);
    for (const [kind, p] of Object.entries(SAMPLES)) {
      const text = describePredicateVi(p);
      expect(text, kind).toBeTruthy();
      expect(text, kind).not.toMatch(/undefined|null|NaN/);
    }
  });

  it('writes counts with two digits, as the engine does', () => {
    expect(describePredicateVi(SAMPLES.consecutiveTitles)).toBe(
      'Có 03 lần liên tục được tặng danh hiệu Chiến sĩ thi đua cơ sở, lần cuối vào năm xét',
    );
    expect(describePredicateVi(SAMPLES.ratingAtLeast)).toBe(
      'Được đánh giá, xếp loại từ Hoàn thành tốt nhiệm vụ trở lên trong năm xét',
    );
    expect(describePredicateVi(SAMPLES.memberShareAtLeast)).toBe(
      'Có ít nhất 70% cá nhân đạt danh hiệu Lao động tiên tiến',
    );
    expect(describePredicateVi(SAMPLES.timeSinceRecruitment)).toBe(
      'Đã được tuyển dụng từ 06 tháng trở lên (tính đến 31/12 năm xét)',
    );
  });

  it('CSTD_BO_TINH under LUAT_2022_ND152: three consecutive CSTĐCS', () => {
    const text = allText('CSTD_BO_TINH', 'LUAT_2022_ND152');
    expect(text).toContain('03 lần liên tục');
    expect(text).toContain('Chiến sĩ thi đua cơ sở');
    const c = conditions('CSTD_BO_TINH', 'LUAT_2022_ND152').find((x) => x.id === 'initiative-bo-tinh')!;
    expect(c.textVi).toContain('trong 03 năm tính đến năm xét');
    expect(c.settings).toEqual([{ key: 'cstdBoTinh.initiativeWindowYears', value: 3, uncertain: true }]);
    expect(conditions('CSTD_BO_TINH', 'LUAT_2022_ND152').map((x) => x.id)).toContain('discipline-period');
  });

  it('TTLDTT: 70% under the 2022 law, more than 50% under the 2003 law', () => {
    const share = (id: string) =>
      conditions('TTLDTT', id).find((c) => c.textVi.includes('Lao động tiên tiến'))!.textVi;
    expect(share('LUAT_2022_ND98')).toBe('Có ít nhất 70% cá nhân đạt danh hiệu Lao động tiên tiến');
    expect(share('LUAT_2003_ND91')).toBe('Có trên 50% cá nhân đạt danh hiệu Lao động tiên tiến');
  });

  it('fills values from settings and follows overrides', () => {
    const overridden = engineFor({
      settings: { 'cstdBoTinh.initiativeWindowYears': 5, 'LUAT_2022_ND152:gk.minRating': 'HTXS' },
    });
    const c = conditions('CSTD_BO_TINH', 'LUAT_2022_ND152', overridden).find(
      (x) => x.id === 'initiative-bo-tinh',
    )!;
    expect(c.textVi).toContain('trong 05 năm tính đến năm xét');
    expect(c.settings[0]).toMatchObject({ key: 'cstdBoTinh.initiativeWindowYears', value: 5 });
    const gk = (eng: EligibilityEngine, id: string) =>
      conditions('GK', id, eng).find((x) => x.id === 'rating')!.textVi;
    expect(gk(engine, 'LUAT_2022_ND152')).toContain('từ Hoàn thành tốt nhiệm vụ trở lên');
    expect(gk(overridden, 'LUAT_2022_ND152')).toContain('Hoàn thành xuất sắc nhiệm vụ trong năm xét');
    expect(gk(overridden, 'LUAT_2022_ND98')).toContain('từ Hoàn thành tốt nhiệm vụ trở lên');
  });

  it('omits conditions that do not apply under the settings in force, lists the `when` setting otherwise', () => {
    const ids = (eng: EligibilityEngine) => conditions('LDTT', 'LUAT_2022_ND98', eng).map((c) => c.id);
    expect(ids(engine)).not.toContain('discipline');
    const strict = engineFor({ settings: { 'ldtt.disciplineDisqualifier': 'KHIEN_TRACH' } });
    const d = conditions('LDTT', 'LUAT_2022_ND98', strict).find((c) => c.id === 'discipline')!;
    expect(d.textVi).toBe('Không bị kỷ luật từ hình thức khiển trách trở lên trong năm xét');
    expect(d.uncertain).toBe(true);

    const quota = (eng: EligibilityEngine) =>
      conditions('CSTDCS', 'LUAT_2022_ND98', eng).find((c) => c.id === 'quota');
    expect(quota(engine)).toBeUndefined();
    const withQuota = quota(engineFor({ settings: { 'cstdcs.quotaPct': 20 } }))!;
    expect(withQuota.textVi).toContain('không quá 20%');
    expect(withQuota.settings.map((s) => s.key)).toEqual(['cstdcs.quotaPct']);

    const nd91 = conditions('CSTD_BO_TINH', 'LUAT_2003_ND91');
    const nd91ids = nd91.map((c) => c.id);
    expect(nd91ids.filter((id) => id.startsWith('initiative')).length).toBeLessThanOrEqual(1);
  });

  it('lists every award in catalogue order', () => {
    const all = describeAllAwards(engine);
    expect(all.map((a) => a.code)).toEqual(listCatalogue().map((e) => e.code));
    const cstd = all.find((a) => a.code === 'CSTD_BO_TINH')!;
    expect(cstd.hasRules).toBe(true);
    expect(cstd.regimes).toEqual(['LUAT_2026_ND152', 'LUAT_2022_ND152', 'LUAT_2022_ND98', 'LUAT_2003_ND91']);
    for (const a of all) expect(a.hasRules).toBe(a.regimes.length > 0);
    expect(all.some((a) => !a.hasRules)).toBe(true);
  });
});
