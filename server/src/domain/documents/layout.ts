/**
 * The layout of an official document as a pdfmake document definition (plain data; rendering is in
 * modules/documents/pdf.ts). Presentation rules of Decree 30/2020/NĐ-CP, Appendix I: A4; margins top and
 * bottom 20 mm, left 30 mm, right 15 mm; Times New Roman (here its metric twin Liberation Serif); the
 * national heading (Quốc hiệu in bold capitals, the motto in bold with a solid line as long as the
 * motto under it), the issuing body with a short line under it, "Số:" under the issuing body and the
 * place and date in italics under the motto; page numbers centred at the top from page 2.
 */
import type {
  Column,
  Content,
  ContentTable,
  CustomTableLayout,
  TableCell,
  TDocumentDefinitions,
} from 'pdfmake/interfaces';

export const FONT_FAMILY = 'LiberationSerif';

const mm = (x: number) => (x * 72) / 25.4;
const A4 = { width: mm(210), height: mm(297) };
export const MARGINS = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } as const;

export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

export type Orientation = 'portrait' | 'landscape';

/** Width available for text between the margins. */
export function textWidth(orientation: Orientation): number {
  const pageWidth = orientation === 'portrait' ? A4.width : A4.height;
  return pageWidth - MARGINS.left - MARGINS.right;
}

/** Width of the issuing body's column in the heading. */
function leftColumnWidth(orientation: Orientation): number {
  return orientation === 'portrait' ? Math.round(textWidth('portrait') * 0.4) : 270;
}

/**
 * A rough width of a line of Times-like text (the issuing body's line is drawn at about 40 % of its
 * text, so an estimate within a few points is enough).
 */
export function estimateWidth(text: string, fontSize: number, bold: boolean): number {
  let em = 0;
  for (const ch of text.normalize('NFC')) {
    if (ch === ' ') em += 0.25;
    else if (/[0-9]/.test(ch)) em += 0.5;
    else if (ch !== ch.toLowerCase()) em += bold ? 0.72 : 0.67;
    else if (/\p{L}/u.test(ch)) em += bold ? 0.5 : 0.46;
    else em += 0.33;
  }
  return em * fontSize;
}

const noPadding = (): number => 0;
const NO_BORDERS: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: noPadding,
  paddingRight: noPadding,
  paddingTop: noPadding,
  paddingBottom: noPadding,
};

/** Text with a solid line under it exactly as long as the text, centred in its column. */
function underlinedCentred(text: Content): Content {
  return {
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        table: { body: [[text as TableCell]] },
        layout: {
          ...NO_BORDERS,
          hLineWidth: (i: number) => (i === 1 ? 0.75 : 0),
          paddingBottom: () => 1.5,
        },
      },
      { width: '*', text: '' },
    ],
  };
}

export interface Heading {
  /** the directly superior body, capitals (omitted for a top-level body) */
  parentBody?: string;
  /** the issuing body, capitals */
  body: string;
  /** "12/LL-UBND" */
  notation: string;
  /** "Hà Nội, ngày 02 tháng 12 năm 2026" */
  placeAndDate: string;
}

const COMMITTEE = 'ỦY BAN NHÂN DÂN ';

/** A name too long for its column breaks after "ỦY BAN NHÂN DÂN", as such headings are written. */
function fitName(name: string, width: number, fontSize: number, bold: boolean): string {
  if (!name.startsWith(COMMITTEE) || estimateWidth(name, fontSize, bold) <= width) return name;
  return `${COMMITTEE.trim()}\n${name.slice(COMMITTEE.length)}`;
}

/** The national heading block: issuing body and number on the left, Quốc hiệu and date on the right. */
export function nationalHeading(h: Heading, orientation: Orientation): Content {
  const left = leftColumnWidth(orientation) - 6;
  const size = 12.5;
  const body = fitName(h.body, left, size, true);
  const longestBodyLine = Math.max(...body.split('\n').map((l) => estimateWidth(l, size, true)));
  const rule = Math.max(36, Math.round(Math.min(longestBodyLine, left) * 0.4));
  const issuer: Content[] = [
    ...(h.parentBody
      ? [{ text: fitName(h.parentBody, left, size, false), fontSize: size, alignment: 'center' as const }]
      : []),
    { text: body, fontSize: size, bold: true, alignment: 'center' },
    {
      canvas: [
        {
          type: 'line',
          x1: (left - rule) / 2,
          y1: 2,
          x2: (left + rule) / 2,
          y2: 2,
          lineWidth: 0.75,
        },
      ],
    },
  ];
  const nation: Content[] = [
    { text: QUOC_HIEU, fontSize: 12.5, bold: true, alignment: 'center' },
    underlinedCentred({ text: TIEU_NGU, fontSize: 13.5, bold: true }),
  ];
  return {
    table: {
      widths: [left + 6, '*'],
      body: [
        [{ stack: issuer }, { stack: nation }],
        [
          { text: `Số: ${h.notation}`, fontSize: 13, alignment: 'center', margin: [0, 6, 0, 0] },
          { text: h.placeAndDate, fontSize: 13.5, italics: true, alignment: 'center', margin: [0, 6, 0, 0] },
        ],
      ],
    },
    layout: { ...NO_BORDERS, paddingRight: (i: number) => (i === 0 ? 6 : 0) },
  };
}

