/**
 * "Lý lịch khen thưởng": a person's commendation record as an official document: identity and unit,
 * positions, yearly ratings, initiatives, discipline and the awards received, dates dd/mm/yyyy.
 */
import type { PersonDetail } from '../../../../contract/api';
import { formatDateVn } from './format';
import {
  AWARD_TYPE_VI,
  CATEGORY_VI,
  DISCIPLINE_FORM_VI,
  GENDER_VI,
  INITIATIVE_KIND_VI,
  INITIATIVE_SCOPE_VI,
  RATING_VI,
} from './labels';
import {
  dataTable,
  fieldLines,
  note,
  officialDocument,
  sectionTitle,
  signatureBlock,
  type Heading,
} from './layout';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

export const COMMENDATION_RECORD_TITLE = 'LÝ LỊCH KHEN THƯỞNG';

/** "Bà Nguyễn Thị A" / "Ông Nguyễn Văn B" */
export function addressed(p: Pick<PersonDetail, 'gender' | 'fullName'>): string {
  return `${p.gender === 'female' ? 'Bà' : 'Ông'} ${p.fullName}`;
}

const byYear = <T extends { year: number }>(rows: readonly T[]) => [...rows].sort((a, b) => a.year - b.year);
const period = (from: string, to: string | null) =>
  `${formatDateVn(from)} – ${to ? formatDateVn(to) : 'nay'}`;
const decision = (no: string | null, date: string | null) =>
  [no, date ? `ngày ${formatDateVn(date)}` : null].filter(Boolean).join(' ');

export function commendationRecordDocument(
  person: PersonDetail,
  o: {
    heading: Heading;
    /** yyyy-mm-dd: the document's date */
    date: string;
    preparedBy: string;
    issuerName: string;
    creationDate: Date;
  },
): TDocumentDefinitions {
  const none = (what: string) => `Không có ${what} nào được ghi nhận.`;
  const content = [
    sectionTitle('I. SƠ LƯỢC LÝ LỊCH'),
    fieldLines([
      ['Họ và tên', person.fullName],
      ['Giới tính', GENDER_VI[person.gender]],
      ['Ngày sinh', formatDateVn(person.birthDate)],
      ['Dân tộc', person.ethnicity],
      [
        'Đối tượng',
        CATEGORY_VI[person.category] + (person.directWorker ? ' (trực tiếp lao động, sản xuất)' : ''),
      ],
      ['Đơn vị công tác', person.orgUnitName],
      ['Chức vụ hiện nay', person.currentPosition ?? ''],
      ['Ngày vào làm việc', formatDateVn(person.startedOn)],
    ]),

    sectionTitle('II. QUÁ TRÌNH CÔNG TÁC'),
    person.positions.length > 0
      ? dataTable(
          [
            { header: 'Thời gian', width: 150, align: 'center' },
            { header: 'Chức vụ', width: '*' },
            { header: 'Đơn vị', width: '*' },
          ],
          [...person.positions]
            .sort((a, b) => a.fromDate.localeCompare(b.fromDate))
            .map((p) => [period(p.fromDate, p.toDate), p.title, p.orgUnitName]),
          { emptyText: '' },
        )
      : dataTable(
          [
            { header: 'Thời gian', width: 150, align: 'center' },
            { header: 'Đơn vị', width: '*' },
          ],
          [...person.memberships]
            .sort((a, b) => a.fromDate.localeCompare(b.fromDate))
            .map((m) => [period(m.fromDate, m.toDate), m.orgUnitName]),
          { emptyText: none('quá trình công tác') },
        ),

    sectionTitle('III. KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI HẰNG NĂM'),
    dataTable(
      [
        { header: 'Năm', width: 60, align: 'center' },
        { header: 'Kết quả đánh giá, xếp loại', width: '*' },
      ],
      byYear(person.ratings).map((r) => [String(r.year), RATING_VI[r.level]]),
      { emptyText: none('kết quả xếp loại') },
    ),

    sectionTitle('IV. SÁNG KIẾN, ĐỀ TÀI KHOA HỌC'),
    dataTable(
      [
        { header: 'Năm', width: 40, align: 'center' },
        { header: 'Tên sáng kiến, đề tài', width: '*' },
        { header: 'Loại', width: 80 },
        { header: 'Phạm vi ảnh hưởng', width: 95 },
      ],
      byYear(person.initiatives).map((i) => [
        String(i.year),
        i.title,
        INITIATIVE_KIND_VI[i.kind],
        INITIATIVE_SCOPE_VI[i.scope],
      ]),
      { emptyText: none('sáng kiến, đề tài') },
    ),

    sectionTitle('V. KỶ LUẬT'),
    dataTable(
      [
        { header: 'Năm', width: 40, align: 'center' },
        { header: 'Hình thức', width: 90 },
        { header: 'Ngày quyết định', width: 75, align: 'center' },
        { header: 'Lý do', width: '*' },
      ],
      byYear(person.discipline).map((d) => [
        String(d.year),
        DISCIPLINE_FORM_VI[d.form],
        formatDateVn(d.decidedOn),
        d.reason ?? '',
      ]),
      { emptyText: none('hình thức kỷ luật') },
    ),

    sectionTitle('VI. DANH HIỆU THI ĐUA, HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC TẶNG'),
    dataTable(
      [
        { header: 'Năm', width: 40, align: 'center' },
        { header: 'Danh hiệu, hình thức', width: '*' },
        { header: 'Loại hình', width: 78 },
        { header: 'Số, ngày quyết định', width: 105 },
        { header: 'Cơ quan quyết định', width: 110 },
      ],
      byYear(person.awards).map((a) => [
        String(a.year),
        a.awardName,
        AWARD_TYPE_VI[a.type],
        decision(a.decisionNo, a.decisionDate),
        a.issuer ?? '',
      ]),
      { emptyText: none('danh hiệu, hình thức khen thưởng') },
    ),
  ];
  return officialDocument({
    orientation: 'portrait',
    heading: o.heading,
    title: COMMENDATION_RECORD_TITLE,
    subtitle: `Của ${addressed(person).replace(/^./, (c) => c.toLowerCase())}`,
    content,
    signature: signatureBlock(
      { title: 'THỦ TRƯỞNG ĐƠN VỊ', note: '(Ký, ghi rõ họ tên, đóng dấu)' },
      { title: 'NGƯỜI LẬP', note: '(Ký, ghi rõ họ tên)', name: o.preparedBy },
      [note(`Số liệu trích từ cơ sở dữ liệu thi đua, khen thưởng ngày ${formatDateVn(o.date)}.`)],
    ),
    info: {
      title: `Lý lịch khen thưởng: ${person.fullName}`,
      author: o.issuerName,
      subject: `Lý lịch khen thưởng ${o.heading.notation}`,
      creationDate: o.creationDate,
    },
  });
}
