import { describe, expect, it } from 'vitest';
import type { CalendarYearData } from '../../../../contract/calendar';
import { BUILT_IN_CALENDAR, CALENDAR_2025, CALENDAR_2026, CALENDAR_2027 } from './data';
import { formatIsoDay, parseIsoDay, weekdayOf } from './days';
import { CalendarError } from './errors';
import { countWorkingDays, parseQueries } from './queries';
import { provisionalYear } from './statutory';
import { validateCalendarYear } from './validate';
import { addWorkingDays, buildCalendar, isWorkingDay, workingDaysBetween } from './working-days';

const cal = buildCalendar(BUILT_IN_CALENDAR);

function thrown(fn: () => unknown): CalendarError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CalendarError) return e;
    throw e;
  }
  throw new Error('expected a CalendarError');
}

describe('the contract examples', () => {
  it('adds 10 working days to Monday 9/2/2026 across the Tết Bính Ngọ break: 2/3/2026', () => {
    expect(countWorkingDays(cal, { id: 'a', from: '2026-02-09', add: 10 })).toEqual({
      id: 'a',
      date: '2026-03-02',
      provisional: false,
    });
  });

  it('counts one working day from Friday 13/2 to Monday 23/2/2026', () => {
    expect(countWorkingDays(cal, { id: 'b', from: '2026-02-13', to: '2026-02-23' })).toEqual({
      id: 'b',
      days: 1,
      provisional: false,
    });
  });

  it('answers an array in the same order, and leaves out an absent id', () => {
    expect(
      countWorkingDays(cal, [
        { from: '2026-02-13', to: '2026-02-23' },
        { id: 'x', from: '2026-02-09', add: 10 },
      ]),
    ).toEqual([
      { days: 1, provisional: false },
      { id: 'x', date: '2026-03-02', provisional: false },
    ]);
    expect(countWorkingDays(cal, [])).toEqual([]);
  });
});

describe('rest days, days off and make-up Saturdays', () => {
  it('never counts the day of `from`, whatever kind of day it is', () => {
    // Sunday 1/3/2026 + 1 = Monday 2/3; Monday 2/3 + 1 = Tuesday 3/3; holiday 17/2 + 1 = Monday 23/2
    expect(addWorkingDays(cal, '2026-03-01', 1).date).toBe('2026-03-02');
    expect(addWorkingDays(cal, '2026-03-02', 1).date).toBe('2026-03-03');
    expect(addWorkingDays(cal, '2026-02-17', 1).date).toBe('2026-02-23');
    expect(workingDaysBetween(cal, '2026-03-02', '2026-03-02').days).toBe(0);
    expect(workingDaysBetween(cal, '2026-03-03', '2026-03-02').days).toBe(0);
    expect(workingDaysBetween(cal, '2026-03-01', '2026-03-02').days).toBe(1);
  });

  it('counts the make-up Saturdays 26/4/2025, 10/1/2026 and 22/8/2026 as working days', () => {
    for (const d of ['2025-04-26', '2026-01-10', '2026-08-22']) {
      expect(weekdayOf(parseIsoDay(d)!)).toBe(6);
      expect(isWorkingDay(cal, d)).toBe(true);
    }
    expect(isWorkingDay(cal, '2026-01-17')).toBe(false); // an ordinary Saturday
    // Friday 9/1/2026 + 1 = Saturday 10/1 (make-up day)
    expect(addWorkingDays(cal, '2026-01-09', 1).date).toBe('2026-01-10');
    // Thursday 24/4/2025 + 2: Friday 25/4, Saturday 26/4
    expect(addWorkingDays(cal, '2025-04-24', 2).date).toBe('2025-04-26');
    // Friday 21/8/2026 to Tuesday 1/9/2026: Sat 22/8 and Mon 24/8 … Fri 28/8 (Mon 31/8 swapped, 1/9 off)
    expect(workingDaysBetween(cal, '2026-08-21', '2026-09-01').days).toBe(6);
  });

  it('rests on the weekdays swapped away: 2/5/2025, 2/1/2026, 31/8/2026', () => {
    for (const d of ['2025-05-02', '2026-01-02', '2026-08-31']) expect(isWorkingDay(cal, d)).toBe(false);
    // 29/4/2025 + 1: Wed 30/4, Thu 1/5, Fri 2/5 off, weekend: Monday 5/5
    expect(addWorkingDays(cal, '2025-04-29', 1).date).toBe('2025-05-05');
  });

  it('gives the compensatory day off for Giỗ Tổ on Sunday 26/4/2026: Monday 27/4', () => {
    expect(isWorkingDay(cal, '2026-04-27')).toBe(false);
    expect(addWorkingDays(cal, '2026-04-24', 1).date).toBe('2026-04-28');
    expect(workingDaysBetween(cal, '2026-04-24', '2026-05-08').days).toBe(7); // 28, 29/4; 4–8/5
  });

  it('rests on every day off the digest lists for 2025 and 2026', () => {
    const off = [
      '2025-01-01',
      ...['27', '28', '29', '30', '31'].map((d) => `2025-01-${d}`),
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-05-02',
      '2025-09-01',
      '2025-09-02',
      '2026-01-01',
      '2026-01-02',
      ...['16', '17', '18', '19', '20'].map((d) => `2026-02-${d}`),
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-08-31',
      '2026-09-01',
      '2026-09-02',
    ];
    for (const d of off) expect(isWorkingDay(cal, d), d).toBe(false);
    // 24/11 (Ngày Văn hóa Việt Nam) is not a day off: planned, not law.
    expect(isWorkingDay(cal, '2025-11-24')).toBe(true);
    expect(isWorkingDay(cal, '2026-11-24')).toBe(true);
    expect(isWorkingDay(cal, '2027-11-24')).toBe(true);
    // Working days in a year: 261 weekdays, less the weekdays off, plus the make-up Saturdays
    // (1/1/2025 is not counted, but it is a day off anyway)
    expect(workingDaysBetween(cal, '2025-01-01', '2025-12-31').days).toBe(261 - 12 + 1);
    expect(workingDaysBetween(cal, '2025-12-31', '2026-12-31').days).toBe(261 - 13 + 2);
  });
});

