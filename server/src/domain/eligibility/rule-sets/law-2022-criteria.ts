/**
 * The criteria of Luật Thi đua, khen thưởng 2022 (from 2024-01-01), shared by three regimes: with Decree
 * 98/2023 (luat-2022-nd98.ts), with Decree 152/2025 (luat-2022-nd152.ts, adding its disciplinary-period
 * rule), and as amended by Luật 06/2026/QH16, criteria carried forward (luat-2026-nd152.ts).
 * Source: /shared/domain/legal-digest.md §2–§4, §8 and legal-update-2025-2026.md §0–§2, §5.
 */
import type { AwardCode } from '../../../../../contract/eligibility';
import type { Condition } from '../predicates';
import { BOTH, COL, IND, ND152, manual, manualRoute, regular, type Route } from './shared';

export interface Law2022Bases {
  law: string;
  recruitment: string;
  nd152: boolean;
}

export function law2022Rules(b: Law2022Bases): Partial<Record<AwardCode, Route[]>> {
  const art = (a: string) => `${b.law}, ${a}`;
  const nd152: Condition[] = b.nd152
    ? [
        {
          id: 'discipline-period',
          basis: `${ND152}, Điều 4`,
          blockingOnly: true,
          test: {
            kind: 'disciplinePeriodOver',
            form: { setting: 'discipline.resetMinForm' },
            extraYears: { setting: 'discipline.extraYearsExcluded' },
          },
        },
      ]
    : [];

  const ldttConditions = (prefix: string, ratingBasis: string): Condition[] => [
    { id: `${prefix}rating-htt`, basis: ratingBasis, test: { kind: 'ratingAtLeast', level: 'HTT' } },
    {
      id: `${prefix}recruitment-six-months`,
      basis: b.recruitment,
      test: { kind: 'timeSinceRecruitment', months: 6, measuredTo: { setting: 'recruitment.measuredTo' } },
    },
    {
      id: `${prefix}discipline`,
      basis: art('Điều 24 (bộ, ban, ngành, tỉnh quy định chi tiết)'),
      test: { kind: 'noDisciplineAtOrAbove', form: { setting: 'ldtt.disciplineDisqualifier' } },
      uncertain: true,
    },
  ];
  const spirit = manual(
    'spirit',
    art('Điều 24, khoản 1'),
    'Có tinh thần tự lực, tự cường, đoàn kết, tương trợ, tích cực tham gia phong trào thi đua (do đơn vị bình xét)',
  );
  const ldttRoutes = (nameVi: string): Route[] => [
    regular([...ldttConditions('', art('Điều 24, khoản 1')), ...nd152, spirit]),
    manualRoute(
      'workers-farmers',
      IND,
      art('Điều 24'),
      `Công nhân, nông dân, người lao động không thuộc khu vực công: xét "${nameVi}" theo tiêu chuẩn riêng (lao động sản xuất có hiệu quả, chấp hành pháp luật, lối sống lành mạnh)`,
    ),
  ];

  const ttldxsHard = (prefix: string, basis: (k: string) => string): Condition[] => [
    { id: `${prefix}rating-htxs`, basis: basis('điểm a'), test: { kind: 'ratingAtLeast', level: 'HTXS' } },
    { id: `${prefix}all-members-completed`, basis: basis('điểm c'), test: { kind: 'allMembersCompleted' } },
    {
      id: `${prefix}ldtt-share-70`,
      basis: basis('điểm c'),
      test: { kind: 'memberShareAtLeast', field: 'ldtt', pct: 70 },
    },
    {
      id: `${prefix}has-cstdcs-member`,
      basis: basis('điểm d'),
      test: { kind: 'hasMemberWith', field: 'cstdcs', count: 1 },
    },
    {
      id: `${prefix}no-member-warning`,
      basis: basis('điểm c'),
      test: { kind: 'noMemberDisciplinedAtOrAbove' },
      when: { setting: 'ttldxs.requireNoWarningDiscipline', is: true },
      uncertain: true,
    },
  ];
  const ttldxsBasis = (p: string) => art(`Điều 27, khoản 1, ${p}`);
  const holdsOrMeetsTtldxs = (basis: string): Condition => ({
    id: 'ttldxs',
    basis,
    uncertain: true,
    test: {
      kind: 'anyOf',
      options: [
        { id: 'holds-ttldxs', basis, test: { kind: 'titleInYear', awards: ['TTLDXS'] } },
        {
          id: 'meets-ttldxs',
          basis: art('Điều 27, khoản 1'),
          test: { kind: 'allOf', conditions: ttldxsHard('', ttldxsBasis) },
        },
      ],
    },
  });

  const sudden = (basis: string, what: string) =>
    manualRoute('sudden', BOTH, basis, `Thành tích đột xuất hoặc nhiều thành tích ${what}`);

  return {
    LDTT: ldttRoutes('Lao động tiên tiến'),
    CSTT: ldttRoutes('Chiến sĩ tiên tiến'),

    CSTDCS: [
      regular([
        ...ldttConditions('ldtt-', art('Điều 23, khoản 1; Điều 24, khoản 1')),
        ...nd152,
        {
          id: 'htxs-or-initiative',
          basis: art('Điều 23, khoản 1'),
          test: {
            kind: 'anyOf',
            options: [
              { id: 'htxs', basis: art('Điều 23, khoản 1'), test: { kind: 'ratingAtLeast', level: 'HTXS' } },
              {
                id: 'initiative',
                basis: art('Điều 23, khoản 1'),
                test: {
                  kind: 'initiativeOfReach',
                  scope: 'CO_SO',
                  count: 1,
                  withinYears: { setting: 'cstdcs.initiativeWindowYears' },
                },
              },
            ],
          },
        },
        {
          id: 'quota',
          basis: art('Điều 23'),
          test: {
            kind: 'manual',
            textVi:
              'Tỷ lệ Chiến sĩ thi đua cơ sở của đơn vị không quá {{cstdcs.quotaPct}}% số cá nhân đạt Lao động tiên tiến (chỉ tiêu của đơn vị do bộ, ngành, tỉnh quy định; không phải điều kiện của cá nhân)',
          },
          when: { setting: 'cstdcs.quotaPct', isNot: null },
        },
        { ...spirit, basis: art('Điều 23, khoản 1; Điều 24, khoản 1') },
      ]),
    ],

    CSTD_BO_TINH: [
      regular([
        {
          id: 'three-consecutive-cstdcs',
          basis: art('Điều 22'),
          test: { kind: 'consecutiveTitles', awards: ['CSTDCS'], count: 3 },
        },
        {
          id: 'initiative-bo-tinh',
          basis: art('Điều 22'),
          test: {
            kind: 'initiativeOfReach',
            scope: 'BO_TINH',
            count: 1,
            withinYears: { setting: 'cstdBoTinh.initiativeWindowYears' },
          },
        },
        ...nd152,
        manual(
          'selection',
          art('Điều 22'),
          'Được lựa chọn trong số cá nhân đủ điều kiện, có thành tích tiêu biểu xuất sắc; người đứng đầu bộ, ngành, tỉnh công nhận hiệu quả và phạm vi ảnh hưởng của sáng kiến (Hội đồng Thi đua – Khen thưởng xem xét)',
        ),
      ]),
    ],

    CSTD_TQ: [
      regular([
        {
          id: 'two-consecutive-cstd-bo-tinh',
          basis: art('Điều 21, khoản 1, điểm a'),
          test: {
            kind: 'repeatedTitle',
            award: 'CSTD_BO_TINH',
            count: 2,
            maxGapYears: { setting: 'cstdTq.maxGapYears' },
            maxYearsSinceLast: { setting: 'cstdTq.maxYearsAfterSecond' },
          },
        },
        {
          id: 'initiative-toan-quoc',
          basis: art('Điều 21, khoản 1, điểm b'),
          test: {
            kind: 'initiativeOfReach',
            scope: 'TOAN_QUOC',
            count: 1,
            withinYears: { setting: 'cstdTq.initiativeWindowYears' },
          },
        },
        ...nd152,
        manual(
          'selection',
          art('Điều 21, khoản 2'),
          'Người đứng đầu bộ, ngành, tỉnh công nhận hiệu quả áp dụng và khả năng nhân rộng trong toàn quốc của sáng kiến, đề tài; được lựa chọn trong số cá nhân tiêu biểu xuất sắc (Hội đồng Thi đua – Khen thưởng xem xét)',
        ),
      ]),
    ],

    TTLDTT: [
      regular(
        [
          { id: 'rating-htt', basis: art('Điều 28, khoản 1'), test: { kind: 'ratingAtLeast', level: 'HTT' } },
          {
            id: 'ldtt-share-70',
            basis: art('Điều 28, khoản 1'),
            test: { kind: 'memberShareAtLeast', field: 'ldtt', pct: 70 },
          },
          {
            id: 'no-member-warning',
            basis: art('Điều 28, khoản 1'),
            test: { kind: 'noMemberDisciplinedAtOrAbove' },
          },
          ...nd152,
          manual(
            'emulation-and-unity',
            art('Điều 28, khoản 1'),
            'Tham gia phong trào thi đua thường xuyên, thiết thực, hiệu quả; nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước',
          ),
        ],
        COL,
      ),
    ],

    TTLDXS: [
      regular(
        [
          ...ttldxsHard('', ttldxsBasis),
          ...nd152,
          manual(
            'emulation-and-unity',
            art('Điều 27, khoản 1, điểm b, điểm đ'),
            'Có phong trào thi đua thường xuyên, thiết thực, hiệu quả; nội bộ đoàn kết, gương mẫu chấp hành chủ trương, chính sách của Đảng, pháp luật của Nhà nước',
          ),
        ],
        COL,
      ),
    ],

    CO_BO_TINH: [
      regular(
        [
          manual(
            'leads-cluster',
            art('Điều 26, khoản 1'),
            'Là tập thể dẫn đầu cụm, khối thi đua do bộ, ban, ngành, tỉnh tổ chức (kết quả bình xét, suy tôn của cụm, khối)',
          ),
          {
            id: 'rating',
            basis: art('Điều 26, khoản 1'),
            uncertain: true,
            test: { kind: 'ratingAtLeast', level: { setting: 'coBoTinh.minRating' } },
          },
          {
            ...holdsOrMeetsTtldxs(art('Điều 26, khoản 1')),
            when: { setting: 'coBoTinh.requireTtldxs', is: true },
          },
          ...nd152,
          manual(
            'models-and-unity',
            art('Điều 26, khoản 1'),
            'Có nhân tố mới, mô hình mới để các tập thể khác học tập; nội bộ đoàn kết, tổ chức đảng, đoàn thể trong sạch, vững mạnh',
          ),
        ],
        COL,
        'Dẫn đầu cụm, khối thi đua (hằng năm)',
      ),
      manualRoute(
        'thematic',
        COL,
        art('Điều 26'),
        'Tập thể dẫn đầu phong trào thi đua theo chuyên đề do bộ, ban, ngành, tỉnh phát động (từ 03 năm trở lên), khi sơ kết, tổng kết',
      ),
    ],

    CO_CP: [
      regular(
        [
          manual(
            'leads-cluster',
            art('Điều 25, khoản 1'),
            'Là tập thể tiêu biểu xuất sắc trong số các tập thể dẫn đầu cụm, khối thi đua do bộ, ban, ngành, tỉnh tổ chức',
          ),
          {
            id: 'rating',
            basis: art('Điều 25, khoản 1, điểm a'),
            uncertain: true,
            test: { kind: 'ratingAtLeast', level: { setting: 'coCp.minRating' } },
          },
          {
            ...holdsOrMeetsTtldxs(art('Điều 25, khoản 1')),
            when: { setting: 'coCp.requireTtldxs', is: true },
          },
          ...nd152,
          manual(
            'unity-and-integrity',
            art('Điều 25, khoản 1, điểm b'),
            'Nội bộ đoàn kết, tổ chức đảng, đoàn thể trong sạch, vững mạnh; đi đầu thực hành tiết kiệm, chống lãng phí, chống tham nhũng',
          ),
        ],
        COL,
        'Dẫn đầu cụm, khối thi đua của bộ, ngành, tỉnh (hằng năm)',
      ),
      manualRoute(
        'central-cluster',
        COL,
        art('Điều 25, khoản 2'),
        'Tập thể dẫn đầu cụm, khối thi đua do Hội đồng Thi đua – Khen thưởng Trung ương tổ chức',
      ),
      manualRoute(
        'movement-review',
        COL,
        art('Điều 25, khoản 3'),
        'Tập thể dẫn đầu phong trào thi đua do Thủ tướng Chính phủ phát động có thời gian từ 05 năm trở lên, khi tổng kết',
      ),
    ],

    GK: [
      regular(
        [
          {
            id: 'rating',
            basis: art('Điều 75, khoản 2'),
            uncertain: true,
            test: { kind: 'ratingAtLeast', level: { setting: 'gk.minRating' } },
          },
          ...nd152,
          manual(
            'local-standards',
            art('Điều 75, khoản 2'),
            'Đạt tiêu chuẩn cụ thể về Giấy khen do bộ, ban, ngành, tỉnh quy định; gương mẫu chấp hành chủ trương, chính sách của Đảng, pháp luật của Nhà nước',
          ),
        ],
        BOTH,
      ),
      manualRoute('movement', BOTH, art('Điều 75'), 'Có thành tích được bình xét trong phong trào thi đua'),
      sudden(art('Điều 75'), 'trong phạm vi cơ quan, đơn vị'),
    ],

    BK_BO_TINH: [
      regular([
        {
          id: 'cstdcs-or-htxs-initiatives',
          basis: art('Điều 74, khoản 1, điểm d'),
          test: {
            kind: 'anyOf',
            options: [
              {
                id: 'two-consecutive-cstdcs',
                basis: art('Điều 74, khoản 1, điểm d'),
                test: { kind: 'consecutiveTitles', awards: ['CSTDCS'], count: 2 },
              },
              {
                id: 'two-years-htxs-two-initiatives',
                basis: art('Điều 74, khoản 1, điểm d'),
                test: {
                  kind: 'consecutiveRatings',
                  level: 'HTXS',
                  count: 2,
                  initiatives: { scope: 'CO_SO', count: 2 },
                },
              },
            ],
          },
        },
        ...nd152,
        manual(
          'exemplary',
          art('Điều 74, khoản 1'),
          'Gương mẫu chấp hành chủ trương, chính sách của Đảng, pháp luật của Nhà nước',
        ),
      ]),
      manualRoute(
        'movement',
        IND,
        art('Điều 74, khoản 1, điểm a'),
        'Có thành tích xuất sắc được bình xét trong phong trào thi đua do bộ, ban, ngành, tỉnh phát động',
      ),
      manualRoute(
        'sudden',
        IND,
        art('Điều 74, khoản 1, điểm b'),
        'Lập được nhiều thành tích hoặc thành tích đột xuất có phạm vi ảnh hưởng trong lĩnh vực thuộc bộ, ban, ngành, tỉnh',
      ),
      manualRoute(
        'contribution',
        IND,
        art('Điều 74, khoản 1, điểm c'),
        'Có đóng góp vào sự nghiệp phát triển kinh tế – xã hội, khoa học, công tác xã hội, từ thiện, nhân đạo',
      ),
      manualRoute(
        'collective',
        COL,
        art('Điều 74, khoản 2'),
        'Tiêu chuẩn Bằng khen đối với tập thể (chưa được đối chiếu; Hội đồng xem xét theo hồ sơ)',
      ),
    ],

    BK_TTG: [
      regular([
        {
          id: 'since-bk-bo-tinh',
          basis: art('Điều 73, khoản 1, điểm b'),
          test: {
            kind: 'sinceAward',
            anchors: ['BK_BO_TINH'],
            years: 5,
            minLevel: 'HTT',
            titles: [{ awards: ['CSTDCS'], count: 3 }],
          },
        },
        ...nd152,
        manual(
          'compliance',
          art('Điều 73, khoản 1'),
          'Gương mẫu chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước',
        ),
      ]),
      manualRoute(
        'movement',
        IND,
        art('Điều 73, khoản 1, điểm a'),
        'Có thành tích xuất sắc tiêu biểu được bình xét trong phong trào thi đua',
      ),
      manualRoute(
        'sudden',
        IND,
        art('Điều 73, khoản 1, điểm c'),
        'Lập được nhiều thành tích hoặc thành tích đột xuất có phạm vi ảnh hưởng trong bộ, ban, ngành, tỉnh; đạt giải khu vực',
      ),
      manualRoute(
        'contribution',
        IND,
        art('Điều 73, khoản 1, điểm d'),
        'Có đóng góp vào sự nghiệp phát triển kinh tế – xã hội, khoa học, công tác xã hội, từ thiện, nhân đạo',
      ),
      manualRoute(
        'workers-farmers',
        IND,
        art('Điều 73, khoản 2'),
        'Công nhân, nông dân, người lao động: sáng kiến có giá trị cao, mô hình sản xuất hiệu quả ổn định từ 02 năm trở lên…',
      ),
      manualRoute(
        'collective',
        COL,
        art('Điều 73'),
        'Tiêu chuẩn Bằng khen của Thủ tướng Chính phủ đối với tập thể (chưa được đối chiếu; Hội đồng xem xét theo hồ sơ)',
      ),
    ],

    HCLD_3: [
      regular([
        {
          id: 'since-bk-ttg',
          basis: art('Điều 44, khoản 1, điểm e'),
          test: {
            kind: 'sinceAward',
            anchors: ['BK_TTG'],
            years: 5,
            minLevel: 'HTT',
            htxsYears: 1,
            titles: [{ awards: ['CSTDCS'], count: 3 }],
          },
        },
        ...nd152,
      ]),
      manualRoute(
        'other-merit',
        IND,
        art('Điều 44, khoản 1'),
        'Các trường hợp khác của khoản 1 (thành tích đột xuất, phát minh, sáng chế, công trình có phạm vi ảnh hưởng cấp bộ, tỉnh…)',
      ),
      manualRoute(
        'dedication',
        IND,
        art('Điều 44, khoản 1, điểm g'),
        'Khen thưởng quá trình cống hiến (theo chức vụ và thời gian giữ chức vụ)',
      ),
      manualRoute('workers-farmers', IND, art('Điều 44, khoản 2'), 'Công nhân, nông dân, người lao động'),
      manualRoute(
        'collective',
        COL,
        art('Điều 44, khoản 4, khoản 5'),
        'Tập thể, doanh nghiệp (tiêu chuẩn theo năm liên tục chưa được đối chiếu; Hội đồng xem xét theo hồ sơ)',
      ),
    ],

    HCLD_2: [
      regular([
        {
          id: 'since-hcld-3',
          basis: art('Điều 43, khoản 1'),
          test: {
            kind: 'sinceAward',
            anchors: ['HCLD_3'],
            years: 5,
            minLevel: 'HTT',
            htxsYears: 2,
            titles: [{ awards: ['CSTD_BO_TINH'], count: 1 }],
          },
        },
        ...nd152,
      ]),
      manualRoute(
        'other-merit',
        IND,
        art('Điều 43, khoản 1'),
        'Các trường hợp khác của khoản 1 (thành tích đột xuất, giải thưởng quốc tế khu vực, phát minh, công trình cấp bộ, tỉnh, cống hiến…)',
      ),
      manualRoute(
        'collective',
        COL,
        art('Điều 43'),
        'Tập thể (tiêu chuẩn chưa được đối chiếu; Hội đồng xem xét theo hồ sơ)',
      ),
    ],

    HCLD_1: [
      regular([
        {
          id: 'since-hcld-2',
          basis: art('Điều 42, khoản 1 (suy theo cấu trúc Điều 43, Điều 44)'),
          uncertain: true,
          when: { setting: 'hcld1.regularRouteEnabled', is: true },
          test: {
            kind: 'anyOf',
            options: [
              {
                id: 'with-cstd-tq',
                basis: art('Điều 42, khoản 1'),
                test: {
                  kind: 'sinceAward',
                  anchors: ['HCLD_2'],
                  years: 5,
                  minLevel: 'HTT',
                  htxsYears: { setting: 'hcld1.minHtxsYears' },
                  titles: [{ awards: ['CSTD_TQ'], count: { setting: 'hcld1.cstdTqCount' } }],
                },
              },
              {
                id: 'with-cstd-bo-tinh',
                basis: art('Điều 42, khoản 1'),
                test: {
                  kind: 'sinceAward',
                  anchors: ['HCLD_2'],
                  years: 5,
                  minLevel: 'HTT',
                  htxsYears: { setting: 'hcld1.minHtxsYears' },
                  titles: [{ awards: ['CSTD_BO_TINH'], count: { setting: 'hcld1.cstdBoTinhCount' } }],
                },
              },
            ],
          },
        },
        ...nd152,
      ]),
      manualRoute(
        'other-merit',
        IND,
        art('Điều 42'),
        'Các trường hợp khác (thành tích đặc biệt xuất sắc có phạm vi ảnh hưởng toàn quốc, cống hiến…)',
      ),
      manualRoute(
        'collective',
        COL,
        art('Điều 42'),
        'Tập thể (tiêu chuẩn chưa được đối chiếu; Hội đồng xem xét theo hồ sơ)',
      ),
    ],
  };
}
