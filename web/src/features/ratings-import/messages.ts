/** Strings of the Excel import of year-end ratings and the people list's export. */
import type { Dictionary } from '../../app/language';

const vi = {
  /** the person's code, in the people list and the person's header */
  personCode: 'Mã cán bộ',
  button: 'Nhập xếp loại từ Excel',
  title: 'Nhập kết quả xếp loại từ Excel',
  intro: (unit: string) =>
    `Nhập kết quả đánh giá, xếp loại cuối năm của ${unit} từ tệp Excel (.xlsx). Bảng cần có các cột "Họ và tên", "Ngày sinh" hoặc "Mã cán bộ", và "Xếp loại"; có thể thêm "STT", "Đơn vị".`,
  allOrNothing:
    'Tất cả hoặc không: nếu có dòng bị từ chối thì không dòng nào được ghi; sửa các dòng đó rồi nhập lại cả tệp.',
  year: 'Năm xếp loại',
  template: 'Tải tệp mẫu',
  templateHint: 'Danh sách cán bộ của đơn vị (mã, họ tên, ngày sinh, đơn vị), cột xếp loại để trống để điền.',
  drop: 'Kéo thả tệp Excel vào đây, hoặc bấm để chọn',
  dropHint: 'Một tệp .xlsx, tối đa 100.000 dòng',
  notXlsx: 'Chỉ nhận tệp Excel dạng .xlsx.',
  start: 'Nhập',
  uploading: (percent: number) => `Đang tải tệp lên… ${percent}%`,
  another: 'Nhập tệp khác',
  close: 'Đóng',
  downloadReport: 'Tải báo cáo',
  written: (n: number, year: number) => `Đã ghi ${n.toLocaleString('vi-VN')} kết quả xếp loại năm ${year}.`,
  refused: (refused: number, rows: number) =>
    `Không ghi dòng nào: ${refused.toLocaleString('vi-VN')}/${rows.toLocaleString('vi-VN')} dòng bị từ chối.`,
  refusedHint:
    'Sửa các dòng dưới đây (báo cáo Excel tô đỏ từng dòng, lý do ở cột "Lý do") rồi nhập lại cả tệp.',
  moreRefused: (shown: number, total: number) =>
    `Đang hiện ${shown.toLocaleString('vi-VN')} dòng đầu trong ${total.toLocaleString('vi-VN')} dòng bị từ chối; tải báo cáo để xem tất cả.`,
  failed: 'Không nhập được tệp này',
  counts: { added: 'Mới', changed: 'Thay đổi', unchanged: 'Không đổi', skipped: 'Bỏ qua' },
  col: { row: 'Dòng', name: 'Họ và tên', reason: 'Lý do', change: 'Thay đổi' },
  changes: 'Những xếp loại thay đổi',
  file: (name: string, sheet: string) => `Tệp "${name}", trang "${sheet}"`,
  export: {
    button: 'Xuất danh sách',
    hint: 'Xuất danh sách đang lọc (đơn vị, tìm kiếm) ra Excel: mã, họ tên, giới tính, ngày sinh, dân tộc, đối tượng, đơn vị, xếp loại 3 năm gần nhất.',
    title: 'Xuất danh sách cán bộ',
    started: 'Đã bắt đầu xuất danh sách; tiến độ hiện bên dưới.',
  },
};

export const ratingsImportMessages: Dictionary<typeof vi> = {
  vi,
  en: {
    personCode: 'Staff code',
    button: 'Import ratings from Excel',
    title: 'Import year-end ratings from Excel',
    intro: (unit) =>
      `Import the year-end ratings of ${unit} from an Excel file (.xlsx). The sheet needs the columns "Họ và tên" (full name), "Ngày sinh" (date of birth) or "Mã cán bộ" (staff code), and "Xếp loại" (rating); "STT" and "Đơn vị" (unit) may be added.`,
    allOrNothing:
      'All or nothing: if any row is refused, no row is written; fix those rows and import the whole file again.',
    year: 'Rating year',
    template: 'Download the template',
    templateHint:
      'The people of the unit (code, name, date of birth, unit) with an empty rating column to fill.',
    drop: 'Drop the Excel file here, or click to choose it',
    dropHint: 'One .xlsx file, at most 100,000 rows',
    notXlsx: 'Only Excel .xlsx files are accepted.',
    start: 'Import',
    uploading: (percent) => `Uploading… ${percent}%`,
    another: 'Import another file',
    close: 'Close',
    downloadReport: 'Download the report',
    written: (n, year) => `${n.toLocaleString('en')} ratings of ${year} written.`,
    refused: (refused, rows) =>
      `Nothing written: ${refused.toLocaleString('en')} of ${rows.toLocaleString('en')} rows refused.`,
    refusedHint:
      'Fix the rows below (the Excel report marks each in red, with the reason in its "Lý do" column) and import the whole file again.',
    moreRefused: (shown, total) =>
      `Showing the first ${shown.toLocaleString('en')} of ${total.toLocaleString('en')} refused rows; download the report for all of them.`,
    failed: 'This file could not be imported',
    counts: { added: 'New', changed: 'Changed', unchanged: 'Unchanged', skipped: 'Skipped' },
    col: { row: 'Row', name: 'Full name', reason: 'Reason', change: 'Change' },
    changes: 'Ratings that changed',
    file: (name, sheet) => `File "${name}", sheet "${sheet}"`,
    export: {
      button: 'Export the list',
      hint: 'Export the list as filtered (unit, search) to Excel: code, name, gender, date of birth, ethnicity, category, unit, ratings of the last 3 years.',
      title: 'Export of the people list',
      started: 'The export has started; its progress is shown below.',
    },
  },
};
