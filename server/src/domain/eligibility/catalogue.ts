/**
 * The award catalogue: emulation titles (danh hiệu thi đua) and forms of commendation (hình thức khen
 * thưởng) with their deciding authority, periodicity, bonus coefficients and legal basis.
 * Source: /shared/domain/legal-digest.md §1, §6 and legal-update-2025-2026.md §2.7. A value the
 * sources do not confirm carries `uncertain: true`; `null` means not found at all.
 */
import {
  AWARD_NAMES,
  isAwardCode,
  type AwardKind,
  type AwardLevel,
  type AwardSubject,
  type BonusRegime,
  type Periodicity,
} from '../../../../contract/awards';
import type { BonusBySubject, BonusCoefficient, CatalogueEntry } from '../../../../contract/catalogue';
import { AWARD_CODES, type AwardCode } from '../../../../contract/eligibility';

export type {
  AwardKind,
  AwardLevel,
  AwardSubject,
  BonusBySubject,
  BonusCoefficient,
  BonusRegime,
  CatalogueEntry,
  Periodicity,
};

const L22 = 'Luật Thi đua, khen thưởng 2022';
const ND91_BONUS = 'Nghị định 91/2017/NĐ-CP, Chương VI (tiền thưởng)';
const ND98_TITLES = 'Nghị định 98/2023/NĐ-CP, Điều 54';
const ND98_ORDERS = 'Nghị định 98/2023/NĐ-CP, Điều 55, khoản 1';
const ND98_OTHER = 'Nghị định 98/2023/NĐ-CP, Điều 58';
const ND152_TITLES = 'Nghị định 152/2025/NĐ-CP, Điều 50';
const ND152_ORDERS = 'Nghị định 152/2025/NĐ-CP, Điều 51';
const ND152_HEROES = 'Nghị định 152/2025/NĐ-CP, Điều 52';
const ND152_OTHER = 'Nghị định 152/2025/NĐ-CP, Điều 54';

const AUTH_D80 =
  'Thủ trưởng cơ quan, đơn vị có tư cách pháp nhân; Chủ tịch UBND cấp huyện (đến 30/6/2025); Giám đốc doanh nghiệp, hợp tác xã (Luật 2022, Điều 80)';
const AUTH_MIN_PROV =
  'Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ; Chủ tịch UBND cấp tỉnh';
const AUTH_PM = 'Thủ tướng Chính phủ';
const AUTH_PRESIDENT = 'Chủ tịch nước (Luật 2022, Điều 77)';

const coef = (value: number | null, basis: string, uncertain = false, ceiling = false): BonusCoefficient =>
  ceiling ? { value, basis, uncertain, ceiling: true } : { value, basis, uncertain };

/** Same coefficient under the three bonus regimes; NĐ91 values for titles are not in the digest (uncertain). */
function titleBonus(
  subject: 'individual' | 'collective',
  value: number,
): Partial<Record<BonusRegime, BonusBySubject>> {
  return {
    ND91: { [subject]: coef(value, ND91_BONUS, true) },
    ND98: { [subject]: coef(value, ND98_TITLES) },
    ND152: { [subject]: coef(value, ND152_TITLES) },
  };
}

function orderBonus(
  individual: number | null,
  collective?: number,
): Partial<Record<BonusRegime, BonusBySubject>> {
  const col = collective ?? (individual === null ? null : individual * 2);
  return {
    ND91: {
      individual: coef(individual, ND91_BONUS, true),
      collective: coef(col, `${ND91_BONUS} (tập thể gấp hai lần cá nhân)`, individual === null),
    },
    ND98: {
      individual: coef(individual, ND98_ORDERS),
      collective: coef(col, 'Nghị định 98/2023/NĐ-CP, Điều 55, khoản 2', true),
    },
    ND152: {
      individual: coef(individual, ND152_ORDERS, true),
      collective: coef(col, ND152_ORDERS, collective === undefined),
    },
  };
}

type EntryInput = Omit<CatalogueEntry, 'nameVi' | 'nameEn' | 'stateLevel' | 'authorityUncertain' | 'bonus'> &
  Partial<Pick<CatalogueEntry, 'stateLevel' | 'authorityUncertain' | 'bonus'>>;

/** A catalogue entry; its names come from contract/awards.ts (one vocabulary for the server and the web). */
function entry(e: EntryInput): CatalogueEntry {
  const { code, ...rest } = e;
  return {
    code,
    nameVi: AWARD_NAMES[code].vi,
    nameEn: AWARD_NAMES[code].en,
    stateLevel: e.level === 'state',
    authorityUncertain: false,
    bonus: {},
    ...rest,
  };
}

