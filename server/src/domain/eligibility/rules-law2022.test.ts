import { describe, expect, it } from 'vitest';
import { AS_OF, judge, person, ratingRange, ratings, reasonOf, titles, unit } from './testing';

/** The three rule sets under the 2022 law, each with a date in force and the year judged then. */
const REGIMES = [
  { name: 'LUAT_2022_ND98', asOf: AS_OF.ND98, Y: 2024, law: 'Luật Thi đua, khen thưởng 2022' },
  { name: 'LUAT_2022_ND152', asOf: AS_OF.ND152, Y: 2025, law: 'Luật Thi đua, khen thưởng 2022' },
  { name: 'LUAT_2026_ND152', asOf: AS_OF.LAW2026, Y: 2026, law: 'Luật 06/2026/QH16' },
] as const;

describe.each(REGIMES)('rules of the 2022 law under $name', ({ name, asOf, Y, law }) => {
  describe('Lao động tiên tiến (Luật Điều 24; TT 01/2024 Điều 1 khoản 5 điểm d)', () => {
    it.each([
      ['HTXS', true],
      ['HTT', true],
      ['HT', false],
      ['KHT', false],
    ] as const)('rating %s → eligible %s', (level, eligible) => {
      const v = judge('LDTT', asOf, Y, person({ ratings: ratings({ [Y]: level }) }));
      expect(v.regime).toBe(name);
      expect(v.eligible).toBe(eligible);
      expect(reasonOf(v, 'ldtt.rating-htt').met).toBe(eligible);
      expect(reasonOf(v, 'ldtt.rating-htt').basis).toContain(law);
      expect(reasonOf(v, 'ldtt.rating-htt').basis).toContain('Điều 24');
    });

    it('is not eligible without a rating for the judged year', () => {
      const v = judge('LDTT', asOf, Y, person({ ratings: ratings({ [Y - 1]: 'HTXS' }) }));
      expect(v.eligible).toBe(false);
      expect(reasonOf(v, 'ldtt.rating-htt').message).toContain(`Chưa có kết quả đánh giá, xếp loại năm ${Y}`);
    });

    it.each([
      [`${Y}-07-01`, true, '06 tháng'],
      [`${Y}-07-02`, false, '05 tháng 30 ngày'],
      [`${Y}-07-03`, false, '05 tháng 29 ngày'],
      [`${Y}-06-30`, true, '06 tháng 02 ngày'],
      [`${Y - 1}-12-01`, true, '13 tháng'],
    ])('recruited on %s → eligible %s (%s by 31/12)', (startedOn, eligible, length) => {
      const v = judge('LDTT', asOf, Y, person({ startedOn, ratings: ratings({ [Y]: 'HTT' }) }));
      expect(v.eligible).toBe(eligible);
      const r = reasonOf(v, 'ldtt.recruitment-six-months');
      expect(r.met).toBe(eligible);
      expect(r.message).toContain(length);
      expect(r.basis).toContain('Thông tư 01/2024/TT-BNV, Điều 1, khoản 5, điểm d');
    });

    it('lists an unknown recruitment date as a manual check that does not block', () => {
      const v = judge('LDTT', asOf, Y, { kind: 'individual', ratings: ratings({ [Y]: 'HTT' }) });
      expect(v.eligible).toBe(true);
      expect(reasonOf(v, 'ldtt.recruitment-six-months')).toMatchObject({ met: null, manual: true });
    });

    it('measures the time since recruitment to asOf when the setting says so', () => {
      const s = person({ startedOn: `${Y}-06-20`, ratings: ratings({ [Y]: 'HTT' }) });
      expect(judge('LDTT', asOf, Y, s).eligible).toBe(true);
      const v = judge('LDTT', asOf, Y, s, { settings: { 'recruitment.measuredTo': 'as_of' } });
      // asOf within the judged year, before 20 December: under six months by then.
      const shortByAsOf = asOf < `${Y}-12-20`;
      expect(v.eligible).toBe(!shortByAsOf);
    });

    it('keeps the solidarity and emulation criteria as a manual reason', () => {
      const v = judge('LDTT', asOf, Y, person({ ratings: ratings({ [Y]: 'HTT' }) }));
      expect(reasonOf(v, 'ldtt.spirit')).toMatchObject({ met: null, manual: true });
    });

    it('applies the same rules to Chiến sĩ tiên tiến', () => {
      expect(judge('CSTT', asOf, Y, person({ ratings: ratings({ [Y]: 'HTT' }) })).eligible).toBe(true);
      expect(judge('CSTT', asOf, Y, person({ ratings: ratings({ [Y]: 'HT' }) })).eligible).toBe(false);
      expect(
        reasonOf(judge('CSTT', asOf, Y, person({ ratings: ratings({ [Y]: 'HT' }) })), 'cstt.rating-htt').met,
      ).toBe(false);
    });

    it('does not disqualify for a reprimand by default, but does when the setting names khiển trách', () => {
      const s = person({
        ratings: ratings({ [Y]: 'HTT' }),
        discipline: [{ year: Y - 1, form: 'KHIEN_TRACH' }],
      });
      expect(judge('LDTT', asOf, Y, s).eligible).toBe(true);
      const same = person({ ratings: ratings({ [Y]: 'HTT' }), discipline: [{ year: Y, form: 'CANH_CAO' }] });
      const v = judge('LDTT', asOf, Y, same, { settings: { 'ldtt.disciplineDisqualifier': 'KHIEN_TRACH' } });
      expect(v.eligible).toBe(false);
      expect(reasonOf(v, 'ldtt.discipline').message).toContain('cảnh cáo');
    });
  });

  describe('Chiến sĩ thi đua cơ sở (Luật Điều 23: LĐTT and (HTXS or initiative))', () => {
    it('is eligible with HTXS and no initiative', () => {
      const v = judge('CSTDCS', asOf, Y, person({ ratings: ratings({ [Y]: 'HTXS' }) }));
      expect(v.eligible).toBe(true);
      expect(reasonOf(v, 'cstdcs.htxs-or-initiative').met).toBe(true);
    });

    it('is eligible with HTT and an initiative recognised at the unit in the judged year', () => {
      const v = judge(
        'CSTDCS',
        asOf,
        Y,
        person({ ratings: ratings({ [Y]: 'HTT' }), initiatives: [{ year: Y, scope: 'CO_SO' }] }),
      );
      expect(v.eligible).toBe(true);
    });

    it('is not eligible with HTT and no initiative, and says what is missing', () => {
      const v = judge('CSTDCS', asOf, Y, person({ ratings: ratings({ [Y]: 'HTT' }) }));
      expect(v.eligible).toBe(false);
      expect(reasonOf(v, 'cstdcs.htxs-or-initiative').message).toContain('Chưa đáp ứng phương án nào');
    });

    it('does not count an initiative of an earlier year unless the window setting widens', () => {
      const s = person({
        ratings: ratings({ [Y]: 'HTT' }),
        initiatives: [{ year: Y - 1, scope: 'BO_TINH' }],
      });
      expect(judge('CSTDCS', asOf, Y, s).eligible).toBe(false);
      expect(judge('CSTDCS', asOf, Y, s, { settings: { 'cstdcs.initiativeWindowYears': 2 } }).eligible).toBe(
        true,
      );
    });

    it('needs the LĐTT conditions: a rating of HT or a recent hire blocks', () => {
      expect(
        judge(
          'CSTDCS',
          asOf,
          Y,
          person({ ratings: ratings({ [Y]: 'HT' }), initiatives: [{ year: Y, scope: 'CO_SO' }] }),
        ).eligible,
      ).toBe(false);
      const hire = judge(
        'CSTDCS',
        asOf,
        Y,
        person({ startedOn: `${Y}-09-01`, ratings: ratings({ [Y]: 'HTXS' }) }),
      );
      expect(hire.eligible).toBe(false);
      expect(reasonOf(hire, 'cstdcs.ldtt-recruitment-six-months').met).toBe(false);
    });

    it('shows no quota by default and a manual quota reason when one is configured', () => {
      const s = person({ ratings: ratings({ [Y]: 'HTXS' }) });
      expect(judge('CSTDCS', asOf, Y, s).reasons.some((r) => r.rule === 'cstdcs.quota')).toBe(false);
      const v = judge('CSTDCS', asOf, Y, s, { settings: { 'cstdcs.quotaPct': 20 } });
      expect(reasonOf(v, 'cstdcs.quota')).toMatchObject({ met: null, manual: true });
      expect(reasonOf(v, 'cstdcs.quota').message).toContain('20%');
      expect(v.eligible).toBe(true);
    });
  });

  describe('Chiến sĩ thi đua bộ, ban, ngành, tỉnh (Luật Điều 22)', () => {
    const base = (over: Partial<Parameters<typeof person>[0]> = {}) =>
      person({
        ratings: ratingRange(Y - 2, Y, 'HTXS'),
        awards: titles('CSTDCS', [Y - 2, Y - 1, Y]),
        initiatives: [{ year: Y, scope: 'BO_TINH' }],
        ...over,
      });

    it('is eligible with three consecutive CSTĐCS ending in the judged year and a ministry/province initiative', () => {
      const v = judge('CSTD_BO_TINH', asOf, Y, base());
      expect(v.eligible).toBe(true);
      expect(reasonOf(v, 'cstd-bo-tinh.three-consecutive-cstdcs')).toMatchObject({
        met: true,
        message: `Có 03 lần liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở (${Y - 2}, ${Y - 1}, ${Y})`,
      });
      expect(reasonOf(v, 'cstd-bo-tinh.three-consecutive-cstdcs').basis).toContain('Điều 22');
    });

    it('is broken by a gap year', () => {
      const v = judge('CSTD_BO_TINH', asOf, Y, base({ awards: titles('CSTDCS', [Y - 3, Y - 2, Y]) }));
      expect(v.eligible).toBe(false);
      expect(reasonOf(v, 'cstd-bo-tinh.three-consecutive-cstdcs').message).toContain(
        `Chỉ có 01 lần liên tục`,
      );
    });

    it('needs the third CSTĐCS in the judged year itself', () => {
      const v = judge('CSTD_BO_TINH', asOf, Y, base({ awards: titles('CSTDCS', [Y - 3, Y - 2, Y - 1]) }));
      expect(v.eligible).toBe(false);
      expect(reasonOf(v, 'cstd-bo-tinh.three-consecutive-cstdcs').message).toContain(`Năm ${Y} chưa đạt`);
    });

    it.each([
      ['CO_SO', Y, false],
      ['BO_TINH', Y - 2, true],
      ['BO_TINH', Y - 3, false],
      ['TOAN_QUOC', Y - 1, true],
    ] as const)('initiative %s in %i → eligible %s', (scope, year, eligible) => {
      expect(judge('CSTD_BO_TINH', asOf, Y, base({ initiatives: [{ year, scope }] })).eligible).toBe(
        eligible,
      );
    });

    it('does not reuse CSTĐCS years already behind an earlier CSTĐ bộ/tỉnh', () => {
      const s = base({
        awards: [...titles('CSTDCS', [Y - 4, Y - 3, Y - 2, Y - 1, Y]), ...titles('CSTD_BO_TINH', [Y - 2])],
      });
      const v = judge('CSTD_BO_TINH', asOf, Y, s);
      expect(v.eligible).toBe(false);
      expect(reasonOf(v, 'cstd-bo-tinh.three-consecutive-cstdcs').message).toContain(
        `chỉ tính từ năm ${Y - 1}`,
      );
      expect(
        judge('CSTD_BO_TINH', asOf, Y, s, { settings: { 'chains.resetAfterSameAward': false } }).eligible,
      ).toBe(true);
    });
  });

  describe('Chiến sĩ thi đua toàn quốc (Luật Điều 21)', () => {
    const s = (cstd: number[], initiative: { year: number; scope: 'CO_SO' | 'BO_TINH' | 'TOAN_QUOC' }) =>
      person({ awards: titles('CSTD_BO_TINH', cstd), initiatives: [initiative] });

    it.each([
      ['two cycles three years apart', [Y - 3, Y], true],
      ['the second in the year before the judged year', [Y - 4, Y - 1], true],
      ['the second two years before', [Y - 5, Y - 2], false],
      ['a cycle missing between them', [Y - 6, Y], false],
      ['only one', [Y], false],
    ])('%s → eligible %s', (_label, cstd, eligible) => {
      const v = judge('CSTD_TQ', asOf, Y, s(cstd, { year: Y - 1, scope: 'TOAN_QUOC' }));
      expect(v.eligible).toBe(eligible);
      expect(reasonOf(v, 'cstd-tq.two-consecutive-cstd-bo-tinh').met).toBe(eligible);
    });

    it('needs an initiative with nationwide reach', () => {
      const v = judge('CSTD_TQ', asOf, Y, s([Y - 3, Y], { year: Y, scope: 'BO_TINH' }));
      expect(v.eligible).toBe(false);
      expect(reasonOf(v, 'cstd-tq.initiative-toan-quoc').message).toContain('phạm vi hẹp hơn');
      expect(reasonOf(v, 'cstd-tq.initiative-toan-quoc').basis).toContain('Điều 21, khoản 1, điểm b');
    });
  });

  describe('Tập thể lao động tiên tiến (Luật Điều 28 khoản 1: ≥70% LĐTT)', () => {
    it.each([
      [28, 40, true, '70%'],
      [699, 1000, false, '69,9%'],
      [27, 40, false, '67,5%'],
      [40, 40, true, '100%'],
    ])('%i of %i members LĐTT → eligible %s (%s)', (ldtt, total, eligible, pct) => {
      const v = judge(
        'TTLDTT',
        asOf,
        Y,
        unit({ ratings: ratings({ [Y]: 'HTT' }), members: { total, ldtt } }),
      );
      expect(v.eligible).toBe(eligible);
      expect(reasonOf(v, 'ttldtt.ldtt-share-70').message).toContain(pct);
    });

    it('is blocked by a member disciplined at cảnh cáo or above', () => {
      const v = judge(
        'TTLDTT',
        asOf,
        Y,
        unit({
          ratings: ratings({ [Y]: 'HTT' }),
          members: { total: 10, ldtt: 10, disciplinedWarningOrAbove: 1 },
        }),
      );
      expect(v.eligible).toBe(false);
      expect(reasonOf(v, 'ttldtt.no-member-warning').met).toBe(false);
    });

    it('needs the collective to be rated HTT or better, and member figures on record', () => {
      expect(
        judge('TTLDTT', asOf, Y, unit({ ratings: ratings({ [Y]: 'HT' }), members: { total: 10, ldtt: 10 } }))
          .eligible,
      ).toBe(false);
      const v = judge('TTLDTT', asOf, Y, unit({ ratings: ratings({ [Y]: 'HTXS' }) }));
      expect(v.eligible).toBe(false);
      expect(reasonOf(v, 'ttldtt.ldtt-share-70').message).toContain('Chưa có số liệu thành viên');
    });
  });

  describe('Tập thể lao động xuất sắc (Luật Điều 27 khoản 1)', () => {
    const good = { total: 40, completedTasks: 40, ldtt: 30, cstdcs: 2, disciplinedWarningOrAbove: 0 };
    it.each([
      ['all criteria', 'HTXS', good, true],
      ['rated HTT', 'HTT', good, false],
      ['one member not completing tasks', 'HTXS', { ...good, completedTasks: 39 }, false],
      ['69% LĐTT', 'HTXS', { ...good, ldtt: 27 }, false],
      ['no CSTĐCS', 'HTXS', { ...good, cstdcs: 0 }, false],
      [
        'a member with cảnh cáo (not a condition of Điều 27 by default)',
        'HTXS',
        { ...good, disciplinedWarningOrAbove: 1 },
        true,
      ],
    ] as const)('%s → eligible %s', (_label, level, members, eligible) => {
      expect(judge('TTLDXS', asOf, Y, unit({ ratings: ratings({ [Y]: level }), members })).eligible).toBe(
        eligible,
      );
    });

    it('adds the no-cảnh-cáo condition when the setting asks for it', () => {
      const v = judge(
        'TTLDXS',
        asOf,
        Y,
        unit({ ratings: ratings({ [Y]: 'HTXS' }), members: { ...good, disciplinedWarningOrAbove: 1 } }),
        { settings: { 'ttldxs.requireNoWarningDiscipline': true } },
      );
      expect(v.eligible).toBe(false);
      expect(reasonOf(v, 'ttldxs.no-member-warning').message).toContain('chưa được đối chiếu');
    });
  });

  describe('Cờ thi đua bộ, ban, ngành, tỉnh and Cờ thi đua của Chính phủ (Luật Điều 25, 26)', () => {
    const members = { total: 20, completedTasks: 20, ldtt: 18, cstdcs: 1 };
    it.each(['CO_BO_TINH', 'CO_CP'] as const)(
      '%s: checkable parts met, leading the cluster left to the council',
      (award) => {
        const v = judge(
          award,
          asOf,
          Y,
          unit({ ratings: ratings({ [Y]: 'HTXS' }), awards: titles('TTLDXS', [Y]) }),
        );
        expect(v.eligible).toBe(true);
        const slug = award === 'CO_CP' ? 'co-cp' : 'co-bo-tinh';
        expect(reasonOf(v, `${slug}.leads-cluster`)).toMatchObject({ met: null, manual: true });
      },
    );

    it.each(['CO_BO_TINH', 'CO_CP'] as const)(
      '%s: meeting the TTLĐXS criteria counts as holding it',
      (award) => {
        expect(judge(award, asOf, Y, unit({ ratings: ratings({ [Y]: 'HTXS' }), members })).eligible).toBe(
          true,
        );
        expect(judge(award, asOf, Y, unit({ ratings: ratings({ [Y]: 'HTT' }), members })).eligible).toBe(
          false,
        );
      },
    );

    it('lists the other routes of the Government flag as manual reasons', () => {
      const v = judge('CO_CP', asOf, Y, unit({ ratings: ratings({ [Y]: 'HT' }) }));
      expect(v.eligible).toBe(false);
      expect(reasonOf(v, 'co-cp.central-cluster')).toMatchObject({ met: null, manual: true });
      expect(reasonOf(v, 'co-cp.movement-review').basis).toContain('Điều 25, khoản 3');
    });
  });

  describe('Giấy khen (Luật Điều 75)', () => {
    it.each([
      ['HTT', true],
      ['HT', false],
    ] as const)('rating %s → eligible %s', (level, eligible) => {
      expect(judge('GK', asOf, Y, person({ ratings: ratings({ [Y]: level }) })).eligible).toBe(eligible);
      expect(judge('GK', asOf, Y, unit({ ratings: ratings({ [Y]: level }) })).eligible).toBe(eligible);
    });
  });

  describe('Bằng khen bộ, ban, ngành, tỉnh (Luật Điều 74 khoản 1 điểm d)', () => {
    it.each([
      ['two consecutive CSTĐCS', { awards: titles('CSTDCS', [Y - 1, Y]) }, true],
      ['CSTĐCS with a gap', { awards: titles('CSTDCS', [Y - 2, Y]) }, false],
      [
        'two HTXS years with two initiatives (BNV example)',
        {
          ratings: ratings({ [Y - 1]: 'HTXS', [Y]: 'HTXS' }),
          initiatives: [
            { year: Y - 1, scope: 'CO_SO' as const },
            { year: Y, scope: 'CO_SO' as const },
          ],
          awards: titles('CSTDCS', [Y]),
        },
        true,
      ],
      [
        'two HTXS years with one initiative',
        {
          ratings: ratings({ [Y - 1]: 'HTXS', [Y]: 'HTXS' }),
          initiatives: [{ year: Y, scope: 'CO_SO' as const }],
        },
        false,
      ],
      [
        'one HTXS year with two initiatives',
        {
          ratings: ratings({ [Y - 1]: 'HTT', [Y]: 'HTXS' }),
          initiatives: [
            { year: Y, scope: 'CO_SO' as const },
            { year: Y, scope: 'BO_TINH' as const },
          ],
        },
        false,
      ],
    ])('%s → eligible %s', (_label, record, eligible) => {
      const v = judge('BK_BO_TINH', asOf, Y, person(record));
      expect(v.eligible).toBe(eligible);
      expect(reasonOf(v, 'bk-bo-tinh.cstdcs-or-htxs-initiatives').basis).toContain(
        'Điều 74, khoản 1, điểm d',
      );
    });

    it('lists routes a–c as manual reasons and leaves collectives to the council', () => {
      const v = judge('BK_BO_TINH', asOf, Y, person({ awards: titles('CSTDCS', [Y - 1, Y]) }));
      for (const r of ['bk-bo-tinh.movement', 'bk-bo-tinh.sudden', 'bk-bo-tinh.contribution']) {
        expect(reasonOf(v, r)).toMatchObject({ met: null, manual: true });
      }
      const c = judge('BK_BO_TINH', asOf, Y, unit({ ratings: ratings({ [Y]: 'HTXS' }) }));
      expect(c.eligible).toBe(false);
      expect(c.reasons.every((r) => r.manual === true)).toBe(true);
    });
  });

  describe('Bằng khen của Thủ tướng Chính phủ (Luật Điều 73 khoản 1 điểm b)', () => {
    const rec = (bk: number, from: number, cstdcs: number[], gap?: number) =>
      person({
        awards: [...titles('BK_BO_TINH', [bk]), ...titles('CSTDCS', cstdcs)],
        ratings: ratingRange(from, Y, 'HTT').map((r) =>
          r.year === gap ? { ...r, level: 'HT' as const } : r,
        ),
      });

    it.each([
      ['BK five years before, five HTT years, three CSTĐCS', rec(Y - 5, Y - 4, [Y - 4, Y - 2, Y]), true],
      ['only four years since the BK', rec(Y - 4, Y - 3, [Y - 3, Y - 2, Y]), false],
      ['a year rated HT breaks the run', rec(Y - 6, Y - 5, [Y - 4, Y - 2, Y], Y - 3), false],
      ['two CSTĐCS only', rec(Y - 5, Y - 4, [Y - 2, Y]), false],
      ['CSTĐCS before the BK does not count', rec(Y - 5, Y - 4, [Y - 6, Y - 2, Y]), false],
    ])('%s → eligible %s', (_label, subject, eligible) => {
      const v = judge('BK_TTG', asOf, Y, subject);
      expect(v.eligible).toBe(eligible);
      expect(reasonOf(v, 'bk-ttg.since-bk-bo-tinh').basis).toContain('Điều 73, khoản 1, điểm b');
    });

    it('names the years and says what is still missing', () => {
      const v = judge('BK_TTG', asOf, Y, rec(Y - 4, Y - 3, [Y - 3, Y - 2, Y]));
      const msg = reasonOf(v, 'bk-ttg.since-bk-bo-tinh').message;
      expect(msg).toContain(`năm ${Y - 4}`);
      expect(msg).toContain('04 năm liên tục');
    });

    it('needs a Bằng khen bộ/tỉnh first', () => {
      const v = judge(
        'BK_TTG',
        asOf,
        Y,
        person({ ratings: ratingRange(Y - 6, Y, 'HTXS'), awards: titles('CSTDCS', [Y - 2, Y - 1, Y]) }),
      );
      expect(v.eligible).toBe(false);
      expect(reasonOf(v, 'bk-ttg.since-bk-bo-tinh').message).toContain(
        'Chưa được tặng Bằng khen của bộ, ban, ngành, tỉnh',
      );
    });
  });

  describe('Huân chương Lao động (Luật Điều 42–44)', () => {
    it.each([
      ['with one HTXS year', 1, true],
      ['with no HTXS year', 0, false],
    ])('hạng Ba: BK TTg then five HTT+ years and three CSTĐCS, %s → eligible %s', (_l, htxs, eligible) => {
      const r = ratingRange(Y - 4, Y, 'HTT').map((x, i) => (i < htxs ? { ...x, level: 'HTXS' as const } : x));
      const v = judge(
        'HCLD_3',
        asOf,
        Y,
        person({
          ratings: r,
          awards: [...titles('BK_TTG', [Y - 5]), ...titles('CSTDCS', [Y - 4, Y - 2, Y])],
        }),
      );
      expect(v.eligible).toBe(eligible);
      expect(reasonOf(v, 'hcld-3.since-bk-ttg').basis).toContain('Điều 44, khoản 1, điểm e');
    });

    it.each([
      ['two HTXS years and a CSTĐ bộ/tỉnh', 2, true, true],
      ['one HTXS year', 1, true, false],
      ['no CSTĐ bộ/tỉnh', 2, false, false],
    ])('hạng Nhì: HCLĐ III then five HTT+ years with %s → eligible %s', (_l, htxs, withCstd, eligible) => {
      const r = ratingRange(Y - 4, Y, 'HTT').map((x, i) => (i < htxs ? { ...x, level: 'HTXS' as const } : x));
      const awards = [...titles('HCLD_3', [Y - 5]), ...(withCstd ? titles('CSTD_BO_TINH', [Y - 1]) : [])];
      const v = judge('HCLD_2', asOf, Y, person({ ratings: r, awards }));
      expect(v.eligible).toBe(eligible);
      expect(reasonOf(v, 'hcld-2.since-hcld-3').basis).toContain('Điều 43, khoản 1');
    });

    it('hạng Nhất: an unverified, settings-backed rule that can be switched off', () => {
      const s = person({
        ratings: [...ratingRange(Y - 4, Y - 2, 'HTXS'), ...ratingRange(Y - 1, Y, 'HTT')],
        awards: [...titles('HCLD_2', [Y - 5]), ...titles('CSTD_BO_TINH', [Y - 3, Y])],
      });
      const v = judge('HCLD_1', asOf, Y, s);
      expect(v.eligible).toBe(true);
      expect(reasonOf(v, 'hcld-1.since-hcld-2').message).toContain('chưa được đối chiếu');
      expect(judge('HCLD_1', asOf, Y, s, { settings: { 'hcld1.regularRouteEnabled': false } }).eligible).toBe(
        false,
      );
    });

    it('leaves collectives to the council', () => {
      const v = judge('HCLD_3', asOf, Y, unit({ ratings: ratingRange(Y - 5, Y, 'HTXS') }));
      expect(v.eligible).toBe(false);
      expect(reasonOf(v, 'hcld-3.collective')).toMatchObject({ met: null, manual: true });
    });
  });
});

