/**
 * The "Đủ điều kiện đề nghị" list as an official document: landscape, the same rows and order as the
 * screen and the Excel export.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDateVn } from './format';
import { dataTable, note, officialDocument, signatureBlock, type Heading } from './layout';

/** What the document shows of a row of the list (the eligibility service's rows have these fields). */
export interface EligibleListRow {
  personId: string;
  fullName: string;
  orgUnitName: string;
  awardName: string;
  newlyEligible: boolean;
  summary: string;
  basis: string;
}

export const eligibleListTitle = (year: number) =>
  `DANH SÁCH CÁ NHÂN ĐỦ ĐIỀU KIỆN ĐỀ NGHỊ KHEN THƯỞNG NĂM ${year}`;

export function eligibleListDocument(
  rows: readonly EligibleListRow[],
  o: {
    heading: Heading;
    year: number;
    unitName: string;
    /** names of the awards asked for */
    awardNames: readonly string[];
    asOf: string;
    onlyNew: boolean;
    preparedBy: string;
    issuerName: string;
    creationDate: Date;
  },
): TDocumentDefinitions {
  const people = new Set(rows.map((r) => r.personId)).size;
  const filters = [
    `Đơn vị: ${o.unitName}`,
    `danh hiệu, hình thức: ${o.awardNames.join(', ')}`,
    `xét tại ngày ${formatDateVn(o.asOf)}`,
    ...(o.onlyNew ? ['chỉ những người mới đủ điều kiện'] : []),
  ];
  return officialDocument({
    orientation: 'landscape',
    heading: o.heading,
    title: eligibleListTitle(o.year),
    content: [
      { text: `(${filters.join('; ')})`, italics: true, alignment: 'center', margin: [0, -6, 0, 10] },
      dataTable(
        [
          { header: 'STT', width: 26, align: 'center' },
          { header: 'Họ và tên', width: 105 },
          { header: 'Đơn vị', width: 110 },
          { header: 'Danh hiệu, hình thức đề nghị', width: 110 },
          { header: 'Mới đủ điều kiện', width: 46, align: 'center' },
          { header: 'Thành tích', width: '*' },
          { header: 'Căn cứ', width: 120 },
        ],
        rows.map((r, i) => [
          String(i + 1),
          r.fullName,
          r.orgUnitName,
          r.awardName,
          r.newlyEligible ? 'Có' : '',
          r.summary,
          r.basis,
        ]),
        { emptyText: 'Không có cá nhân nào đủ điều kiện theo các tiêu chí trên.', fontSize: 10.5 },
      ),
      note(
        rows.length > 0
          ? `Tổng số: ${rows.length} lượt đề nghị của ${people} cá nhân.`
          : 'Tổng số: không có lượt đề nghị nào.',
      ),
    ],
    signature: signatureBlock(
      { title: 'THỦ TRƯỞNG ĐƠN VỊ', note: '(Ký, ghi rõ họ tên, đóng dấu)' },
      { title: 'NGƯỜI LẬP', note: '(Ký, ghi rõ họ tên)', name: o.preparedBy },
    ),
    info: {
      title: `Danh sách đủ điều kiện đề nghị khen thưởng năm ${o.year}: ${o.unitName}`,
      author: o.issuerName,
      subject: `Danh sách ${o.heading.notation}`,
      creationDate: o.creationDate,
    },
  });
}
