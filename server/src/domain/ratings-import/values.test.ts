import { describe, expect, it } from 'vitest';
import { columnKindOf } from './header';
import { isoToSerial, parseBirthDate, parseRatingWord, serialToIso } from './values';

const RANGE = { from: '1920-01-01', to: '2026-11-23' };

describe('rating words', () => {
  it.each([
    ['Hoàn thành xuất sắc nhiệm vụ', 'HTXS'],
    ['HOÀN THÀNH XUẤT SẮC NHIỆM VỤ', 'HTXS'],
    ['Hoàn thành xuất sắc', 'HTXS'],
    ['HTXS', 'HTXS'],
    ['htxs nv', 'HTXS'],
    ['HTXSNV', 'HTXS'],
    ['HT xuất sắc', 'HTXS'],
    ['hoan thanh xuat sac nhiem vu', 'HTXS'],
    ['Hoàn thành tốt nhiệm vụ', 'HTT'],
    ['hoan thanh tot', 'HTT'],
    ['HT tốt', 'HTT'],
    [' HTT. ', 'HTT'],
    ['Hoàn thành nhiệm vụ', 'HT'],
    ['Hoàn thành', 'HT'],
    ['HT', 'HT'],
    ['Không hoàn thành nhiệm vụ', 'KHT'],
    ['không HT', 'KHT'],
    ['KHT', 'KHT'],
    ['Hoàn thành tốt nhiệm vụ'.normalize('NFD'), 'HTT'],
  ])('"%s" is %s', (word, level) => {
    expect(parseRatingWord(word)).toEqual({ ok: true, value: level });
  });

  it.each([
    'Tốt',
    'Xuất sắc',
    'Khá',
    'Trung bình',
    'Lao động tiên tiến',
    'Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực',
    'HTXSS',
    '1',
  ])('"%s" is no level the law has', (word) => {
    const r = parseRatingWord(word);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(`"${word}"`);
      expect(r.message).toContain('Hoàn thành xuất sắc nhiệm vụ (HTXS)');
    }
  });

  it('says when a word is a level of the old rules', () => {
    const r = parseRatingWord('Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực');
    expect(!r.ok && r.message).toContain('quy định cũ');
  });
});

describe('birth dates', () => {
  it('reads date cells and serial numbers (1900 and 1904 systems)', () => {
    expect(parseBirthDate(31187, RANGE)).toEqual({ ok: true, value: '1985-05-20' });
    expect(parseBirthDate(31187.75, RANGE)).toEqual({ ok: true, value: '1985-05-20' });
    expect(parseBirthDate(31187 - 1462, RANGE, true)).toEqual({ ok: true, value: '1985-05-20' });
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(isoToSerial('1985-05-20')).toBe(31187);
  });

  it.each([
    ['20/05/1985', '1985-05-20'],
    ['2/5/1985', '1985-05-02'],
    ['02-05-1985', '1985-05-02'],
    ['02.05.1985', '1985-05-02'],
    ['1985-05-20', '1985-05-20'],
    [' 29/02/1988 ', '1988-02-29'],
  ])('reads the text "%s"', (text, iso) => {
    expect(parseBirthDate(text, RANGE)).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['31/02/1985', 'không có trong lịch'],
    ['29/02/1985', 'không có trong lịch'],
    ['20/05/85', 'dd/mm/yyyy'],
    ['1985', 'dd/mm/yyyy'],
    ['hai mươi tháng năm', 'dd/mm/yyyy'],
    ['20/05/2030', 'ngoài khoảng'],
    ['01/01/1900', 'ngoài khoảng'],
  ])('refuses "%s"', (text, says) => {
    const r = parseBirthDate(text, RANGE);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(says);
  });

  it('refuses a year typed as a number (1985 is a serial of 1905)', () => {
    const r = parseBirthDate(1985, RANGE);
    expect(!r.ok && r.message).toContain('ngoài khoảng');
  });
});

describe('header labels', () => {
  it.each([
    ['STT', 'stt'],
    ['TT', 'stt'],
    ['Họ và tên', 'name'],
    ['HỌ TÊN', 'name'],
    ['Họ và tên cán bộ', 'name'],
    ['Ngày sinh', 'birthDate'],
    ['Ngày, tháng, năm sinh', 'birthDate'],
    ['Ngày sinh (dd/mm/yyyy)', 'birthDate'],
    ['Mã cán bộ', 'code'],
    ['Mã', 'code'],
    ['Mã CB', 'code'],
    ['Mã đơn vị', 'unit'],
    ['Đơn vị', 'unit'],
    ['Đơn vị công tác', 'unit'],
    ['Cơ quan, đơn vị', 'unit'],
    ['Xếp loại', 'rating'],
    ['Kết quả xếp loại', 'rating'],
    ['Mức xếp loại', 'rating'],
    ['Kết quả đánh giá, xếp loại năm 2025', 'rating'],
    ['Năm', 'year'],
    ['Năm đánh giá', 'year'],
  ])('"%s" names the %s column', (label, kind) => {
    expect(columnKindOf(label)).toBe(kind);
  });

  it.each(['Chức vụ', 'Ghi chú', 'Giới tính', 'Năm sinh', 'Mã số thuế'])('"%s" is not read', (label) => {
    expect(columnKindOf(label)).toBeUndefined();
  });
});
