import { describe, expect, it } from 'vitest';
import {
  asciiFileName,
  formatDateVn,
  formatNotation,
  issuerSymbol,
  issuingBody,
  placeAndDate,
  placeName,
} from './format';

const city = { name: 'Ủy ban nhân dân thành phố Hà Nội', kind: 'city' };

describe('how official documents write dates, numbers and bodies', () => {
  it('writes the place and date with leading zeros for days below 10 and for January and February only', () => {
    expect(placeAndDate('Hà Nội', '2026-12-02')).toBe('Hà Nội, ngày 02 tháng 12 năm 2026');
    expect(placeAndDate('Hà Nội', '2026-02-05')).toBe('Hà Nội, ngày 05 tháng 02 năm 2026');
    expect(placeAndDate('Hoàn Kiếm', '2026-03-15')).toBe('Hoàn Kiếm, ngày 15 tháng 3 năm 2026');
    expect(() => placeAndDate('Hà Nội', '2/12/2026')).toThrow();
  });

  it('writes dates dd/mm/yyyy', () => {
    expect(formatDateVn('2025-07-01')).toBe('01/07/2025');
    expect(formatDateVn(null)).toBe('');
  });

  it('numbers from 01 and writes the notation number/type-issuer', () => {
    expect(formatNotation(1, 'LL', 'UBND')).toBe('01/LL-UBND');
    expect(formatNotation(12, 'BC', 'TĐKT')).toBe('12/BC-TĐKT');
    expect(formatNotation(1234, 'DS', 'SNV')).toBe('1234/DS-SNV');
    expect(() => formatNotation(0, 'DS', 'SNV')).toThrow();
  });

  it('derives the issuing body symbol: UBND for committees and local governments, initials otherwise', () => {
    expect(issuerSymbol('Ủy ban nhân dân thành phố Hà Nội')).toBe('UBND');
    expect(issuerSymbol('Phường Hoàn Kiếm')).toBe('UBND');
    expect(issuerSymbol('Xã Sóc Sơn')).toBe('UBND');
    expect(issuerSymbol('Sở Nội vụ')).toBe('SNV');
    expect(issuerSymbol('Sở Giáo dục và Đào tạo')).toBe('SGDĐT');
    expect(issuerSymbol('Ban Thi đua - Khen thưởng')).toBe('BTĐKT');
    expect(issuerSymbol('Bệnh viện Đa khoa Xanh Pôn')).toBe('BVĐKXP');
  });

  it('heads a department with its city, a ward as its People’s Committee, the city alone', () => {
    expect(issuingBody({ name: 'Sở Nội vụ', kind: 'department' }, city)).toEqual({
      parentBody: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI',
      body: 'SỞ NỘI VỤ',
    });
    expect(issuingBody({ name: 'Phường Hoàn Kiếm', kind: 'ward' }, city)).toEqual({
      body: 'ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM',
    });
    expect(issuingBody(city, null)).toEqual({ body: 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI' });
  });

  it('names the place: a ward its own name, every other unit its city', () => {
    expect(placeName({ name: 'Phường Hoàn Kiếm', kind: 'ward' }, city)).toBe('Hoàn Kiếm');
    expect(placeName({ name: 'Sở Nội vụ', kind: 'department' }, city)).toBe('Hà Nội');
    expect(placeName(city, city)).toBe('Hà Nội');
    expect(
      placeName({ name: 'Sở Y tế', kind: 'department' }, { name: 'Thành phố Hà Nội', kind: 'city' }),
    ).toBe('Hà Nội');
  });

  it('gives an ASCII file name for old clients', () => {
    expect(asciiFileName('Lý lịch khen thưởng - Nguyễn Thị Ánh Tuyết Đặng Ỷ Ưng - 12-LL-UBND.pdf')).toBe(
      'Ly-lich-khen-thuong-Nguyen-Thi-Anh-Tuyet-Dang-Y-Ung-12-LL-UBND.pdf',
    );
    expect(asciiFileName('Đ')).toBe('D');
  });
});