describe('the provisional year 2027', () => {
  it('holds the statutory days and compensatory days, each assumption written down', () => {
    const dates = CALENDAR_2027.holidays.map((h) => h.date);
    expect(dates).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10', // compensatory for Saturday 6/2 (mùng 1)
      '2027-02-11', // compensatory for Sunday 7/2 (mùng 2)
      '2027-04-16',
      '2027-04-30',
      '2027-05-01',
      '2027-05-03', // compensatory for Saturday 1/5
      '2027-09-02',
      '2027-09-03',
    ]);
    expect(CALENDAR_2027.status).toBe('provisional');
    expect(CALENDAR_2027.workingSaturdays).toEqual([]);
    const tet = CALENDAR_2027.holidays.filter((h) => h.name.includes('Tết Nguyên đán'));
    expect(tet.every((h) => h.assumption?.startsWith('Giả định'))).toBe(true);
    expect(CALENDAR_2027.holidays.find((h) => h.date === '2027-09-03')!.assumption).toMatch(/ngày liền kề/);
    expect(CALENDAR_2027.holidays.find((h) => h.date === '2027-04-16')!.assumption).toBeUndefined();
    expect(CALENDAR_2027.notes).toMatch(/24\/11/);
    expect(CALENDAR_2027.holidays.some((h) => h.date.endsWith('-11-24'))).toBe(false);
  });

  it('gives every provisional year 11 statutory days plus one compensatory day per weekend holiday', () => {
    for (let year = 2027; year <= 2060; year++) {
      const y = provisionalYear(year);
      expect(() => validateCalendarYear(y)).not.toThrow();
      const compensatory = y.holidays.filter((h) => h.name.startsWith('Nghỉ bù'));
      const statutory = y.holidays.filter((h) => !h.name.startsWith('Nghỉ bù'));
      expect(statutory).toHaveLength(11);
      const onWeekend = statutory.filter((h) => [0, 6].includes(weekdayOf(parseIsoDay(h.date)!)));
      expect(compensatory).toHaveLength(onWeekend.length);
      // so the year always loses exactly 11 weekdays
      expect(y.holidays.filter((h) => ![0, 6].includes(weekdayOf(parseIsoDay(h.date)!)))).toHaveLength(11);
    }
  });

  it('marks a count provisional when a counted day lies in 2027, also across the year boundary', () => {
    expect(addWorkingDays(cal, '2026-12-30', 1)).toEqual({ date: '2026-12-31', provisional: false });
    expect(addWorkingDays(cal, '2026-12-30', 2)).toEqual({ date: '2027-01-04', provisional: true });
    expect(addWorkingDays(cal, '2026-12-31', 1)).toEqual({ date: '2027-01-04', provisional: true });
    expect(workingDaysBetween(cal, '2026-12-28', '2027-01-05')).toEqual({ days: 5, provisional: true });
    expect(workingDaysBetween(cal, '2026-12-28', '2026-12-31')).toEqual({ days: 3, provisional: false });
    // the day of `from` is not counted: from 31/12/2026 nothing of 2026 is counted
    expect(workingDaysBetween(cal, '2026-12-31', '2027-01-01')).toEqual({ days: 0, provisional: true });
    // nothing counted, nothing provisional
    expect(workingDaysBetween(cal, '2027-03-01', '2027-02-01')).toEqual({ days: 0, provisional: false });
    // 2025 → 2026: both decided
    expect(addWorkingDays(cal, '2025-12-31', 1)).toEqual({ date: '2026-01-05', provisional: false });
  });
});

