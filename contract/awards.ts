/**
 * Titles and forms of commendation: every award code the catalogue knows, with its Vietnamese and
 * English names (the catalogue, server/src/domain/eligibility/catalogue.ts, takes its names from here),
 * and the words the catalogue classifies them with.
 */
import type { Names } from './vocabulary';

/** Every award code with its names, in catalogue order. The first block is the contract's required list. */
export const AWARD_NAMES = {
  // Individual emulation titles (Luật 2022 Điều 19)
  LDTT: { vi: 'Lao động tiên tiến', en: 'Advanced Worker' },
  CSTT: { vi: 'Chiến sĩ tiên tiến', en: 'Advanced Soldier (armed forces)' },
  CSTDCS: { vi: 'Chiến sĩ thi đua cơ sở', en: 'Grassroots Emulation Fighter' },
  CSTD_BO_TINH: {
    vi: 'Chiến sĩ thi đua bộ, ban, ngành, tỉnh',
    en: 'Emulation Fighter of a Ministry, Branch or Province',
  },
  CSTD_TQ: { vi: 'Chiến sĩ thi đua toàn quốc', en: 'National Emulation Fighter' },
  // Collective emulation titles (Luật 2022 Điều 20)
  TTLDTT: { vi: 'Tập thể lao động tiên tiến', en: 'Advanced Labour Collective' },
  TTLDXS: { vi: 'Tập thể lao động xuất sắc', en: 'Excellent Labour Collective' },
  CO_BO_TINH: {
    vi: 'Cờ thi đua của bộ, ban, ngành, tỉnh',
    en: 'Emulation Flag of a Ministry, Branch or Province',
  },
  CO_CP: { vi: 'Cờ thi đua của Chính phủ', en: 'Government Emulation Flag' },
  // Certificates of merit (Luật 2022 Điều 73–75)
  GK: { vi: 'Giấy khen', en: 'Certificate of Commendation' },
  BK_BO_TINH: {
    vi: 'Bằng khen của bộ, ban, ngành, tỉnh',
    en: 'Certificate of Merit of a Ministry, Branch or Province',
  },
  BK_TTG: { vi: 'Bằng khen của Thủ tướng Chính phủ', en: "Prime Minister's Certificate of Merit" },
  // Labour orders (Luật 2022 Điều 42–44)
  HCLD_3: { vi: 'Huân chương Lao động hạng Ba', en: 'Third-class Labour Order' },
  HCLD_2: { vi: 'Huân chương Lao động hạng Nhì', en: 'Second-class Labour Order' },
  HCLD_1: { vi: 'Huân chương Lao động hạng Nhất', en: 'First-class Labour Order' },
  // Other emulation titles
  DVTT: { vi: 'Đơn vị tiên tiến', en: 'Advanced Unit (armed forces)' },
  DVQT: { vi: 'Đơn vị quyết thắng', en: 'Determined-to-Win Unit (armed forces)' },
  XA_TIEU_BIEU: {
    vi: 'Xã, phường, thị trấn tiêu biểu (từ 01/7/2025: xã, phường, đặc khu tiêu biểu)',
    en: 'Exemplary Commune, Ward or Township (from 01/7/2025: commune, ward or special zone)',
  },
  THON_VH: { vi: 'Thôn, tổ dân phố văn hóa', en: 'Cultural Village or Residential Group' },
  GD_VH: { vi: 'Gia đình văn hóa', en: 'Cultural Family' },
  // Other orders (Luật 2022 Điều 33)
  HC_SAO_VANG: { vi: 'Huân chương Sao vàng', en: 'Gold Star Order' },
  HC_HO_CHI_MINH: { vi: 'Huân chương Hồ Chí Minh', en: 'Ho Chi Minh Order' },
  HC_DOC_LAP_1: { vi: 'Huân chương Độc lập hạng Nhất', en: 'First-class Independence Order' },
  HC_DOC_LAP_2: { vi: 'Huân chương Độc lập hạng Nhì', en: 'Second-class Independence Order' },
  HC_DOC_LAP_3: { vi: 'Huân chương Độc lập hạng Ba', en: 'Third-class Independence Order' },
  HC_QUAN_CONG_1: { vi: 'Huân chương Quân công hạng Nhất', en: 'First-class Military Exploit Order' },
  HC_QUAN_CONG_2: { vi: 'Huân chương Quân công hạng Nhì', en: 'Second-class Military Exploit Order' },
  HC_QUAN_CONG_3: { vi: 'Huân chương Quân công hạng Ba', en: 'Third-class Military Exploit Order' },
  HC_BVTQ_1: { vi: 'Huân chương Bảo vệ Tổ quốc hạng Nhất', en: 'First-class Fatherland Defence Order' },
  HC_BVTQ_2: { vi: 'Huân chương Bảo vệ Tổ quốc hạng Nhì', en: 'Second-class Fatherland Defence Order' },
  HC_BVTQ_3: { vi: 'Huân chương Bảo vệ Tổ quốc hạng Ba', en: 'Third-class Fatherland Defence Order' },
  HC_CHIEN_CONG_1: { vi: 'Huân chương Chiến công hạng Nhất', en: 'First-class Feat of Arms Order' },
  HC_CHIEN_CONG_2: { vi: 'Huân chương Chiến công hạng Nhì', en: 'Second-class Feat of Arms Order' },
  HC_CHIEN_CONG_3: { vi: 'Huân chương Chiến công hạng Ba', en: 'Third-class Feat of Arms Order' },
  HC_DAI_DOAN_KET: { vi: 'Huân chương Đại đoàn kết dân tộc', en: 'Great National Unity Order' },
  HC_DUNG_CAM: { vi: 'Huân chương Dũng cảm', en: 'Bravery Order' },
  HC_HUU_NGHI: { vi: 'Huân chương Hữu nghị', en: 'Friendship Order' },
  // Medals (Luật 2022 Điều 54)
  HUY_CHUONG_QKQT: { vi: 'Huy chương Quân kỳ quyết thắng', en: 'Determined-to-Win Military Flag Medal' },
  HUY_CHUONG_VANTQ: { vi: 'Huy chương Vì an ninh Tổ quốc', en: "For the Fatherland's Security Medal" },
  HUY_CHUONG_CSVV_1: {
    vi: 'Huy chương Chiến sĩ vẻ vang hạng Nhất',
    en: 'First-class Glorious Fighter Medal',
  },
  HUY_CHUONG_CSVV_2: {
    vi: 'Huy chương Chiến sĩ vẻ vang hạng Nhì',
    en: 'Second-class Glorious Fighter Medal',
  },
  HUY_CHUONG_CSVV_3: { vi: 'Huy chương Chiến sĩ vẻ vang hạng Ba', en: 'Third-class Glorious Fighter Medal' },
  HUY_CHUONG_HUU_NGHI: { vi: 'Huy chương Hữu nghị', en: 'Friendship Medal' },
  // State honorary titles
  TINH_TP_ANH_HUNG: { vi: 'Tỉnh anh hùng, Thành phố anh hùng', en: 'Heroic Province, Heroic City' },
  BA_ME_VNAH: { vi: 'Bà mẹ Việt Nam anh hùng', en: 'Heroic Vietnamese Mother' },
  AH_LLVTND: { vi: 'Anh hùng Lực lượng vũ trang nhân dân', en: "Hero of the People's Armed Forces" },
  AH_LAO_DONG: { vi: 'Anh hùng Lao động', en: 'Labour Hero' },
  NHA_GIAO_ND: { vi: 'Nhà giáo Nhân dân', en: "People's Teacher" },
  NHA_GIAO_UT: { vi: 'Nhà giáo Ưu tú', en: 'Meritorious Teacher' },
  THAY_THUOC_ND: { vi: 'Thầy thuốc Nhân dân', en: "People's Physician" },
  THAY_THUOC_UT: { vi: 'Thầy thuốc Ưu tú', en: 'Meritorious Physician' },
  NGHE_SI_ND: { vi: 'Nghệ sĩ Nhân dân', en: "People's Artist" },
  NGHE_SI_UT: { vi: 'Nghệ sĩ Ưu tú', en: 'Meritorious Artist' },
  NGHE_NHAN_ND: { vi: 'Nghệ nhân Nhân dân', en: "People's Artisan" },
  NGHE_NHAN_UT: { vi: 'Nghệ nhân Ưu tú', en: 'Meritorious Artisan' },
  // Prizes
  GT_HO_CHI_MINH: { vi: 'Giải thưởng Hồ Chí Minh', en: 'Ho Chi Minh Prize' },
  GT_NHA_NUOC: { vi: 'Giải thưởng Nhà nước', en: 'State Prize' },
  // Commemorative medals
  KNC_UBTVQH: {
    vi: 'Kỷ niệm chương của Ủy ban Thường vụ Quốc hội',
    en: 'Commemorative Medal of the National Assembly Standing Committee',
  },
  KNC_BO_TINH: {
    vi: 'Kỷ niệm chương của bộ, ban, ngành, tỉnh, đoàn thể trung ương',
    en: 'Commemorative Medal of a Ministry, Branch, Province or Central Mass Organisation',
  },
} as const satisfies Readonly<Record<string, Names>>;

