import type { JobKind, JobStatus } from '../../../../contract/jobs';
import type { Dictionary } from '../../app/language';

const vi = {
  menu: 'Công việc nền',
  title: 'Công việc nền',
  description:
    'Các việc chạy lâu của bạn (như xuất Excel toàn thành phố): theo dõi tiến độ, tải kết quả, hủy khi không cần nữa.',
  kinds: {
    eligible_now_export: 'Xuất Excel danh sách đủ điều kiện đề nghị',
    eligibility_rebuild: 'Tính lại kết quả xét điều kiện đã lưu',
    audit_verify: 'Kiểm tra chuỗi băm của nhật ký hoạt động',
    ratings_import: 'Nhập kết quả xếp loại từ Excel',
    people_export: 'Xuất Excel danh sách cán bộ',
  } satisfies Record<JobKind, string>,
  unknownKind: 'Công việc khác',
  statuses: {
    queued: 'Đang chờ',
    running: 'Đang chạy',
    succeeded: 'Hoàn thành',
    failed: 'Thất bại',
    cancelled: 'Đã hủy',
  } satisfies Record<JobStatus, string>,
  col: {
    job: 'Công việc',
    unit: 'Phạm vi',
    status: 'Trạng thái',
    progress: 'Tiến độ',
    createdAt: 'Bắt đầu lúc',
    actions: 'Thao tác',
  },
  download: 'Tải về',
  downloadExcel: 'Tải tệp Excel',
  cancel: 'Hủy',
  cancelConfirm: 'Hủy công việc này?',
  cancelled: 'Đã hủy công việc.',
  close: 'Đóng',
  refresh: 'Làm mới',
  waiting: 'Đang chờ máy chủ bắt đầu…',
  attempt: (n: number, max: number) => `Lần chạy ${n}/${max}`,
  /** a line of progress when the server gave no message of its own */
  progressLine: (done: number, total: number | null) =>
    total === null
      ? `${done.toLocaleString('vi-VN')}`
      : `${done.toLocaleString('vi-VN')}/${total.toLocaleString('vi-VN')}`,
  finishedAt: (when: string) => `Xong lúc ${when}`,
  empty: 'Chưa có công việc nền nào',
  emptyHint:
    'Khi bạn “Xuất Excel toàn bộ” ở trang Đủ điều kiện đề nghị, công việc sẽ chạy nền và hiện ở đây.',
  range: (from: number, to: number, total: number) => `${from}–${to} / ${total} công việc`,
  yearLabel: (year: number) => `năm ${year}`,
  exportAll: {
    button: 'Xuất Excel toàn bộ',
    hint: 'Xét toàn bộ đơn vị đã chọn (kể cả cả thành phố) trong nền, theo các bộ lọc đang chọn. Bạn có thể rời trang và quay lại sau.',
    title: 'Xuất Excel toàn bộ',
    started: 'Đã bắt đầu xuất Excel toàn bộ; tiến độ hiện bên dưới.',
    allJobs: 'Xem các công việc nền',
  },
};

export const jobsMessages: Dictionary<typeof vi> = {
  vi,
  en: {
    menu: 'Background jobs',
    title: 'Background jobs',
    description:
      'Your long-running work (such as a city-wide Excel export): follow its progress, download the result, cancel it when no longer needed.',
    kinds: {
      eligible_now_export: 'Excel export of the eligible-now list',
      eligibility_rebuild: 'Recompute the stored eligibility verdicts',
      audit_verify: 'Verify the audit log hash chain',
      ratings_import: 'Import of year-end ratings from Excel',
      people_export: 'Excel export of the people list',
    },
    unknownKind: 'Other job',
    statuses: {
      queued: 'Queued',
      running: 'Running',
      succeeded: 'Succeeded',
      failed: 'Failed',
      cancelled: 'Cancelled',
    },
    col: {
      job: 'Job',
      unit: 'Scope',
      status: 'Status',
      progress: 'Progress',
      createdAt: 'Started at',
      actions: 'Actions',
    },
    download: 'Download',
    downloadExcel: 'Download the Excel file',
    cancel: 'Cancel',
    cancelConfirm: 'Cancel this job?',
    cancelled: 'The job was cancelled.',
    close: 'Close',
    refresh: 'Refresh',
    waiting: 'Waiting for the server to start it…',
    attempt: (n, max) => `Attempt ${n}/${max}`,
    progressLine: (done, total) =>
      total === null
        ? `${done.toLocaleString('en')}`
        : `${done.toLocaleString('en')}/${total.toLocaleString('en')}`,
    finishedAt: (when) => `Finished at ${when}`,
    empty: 'No background jobs yet',
    emptyHint:
      'When you use “Export all to Excel” on the eligible-now page, the job runs in the background and shows up here.',
    range: (from, to, total) => `${from}–${to} of ${total} jobs`,
    yearLabel: (year) => `year ${year}`,
    exportAll: {
      button: 'Export all to Excel',
      hint: 'Checks the whole selected unit (even the whole city) in the background, with the filters chosen. You may leave the page and come back later.',
      title: 'Export all to Excel',
      started: 'The export has started; its progress is shown below.',
      allJobs: 'See background jobs',
    },
  },
};
