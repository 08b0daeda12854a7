/**
 * The words of the domain, defined once: the database's check constraints, the API's schemas and the
 * web's labels all derive from these lists.
 */

export const ROLES = ['admin', 'board', 'officer', 'head', 'council'] as const;
export type Role = (typeof ROLES)[number];

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

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

export const PERSON_CATEGORIES = ['official', 'civil_servant', 'public_employee', 'worker'] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];

/** Yearly rating, best first. */
export const RATING_LEVELS = ['HTXS', 'HTT', 'HT', 'KHT'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

/** Widest reach at which an initiative or accepted research work was recognised, narrowest first. */
export const INITIATIVE_SCOPES = ['CO_SO', 'BO_TINH', 'TOAN_QUOC'] as const;
export type InitiativeScope = (typeof INITIATIVE_SCOPES)[number];

export const INITIATIVE_KINDS = ['initiative', 'research'] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];

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
