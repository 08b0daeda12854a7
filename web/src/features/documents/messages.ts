import type { Dictionary } from '../../app/language';

interface DocumentsMessages {
  menu: string;
  title: string;
  description: string;
  kinds: { commendation_record: string; eligible_list: string };
  allKinds: string;
  allYears: string;
  col: {
    notation: string;
    date: string;
    title: string;
    kind: string;
    unit: string;
    issuer: string;
    createdBy: string;
    file: string;
  };
  download: string;
  size: (bytes: number) => string;
  hashTitle: string;
  range: (from: number, to: number, total: number) => string;
  empty: string;
  emptyHint: string;
  emptyFiltered: string;
  clearFilters: string;
  goToPeople: string;
  recordButton: string;
  recordHint: string;
  listPdfButton: string;
  listPdfHint: string;
  issued: (notation: string) => string;
  openRegister: string;
}

export const documentsMessages = {
  vi: {
    menu: 'Sổ văn bản',
    title: 'Sổ văn bản',
    description:
      'Các văn bản có số đã lập trong phạm vi đơn vị của bạn: số, ký hiệu, ngày, người lập; tải lại đúng bản đã lập.',
    kinds: {
      commendation_record: 'Lý lịch khen thưởng',
      eligible_list: 'Danh sách đủ điều kiện đề nghị',
    },
    allKinds: 'Tất cả loại văn bản',
    allYears: 'Tất cả các năm',
    col: {
      notation: 'Số, ký hiệu',
      date: 'Ngày văn bản',
      title: 'Trích yếu',
      kind: 'Loại',
      unit: 'Thuộc đơn vị',
      issuer: 'Đơn vị lập',
      createdBy: 'Người lập',
      file: 'Tệp',
    },
    download: 'Tải PDF',
    size: (bytes) => `${(bytes / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 0 })} KB`,
    hashTitle: 'Mã băm SHA-256 của tệp đã lập',
    range: (from, to, total) => `${from}–${to} trong ${total.toLocaleString('vi-VN')} văn bản`,
    empty: 'Sổ văn bản chưa có văn bản nào',
    emptyHint:
      'Văn bản được vào sổ khi bạn bấm "In lý lịch khen thưởng" trên trang một cán bộ, hoặc "Tải PDF" trên trang Đủ điều kiện đề nghị.',
    emptyFiltered: 'Không có văn bản nào khớp với bộ lọc',
    clearFilters: 'Bỏ lọc',
    goToPeople: 'Chọn cán bộ để in lý lịch',
    recordButton: 'In lý lịch khen thưởng',
    recordHint: 'Lập lý lịch khen thưởng thành văn bản có số, vào sổ văn bản và tải về tệp PDF.',
    listPdfButton: 'Tải PDF',
    listPdfHint:
      'Lập danh sách đang xem (cùng bộ lọc) thành văn bản có số, vào sổ văn bản và tải về tệp PDF.',
    issued: (notation) => `Đã lập văn bản số ${notation} và vào sổ văn bản.`,
    openRegister: 'Xem sổ văn bản',
  },
  en: {
    menu: 'Document register',
    title: 'Document register',
    description:
      'Numbered documents issued within your unit: number and symbol, date, who prepared them; download each exactly as issued.',
    kinds: {
      commendation_record: 'Commendation record',
      eligible_list: 'Eligible list',
    },
    allKinds: 'All kinds',
    allYears: 'All years',
    col: {
      notation: 'Number',
      date: 'Date',
      title: 'Title',
      kind: 'Kind',
      unit: 'Belongs to',
      issuer: 'Issued by',
      createdBy: 'Prepared by',
      file: 'File',
    },
    download: 'Download PDF',
    size: (bytes) => `${(bytes / 1024).toLocaleString('en-GB', { maximumFractionDigits: 0 })} KB`,
    hashTitle: 'SHA-256 of the issued file',
    range: (from, to, total) => `${from}–${to} of ${total.toLocaleString('en-GB')} documents`,
    empty: 'The register has no documents yet',
    emptyHint:
      'A document is registered when you press "Print commendation record" on a person\'s page, or "Download PDF" on the Eligible now page.',
    emptyFiltered: 'No document matches the filters',
    clearFilters: 'Clear filters',
    goToPeople: 'Pick a person to print a record',
    recordButton: 'Print commendation record',
    recordHint: 'Issue the commendation record as a numbered document, register it and download the PDF.',
    listPdfButton: 'Download PDF',
    listPdfHint:
      'Issue the list shown (same filters) as a numbered document, register it and download the PDF.',
    issued: (notation) => `Document ${notation} issued and registered.`,
    openRegister: 'Open the register',
  },
} satisfies Dictionary<DocumentsMessages>;