export type AwardCode = keyof typeof AWARD_NAMES;

/** Award codes known to the catalogue, in catalogue order. */
export const AWARD_CODES = Object.freeze(Object.keys(AWARD_NAMES) as AwardCode[]);

const AWARD_CODE_SET: ReadonlySet<string> = new Set(AWARD_CODES);
export function isAwardCode(s: unknown): s is AwardCode {
  return typeof s === 'string' && AWARD_CODE_SET.has(s);
}

// ---- How the catalogue classifies awards ----

export const AWARD_SUBJECTS = ['individual', 'collective', 'household'] as const;
export type AwardSubject = (typeof AWARD_SUBJECTS)[number];
export const AWARD_SUBJECT_NAMES: Readonly<Record<AwardSubject, Names>> = {
  individual: { vi: 'Cá nhân', en: 'Individual' },
  collective: { vi: 'Tập thể', en: 'Collective' },
  household: { vi: 'Hộ gia đình', en: 'Household' },
};

export const AWARD_KINDS = [
  'title',
  'order',
  'medal',
  'state_honour',
  'prize',
  'commemorative_medal',
  'certificate_pm',
  'certificate',
  'merit_paper',
] as const;
export type AwardKind = (typeof AWARD_KINDS)[number];
export const AWARD_KIND_NAMES: Readonly<Record<AwardKind, Names>> = {
  title: { vi: 'Danh hiệu thi đua', en: 'Emulation title' },
  order: { vi: 'Huân chương', en: 'Order' },
  medal: { vi: 'Huy chương', en: 'Medal' },
  state_honour: { vi: 'Danh hiệu vinh dự Nhà nước', en: 'State honorary title' },
  prize: { vi: 'Giải thưởng', en: 'Prize' },
  commemorative_medal: { vi: 'Kỷ niệm chương', en: 'Commemorative medal' },
  certificate_pm: { vi: 'Bằng khen của Thủ tướng Chính phủ', en: "Prime Minister's certificate of merit" },
  certificate: { vi: 'Bằng khen', en: 'Certificate of merit' },
  merit_paper: { vi: 'Giấy khen', en: 'Certificate of commendation' },
};

