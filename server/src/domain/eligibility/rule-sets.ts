/**
 * Rule sets as data: one per legal regime, with its validity period, legal basis, settings and, for each
 * award, the routes to it. A route is eligible when every hard condition in it is met; manual conditions
 * (judgement, conduct) and manual routes (outstanding result in a movement, sudden achievement, …) are
 * listed for the council and never block nor make eligible.
 * Source: /shared/domain/legal-digest.md §2–§4, §8 and legal-update-2025-2026.md §0–§2, §5.
 */
import type { AwardCode, EligibilitySubjectKind } from '../../../../contract/eligibility';
import type { Condition } from './predicates';
import { law2022Settings, nd91Settings, type SettingDef } from './settings';

export interface RegularRoute {
  readonly id: string;
  readonly kind: 'regular';
  readonly nameVi: string;
  readonly subjects: readonly EligibilitySubjectKind[];
  readonly conditions: readonly Condition[];
}

/** A route that rests on a judgement; shown as one manual reason. */
export interface ManualRoute {
  readonly id: string;
  readonly kind: 'manual';
  readonly nameVi: string;
  readonly subjects: readonly EligibilitySubjectKind[];
  readonly basis: string;
}

export type Route = RegularRoute | ManualRoute;

export interface RuleSet {
  readonly id: string;
  readonly nameVi: string;
  /** First day in force (yyyy-mm-dd), inclusive. */
  readonly validFrom: string;
  /** Last day in force, inclusive; null while in force. */
  readonly validTo: string | null;
  readonly basis: string;
  /** False when the criteria are carried forward or inferred and not checked against the official text. */
  readonly verified: boolean;
  readonly noteVi?: string;
  /** Name of the law as cited in catalogue bases under this rule set. */
  readonly lawName: string;
  readonly principles: {
    /** Decree 152/2025 Đ4: sudden and thematic awards do not count toward the chains a higher award rests on. */
    readonly excludeSuddenThematicFromChains: boolean;
    /** Decree 152/2025 Đ4: after a disciplinary period, achievements count only from its end. */
    readonly disciplineResetsAchievements: boolean;
  };
  readonly settings: readonly SettingDef[];
  readonly rules: Readonly<Partial<Record<AwardCode, readonly Route[]>>>;
}

const IND: readonly EligibilitySubjectKind[] = ['individual'];
const COL: readonly EligibilitySubjectKind[] = ['collective'];
const BOTH: readonly EligibilitySubjectKind[] = ['individual', 'collective'];

const L22 = 'Luật Thi đua, khen thưởng 2022';
const L26 =
  'Luật Thi đua, khen thưởng 2022 (sửa đổi, bổ sung bởi Luật 06/2026/QH16; tiêu chí mang sang, chưa đối chiếu)';
const L03 = 'Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2005, 2013)';
const ND91 = 'Nghị định 91/2017/NĐ-CP';
const ND152 = 'Nghị định 152/2025/NĐ-CP';
const TT01_RECRUIT = 'Thông tư 01/2024/TT-BNV, Điều 1, khoản 5, điểm d';

const manual = (id: string, basis: string, textVi: string): Condition => ({
  id,
  basis,
  test: { kind: 'manual', textVi },
});

const manualRoute = (
  id: string,
  subjects: readonly EligibilitySubjectKind[],
  basis: string,
  nameVi: string,
): ManualRoute => ({ id, kind: 'manual', subjects, basis, nameVi });

const regular = (
  conditions: readonly Condition[],
  subjects: readonly EligibilitySubjectKind[] = IND,
  nameVi = 'Thành tích thường xuyên',
  id = 'regular',
): RegularRoute => ({ id, kind: 'regular', nameVi, subjects, conditions });

// ================================================================================================
// Luật Thi đua, khen thưởng 2022 (from 2024-01-01): Decree 98/2023, then Decree 152/2025
// ================================================================================================

interface Law2022Bases {
  law: string;
  recruitment: string;
  nd152: boolean;
}