function order(code: AwardCode, individual: number | null, basis: string, collective?: number) {
  return entry({
    code,
    subjects: ['individual', 'collective'],
    kind: 'order',
    level: 'state',
    authorityVi: AUTH_PRESIDENT,
    periodicity: 'merit',
    bonus: orderBonus(individual, collective),
    insigniaVi: 'Huân chương, bằng huân chương, hộp, khung',
    legalBasis: basis,
  });
}

function honour(code: AwardCode, subjects: AwardSubject[], nd91: number | null) {
  return entry({
    code,
    subjects,
    kind: 'state_honour',
    level: 'state',
    authorityVi: AUTH_PRESIDENT,
    periodicity: 'once',
    bonus: nd91 === null ? {} : { ND91: { individual: coef(nd91, ND91_BONUS) } },
    insigniaVi: 'Huy hiệu, bằng, khung',
    legalBasis: `${L22}, Điều 9; Điều 77`,
  });
}

const ENTRIES: CatalogueEntry[] = [
  // ---- Individual emulation titles -------------------------------------------------------------
  entry({
    code: 'LDTT',
    subjects: ['individual'],
    kind: 'title',
    level: 'grassroots',
    authorityVi: `${AUTH_D80}; Chủ tịch UBND cấp xã (Điều 80, khoản 3)`,
    periodicity: 'annual',
    bonus: titleBonus('individual', 0.3),
    insigniaVi: 'Không có hiện vật (ghi trong quyết định)',
    legalBasis: `${L22}, Điều 19; Điều 24`,
  }),
  entry({
    code: 'CSTT',
    subjects: ['individual'],
    kind: 'title',
    level: 'grassroots',
    authorityVi: 'Thủ trưởng đơn vị trong lực lượng vũ trang (theo quy định của Bộ Quốc phòng, Bộ Công an)',
    authorityUncertain: true,
    periodicity: 'annual',
    bonus: titleBonus('individual', 0.3),
    insigniaVi: 'Không có hiện vật (ghi trong quyết định)',
    legalBasis: `${L22}, Điều 19; Điều 24`,
  }),
  entry({
    code: 'CSTDCS',
    subjects: ['individual'],
    kind: 'title',
    level: 'grassroots',
    authorityVi: AUTH_D80,
    periodicity: 'annual',
    bonus: titleBonus('individual', 1.0),
    insigniaVi: 'Bằng chứng nhận, khung',
    legalBasis: `${L22}, Điều 19; Điều 23`,
  }),
  entry({
    code: 'CSTD_BO_TINH',
    subjects: ['individual'],
    kind: 'title',
    level: 'ministry_province',
    authorityVi: AUTH_MIN_PROV,
    authorityUncertain: true,
    periodicity: 'cycle',
    bonus: titleBonus('individual', 3.0),
    insigniaVi: 'Bằng chứng nhận, khung, huy hiệu, hộp',
    legalBasis: `${L22}, Điều 19; Điều 22`,
  }),
  entry({
    code: 'CSTD_TQ',
    subjects: ['individual'],
    kind: 'title',
    level: 'state',
    authorityVi: AUTH_PM,
    authorityUncertain: true,
    periodicity: 'cycle',
    bonus: titleBonus('individual', 4.5),
    insigniaVi: 'Bằng chứng nhận, khung, huy hiệu, hộp',
    legalBasis: `${L22}, Điều 19; Điều 21; Nghị định 98/2023/NĐ-CP, Điều 3, khoản 2`,
  }),
  // ---- Collective emulation titles -------------------------------------------------------------
  entry({
    code: 'TTLDTT',
    subjects: ['collective'],
    kind: 'title',
    level: 'grassroots',
    authorityVi: AUTH_D80,
    periodicity: 'annual',
    bonus: titleBonus('collective', 0.8),
    insigniaVi: 'Không có hiện vật (ghi trong quyết định)',
    legalBasis: `${L22}, Điều 20; Điều 28`,
  }),
  entry({
    code: 'DVTT',
    subjects: ['collective'],
    kind: 'title',
    level: 'grassroots',
    authorityVi: 'Thủ trưởng đơn vị trong lực lượng vũ trang',
    authorityUncertain: true,
    periodicity: 'annual',
    bonus: titleBonus('collective', 0.8),
    insigniaVi: 'Không có hiện vật (ghi trong quyết định)',
    legalBasis: `${L22}, Điều 20; Điều 28, khoản 2`,
  }),
  entry({
    code: 'TTLDXS',
    subjects: ['collective'],
    kind: 'title',
    level: 'ministry_province',
    authorityVi: AUTH_MIN_PROV,
    authorityUncertain: true,
    periodicity: 'annual',
    bonus: titleBonus('collective', 1.5),
    insigniaVi: 'Bằng chứng nhận, khung',
    legalBasis: `${L22}, Điều 20; Điều 27`,
  }),
  entry({
    code: 'DVQT',
    subjects: ['collective'],
    kind: 'title',
    level: 'ministry_province',
    authorityVi: 'Bộ trưởng Bộ Quốc phòng, Bộ trưởng Bộ Công an và cấp được phân cấp',
    authorityUncertain: true,
    periodicity: 'annual',
    bonus: titleBonus('collective', 1.5),
    insigniaVi: 'Bằng chứng nhận, khung',
    legalBasis: `${L22}, Điều 20; Điều 27, khoản 2`,
  }),
  entry({
    code: 'CO_BO_TINH',
    subjects: ['collective'],
    kind: 'title',
    level: 'ministry_province',
    authorityVi: AUTH_MIN_PROV,
    authorityUncertain: true,
    periodicity: 'annual',
    bonus: titleBonus('collective', 8.0),
    insigniaVi: 'Cờ thi đua',
    legalBasis: `${L22}, Điều 20; Điều 26`,
  }),
  entry({
    code: 'CO_CP',
    subjects: ['collective'],
    kind: 'title',
    level: 'state',
    authorityVi: AUTH_PM,
    authorityUncertain: true,
    periodicity: 'annual',
    bonus: titleBonus('collective', 12.0),
    insigniaVi: 'Cờ thi đua',
    legalBasis: `${L22}, Điều 20; Điều 25; Nghị định 98/2023/NĐ-CP, Điều 3, khoản 2`,
  }),
  entry({
    code: 'XA_TIEU_BIEU',
    subjects: ['collective'],
    kind: 'title',
    level: 'ministry_province',
    authorityVi: 'Chủ tịch UBND cấp tỉnh',
    authorityUncertain: true,
    periodicity: 'annual',
    bonus: {
      ND98: { collective: coef(2.0, ND98_TITLES) },
      ND152: { collective: coef(2.0, ND152_TITLES) },
    },
    insigniaVi: 'Bằng chứng nhận, khung',
    legalBasis: `${L22}, Điều 20; Điều 29`,
  }),
  entry({
    code: 'THON_VH',
    subjects: ['collective'],
    kind: 'title',
    level: 'grassroots',
    authorityVi:
      'Chủ tịch UBND cấp huyện (đến 30/6/2025); từ 01/7/2025 theo phân cấp của chính quyền hai cấp',
    authorityUncertain: true,
    periodicity: 'annual',
    bonus: {
      ND98: { collective: coef(1.5, ND98_TITLES) },
      ND152: { collective: coef(1.5, ND152_TITLES) },
    },
    insigniaVi: 'Bằng chứng nhận, khung',
    legalBasis: `${L22}, Điều 20; Điều 30; Điều 80, khoản 2`,
  }),
  entry({
    code: 'GD_VH',
    subjects: ['household'],
    kind: 'title',
    level: 'commune',
    authorityVi: 'Chủ tịch UBND cấp xã (Luật 2022, Điều 80, khoản 3)',
    periodicity: 'annual',
    insigniaVi: 'Giấy công nhận',
    legalBasis: `${L22}, Điều 20; Điều 31; Nghị định 86/2023/NĐ-CP`,
  }),
  // ---- Certificates of merit -------------------------------------------------------------------
  entry({
    code: 'GK',
    subjects: ['individual', 'collective', 'household'],
    kind: 'merit_paper',
    level: 'grassroots',
    authorityVi: `${AUTH_D80}; Chủ tịch UBND cấp xã; Chủ tịch Hội đồng quản trị, Hội đồng thành viên`,
    periodicity: 'merit',
    bonus: {
      ND91: {
        individual: coef(
          0.3,
          'Nghị định 91/2017/NĐ-CP, Điều 73, khoản 1 (0,15 nếu Chủ tịch UBND cấp xã tặng)',
        ),
        collective: coef(0.6, 'Nghị định 91/2017/NĐ-CP, Điều 73, khoản 2, điểm b (gấp hai lần cá nhân)'),
      },
      ND98: { individual: coef(null, ND98_OTHER, true), collective: coef(null, ND98_OTHER, true) },
      ND152: { individual: coef(null, ND152_OTHER, true), collective: coef(0.6, ND152_OTHER, true) },
    },
    insigniaVi: 'Giấy khen, khung',
    legalBasis: `${L22}, Điều 9; Điều 75; Điều 80`,
  }),
  entry({
    code: 'BK_BO_TINH',
    subjects: ['individual', 'collective', 'household'],
    kind: 'certificate',
    level: 'ministry_province',
    authorityVi: AUTH_MIN_PROV,
    authorityUncertain: true,
    periodicity: 'merit',
    bonus: {
      ND91: {
        individual: coef(1.0, 'Nghị định 91/2017/NĐ-CP, Điều 73'),
        collective: coef(2.0, 'Nghị định 91/2017/NĐ-CP, Điều 73, khoản 2, điểm b (gấp hai lần cá nhân)'),
      },
      ND98: { individual: coef(1.0, ND98_OTHER, true), collective: coef(2.0, ND98_OTHER, true) },
      ND152: { individual: coef(1.5, ND152_OTHER), collective: coef(3.0, ND152_OTHER, true) },
    },
    insigniaVi: 'Bằng khen, khung',
    legalBasis: `${L22}, Điều 9; Điều 74`,
  }),
  entry({
    code: 'BK_TTG',
    subjects: ['individual', 'collective', 'household'],
    kind: 'certificate_pm',
    level: 'state',
    authorityVi: AUTH_PM,
    periodicity: 'merit',
    bonus: {
      ND91: {
        individual: coef(3.5, 'Nghị định 91/2017/NĐ-CP, Điều 73'),
        collective: coef(7.0, 'Nghị định 91/2017/NĐ-CP (tập thể gấp hai lần cá nhân)'),
      },
      ND98: { individual: coef(3.5, ND98_OTHER, true), collective: coef(7.0, ND98_OTHER, true) },
      ND152: { individual: coef(3.5, ND152_OTHER), collective: coef(7.0, ND152_OTHER, true) },
    },
    insigniaVi: 'Bằng khen, khung',
    legalBasis: `${L22}, Điều 9; Điều 73; Nghị định 98/2023/NĐ-CP, Điều 3, khoản 1`,
  }),
  // ---- Labour orders ----------------------------------------------------------------------------
  order('HCLD_1', 9.0, `${L22}, Điều 33; Điều 42`, 18),
  order('HCLD_2', 7.5, `${L22}, Điều 33; Điều 43`, 15),
  order('HCLD_3', 4.5, `${L22}, Điều 33; Điều 44`, 9),
  // ---- Other orders (Luật 2022 Điều 33) ----------------------------------------------------------
  order('HC_SAO_VANG', 46.0, `${L22}, Điều 33`),
  order('HC_HO_CHI_MINH', 30.5, `${L22}, Điều 33`),
  order('HC_DOC_LAP_1', 15.0, `${L22}, Điều 33`),
  order('HC_DOC_LAP_2', 12.5, `${L22}, Điều 33`),
  order('HC_DOC_LAP_3', 10.5, `${L22}, Điều 33`),
  order('HC_QUAN_CONG_1', 15.0, `${L22}, Điều 33`),
  order('HC_QUAN_CONG_2', 12.5, `${L22}, Điều 33`),
  order('HC_QUAN_CONG_3', 10.5, `${L22}, Điều 33`),
  order('HC_BVTQ_1', 9.0, `${L22}, Điều 33`),
  order('HC_BVTQ_2', 7.5, `${L22}, Điều 33`),
  order('HC_BVTQ_3', 4.5, `${L22}, Điều 33`),
  order('HC_CHIEN_CONG_1', 9.0, `${L22}, Điều 33`),
  order('HC_CHIEN_CONG_2', 7.5, `${L22}, Điều 33`),
  order('HC_CHIEN_CONG_3', 4.5, `${L22}, Điều 33`),
  order('HC_DAI_DOAN_KET', 7.5, `${L22}, Điều 33`),
  order('HC_DUNG_CAM', 4.5, `${L22}, Điều 33`),
  order('HC_HUU_NGHI', null, `${L22}, Điều 33`),
  // ---- Medals (Luật 2022 Điều 54) ----------------------------------------------------------------
  ...(
    [
      ['HUY_CHUONG_QKQT', `${L22}, Điều 54; Điều 55`],
      ['HUY_CHUONG_VANTQ', `${L22}, Điều 54`],
      ['HUY_CHUONG_CSVV_1', `${L22}, Điều 54`],
      ['HUY_CHUONG_CSVV_2', `${L22}, Điều 54`],
      ['HUY_CHUONG_CSVV_3', `${L22}, Điều 54`],
      ['HUY_CHUONG_HUU_NGHI', `${L22}, Điều 54`],
    ] as const
  ).map(([code, basis]) =>
    entry({
      code,
      subjects: ['individual'],
      kind: 'medal',
      level: 'state',
      authorityVi: AUTH_PRESIDENT,
      periodicity: 'merit',
      bonus: { ND91: { individual: coef(1.5, ND91_BONUS) } },
      insigniaVi: 'Huy chương, bằng, hộp, khung',
      legalBasis: basis,
    }),
  ),
  // ---- State honorary titles ---------------------------------------------------------------------
  honour('TINH_TP_ANH_HUNG', ['collective'], null),
  honour('BA_ME_VNAH', ['individual'], null),
  {
    ...honour('AH_LLVTND', ['individual', 'collective'], 15.5),
    bonus: {
      ND91: { individual: coef(15.5, ND91_BONUS) },
      ND152: { collective: coef(31, ND152_HEROES, true) },
    },
  },
  {
    ...honour('AH_LAO_DONG', ['individual', 'collective'], 15.5),
    bonus: {
      ND91: { individual: coef(15.5, ND91_BONUS) },
      ND152: { collective: coef(31, ND152_HEROES, true) },
    },
  },
  honour('NHA_GIAO_ND', ['individual'], 12.5),
  honour('NHA_GIAO_UT', ['individual'], 9.0),
  honour('THAY_THUOC_ND', ['individual'], 12.5),
  honour('THAY_THUOC_UT', ['individual'], 9.0),
  honour('NGHE_SI_ND', ['individual'], 12.5),
  honour('NGHE_SI_UT', ['individual'], 9.0),
  honour('NGHE_NHAN_ND', ['individual'], 12.5),
  honour('NGHE_NHAN_UT', ['individual'], 9.0),
  // ---- Prizes -----------------------------------------------------------------------------------
  entry({
    code: 'GT_HO_CHI_MINH',
    subjects: ['individual', 'collective'],
    kind: 'prize',
    level: 'state',
    authorityVi: AUTH_PRESIDENT,
    periodicity: 'merit',
    bonus: { ND91: { individual: coef(270, `${ND91_BONUS} (khoa học và công nghệ)`) } },
    insigniaVi: 'Bằng chứng nhận, huy hiệu',
    legalBasis: `${L22}, Điều 9; Điều 77`,
  }),
  entry({
    code: 'GT_NHA_NUOC',
    subjects: ['individual', 'collective'],
    kind: 'prize',
    level: 'state',
    authorityVi: AUTH_PRESIDENT,
    periodicity: 'merit',
    bonus: { ND91: { individual: coef(170, `${ND91_BONUS} (khoa học và công nghệ)`) } },
    insigniaVi: 'Bằng chứng nhận, huy hiệu',
    legalBasis: `${L22}, Điều 9; Điều 77`,
  }),
  // ---- Commemorative medals ----------------------------------------------------------------------
  entry({
    code: 'KNC_UBTVQH',
    subjects: ['individual'],
    kind: 'commemorative_medal',
    level: 'state',
    stateLevel: false,
    authorityVi: 'Ủy ban Thường vụ Quốc hội',
    authorityUncertain: true,
    periodicity: 'once',
    bonus: { ND152: { individual: coef(0.8, ND152_OTHER, false, true) } },
    insigniaVi: 'Kỷ niệm chương, giấy chứng nhận',
    legalBasis: `${L22}, Điều 9`,
  }),
  entry({
    code: 'KNC_BO_TINH',
    subjects: ['individual'],
    kind: 'commemorative_medal',
    level: 'ministry_province',
    authorityVi: 'Người đứng đầu bộ, ban, ngành, tỉnh, đoàn thể trung ương',
    authorityUncertain: true,
    periodicity: 'once',
    bonus: {
      ND98: { individual: coef(0.6, 'Nghị định 98/2023/NĐ-CP, Điều 58, khoản 1, điểm d', false, true) },
      ND152: { individual: coef(0.6, ND152_OTHER, false, true) },
    },
    insigniaVi: 'Kỷ niệm chương, giấy chứng nhận',
    legalBasis: `${L22}, Điều 9`,
  }),
];

export const CATALOGUE: Readonly<Record<AwardCode, CatalogueEntry>> = Object.freeze(
  Object.fromEntries(ENTRIES.map((e) => [e.code, Object.freeze(e)])) as Record<AwardCode, CatalogueEntry>,
);

export function catalogueEntry(code: AwardCode): CatalogueEntry {
  return CATALOGUE[code];
}

/** Every catalogue entry, in the order of AWARD_CODES. */
export function listCatalogue(): CatalogueEntry[] {
  return AWARD_CODES.map((c) => CATALOGUE[c]);
}

export { isAwardCode };