describe('errors', () => {
  it('refuses a date outside the known years, naming the year and the years known', () => {
    const before = thrown(() => countWorkingDays(cal, { from: '2024-12-31', add: 1 }));
    expect(before.code).toBe('calendar_date_out_of_range');
    expect(before.details[0]).toMatchObject({ path: 'from' });
    expect(before.message).toMatch(/năm 2024/);
    expect(before.message).toMatch(/2025–2027/);
    const after = thrown(() => countWorkingDays(cal, { from: '2027-12-30', add: 5 }));
    expect(after.code).toBe('calendar_date_out_of_range');
    expect(after.details[0]!.path).toBe('add');
    expect(after.message).toMatch(/31\/12\/2027/);
    const to = thrown(() =>
      countWorkingDays(cal, [
        { from: '2026-01-05', add: 1 },
        { from: '2026-01-05', to: '2028-01-03' },
      ]),
    );
    expect(to.code).toBe('calendar_date_out_of_range');
    expect(to.details).toEqual([{ path: '[1].to', message: expect.stringMatching(/năm 2028/) }]);
    // even when nothing would be counted
    expect(thrown(() => workingDaysBetween(cal, '2026-01-05', '2024-01-01')).code).toBe(
      'calendar_date_out_of_range',
    );
  });

  it('refuses a count that crosses a year missing between known years', () => {
    const holey = buildCalendar([CALENDAR_2025, CALENDAR_2027]);
    const e = thrown(() => workingDaysBetween(holey, '2025-12-01', '2027-01-05'));
    expect(e.code).toBe('calendar_date_out_of_range');
    expect(e.message).toMatch(/năm 2026/);
    expect(thrown(() => addWorkingDays(holey, '2025-12-30', 5)).message).toMatch(/năm 2026/);
    expect(addWorkingDays(holey, '2027-01-04', 1).date).toBe('2027-01-05');
  });

  it('refuses malformed queries, listing every problem with its path', () => {
    const cases: [unknown, string][] = [
      [{ from: '2026-02-30', add: 1 }, 'from'],
      [{ from: '2026-2-3', add: 1 }, 'from'],
      [{ from: '2026-02-09', add: 0 }, 'add'],
      [{ from: '2026-02-09', add: 1.5 }, 'add'],
      [{ from: '2026-02-09', add: '3' }, 'add'],
      [{ from: '2026-02-09', add: -2 }, 'add'],
      [{ from: '2026-02-09' }, '(gốc)'],
      [{ from: '2026-02-09', add: 1, to: '2026-03-01' }, '(gốc)'],
      [{ add: 1 }, 'from'],
      [{ from: '2026-02-09', add: 1, extra: true }, 'extra'],
      [{ id: 7, from: '2026-02-09', add: 1 }, 'id'],
      ['2026-02-09', '(gốc)'],
      [null, '(gốc)'],
    ];
    for (const [input, path] of cases) {
      const e = thrown(() => parseQueries(input));
      expect(e.code, JSON.stringify(input)).toBe('invalid_calendar_query');
      expect(
        e.details.map((d) => d.path),
        JSON.stringify(input),
      ).toContain(path);
    }
    const many = thrown(() => parseQueries([{ from: '2026-02-09', add: 1 }, { from: 'x', to: 'y' }, 3]));
    expect(many.details.map((d) => d.path)).toEqual(['[1].from', '[1].to', '[2]']);
    expect(many.message).toMatch(/và 2 lỗi khác/);
  });
});

