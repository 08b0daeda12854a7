/**
 * The words of the domain, defined once with their Vietnamese and English names: the database's check
 * constraints (server/src/db/schema), the API's schemas (contract/api.ts, contract/eligibility.ts), the
 * engine's sentences (server/src/domain/eligibility/format.ts) and the web's labels all derive from here.
 * Award codes and their names are in contract/awards.ts.
 */

export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A thing's name in each language the application speaks. */
export interface Names {
  readonly vi: string;
  readonly en: string;
}

/** The names of a vocabulary in one language: `namesIn('en', GENDER_NAMES).female === 'Female'`. */
export function namesIn<K extends string>(lang: Lang, names: Readonly<Record<K, Names>>): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const key of Object.keys(names) as K[]) out[key] = names[key][lang];
  return out;
}

export const ROLES = ['admin', 'board', 'officer', 'head', 'council'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_NAMES: Readonly<Record<Role, Names>> = {
  admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  board: { vi: 'Ban Thi đua – Khen thưởng', en: 'Emulation & Commendation Board' },
  officer: { vi: 'Cán bộ TĐKT', en: 'Emulation officer' },
  head: { vi: 'Thủ trưởng đơn vị', en: 'Head of unit' },
  council: { vi: 'Hội đồng TĐKT', en: 'Emulation & Commendation Council' },
};

export const ORG_UNIT_KINDS = [
  'city',
  'department',
  'commune',
  'ward',
  'district',
  'enterprise',
  'mass_org',
  'public_service',
] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];
export const ORG_UNIT_KIND_NAMES: Readonly<Record<OrgUnitKind, Names>> = {
  city: { vi: 'Thành phố', en: 'City' },
  department: { vi: 'Sở, ban, ngành', en: 'Department' },
  commune: { vi: 'Xã', en: 'Commune' },
  ward: { vi: 'Phường', en: 'Ward' },
  district: { vi: 'Quận/huyện (trước 01/7/2025)', en: 'District (before 01/7/2025)' },
  enterprise: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  mass_org: { vi: 'Đoàn thể', en: 'Mass organisation' },
  public_service: { vi: 'Đơn vị sự nghiệp', en: 'Public service unit' },
};

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_NAMES: Readonly<Record<Gender, Names>> = {
  male: { vi: 'Nam', en: 'Male' },
  female: { vi: 'Nữ', en: 'Female' },
};

export const PERSON_CATEGORIES = ['official', 'civil_servant', 'public_employee', 'worker'] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];
export const PERSON_CATEGORY_NAMES: Readonly<Record<PersonCategory, Names>> = {
  official: { vi: 'Cán bộ', en: 'Official' },
  civil_servant: { vi: 'Công chức', en: 'Civil servant' },
  public_employee: { vi: 'Viên chức', en: 'Public employee' },
  worker: { vi: 'Người lao động', en: 'Worker' },
};

/** "Mã cán bộ": a person's staff code, unique when present; at most this many characters. */
export const PERSON_CODE_MAX = 30;

/** Yearly rating, best first. The full Vietnamese name adds "nhiệm vụ" ("Hoàn thành tốt nhiệm vụ"). */
export const RATING_LEVELS = ['HTXS', 'HTT', 'HT', 'KHT'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
export const RATING_LEVEL_NAMES: Readonly<Record<RatingLevel, Names>> = {
  HTXS: { vi: 'Hoàn thành xuất sắc', en: 'Excellent' },
  HTT: { vi: 'Hoàn thành tốt', en: 'Good' },
  HT: { vi: 'Hoàn thành', en: 'Satisfactory' },
  KHT: { vi: 'Không hoàn thành', en: 'Unsatisfactory' },
};

/** Widest reach at which an initiative or accepted research work was recognised, narrowest first. */
export const INITIATIVE_SCOPES = ['CO_SO', 'BO_TINH', 'TOAN_QUOC'] as const;
export type InitiativeScope = (typeof INITIATIVE_SCOPES)[number];
export const INITIATIVE_SCOPE_NAMES: Readonly<Record<InitiativeScope, Names>> = {
  CO_SO: { vi: 'Cấp cơ sở', en: 'Unit level' },
  BO_TINH: { vi: 'Cấp bộ, ban, ngành, tỉnh', en: 'Ministry, branch or province level' },
  TOAN_QUOC: { vi: 'Toàn quốc', en: 'National' },
};

export const INITIATIVE_KINDS = ['initiative', 'research'] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];
export const INITIATIVE_KIND_NAMES: Readonly<Record<InitiativeKind, Names>> = {
  initiative: { vi: 'Sáng kiến', en: 'Initiative' },
  research: { vi: 'Đề tài khoa học', en: 'Research work' },
};

/** Disciplinary measures, mildest first. */
export const DISCIPLINE_FORMS = [
  'KHIEN_TRACH',
  'CANH_CAO',
  'HA_BAC_LUONG',
  'GIANG_CHUC',
  'CACH_CHUC',
  'BUOC_THOI_VIEC',
] as const;
export type DisciplineForm = (typeof DISCIPLINE_FORMS)[number];
export const DISCIPLINE_FORM_NAMES: Readonly<Record<DisciplineForm, Names>> = {
  KHIEN_TRACH: { vi: 'Khiển trách', en: 'Reprimand' },
  CANH_CAO: { vi: 'Cảnh cáo', en: 'Warning' },
  HA_BAC_LUONG: { vi: 'Hạ bậc lương', en: 'Salary grade reduction' },
  GIANG_CHUC: { vi: 'Giáng chức', en: 'Demotion' },
  CACH_CHUC: { vi: 'Cách chức', en: 'Removal from office' },
  BUOC_THOI_VIEC: { vi: 'Buộc thôi việc', en: 'Dismissal' },
};

/** Commendation type of an award received (Luật 2022 Điều 8). */
export const AWARD_RECORD_TYPES = [
  'regular',
  'sudden',
  'thematic',
  'dedication',
  'seniority',
  'foreign',
] as const;
export type AwardRecordType = (typeof AWARD_RECORD_TYPES)[number];
export const AWARD_RECORD_TYPE_NAMES: Readonly<Record<AwardRecordType, Names>> = {
  regular: { vi: 'Thường xuyên (công trạng, thành tích)', en: 'Regular (merit, achievement)' },
  sudden: { vi: 'Đột xuất', en: 'Sudden' },
  thematic: { vi: 'Theo đợt, chuyên đề', en: 'Thematic' },
  dedication: { vi: 'Quá trình cống hiến', en: 'Dedication' },
  seniority: { vi: 'Niên hạn', en: 'Seniority' },
  foreign: { vi: 'Đối ngoại', en: 'Foreign' },
};