function law2022Rules(b: Law2022Bases): Partial<Record<AwardCode, Route[]>> {
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

// ================================================================================================
// Luật 2003 (sửa đổi 2005, 2013) + Decree 91/2017 (2017-10-01 .. 2023-12-31)
// ================================================================================================

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

// ================================================================================================

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

export const LUAT_2022_ND98: RuleSet = {
  id: 'LUAT_2022_ND98',
  nameVi: 'Luật Thi đua, khen thưởng 2022 và Nghị định 98/2023/NĐ-CP',
  validFrom: '2024-01-01',
  validTo: '2025-06-30',
  basis: `${L22}; Nghị định 98/2023/NĐ-CP; Thông tư 01/2024/TT-BNV`,
  verified: true,
  noteVi:
    'Thông tư 01/2024/TT-BNV có hiệu lực từ 15/4/2024; quy định "không xét người mới tuyển dụng dưới 06 tháng" được áp dụng cho cả bộ quy tắc.',
  lawName: L22,
  principles: { excludeSuddenThematicFromChains: false, disciplineResetsAchievements: false },
  settings: law2022Settings(L22, false),
  rules: law2022Rules({ law: L22, recruitment: TT01_RECRUIT, nd152: false }),
};

export const LUAT_2022_ND152: RuleSet = {
  id: 'LUAT_2022_ND152',
  nameVi: 'Luật Thi đua, khen thưởng 2022 và Nghị định 152/2025/NĐ-CP',
  validFrom: '2025-07-01',
  validTo: '2026-09-30',
  basis: `${L22}; ${ND152}; Thông tư 15/2025/TT-BNV`,
  verified: true,
  noteVi:
    'Nghị định 152/2025/NĐ-CP thay thế Nghị định 98/2023/NĐ-CP từ 01/7/2025; Thông tư 15/2025/TT-BNV thay thế Thông tư 01/2024/TT-BNV từ 05/8/2025 (nội dung về Lao động tiên tiến chưa đối chiếu, giữ quy định 06 tháng).',
  lawName: L22,
  principles: { excludeSuddenThematicFromChains: true, disciplineResetsAchievements: true },
  settings: law2022Settings(L22, true),
  rules: law2022Rules({
    law: L22,
    recruitment: `${TT01_RECRUIT} (Thông tư 15/2025/TT-BNV thay thế từ 05/8/2025; nội dung tương ứng chưa đối chiếu)`,
    nd152: true,
  }),
};

export const LUAT_2026_ND152: RuleSet = {
  id: 'LUAT_2026_ND152',
  nameVi:
    'Luật Thi đua, khen thưởng 2022 sửa đổi bởi Luật 06/2026/QH16 và Nghị định 152/2025/NĐ-CP (tiêu chí mang sang)',
  validFrom: '2026-10-01',
  validTo: null,
  basis: `${L22}; Luật 06/2026/QH16; ${ND152}; Thông tư 15/2025/TT-BNV`,
  verified: false,
  noteVi:
    'Tiêu chí của Luật 06/2026/QH16 chưa được biết: bộ quy tắc mang sang tiêu chí trước đó, chưa đối chiếu, có thể sửa. Chuyển tiếp (Điều 4 khoản 4): hồ sơ được tiếp nhận trước 01/10/2026 theo luật cũ trừ khi luật mới có lợi hơn; vì tiêu chí mang sang giống nhau nên kết quả không đổi.',
  lawName: L26,
  principles: { excludeSuddenThematicFromChains: true, disciplineResetsAchievements: true },
  settings: law2022Settings(L26, true),
  rules: law2022Rules({
    law: L26,
    recruitment: `${TT01_RECRUIT} (thay thế bởi Thông tư 15/2025/TT-BNV; chưa đối chiếu)`,
    nd152: true,
  }),
};

/** The rule sets shipped with the engine, oldest first. */
export const DEFAULT_RULE_SETS: readonly RuleSet[] = [
  LUAT_2003_ND91,
  LUAT_2022_ND98,
  LUAT_2022_ND152,
  LUAT_2026_ND152,
];

/** The rule set in force on `date` (yyyy-mm-dd), or undefined. */
export function ruleSetInForce(
  date: string,
  ruleSets: readonly RuleSet[] = DEFAULT_RULE_SETS,
): RuleSet | undefined {
  for (const rs of ruleSets) {
    if (rs.validFrom <= date && (rs.validTo === null || date <= rs.validTo)) return rs;
  }
  return undefined;
}
