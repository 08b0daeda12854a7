/**
 * Checks a year's data as an administrator sends it: every date a real date of that year, no date twice,
 * a working Saturday a Saturday and not also a day off, every day off named. Answers the data tidied
 * (text trimmed, empty optional text dropped, days in date order) or throws `CalendarYearError` listing
 * every problem with its path.
 */
import {
  CALENDAR_MAX_YEAR,
  CALENDAR_MIN_YEAR,
  CALENDAR_STATUSES,
  type CalendarHoliday,
  type CalendarWorkingSaturday,
  type CalendarYearData,
} from '../../../../contract/calendar';
import { parseIsoDay, shortViDate, weekdayOf, WEEKDAY_VI, yearOf } from './days';
import { CalendarYearError, type CalendarErrorDetail } from './errors';

function optionalText(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t ? t : undefined;
}

export function validateCalendarYear(input: CalendarYearData): CalendarYearData {
  const problems: CalendarErrorDetail[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const { year } = input;
  if (!Number.isInteger(year) || year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) {
    add('year', `năm phải từ ${CALENDAR_MIN_YEAR} đến ${CALENDAR_MAX_YEAR}`);
  }
  if (!(CALENDAR_STATUSES as readonly string[]).includes(input.status)) {
    add('status', `phải là một trong: ${CALENDAR_STATUSES.join(', ')}`);
  }

  const offDates = new Map<string, number>();
  const holidays: CalendarHoliday[] = [];
  input.holidays.forEach((h, i) => {
    const path = `holidays[${i}]`;
    const d = parseIsoDay(h.date);
    if (d === null) add(`${path}.date`, `"${h.date}" không phải ngày có thật dạng YYYY-MM-DD`);
    else if (yearOf(d) !== year) add(`${path}.date`, `ngày ${shortViDate(d)} không thuộc năm ${year}`);
    else if (offDates.has(h.date)) {
      add(
        `${path}.date`,
        `ngày ${shortViDate(d)} đã có ở dòng ${offDates.get(h.date)! + 1} (trùng ngày nghỉ)`,
      );
    } else offDates.set(h.date, i);
    const name = h.name.trim();
    if (!name) add(`${path}.name`, 'tên ngày nghỉ không được để trống');
    const source = optionalText(h.source);
    const assumption = optionalText(h.assumption);
    holidays.push({
      date: h.date,
      name,
      ...(source ? { source } : {}),
      ...(assumption ? { assumption } : {}),
    });
  });

  const workDates = new Map<string, number>();
  const workingSaturdays: CalendarWorkingSaturday[] = [];
  input.workingSaturdays.forEach((s, i) => {
    const path = `workingSaturdays[${i}]`;
    const d = parseIsoDay(s.date);
    if (d === null) add(`${path}.date`, `"${s.date}" không phải ngày có thật dạng YYYY-MM-DD`);
    else if (yearOf(d) !== year) add(`${path}.date`, `ngày ${shortViDate(d)} không thuộc năm ${year}`);
    else if (weekdayOf(d) !== 6) {
      add(`${path}.date`, `ngày ${shortViDate(d)} là ${WEEKDAY_VI[weekdayOf(d)]}, không phải thứ Bảy`);
    } else if (workDates.has(s.date)) {
      add(
        `${path}.date`,
        `ngày ${shortViDate(d)} đã có ở dòng ${workDates.get(s.date)! + 1} (trùng ngày làm bù)`,
      );
    } else if (offDates.has(s.date)) {
      add(`${path}.date`, `ngày ${shortViDate(d)} đã là ngày nghỉ, không thể đồng thời là ngày làm bù`);
    } else workDates.set(s.date, i);
    const name = optionalText(s.name);
    const source = optionalText(s.source);
    workingSaturdays.push({ date: s.date, ...(name ? { name } : {}), ...(source ? { source } : {}) });
  });

  if (problems.length > 0) {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (và ${problems.length - 1} lỗi khác)` : '';
    throw new CalendarYearError(
      `Lịch năm ${year} không hợp lệ: ${first.path}: ${first.message}${more}`,
      problems,
    );
  }
  return {
    year,
    status: input.status,
    holidays: holidays.sort((a, b) => a.date.localeCompare(b.date)),
    workingSaturdays: workingSaturdays.sort((a, b) => a.date.localeCompare(b.date)),
    notes: input.notes.trim(),
  };
}
