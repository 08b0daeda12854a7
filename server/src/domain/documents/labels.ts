/** Vietnamese names of the record's values as an official document writes them. */
import type {
  AWARD_RECORD_TYPES,
  DISCIPLINE_FORMS,
  GENDERS,
  INITIATIVE_KINDS,
  INITIATIVE_SCOPES,
  PERSON_CATEGORIES,
  RATING_LEVELS,
} from '../../../../contract/api';
import { RATING_NAME_VI } from '../eligibility/format';

export const GENDER_VI: Record<(typeof GENDERS)[number], string> = { male: 'Nam', female: 'Nữ' };

export const CATEGORY_VI: Record<(typeof PERSON_CATEGORIES)[number], string> = {
  official: 'Cán bộ',
  civil_servant: 'Công chức',
  public_employee: 'Viên chức',
  worker: 'Người lao động',
};

export const RATING_VI: Record<(typeof RATING_LEVELS)[number], string> = RATING_NAME_VI;

export const INITIATIVE_KIND_VI: Record<(typeof INITIATIVE_KINDS)[number], string> = {
  initiative: 'Sáng kiến',
  research: 'Đề tài khoa học',
};

export const INITIATIVE_SCOPE_VI: Record<(typeof INITIATIVE_SCOPES)[number], string> = {
  CO_SO: 'Cấp cơ sở',
  BO_TINH: 'Cấp bộ, ban, ngành, tỉnh',
  TOAN_QUOC: 'Toàn quốc',
};

export const DISCIPLINE_FORM_VI: Record<(typeof DISCIPLINE_FORMS)[number], string> = {
  KHIEN_TRACH: 'Khiển trách',
  CANH_CAO: 'Cảnh cáo',
  HA_BAC_LUONG: 'Hạ bậc lương',
  GIANG_CHUC: 'Giáng chức',
  CACH_CHUC: 'Cách chức',
  BUOC_THOI_VIEC: 'Buộc thôi việc',
};

export const AWARD_TYPE_VI: Record<(typeof AWARD_RECORD_TYPES)[number], string> = {
  regular: 'Thường xuyên',
  sudden: 'Đột xuất',
  thematic: 'Theo đợt, chuyên đề',
  dedication: 'Quá trình cống hiến',
  seniority: 'Niên hạn',
  foreign: 'Đối ngoại',
};