export const AWARD_LEVELS = ['state', 'ministry_province', 'grassroots', 'commune'] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];
export const AWARD_LEVEL_NAMES: Readonly<Record<AwardLevel, Names>> = {
  state: { vi: 'Nhà nước', en: 'State' },
  ministry_province: { vi: 'Bộ, ban, ngành, tỉnh', en: 'Ministry, branch, province' },
  grassroots: { vi: 'Cơ sở', en: 'Grassroots' },
  commune: { vi: 'Xã', en: 'Commune' },
};

export const PERIODICITIES = [
  'annual', // given every year for that year's results
  'cycle', // given after a chain of lower titles (e.g. three consecutive CSTĐCS)
  'merit', // given for achievements over a period or on an occasion (công trạng, đột xuất, cống hiến)
  'once', // a lifetime honour
] as const;
export type Periodicity = (typeof PERIODICITIES)[number];
export const PERIODICITY_NAMES: Readonly<Record<Periodicity, Names>> = {
  annual: { vi: 'Hằng năm', en: 'Annual' },
  cycle: { vi: 'Theo chu kỳ thành tích', en: 'After a chain of results' },
  merit: { vi: 'Theo công trạng, thành tích', en: 'On merit' },
  once: { vi: 'Một lần', en: 'Once' },
};

/** Regimes of the bonus rules (Decree 91/2017, 98/2023, 152/2025). */
export const BONUS_REGIMES = ['ND91', 'ND98', 'ND152'] as const;
export type BonusRegime = (typeof BONUS_REGIMES)[number];
export const BONUS_REGIME_NAMES: Readonly<Record<BonusRegime, Names>> = {
  ND91: { vi: 'Nghị định 91/2017/NĐ-CP', en: 'Decree 91/2017/NĐ-CP' },
  ND98: { vi: 'Nghị định 98/2023/NĐ-CP', en: 'Decree 98/2023/NĐ-CP' },
  ND152: { vi: 'Nghị định 152/2025/NĐ-CP', en: 'Decree 152/2025/NĐ-CP' },
};
