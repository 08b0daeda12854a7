import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PersonDetail } from '../../../../contract/api';
import { commendationRecordDocument } from '../../domain/documents/commendation-record';
import { eligibleListDocument } from '../../domain/documents/eligible-list';
import { readPdf } from '../../../test/pdf';
import { renderPdf } from './pdf';

const HARD_NAME = 'Nguyễn Thị Ánh Tuyết Đặng Ỷ Ưng';

const person: PersonDetail = {
  id: '00000000-0000-4000-8000-000000000001',
  code: null,
  fullName: HARD_NAME,
  gender: 'female',
  birthDate: '1985-05-20',
  category: 'civil_servant',
  directWorker: false,
  orgUnitId: '00000000-0000-4000-8000-000000000002',
  orgUnitName: 'Phường Hoàn Kiếm',
  currentPosition: 'Phó Chủ tịch Ủy ban nhân dân phường',
  latestRating: { year: 2025, level: 'HTXS' },
  ethnicity: 'Kinh',
  startedOn: '2008-09-01',
  version: 1,
  memberships: [],
  positions: [],
  // thirty years of ratings: the record runs onto a second page
  ratings: Array.from({ length: 30 }, (_, i) => ({
    id: `00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`,
    year: 1996 + i,
    level: i % 2 ? ('HTXS' as const) : ('HTT' as const),
    version: 1,
  })),
  initiatives: [],
  discipline: [],
  awards: [],
};

const ctx = {
  heading: {
    parentBody: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
    body: 'SỞ NỘI VỤ',
    notation: '12/LL-SNV',
    placeAndDate: 'Hà Nội, ngày 02 tháng 12 năm 2026',
  },
  date: '2026-12-02',
  preparedBy: 'Trần Văn Bình',
  issuerName: 'Sở Nội vụ',
  creationDate: new Date('2026-12-02T00:00:00+07:00'),
};

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('PDF rendering', () => {
  it('gives the same bytes for the same input', async () => {
    const a = await renderPdf(commendationRecordDocument(person, ctx));
    const b = await renderPdf(commendationRecordDocument(person, ctx));
    expect(sha(a)).toBe(sha(b));
    const other = await renderPdf(
      commendationRecordDocument(person, { ...ctx, heading: { ...ctx.heading, notation: '13/LL-SNV' } }),
    );
    expect(sha(other)).not.toBe(sha(a));
  });

  it('lays out A4 with the national heading, Liberation Serif embedded, page numbers from page 2', async () => {
    const pdf = await readPdf(await renderPdf(commendationRecordDocument(person, ctx)));
    expect(pdf.pages).toBe(2);
    expect(pdf.sizes[0]).toEqual({ width: 595, height: 842 });
    const first = pdf.text[0]!;
    for (const s of [
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
      'SỞ NỘI VỤ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 12/LL-SNV',
      'Hà Nội, ngày 02 tháng 12 năm 2026',
      'LÝ LỊCH KHEN THƯỞNG',
      `Họ và tên: ${HARD_NAME}`,
      'Ngày sinh: 20/05/1985',
    ]) {
      expect(first).toContain(s);
    }
    expect(pdf.text.join(' ')).toContain('2025 Hoàn thành xuất sắc nhiệm vụ');
    expect(pdf.fonts).toEqual(['LiberationSerif', 'LiberationSerif-Bold', 'LiberationSerif-Italic']);
    expect(pdf.info).toMatchObject({ Creator: 'Vinh Danh', CreationDate: 'D:20261201170000Z' });

    // the page number sits in the middle of the page's top margin (20 mm), from page 2 on
    const topMargin = (20 * 72) / 25.4;
    const inTopMargin = (page: number) =>
      pdf.items[page]!.filter((i) => i.y > pdf.sizes[page]!.height - topMargin);
    expect(inTopMargin(0)).toEqual([]);
    const [number] = inTopMargin(1);
    expect(number?.str).toBe('2');
    expect(Math.abs(number!.x + 3 - pdf.sizes[1]!.width / 2)).toBeLessThan(6);
  });

  it('lays a list out on landscape pages and says when it is empty', async () => {
    const heading = { ...ctx.heading, notation: '07/DS-SNV' };
    const o = {
      ...ctx,
      heading,
      year: 2025,
      unitName: 'Sở Nội vụ',
      awardNames: ['Chiến sĩ thi đua cấp tỉnh'],
      asOf: '2026-12-02',
      onlyNew: false,
    };
    const pdf = await readPdf(await renderPdf(eligibleListDocument([], o)));
    expect(pdf.sizes[0]).toEqual({ width: 842, height: 595 });
    expect(pdf.text[0]).toContain('DANH SÁCH CÁ NHÂN ĐỦ ĐIỀU KIỆN ĐỀ NGHỊ KHEN THƯỞNG NĂM 2025');
    expect(pdf.text[0]).toContain('Số: 07/DS-SNV');
    expect(pdf.text[0]).toContain('Không có cá nhân nào đủ điều kiện');
  });
});
