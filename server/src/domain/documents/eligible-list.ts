/**
 * The "Đủ điều kiện đề nghị" list as an official document: landscape, the same rows and order as the
 * screen and the Excel export.
 */
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDateVn } from './format';
import { dataTable, note, officialDocument, signatureBlock, type Heading, type TableRow } from './layout';

/** What the document shows of a row of the list (the eligibility service's rows have these fields). */
export interface EligibleListRow {
  personId: string;
  award: string;
  fullName: string;
  orgUnitName: string;
  awardName: string;
  newlyEligible: boolean;
  summary: string;
  basis: string;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
const roman = (n: number) => ROMAN[n - 1] ?? String(n);

/**
 * The rows grouped by award in the list's order ("I. CHIẾN SĨ THI ĐUA ... (3 người)"), numbered from 1
 * in each group as official lists are.
 */
export function groupedRows(rows: readonly EligibleListRow[]): TableRow[] {
  const out: TableRow[] = [];
  let group = 0;
  let n = 0;
  rows.forEach((r, i) => {
    if (i === 0 || rows[i - 1]!.award !== r.award) {
      group += 1;
      n = 0;
      const count = rows.filter((x) => x.award === r.award).length;
      out.push({ group: `${roman(group)}. ${r.awardName.toLocaleUpperCase('vi')} (${count} người)` });
    }
    n += 1;
    out.push([String(n), r.fullName, r.orgUnitName, r.newlyEligible ? 'Có' : '', r.summary, r.basis]);
  });
  return out;
}

/**
 * The most rows one PDF list holds (about 150 landscape pages); a longer list is narrowed by unit or
 * award, or taken as Excel. Checked before a number is taken, so a refusal costs no number.
 */
export const MAX_LIST_ROWS = 1000;

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
          { header: 'Họ và tên', width: 115 },
          { header: 'Đơn vị', width: 130 },
          { header: 'Mới đủ điều kiện', width: 44, align: 'center' },
          { header: 'Thành tích', width: '*' },
          { header: 'Căn cứ', width: 150 },
        ],
        groupedRows(rows),
        { emptyText: 'Không có cá nhân nào đủ điều kiện theo các tiêu chí trên.', fontSize: 10.5 },
      ),
    ],
    signature: signatureBlock(
      { title: 'THỦ TRƯỞNG ĐƠN VỊ', note: '(Ký, ghi rõ họ tên, đóng dấu)' },
      { title: 'NGƯỜI LẬP', note: '(Ký, ghi rõ họ tên)', name: o.preparedBy },
      [
        note(
          rows.length > 0
            ? `Tổng số: ${rows.length} lượt đề nghị của ${people} cá nhân.`
            : 'Tổng số: không có lượt đề nghị nào.',
        ),
      ],
    ),
    info: {
      title: `Danh sách đủ điều kiện đề nghị khen thưởng năm ${o.year}: ${o.unitName}`,
      author: o.issuerName,
      subject: `Danh sách ${o.heading.notation}`,
      creationDate: o.creationDate,
    },
  });
}
