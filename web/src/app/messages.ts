/** The application's own strings (name, menu, common actions, errors) and the names of the contract's vocabularies. */
import { SETTING_NAMES, SETTING_VALUE_NAMES } from '../../../contract/catalogue';
import { AWARD_NAMES, type AwardCode } from '../../../contract/awards';
import {
  AWARD_RECORD_TYPE_NAMES,
  DISCIPLINE_FORM_NAMES,
  GENDER_NAMES,
  INITIATIVE_KIND_NAMES,
  INITIATIVE_SCOPE_NAMES,
  ORG_UNIT_KIND_NAMES,
  PERSON_CATEGORY_NAMES,
  RATING_LEVEL_NAMES,
  RATING_LEVELS,
  ROLE_NAMES,
  namesIn,
  type Lang,
} from '../../../contract/vocabulary';
import type { Dictionary } from './language';

/** The names of every vocabulary of contract/ in one language: the dictionary's per-enum sections. */
export function vocabularyMessages(lang: Lang) {
  return {
    roles: namesIn(lang, ROLE_NAMES),
    kinds: namesIn(lang, ORG_UNIT_KIND_NAMES),
    genders: namesIn(lang, GENDER_NAMES),
    categories: namesIn(lang, PERSON_CATEGORY_NAMES),
    ratingLevels: namesIn(lang, RATING_LEVEL_NAMES),
    /** The abbreviations are the codes themselves (HTXS, HTT, HT, KHT). */
    ratingLevelsShort: Object.fromEntries(RATING_LEVELS.map((l) => [l, l])) as Record<
      (typeof RATING_LEVELS)[number],
      string
    >,
    scopes: namesIn(lang, INITIATIVE_SCOPE_NAMES),
    initiativeKinds: namesIn(lang, INITIATIVE_KIND_NAMES),
    disciplineForms: namesIn(lang, DISCIPLINE_FORM_NAMES),
    awardTypes: namesIn(lang, AWARD_RECORD_TYPE_NAMES),
    awardNames: namesIn<AwardCode>(lang, AWARD_NAMES),
    settingNames: namesIn(lang, SETTING_NAMES),
    settingValues: namesIn(lang, SETTING_VALUE_NAMES),
  };
}

const vi = {
  app: {
    name: 'Vinh Danh',
    subtitle: 'Hệ thống quản lý thi đua, khen thưởng',
    owner: 'Ủy ban nhân dân Thành phố Hà Nội',
    footer: 'Vinh Danh – Hệ thống quản lý thi đua, khen thưởng',
    language: 'Ngôn ngữ',
    loading: 'Đang tải…',
  },
  menu: {
    overview: 'Tổng quan',
    orgUnits: 'Cơ cấu tổ chức',
    people: 'Cán bộ, người lao động',
    eligibleNow: 'Đủ điều kiện đề nghị',
    catalogue: 'Danh mục khen thưởng',
    quotas: 'Tỷ lệ khen thưởng',
    settings: 'Thiết lập quy tắc',
  },
  common: {
    save: 'Lưu',
    cancel: 'Hủy',
    add: 'Thêm',
    edit: 'Sửa',
    delete: 'Xóa',
    confirmDelete: 'Xóa mục này?',
    confirmDeleteHint: 'Thao tác này không thể hoàn tác.',
    yes: 'Xóa',
    no: 'Không',
    actions: 'Thao tác',
    saved: 'Đã lưu',
    deleted: 'Đã xóa',
    retry: 'Thử lại',
    back: 'Quay lại',
    required: 'Bắt buộc nhập',
    year: 'Năm',
    none: '—',
    view: 'Xem',
    networkError: 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.',
    unexpectedError: 'Đã có lỗi hệ thống. Vui lòng thử lại sau.',
    loadFailed: 'Không tải được dữ liệu',
  },
  errors: {
    boundaryTitle: 'Đã có lỗi xảy ra',
    boundaryText:
      'Trang này gặp sự cố ngoài dự kiến. Vui lòng tải lại trang; nếu lỗi lặp lại, hãy báo cho quản trị hệ thống.',
    reload: 'Tải lại trang',
    home: 'Về trang Tổng quan',
    notFoundTitle: 'Không tìm thấy trang',
    notFoundText: 'Đường dẫn không tồn tại hoặc bạn không có quyền truy cập.',
  },
};

export const appMessages = {
  vi,
  en: {
    app: {
      name: 'Vinh Danh',
      subtitle: 'Emulation and commendation management system',
      owner: "Hanoi People's Committee",
      footer: 'Vinh Danh – Emulation and commendation management system',
      language: 'Language',
      loading: 'Loading…',
    },
    menu: {
      overview: 'Overview',
      orgUnits: 'Organisation',
      people: 'People',
      eligibleNow: 'Eligible to propose',
      catalogue: 'Award catalogue',
      quotas: 'Award quotas',
      settings: 'Rule settings',
    },
    common: {
      save: 'Save',
      cancel: 'Cancel',
      add: 'Add',
      edit: 'Edit',
      delete: 'Delete',
      confirmDelete: 'Delete this entry?',
      confirmDeleteHint: 'This cannot be undone.',
      yes: 'Delete',
      no: 'No',
      actions: 'Actions',
      saved: 'Saved',
      deleted: 'Deleted',
      retry: 'Retry',
      back: 'Back',
      required: 'Required',
      year: 'Year',
      none: '—',
      view: 'View',
      networkError: 'Cannot reach the server. Please check the network and try again.',
      unexpectedError: 'A system error occurred. Please try again later.',
      loadFailed: 'Could not load the data',
    },
    errors: {
      boundaryTitle: 'Something went wrong',
      boundaryText:
        'This page hit an unexpected problem. Please reload; if it happens again, tell the administrator.',
      reload: 'Reload page',
      home: 'Go to Overview',
      notFoundTitle: 'Page not found',
      notFoundText: 'The address does not exist or you do not have access to it.',
    },
  },
} satisfies Dictionary<typeof vi>;