/** The type of document and its summary, centred in bold. */
export function documentTitle(title: string, subtitle?: string): Content {
  return {
    stack: [
      { text: title, fontSize: 14, bold: true, alignment: 'center' },
      ...(subtitle ? [{ text: subtitle, fontSize: 14, bold: true, alignment: 'center' as const }] : []),
    ],
    margin: [0, 18, 0, 12],
  };
}

/** "I. SƠ LƯỢC LÝ LỊCH" */
export function sectionTitle(text: string): Content {
  return { text, bold: true, margin: [0, 10, 0, 4] };
}

/** A body paragraph: justified, first line indented. */
export function paragraph(text: string | Content[]): Content {
  return { text: text as string, alignment: 'justify', leadingIndent: mm(10), margin: [0, 0, 0, 4] };
}

/** "Họ và tên: Nguyễn Văn A" lines, the label plain and the value as given. */
export function fieldLines(fields: readonly (readonly [string, string])[]): Content {
  return {
    stack: fields.map(([label, value]) => ({
      text: [{ text: `${label}: ` }, { text: value || '—' }],
      margin: [mm(10), 0, 0, 2],
    })),
  };
}

export interface TableColumn {
  header: string;
  /** points, '*' (share the rest) or 'auto' */
  width: number | '*' | 'auto';
  align?: 'left' | 'center' | 'right';
}

/** A row of a data table: its cells, or a group heading spanning the whole width. */
export type TableRow = readonly string[] | { readonly group: string };

/**
 * A bordered table with a bold header repeated on every page; rows never split across pages.
 * An empty table becomes one italic line (`emptyText`).
 */
export function dataTable(
  columns: readonly TableColumn[],
  rows: readonly TableRow[],
  o: { emptyText: string; fontSize?: number },
): Content {
  const fontSize = o.fontSize ?? 12;
  if (rows.length === 0) return { text: o.emptyText, italics: true, margin: [mm(10), 0, 0, 4] };
  const header: TableCell[] = columns.map((c) => ({
    text: c.header,
    bold: true,
    alignment: 'center',
    fontSize,
  }));
  const body: TableCell[][] = rows.map((r) =>
    'group' in r
      ? [
          { text: r.group, bold: true, colSpan: columns.length, fontSize, fillColor: '#f2f2f2' },
          ...columns.slice(1).map(() => ({})),
        ]
      : columns.map((c, i) => ({ text: r[i] ?? '', alignment: c.align ?? 'left', fontSize })),
  );
  const table: ContentTable = {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: columns.map((c) => c.width),
      body: [header, ...body],
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      paddingLeft: () => 3,
      paddingRight: () => 3,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    margin: [0, 2, 0, 6],
  };
  return table;
}

export interface Signer {
  /** capitals: "NGƯỜI LẬP", "THỦ TRƯỞNG ĐƠN VỊ" */
  title: string;
  /** "(Ký, ghi rõ họ tên)" */
  note?: string;
  /** printed under the space left for the signature */
  name?: string;
}

function signerBlock(s: Signer): { stack: Content[] } {
  return {
    stack: [
      { text: s.title, bold: true, alignment: 'center' },
      ...(s.note ? [{ text: s.note, italics: true, fontSize: 12, alignment: 'center' as const }] : []),
      { text: ' ', margin: [0, 0, 0, 48] },
      ...(s.name ? [{ text: s.name, bold: true, alignment: 'center' as const }] : []),
    ],
  };
}

/**
 * Signature block: an optional signer on the left, the main signer on the right, kept on one page
 * together with the closing lines before it (so a signature never stands alone on the last page).
 */
export function signatureBlock(right: Signer, left?: Signer, closing: Content[] = []): Content {
  const columns: Column[] = [
    left ? { width: '*', ...signerBlock(left) } : { width: '*', text: '' },
    { width: '*', ...signerBlock(right) },
  ];
  return {
    stack: [...closing, { columns, columnGap: 12, margin: [0, 16, 0, 0] }],
    unbreakable: true,
  };
}

/** An italic note (sources, remarks) under the body. */
export function note(text: string): Content {
  return { text, italics: true, fontSize: 12, margin: [0, 6, 0, 0] };
}

export interface OfficialDocument {
  orientation: Orientation;
  heading: Heading;
  title: string;
  subtitle?: string;
  content: Content[];
  signature?: Content;
  /** document properties; `creationDate` fixed (the document's date) so equal input gives equal bytes */
  info: { title: string; author: string; subject: string; creationDate: Date };
}

/** The whole document: page setup, heading, title, body, signature, page numbers. */
export function officialDocument(d: OfficialDocument): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageOrientation: d.orientation,
    pageMargins: [MARGINS.left, MARGINS.top, MARGINS.right, MARGINS.bottom],
    info: {
      title: d.info.title,
      author: d.info.author,
      subject: d.info.subject,
      creator: 'Vinh Danh',
      producer: 'Vinh Danh',
      creationDate: d.info.creationDate,
      modDate: d.info.creationDate,
    },
    defaultStyle: { font: FONT_FAMILY, fontSize: 13, lineHeight: 1.1 },
    header: (currentPage: number) =>
      currentPage === 1
        ? null
        : { text: String(currentPage), fontSize: 13, alignment: 'center', margin: [0, mm(10), 0, 0] },
    content: [
      nationalHeading(d.heading, d.orientation),
      documentTitle(d.title, d.subtitle),
      ...d.content,
      ...(d.signature ? [d.signature] : []),
    ],
  };
}