describe('Decree 152/2025 Điều 4 (from 2025-07-01)', () => {
  const chain = (type?: 'sudden' | 'thematic' | 'dedication') =>
    person({
      ratings: ratingRange(2023, 2025, 'HTXS'),
      awards: [...titles('CSTDCS', [2023, 2025]), ...titles('CSTDCS', [2024], type)],
      initiatives: [{ year: 2025, scope: 'BO_TINH' }],
    });

  it.each([
    ['2025-06-30', 'thematic', true],
    ['2025-07-01', 'thematic', false],
    ['2025-07-01', 'sudden', false],
    ['2025-07-01', 'dedication', true],
    ['2026-10-01', 'thematic', false],
  ] as const)('on %s a %s CSTĐCS in the chain counts → %s', (asOf, type, eligible) => {
    const v = judge('CSTD_BO_TINH', asOf, 2025, chain(type));
    expect(v.eligible).toBe(eligible);
    if (!eligible) {
      expect(reasonOf(v, 'cstd-bo-tinh.three-consecutive-cstdcs').message).toContain(
        'Nghị định 152/2025/NĐ-CP, Điều 4',
      );
    }
  });

  it('does not use a sudden Bằng khen as the base of a Bằng khen Thủ tướng', () => {
    const s = person({
      ratings: ratingRange(2020, 2025, 'HTT'),
      awards: [{ code: 'BK_BO_TINH', year: 2019, type: 'sudden' }, ...titles('CSTDCS', [2021, 2023, 2025])],
    });
    expect(judge('BK_TTG', '2025-06-30', 2025, s).eligible).toBe(true);
    expect(judge('BK_TTG', '2025-07-01', 2025, s).eligible).toBe(false);
  });

  it('counts achievements only after the disciplinary period', () => {
    const base = {
      ratings: ratingRange(2022, 2025, 'HTXS'),
      awards: titles('CSTDCS', [2022, 2023, 2024, 2025]),
      initiatives: [{ year: 2025, scope: 'BO_TINH' as const }],
    };
    const before = judge(
      'CSTD_BO_TINH',
      '2025-12-15',
      2025,
      person({ ...base, discipline: [{ year: 2022, form: 'KHIEN_TRACH' }] }),
    );
    expect(before.eligible).toBe(true);
    expect(reasonOf(before, 'cstd-bo-tinh.discipline-period').message).toContain(
      'thành tích được tính từ năm 2023',
    );
    const inChain = judge(
      'CSTD_BO_TINH',
      '2025-12-15',
      2025,
      person({ ...base, discipline: [{ year: 2023, form: 'KHIEN_TRACH' }] }),
    );
    expect(inChain.eligible).toBe(false);
    expect(reasonOf(inChain, 'cstd-bo-tinh.three-consecutive-cstdcs').message).toContain(
      'sau thời hạn kỷ luật khiển trách năm 2023',
    );
    // The same record under Decree 98/2023 is not affected.
    expect(
      judge(
        'CSTD_BO_TINH',
        '2025-06-30',
        2025,
        person({ ...base, discipline: [{ year: 2023, form: 'KHIEN_TRACH' }] }),
      ).eligible,
    ).toBe(true);
  });

  it('defers a yearly title in the year of the discipline', () => {
    const s = person({
      ratings: ratings({ 2025: 'HTXS' }),
      discipline: [{ year: 2025, form: 'KHIEN_TRACH' }],
    });
    const v = judge('LDTT', '2025-12-15', 2025, s);
    expect(v.eligible).toBe(false);
    expect(reasonOf(v, 'ldtt.discipline-period').basis).toBe('Nghị định 152/2025/NĐ-CP, Điều 4');
    expect(judge('LDTT', '2025-06-30', 2025, s).eligible).toBe(true);
    expect(
      judge('LDTT', '2025-12-15', 2025, s, { settings: { 'discipline.resetMinForm': 'CANH_CAO' } }).eligible,
    ).toBe(true);
  });
});

describe('awards outside the subject kind and without automatic rules', () => {
  it('answers a collective asking for an individual title with a subject-kind reason', () => {
    const v = judge('LDTT', AS_OF.ND152, 2025, unit({ ratings: ratings({ 2025: 'HTXS' }) }));
    expect(v.eligible).toBe(false);
    expect(v.reasons).toHaveLength(1);
    expect(reasonOf(v, 'ldtt.subject-kind')).toMatchObject({ met: false });
    expect(reasonOf(v, 'ldtt.subject-kind').basis).toContain('Điều 24');
  });

  it.each(['AH_LAO_DONG', 'HC_DOC_LAP_3', 'XA_TIEU_BIEU', 'KNC_BO_TINH'] as const)(
    '%s is not eligible automatically and is left to the council',
    (award) => {
      const v = judge(award, AS_OF.ND152, 2025, person({ ratings: ratingRange(2000, 2025, 'HTXS') }));
      expect(v.eligible).toBe(false);
      expect(v.reasons).toHaveLength(1);
      expect(v.reasons[0]).toMatchObject({ met: null, manual: true });
      expect(v.reasons[0]!.basis).toMatch(/Điều \d+/);
    },
  );
});
