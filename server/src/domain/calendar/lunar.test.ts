import { describe, expect, it } from 'vitest';
import { formatIsoDay, parseIsoDay } from './days';
import { hungKingsDay, lunarToSolar, solarToLunar, tetDay } from './lunar';

describe("Hồ Ngọc Đức's lunar calendar at UTC+7", () => {
  it('places Tết Nguyên đán where the published calendars do', () => {
    const tet: Record<number, string> = {
      2020: '2020-01-25',
      2021: '2021-02-12',
      2022: '2022-02-01',
      2023: '2023-01-22',
      2024: '2024-02-10',
      2025: '2025-01-29',
      2026: '2026-02-17',
      2027: '2027-02-06',
      2028: '2028-01-26',
      2033: '2033-01-31',
    };
    for (const [year, date] of Object.entries(tet)) expect(formatIsoDay(tetDay(Number(year)))).toBe(date);
  });

  it('places Giỗ Tổ Hùng Vương (10/3 âm lịch)', () => {
    expect(formatIsoDay(hungKingsDay(2023))).toBe('2023-04-29');
    expect(formatIsoDay(hungKingsDay(2024))).toBe('2024-04-18');
    expect(formatIsoDay(hungKingsDay(2025))).toBe('2025-04-07');
    expect(formatIsoDay(hungKingsDay(2026))).toBe('2026-04-26');
    expect(formatIsoDay(hungKingsDay(2027))).toBe('2027-04-16');
  });

  it('converts back and forth, and knows the leap month of 2025 (tháng 6 nhuận)', () => {
    expect(solarToLunar(parseIsoDay('2026-02-16')!)).toEqual({ day: 29, month: 12, year: 2025, leap: false });
    expect(solarToLunar(parseIsoDay('2027-02-06')!)).toEqual({ day: 1, month: 1, year: 2027, leap: false });
    expect(formatIsoDay(lunarToSolar(1, 6, 2025, true)!)).toBe('2025-07-25');
    expect(lunarToSolar(1, 5, 2025, true)).toBeNull();
    for (let d = parseIsoDay('2024-01-01')!; d < parseIsoDay('2028-12-31')!; d += 17) {
      const l = solarToLunar(d);
      expect(lunarToSolar(l.day, l.month, l.year, l.leap)).toBe(d);
    }
  });
});
