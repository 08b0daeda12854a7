import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareYmd,
  dayNumber,
  daysInMonth,
  monthsAndDays,
  parseIsoDate,
  type Ymd,
} from './format';

/** monthsAndDays as first written, on Date objects: the calendar arithmetic must agree with it. */
function monthsAndDaysByDate(start: Ymd, endInclusive: Ymd) {
  const endExclusive = addDays(endInclusive, 1);
  if (compareYmd(start, endExclusive) >= 0) return { months: 0, days: 0 };
  let months = (endExclusive.y - start.y) * 12 + (endExclusive.m - start.m);
  while (months > 0 && compareYmd(addMonths(start, months), endExclusive) > 0) months--;
  return { months, days: dayNumber(endExclusive) - dayNumber(addMonths(start, months)) };
}

describe('dates', () => {
  it('counts months and days exactly as the Date-based reckoning does, month ends and leap days included', () => {
    const days: Ymd[] = [];
    for (const y of [99, 100, 1900, 1999, 2000, 2023, 2024, 2025, 2100])
      for (let m = 1; m <= 12; m++)
        for (const d of [1, 2, 15, 28, 29, 30, 31]) if (d <= daysInMonth(y, m)) days.push({ y, m, d });
    let checked = 0;
    for (let i = 0; i < days.length; i += 3)
      for (let j = 0; j < days.length; j += 5) {
        expect(monthsAndDays(days[i]!, days[j]!), `${JSON.stringify([days[i], days[j]])}`).toEqual(
          monthsAndDaysByDate(days[i]!, days[j]!),
        );
        checked++;
      }
    expect(checked).toBeGreaterThan(20_000);
    expect(monthsAndDays({ y: 2025, m: 7, d: 3 }, { y: 2025, m: 12, d: 31 })).toEqual({
      months: 5,
      days: 29,
    });
    // a year on from 29 February ends on 28 February, and that day counts too
    expect(monthsAndDays({ y: 2024, m: 2, d: 29 }, { y: 2025, m: 2, d: 28 })).toEqual({
      months: 12,
      days: 1,
    });
  });

  it('reads yyyy-mm-dd and refuses anything else, as the pattern does', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 });
    expect(parseIsoDate('0099-12-31')).toEqual({ y: 99, m: 12, d: 31 });
    for (const bad of [
      '2025-02-29',
      '2025-13-01',
      '2025-00-10',
      '2025-1-01',
      '2025-01-1x',
      '2025/01/01',
      ' 2025-01-01',
      '２０２５-01-01',
      '',
    ])
      expect(parseIsoDate(bad), bad).toBeUndefined();
  });
});
