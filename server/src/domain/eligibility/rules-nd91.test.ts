import { describe, expect, it } from 'vitest';
import { AS_OF, judge, person, ratingRange, ratings, reasonOf, titles, unit } from './testing';

const asOf = AS_OF.ND91; // 2023-06-15
const Y = 2022;
const L03 = 'Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2005, 2013)';

describe('rule set LUAT_2003_ND91 (2017-10-01 .. 2023-12-31)', () => {
  describe('Lao động tiên tiến (Luật 2003 Điều 24; NĐ 91/2017: not under 10 months, not khiển trách+)', () => {
    it.each([
      ['HTT', true],
      ['HT', false],
    ] as const)('rating %s → eligible %s', (level, eligible) => {
      const v = judge('LDTT', asOf, Y, person({ ratings: ratings({ [Y]: level }) }));
      expect(v.regime).toBe('LUAT_2003_ND91');
      expect(v.eligible).toBe(eligible);
      expect(reasonOf(v, 'ldtt.rating-htt').basis).toBe(`${L03}, Điều 24`);
    });

    it.each([
      ['2022-03-01', true, '10 tháng'],
      ['2022-03-02', false, '09 tháng 30 ngày'],
      ['2022-07-01', false, '06 tháng'],
    ])('recruited on %s → eligible %s (%s)', (startedOn, eligible, length) => {
      const v = judge('LDTT', asOf, Y, person({ startedOn, ratings: ratings({ [Y]: 'HTT' }) }));
      expect(v.eligible).toBe(eligible);
      expect(reasonOf(v, 'ldtt.recruitment-ten-months').message).toContain(length);
      expect(reasonOf(v, 'ldtt.recruitment-ten-months').basis).toContain('Nghị định 91/2017/NĐ-CP');
    });

    it.each([
      ['khiển trách in the judged year', [{ year: Y, form: 'KHIEN_TRACH' as const }], false],
      ['cách chức in the judged year', [{ year: Y, form: 'CACH_CHUC' as const }], false],
      ['khiển trách the year before', [{ year: Y - 1, form: 'KHIEN_TRACH' as const }], true],
    ])('%s → eligible %s', (_label, discipline, eligible) => {
      const v = judge('LDTT', asOf, Y, person({ ratings: ratings({ [Y]: 'HTXS' }), discipline }));
      expect(v.eligible).toBe(eligible);
      expect(reasonOf(v, 'ldtt.no-discipline').met).toBe(eligible);
    });
  });

  describe('Chiến sĩ thi đua cơ sở (Luật 2003 Điều 23: LĐTT and a mandatory initiative; 15% quota)', () => {
    it('is not eligible with HTXS alone: the initiative is mandatory', () => {
      const v = judge('CSTDCS', asOf, Y, person({ ratings: ratings({ [Y]: 'HTXS' }) }));
      expect(v.eligible).toBe(false);
      expect(reasonOf(v, 'cstdcs.initiative').met).toBe(false);
    });

    it('is eligible with HTT and an initiative of the judged year', () => {
      const v = judge(
        'CSTDCS',
        asOf,
        Y,
        person({ ratings: ratings({ [Y]: 'HTT' }), initiatives: [{ year: Y, scope: 'CO_SO' }] }),
      );
      expect(v.eligible).toBe(true);
    });

    it('lists the 15% quota as a manual reason that does not block', () => {
      const v = judge(
        'CSTDCS',
        asOf,
        Y,
        person({ ratings: ratings({ [Y]: 'HTT' }), initiatives: [{ year: Y, scope: 'CO_SO' }] }),
      );
      expect(reasonOf(v, 'cstdcs.quota')).toMatchObject({ met: null, manual: true });
      expect(reasonOf(v, 'cstdcs.quota').message).toContain('15%');
      expect(reasonOf(v, 'cstdcs.quota').basis).toBe('Nghị định 91/2017/NĐ-CP, Điều 9, khoản 3');
    });

    it('inherits the LĐTT exclusions', () => {
      const v = judge(
        'CSTDCS',
        asOf,
        Y,
        person({
          ratings: ratings({ [Y]: 'HTXS' }),
          initiatives: [{ year: Y, scope: 'CO_SO' }],
          discipline: [{ year: Y, form: 'KHIEN_TRACH' }],
        }),
      );
      expect(v.eligible).toBe(false);
      expect(reasonOf(v, 'cstdcs.ldtt-no-discipline').met).toBe(false);
    });
  });

  describe('Chiến sĩ thi đua bộ, tỉnh (Luật 2003 Điều 22: three consecutive CSTĐCS)', () => {
    it('is eligible with three consecutive CSTĐCS; the reach of the initiative is left to the council', () => {
      const v = judge('CSTD_BO_TINH', asOf, Y, person({ awards: titles('CSTDCS', [Y - 2, Y - 1, Y]) }));
      expect(v.eligible).toBe(true);
      expect(reasonOf(v, 'cstd-bo-tinh.reach')).toMatchObject({ met: null, manual: true });
      expect(reasonOf(v, 'cstd-bo-tinh.council-ballot').message).toContain('90%');
    });

    it('asks for a ministry/province initiative when the setting says so', () => {
      const s = person({ awards: titles('CSTDCS', [Y - 2, Y - 1, Y]) });
      const v = judge('CSTD_BO_TINH', asOf, Y, s, {
        settings: { 'cstdBoTinh.requireInitiativeBoTinh': true },
      });
      expect(v.eligible).toBe(false);
      expect(reasonOf(v, 'cstd-bo-tinh.initiative-bo-tinh').met).toBe(false);
    });

    it('is broken by a gap year', () => {
      expect(
        judge('CSTD_BO_TINH', asOf, Y, person({ awards: titles('CSTDCS', [Y - 3, Y - 1, Y]) })).eligible,
      ).toBe(false);
    });
  });

  describe('Chiến sĩ thi đua toàn quốc (Luật 2003 Điều 21)', () => {
    const s = person({
      awards: titles('CSTD_BO_TINH', [Y - 3, Y]),
      initiatives: [{ year: Y, scope: 'TOAN_QUOC' }],
    });
    it('is eligible with two consecutive CSTĐ bộ/tỉnh and a nationwide initiative', () => {
      expect(judge('CSTD_TQ', asOf, Y, s).eligible).toBe(true);
    });

    it('adds six consecutive CSTĐCS (NĐ 65/2014, TT 07/2014) only when the setting says so', () => {
      const opts = { settings: { 'cstdTq.requireSixConsecutiveCstdcs': true } };
      expect(judge('CSTD_TQ', asOf, Y, s, opts).eligible).toBe(false);
      const six = person({
        awards: [
          ...titles('CSTD_BO_TINH', [Y - 3, Y]),
          ...titles('CSTDCS', [Y - 5, Y - 4, Y - 3, Y - 2, Y - 1, Y]),
        ],
        initiatives: [{ year: Y, scope: 'TOAN_QUOC' }],
      });
      expect(judge('CSTD_TQ', asOf, Y, six, opts).eligible).toBe(true);
    });
  });

  describe('Tập thể lao động tiên tiến (Luật 2003 Điều 28: more than 50% LĐTT)', () => {
    it.each([
      [20, 40, false, '50%'],
      [21, 40, true, '52,5%'],
      [28, 40, true, '70%'],
    ])('%i of %i → eligible %s (%s)', (ldtt, total, eligible, pct) => {
      const v = judge(
        'TTLDTT',
        asOf,
        Y,
        unit({ ratings: ratings({ [Y]: 'HTT' }), members: { total, ldtt } }),
      );
      expect(v.eligible).toBe(eligible);
      const r = reasonOf(v, 'ttldtt.ldtt-share-over-50');
      expect(r.message).toContain(pct);
      expect(r.message).toContain('trên 50%');
      expect(r.basis).toBe(`${L03}, Điều 28`);
    });

    it('is blocked by a member disciplined at cảnh cáo or above', () => {
      const v = judge(
        'TTLDTT',
        asOf,
        Y,
        unit({
          ratings: ratings({ [Y]: 'HTT' }),
          members: { total: 10, ldtt: 9, disciplinedWarningOrAbove: 2 },
        }),
      );
      expect(v.eligible).toBe(false);
    });
  });

  describe('Tập thể lao động xuất sắc (old regime also requires no cảnh cáo+)', () => {
    const good = { total: 10, completedTasks: 10, ldtt: 8, cstdcs: 1 };
    it.each([
      ['all criteria', good, true],
      ['a member with cảnh cáo', { ...good, disciplinedWarningOrAbove: 1 }, false],
      ['no CSTĐCS', { ...good, cstdcs: 0 }, false],
    ])('%s → eligible %s', (_label, members, eligible) => {
      expect(judge('TTLDXS', asOf, Y, unit({ ratings: ratings({ [Y]: 'HTXS' }), members })).eligible).toBe(
        eligible,
      );
    });
  });

  describe('Bằng khen Thủ tướng (NĐ 91/2017 Điều 38: BK bộ + 5 years HTXS + 5 initiatives)', () => {
    const rec = (level: 'HTXS' | 'HTT', initiatives: number) =>
      person({
        awards: titles('BK_BO_TINH', [Y - 5]),
        ratings: ratingRange(Y - 4, Y, 'HTXS').map((r) => (r.year === Y - 2 ? { ...r, level } : r)),
        initiatives: Array.from({ length: initiatives }, (_, i) => ({
          year: Y - (i % 5),
          scope: 'CO_SO' as const,
        })),
      });
    it.each([
      ['five HTXS years and five initiatives', rec('HTXS', 5), true],
      ['four initiatives', rec('HTXS', 4), false],
      ['one year HTT', rec('HTT', 5), false],
    ])('%s → eligible %s', (_label, subject, eligible) => {
      const v = judge('BK_TTG', asOf, Y, subject);
      expect(v.eligible).toBe(eligible);
      expect(reasonOf(v, 'bk-ttg.since-bk-bo-tinh').basis).toBe('Nghị định 91/2017/NĐ-CP, Điều 38');
    });
  });

  describe('Huân chương Lao động hạng Ba (NĐ 91/2017 Điều 24; Luật 2003 Điều 44 khoản 2)', () => {
    it.each([
      ['two ministry/province initiatives', 'BO_TINH', true],
      ['unit-level initiatives only', 'CO_SO', false],
    ] as const)('individual: BK TTg then five years with %s → eligible %s', (_label, scope, eligible) => {
      const v = judge(
        'HCLD_3',
        asOf,
        Y,
        person({
          awards: titles('BK_TTG', [Y - 5]),
          ratings: ratingRange(Y - 4, Y, 'HTT'),
          initiatives: [
            { year: Y - 3, scope },
            { year: Y, scope },
          ],
        }),
      );
      expect(v.eligible).toBe(eligible);
    });

    it('collective: five consecutive TTLĐXS with a flag or a BK TTg in that period (unverified)', () => {
      const ok = unit({
        awards: [...titles('TTLDXS', [Y - 4, Y - 3, Y - 2, Y - 1, Y]), ...titles('CO_BO_TINH', [Y - 1])],
      });
      const v = judge('HCLD_3', asOf, Y, ok);
      expect(v.eligible).toBe(true);
      expect(reasonOf(v, 'hcld-3.five-consecutive-ttldxs').message).toContain('chưa được đối chiếu');
      expect(
        judge('HCLD_3', asOf, Y, unit({ awards: titles('TTLDXS', [Y - 4, Y - 3, Y - 2, Y - 1, Y]) }))
          .eligible,
      ).toBe(false);
    });
  });

  describe('Huân chương Lao động hạng Nhất, collective (Luật 2013: HCLĐ II then five years HTXS)', () => {
    it.each([
      ['HTXS', true],
      ['HTT', false],
    ] as const)('five years %s → eligible %s', (level, eligible) => {
      const v = judge(
        'HCLD_1',
        asOf,
        Y,
        unit({ awards: titles('HCLD_2', [Y - 5]), ratings: ratingRange(Y - 4, Y, level) }),
      );
      expect(v.eligible).toBe(eligible);
    });
  });

  it('counts sudden and thematic awards in chains (the Decree 152/2025 exclusion is not yet in force)', () => {
    const s = person({ awards: [...titles('CSTDCS', [Y - 2, Y]), ...titles('CSTDCS', [Y - 1], 'sudden')] });
    expect(judge('CSTD_BO_TINH', asOf, Y, s).eligible).toBe(true);
  });

  it('does not apply the Decree 152/2025 disciplinary-period rule', () => {
    const v = judge(
      'CSTD_BO_TINH',
      asOf,
      Y,
      person({
        awards: titles('CSTDCS', [Y - 2, Y - 1, Y]),
        discipline: [{ year: Y - 1, form: 'CANH_CAO' }],
      }),
    );
    expect(v.eligible).toBe(true);
    expect(v.reasons.some((r) => r.rule === 'cstd-bo-tinh.discipline-period')).toBe(false);
  });
});