describe('add and between agree (property test over random queries)', () => {
  // A small deterministic generator, so that a failure can be replayed.
  let seed = 20260209;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const first = parseIsoDay('2025-01-01')!;
  const last = parseIsoDay('2027-12-31')!;

  it('between(from, add(from, n)) = n, the answer is a working day, and no earlier day reaches n', () => {
    for (let i = 0; i < 3000; i++) {
      const from = first + Math.floor(random() * (last - first - 200));
      const n = 1 + Math.floor(random() * 120);
      const fromIso = formatIsoDay(from);
      const { date, provisional } = addWorkingDays(cal, fromIso, n);
      expect(isWorkingDay(cal, date)).toBe(true);
      const between = workingDaysBetween(cal, fromIso, date);
      expect(between).toEqual({ days: n, provisional });
      const dayBefore = formatIsoDay(parseIsoDay(date)! - 1);
      expect(workingDaysBetween(cal, fromIso, dayBefore).days).toBe(n - 1);
    }
  });

  it('add(from, between(from, to)) is the last working day on or before `to`', () => {
    for (let i = 0; i < 3000; i++) {
      const from = first + Math.floor(random() * (last - first));
      const to = Math.min(last, from + Math.floor(random() * 200));
      const { days } = workingDaysBetween(cal, formatIsoDay(from), formatIsoDay(to));
      if (days === 0) continue;
      const reached = parseIsoDay(addWorkingDays(cal, formatIsoDay(from), days).date)!;
      expect(reached).toBeLessThanOrEqual(to);
      for (let d = reached + 1; d <= to; d++) expect(isWorkingDay(cal, formatIsoDay(d))).toBe(false);
    }
  });

  it('agrees with a day-by-day walk', () => {
    const walk = (fromDay: number, toDay: number) => {
      let n = 0;
      for (let d = fromDay + 1; d <= toDay; d++) if (isWorkingDay(cal, formatIsoDay(d))) n++;
      return n;
    };
    for (let i = 0; i < 300; i++) {
      const from = first + Math.floor(random() * (last - first));
      const to = Math.min(last, from + Math.floor(random() * 400));
      expect(workingDaysBetween(cal, formatIsoDay(from), formatIsoDay(to)).days).toBe(walk(from, to));
    }
  });
});

describe('validating an administrator’s year', () => {
  const base: CalendarYearData = { ...CALENDAR_2026 };

  it('accepts the built-in years and tidies text and order', () => {
    for (const y of BUILT_IN_CALENDAR) expect(validateCalendarYear(y)).toEqual(y);
    const tidy = validateCalendarYear({
      ...base,
      holidays: [
        { date: '2026-09-02', name: '  Quốc khánh ', source: ' ' },
        { date: '2026-01-01', name: 'Tết Dương lịch' },
      ],
      workingSaturdays: [{ date: '2026-01-10', name: '' }],
      notes: ' x ',
    });
    expect(tidy.holidays).toEqual([
      { date: '2026-01-01', name: 'Tết Dương lịch' },
      { date: '2026-09-02', name: 'Quốc khánh' },
    ]);
    expect(tidy.workingSaturdays).toEqual([{ date: '2026-01-10' }]);
    expect(tidy.notes).toBe('x');
  });

  it('lists every problem: other year, duplicate, not a Saturday, both off and working, blank name', () => {
    let err: unknown;
    try {
      validateCalendarYear({
        ...base,
        holidays: [
          { date: '2025-12-31', name: 'Năm khác' },
          { date: '2026-01-01', name: 'Tết Dương lịch' },
          { date: '2026-01-01', name: 'Lần nữa' },
          { date: '2026-02-31', name: 'Không có thật' },
          { date: '2026-03-02', name: '   ' },
          { date: '2026-01-17', name: 'Thứ Bảy nghỉ' },
        ],
        workingSaturdays: [
          { date: '2026-01-11' },
          { date: '2026-01-10' },
          { date: '2026-01-10' },
          { date: '2026-01-17' },
        ],
      });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'invalid_calendar_year' });
    const paths = (err as { details: { path: string }[] }).details.map((d) => d.path);
    expect(paths).toEqual([
      'holidays[0].date',
      'holidays[2].date',
      'holidays[3].date',
      'holidays[4].name',
      'workingSaturdays[0].date',
      'workingSaturdays[2].date',
      'workingSaturdays[3].date',
    ]);
  });
});
