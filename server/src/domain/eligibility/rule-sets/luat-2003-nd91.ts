/**
 * Luật Thi đua, khen thưởng 2003 (sửa đổi 2005, 2013) with Decree 91/2017: in force 2017-10-01 … 2023-12-31.
 * Source: /shared/domain/legal-digest.md §2–§4, §8.
 */
import type { AwardCode } from '../../../../../contract/eligibility';
import type { Condition } from '../predicates';
import { nd91Settings } from '../settings';
import { BOTH, COL, IND, L03, ND91, manual, manualRoute, regular, type Route, type RuleSet } from './shared';

function nd91Rules(): Partial<Record<AwardCode, Route[]>> {
  const law = (a: string) => `${L03}, ${a}`;
  const ldttConditions = (prefix: string, ratingBasis: string): Condition[] => [
    { id: `${prefix}rating-htt`, basis: ratingBasis, test: { kind: 'ratingAtLeast', level: 'HTT' } },
    {
      id: `${prefix}recruitment-ten-months`,
      basis: `${ND91}, Điều 9`,
      test: { kind: 'timeSinceRecruitment', months: 10, measuredTo: { setting: 'recruitment.measuredTo' } },
    },
    {
      id: `${prefix}no-discipline`,
      basis: `${ND91}, Điều 9`,
      test: { kind: 'noDisciplineAtOrAbove', form: 'KHIEN_TRACH' },
    },
  ];
  const conduct = manual(
    'conduct',
    law('Điều 24'),
    'Chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước; tích cực học tập chính trị, văn hóa, chuyên môn; có đạo đức, lối sống lành mạnh',
  );
  const ldttRoutes: Route[] = [regular([...ldttConditions('', law('Điều 24')), conduct])];
  const councilBallot = manual(
    'council-ballot',
    `${ND91}, Điều 45, khoản 8`,
    'Hội đồng Thi đua – Khen thưởng bộ, ngành, tỉnh họp và bỏ phiếu kín; tỷ lệ đồng ý từ 90% trở lên trên tổng số thành viên Hội đồng',
  );
  const ttldxsBasis = law('Điều 27');
  const ttldxsHard: Condition[] = [
    { id: 'rating-htxs', basis: ttldxsBasis, test: { kind: 'ratingAtLeast', level: 'HTXS' } },
    { id: 'all-members-completed', basis: ttldxsBasis, test: { kind: 'allMembersCompleted' } },
    { id: 'ldtt-share-70', basis: ttldxsBasis, test: { kind: 'memberShareAtLeast', field: 'ldtt', pct: 70 } },
    {
      id: 'has-cstdcs-member',
      basis: ttldxsBasis,
      test: { kind: 'hasMemberWith', field: 'cstdcs', count: 1 },
    },
    { id: 'no-member-warning', basis: ttldxsBasis, test: { kind: 'noMemberDisciplinedAtOrAbove' } },
  ];
  const holdsOrMeetsTtldxs = (basis: string): Condition => ({
    id: 'ttldxs',
    basis,
    uncertain: true,
    test: {
      kind: 'anyOf',
      options: [
        { id: 'holds-ttldxs', basis, test: { kind: 'titleInYear', awards: ['TTLDXS'] } },
        { id: 'meets-ttldxs', basis: ttldxsBasis, test: { kind: 'allOf', conditions: ttldxsHard } },
      ],
    },
  });
  const otherMerit = (id: string, basis: string, nameVi: string) => manualRoute(id, BOTH, basis, nameVi);

  return {
    LDTT: ldttRoutes,
    CSTT: ldttRoutes,
    CSTDCS: [
      regular([
        ...ldttConditions('ldtt-', law('Điều 23; Điều 24')),
        {
          id: 'initiative',
          basis: law('Điều 23'),
          test: {
            kind: 'initiativeOfReach',
            scope: 'CO_SO',
            count: 1,
            withinYears: { setting: 'cstdcs.initiativeWindowYears' },
          },
        },
        {
          id: 'quota',
          basis: `${ND91}, Điều 9, khoản 3`,
          test: {
            kind: 'manual',
            textVi:
              'Tỷ lệ Chiến sĩ thi đua cơ sở của đơn vị không quá {{cstdcs.quotaPct}}% tổng số cá nhân đạt Lao động tiên tiến (chỉ tiêu của đơn vị, không phải điều kiện của cá nhân)',
          },
          when: { setting: 'cstdcs.quotaPct', isNot: null },
        },
        { ...conduct, basis: law('Điều 23; Điều 24') },
      ]),
    ],
    CSTD_BO_TINH: [
      regular([
        {
          id: 'three-consecutive-cstdcs',
          basis: law('Điều 22'),
          test: { kind: 'consecutiveTitles', awards: ['CSTDCS'], count: 3 },
        },
        {
          id: 'initiative-bo-tinh',
          basis: law('Điều 22'),
          uncertain: true,
          when: { setting: 'cstdBoTinh.requireInitiativeBoTinh', is: true },
          test: {
            kind: 'initiativeOfReach',
            scope: 'BO_TINH',
            count: 1,
            withinYears: { setting: 'cstdBoTinh.initiativeWindowYears' },
          },
        },
        {
          id: 'reach',
          basis: law('Điều 22'),
          when: { setting: 'cstdBoTinh.requireInitiativeBoTinh', is: false },
          test: {
            kind: 'manual',
            textVi:
              'Thành tích, sáng kiến, giải pháp công tác, đề tài nghiên cứu có tác dụng ảnh hưởng đối với bộ, ngành, tỉnh (Hội đồng Thi đua – Khen thưởng xem xét)',
          },
        },
        councilBallot,
      ]),
    ],
    CSTD_TQ: [
      regular([
        {
          id: 'two-consecutive-cstd-bo-tinh',
          basis: law('Điều 21'),
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
          basis: law('Điều 21'),
          test: {
            kind: 'initiativeOfReach',
            scope: 'TOAN_QUOC',
            count: 1,
            withinYears: { setting: 'cstdTq.initiativeWindowYears' },
          },
        },
        {
          id: 'six-consecutive-cstdcs',
          basis: 'Nghị định 65/2014/NĐ-CP; Thông tư 07/2014/TT-BNV (số điều chưa đối chiếu)',
          uncertain: true,
          when: { setting: 'cstdTq.requireSixConsecutiveCstdcs', is: true },
          test: { kind: 'consecutiveTitles', awards: ['CSTDCS'], count: 6 },
        },
        { ...councilBallot, basis: `${ND91}, Điều 45, khoản 8, khoản 10` },
      ]),
    ],
    TTLDTT: [
      regular(
        [
          { id: 'rating-htt', basis: law('Điều 28'), test: { kind: 'ratingAtLeast', level: 'HTT' } },
          {
            id: 'ldtt-share-over-50',
            basis: law('Điều 28'),
            test: { kind: 'memberShareAtLeast', field: 'ldtt', pct: 50, strict: true },
          },
          { id: 'no-member-warning', basis: law('Điều 28'), test: { kind: 'noMemberDisciplinedAtOrAbove' } },
          manual(
            'emulation-and-unity',
            law('Điều 28'),
            'Có phong trào thi đua thường xuyên, thiết thực, có hiệu quả; nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách, pháp luật',
          ),
        ],
        COL,
      ),
    ],
    TTLDXS: [
      regular(
        [
          ...ttldxsHard,
          manual(
            'emulation-and-unity',
            ttldxsBasis,
            'Có nhân tố mới, mô hình mới; phong trào thi đua thường xuyên, thiết thực, hiệu quả; nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách, pháp luật',
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
            `${ND91}, Điều 12`,
            'Là tập thể tiêu biểu xuất sắc, được bình xét, so sánh theo cụm, khối thi đua (dẫn đầu cụm, khối)',
          ),
          {
            id: 'rating',
            basis: law('Điều 26'),
            uncertain: true,
            test: { kind: 'ratingAtLeast', level: { setting: 'coBoTinh.minRating' } },
          },
          { ...holdsOrMeetsTtldxs(law('Điều 26')), when: { setting: 'coBoTinh.requireTtldxs', is: true } },
          manual(
            'models-and-unity',
            law('Điều 26'),
            'Có nhân tố mới, mô hình mới để các tập thể khác học tập; nội bộ đoàn kết, tổ chức đảng, đoàn thể trong sạch, vững mạnh',
          ),
        ],
        COL,
        'Tập thể tiêu biểu xuất sắc, dẫn đầu cụm, khối (hằng năm)',
      ),
    ],
    CO_CP: [
      regular(
        [
          manual(
            'leads-cluster',
            law('Điều 25'),
            'Là tập thể tiêu biểu xuất sắc, dẫn đầu cụm, khối thi đua của bộ, ngành, tỉnh',
          ),
          {
            id: 'rating',
            basis: law('Điều 25'),
            uncertain: true,
            test: { kind: 'ratingAtLeast', level: { setting: 'coCp.minRating' } },
          },
          { ...holdsOrMeetsTtldxs(law('Điều 25')), when: { setting: 'coCp.requireTtldxs', is: true } },
          manual(
            'quota',
            `${ND91}, Điều 11, khoản 1`,
            'Số tập thể được đề nghị không quá 20% số tập thể đủ điều kiện Cờ thi đua bộ, ngành, tỉnh (chỉ tiêu, không phải điều kiện của tập thể)',
          ),
        ],
        COL,
        'Tập thể tiêu biểu xuất sắc, dẫn đầu cụm, khối (hằng năm)',
      ),
      manualRoute(
        'movement-review',
        COL,
        law('Điều 25'),
        'Tập thể dẫn đầu phong trào thi đua theo chuyên đề khi tổng kết',
      ),
    ],
    GK: [
      regular(
        [
          {
            id: 'rating',
            basis: law('Điều 75'),
            uncertain: true,
            test: { kind: 'ratingAtLeast', level: { setting: 'gk.minRating' } },
          },
          manual(
            'local-standards',
            law('Điều 75'),
            'Đạt tiêu chuẩn cụ thể về Giấy khen do bộ, ngành, tỉnh quy định; gương mẫu chấp hành chủ trương, chính sách, pháp luật',
          ),
        ],
        BOTH,
      ),
      otherMerit('sudden', law('Điều 75'), 'Thành tích đột xuất hoặc thành tích trong phong trào thi đua'),
    ],
    BK_BO_TINH: [
      regular([
        {
          id: 'two-years-htxs-two-initiatives',
          basis: `${ND91}, Điều 39`,
          uncertain: true,
          test: {
            kind: 'consecutiveRatings',
            level: 'HTXS',
            count: 2,
            initiatives: { scope: 'CO_SO', count: 2 },
          },
        },
        manual(
          'exemplary',
          `${ND91}, Điều 39`,
          'Gương mẫu chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước',
        ),
      ]),
      otherMerit(
        'other-merit',
        `${ND91}, Điều 39`,
        'Thành tích xuất sắc trong phong trào thi đua, thành tích đột xuất hoặc có phạm vi ảnh hưởng trong bộ, ngành, tỉnh',
      ),
      manualRoute('collective', COL, `${ND91}, Điều 39`, 'Tập thể (Hội đồng xem xét theo hồ sơ)'),
    ],
    BK_TTG: [
      regular([
        {
          id: 'since-bk-bo-tinh',
          basis: `${ND91}, Điều 38`,
          test: {
            kind: 'sinceAward',
            anchors: ['BK_BO_TINH'],
            years: 5,
            minLevel: 'HTXS',
            initiatives: { scope: 'CO_SO', count: 5 },
          },
        },
        manual(
          'compliance',
          `${ND91}, Điều 38`,
          'Gương mẫu chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước',
        ),
      ]),
      manualRoute(
        'combat',
        IND,
        `${ND91}, Điều 38`,
        'Lực lượng vũ trang: đã được tặng Bằng khen cấp bộ và 05 năm liên tục, trong đó có 05 lần được tặng Giấy khen (chiến đấu, phục vụ chiến đấu)',
      ),
      otherMerit(
        'other-merit',
        `${ND91}, Điều 38`,
        'Thành tích đột xuất hoặc thành tích xuất sắc có phạm vi ảnh hưởng rộng',
      ),
      manualRoute('collective', COL, `${ND91}, Điều 38`, 'Tập thể (Hội đồng xem xét theo hồ sơ)'),
    ],
    HCLD_3: [
      regular([
        {
          id: 'since-bk-ttg',
          basis: `${ND91}, Điều 24`,
          test: {
            kind: 'sinceAward',
            anchors: ['BK_TTG'],
            years: 5,
            minLevel: { setting: 'hcld.minRating' },
            initiatives: { scope: 'BO_TINH', count: 2 },
          },
        },
      ]),
      regular(
        [
          {
            id: 'five-consecutive-ttldxs',
            basis: law('Điều 44, khoản 2'),
            uncertain: true,
            test: { kind: 'consecutiveTitles', awards: ['TTLDXS'], count: 5 },
          },
          {
            id: 'flag-or-bk-ttg',
            basis: law('Điều 44, khoản 2'),
            uncertain: true,
            test: {
              kind: 'titlesInWindow',
              awards: ['CO_BO_TINH', 'CO_CP', 'BK_TTG'],
              count: 1,
              withinYears: 5,
            },
          },
        ],
        COL,
        'Tập thể: 05 năm liên tục Tập thể lao động xuất sắc',
        'regular-collective',
      ),
      otherMerit(
        'other-merit',
        law('Điều 44'),
        'Thành tích đột xuất, công trình, sáng chế hoặc khen thưởng quá trình cống hiến',
      ),
    ],
    HCLD_2: [
      regular([
        {
          id: 'since-hcld-3',
          basis: law('Điều 43'),
          uncertain: true,
          test: {
            kind: 'sinceAward',
            anchors: ['HCLD_3'],
            years: 5,
            minLevel: { setting: 'hcld.minRating' },
            initiatives: { scope: 'BO_TINH', count: { setting: 'hcld2.initiativesBoTinh' } },
          },
        },
      ]),
      regular(
        [
          {
            id: 'since-hcld-3',
            basis: law('Điều 43'),
            uncertain: true,
            test: { kind: 'sinceAward', anchors: ['HCLD_3'], years: 5, minLevel: 'HTXS' },
          },
        ],
        COL,
        'Tập thể: 05 năm liên tục hoàn thành xuất sắc nhiệm vụ sau hạng Ba',
        'regular-collective',
      ),
      otherMerit(
        'other-merit',
        law('Điều 43'),
        'Thành tích đột xuất, công trình, sáng chế hoặc khen thưởng quá trình cống hiến',
      ),
    ],
    HCLD_1: [
      regular([
        {
          id: 'since-hcld-2',
          basis: law('Điều 42'),
          test: {
            kind: 'sinceAward',
            anchors: ['HCLD_2'],
            years: 5,
            minLevel: { setting: 'hcld.minRating' },
            initiatives: { scope: 'TOAN_QUOC', count: { setting: 'hcld1.initiativesToanQuoc' } },
          },
        },
      ]),
      regular(
        [
          {
            id: 'since-hcld-2',
            basis: law('Điều 42'),
            test: { kind: 'sinceAward', anchors: ['HCLD_2'], years: 5, minLevel: 'HTXS' },
          },
        ],
        COL,
        'Tập thể: 05 năm liên tục hoàn thành xuất sắc nhiệm vụ sau hạng Nhì',
        'regular-collective',
      ),
      otherMerit(
        'other-merit',
        law('Điều 42'),
        'Thành tích đặc biệt xuất sắc hoặc khen thưởng quá trình cống hiến',
      ),
    ],
  };
}

export const LUAT_2003_ND91: RuleSet = {
  id: 'LUAT_2003_ND91',
  nameVi: 'Luật Thi đua, khen thưởng 2003 (sửa đổi 2005, 2013) và Nghị định 91/2017/NĐ-CP',
  validFrom: '2017-10-01',
  validTo: '2023-12-31',
  basis: `${L03}; ${ND91}; Thông tư 08/2017/TT-BNV; Thông tư 12/2019/TT-BNV`,
  verified: true,
  noteVi:
    'Một số tiêu chí Huân chương Lao động, Bằng khen bộ, tỉnh và Giấy khen chưa được đối chiếu văn bản chính thức (đánh dấu trong lý do).',
  lawName: L03,
  principles: { excludeSuddenThematicFromChains: false, disciplineResetsAchievements: false },
  settings: nd91Settings(),
  rules: nd91Rules(),
};
