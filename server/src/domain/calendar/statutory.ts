/**
 * A provisional year built from the statute alone, for a year whose Prime Minister's decision is not
 * known yet: the 11 paid holidays of the Labour Code 2019 (Điều 112 khoản 1) placed on that year's
 * calendar, plus the compensatory day off when a holiday falls on a weekly rest day (Điều 111 khoản 3).
 * No swaps and no make-up Saturdays: those only come with the decision. Where the statute leaves a
 * choice (which 5 days of Tết, which day next to 2/9), the choice made is written on the day as an
 * `assumption`.
 */
import type { CalendarHoliday, CalendarYearData } from '../../../../contract/calendar';
import {
  dayFromParts,
  formatIsoDay,
  shortViDate,
  WEEKDAY_VI,
  weekdayOf,
  isWeekend,
  type DayNumber,
} from './days';
import { hungKingsDay, solarToLunar, tetDay } from './lunar';

export const LABOUR_CODE_HOLIDAYS = 'Bộ luật Lao động 2019, Điều 112 khoản 1';
export const LABOUR_CODE_COMPENSATION = 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù)';
const LUNAR_NOTE = 'ngày dương lịch tính theo thuật toán âm lịch Hồ Ngọc Đức, múi giờ UTC+7';

const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'];
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'];

/** "Đinh Mùi" for the lunar year beginning in 2027. */
export function canChi(lunarYear: number): string {
  return `${CAN[(lunarYear + 6) % 10]} ${CHI[(lunarYear + 8) % 12]}`;
}

/** "29 tháng Chạp", "mùng 1", … for a day around Tết. */
function tetDayLabel(day: DayNumber): string {
  const l = solarToLunar(day);
  if (l.month === 1) return `mùng ${l.day}`;
  return `${l.day} tháng Chạp`;
}

/** Which day next to 2/9 is the second day of Quốc khánh, by the weekday of 2/9 (practice of 2021–2026). */
const NATIONAL_DAY_NEIGHBOUR: Record<number, 1 | 3> = {
  0: 3, // Sun 2/9: Mon 3/9 (and the compensatory day for 2/9 follows)
  1: 3, // Mon: Tue 3/9 (2024)
  2: 1, // Tue: Mon 1/9 (2025)
  3: 1, // Wed: Tue 1/9 (2026)
  4: 3, // Thu: Fri 3/9 (2021)
  5: 1, // Fri: Thu 1/9 (2022)
  6: 1, // Sat: Fri 1/9, compensatory Mon 4/9 (2023)
};

/** The statutory holidays of a civil year, before compensatory days, in date order. */
export function statutoryHolidays(year: number): CalendarHoliday[] {
  const out: CalendarHoliday[] = [];
  const add = (day: DayNumber, name: string, source: string, assumption?: string) =>
    out.push({ date: formatIsoDay(day), name, source, ...(assumption ? { assumption } : {}) });

  add(dayFromParts(year, 1, 1), 'Tết Dương lịch', LABOUR_CODE_HOLIDAYS);

  const tet = tetDay(year);
  const lunarYearName = canChi(year);
  const previousName = canChi(year - 1);
  const tetAssumption =
    `Giả định: 01 ngày cuối năm ${previousName} và 04 ngày đầu năm ${lunarYearName}. Bộ luật chỉ quy định ` +
    '05 ngày Tết; các ngày nghỉ cụ thể (và việc hoán đổi) do Thủ tướng Chính phủ quyết định hằng năm.';
  for (let i = -1; i <= 3; i++) {
    const d = tet + i;
    add(
      d,
      `Tết Nguyên đán ${lunarYearName} (${tetDayLabel(d)})`,
      `${LABOUR_CODE_HOLIDAYS}; ${LUNAR_NOTE}`,
      tetAssumption,
    );
  }

  add(hungKingsDay(year), 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', `${LABOUR_CODE_HOLIDAYS}; ${LUNAR_NOTE}`);
  add(dayFromParts(year, 4, 30), 'Ngày Chiến thắng (30/4)', LABOUR_CODE_HOLIDAYS);
  add(dayFromParts(year, 5, 1), 'Ngày Quốc tế Lao động (1/5)', LABOUR_CODE_HOLIDAYS);

  const national = dayFromParts(year, 9, 2);
  const neighbour = dayFromParts(year, 9, NATIONAL_DAY_NEIGHBOUR[weekdayOf(national)]!);
  const neighbourAssumption =
    `Giả định: ngày liền kề là ${shortViDate(neighbour)} (${WEEKDAY_VI[weekdayOf(neighbour)]}), chọn để nối với ` +
    'ngày nghỉ cuối tuần như thông lệ các năm 2021–2026. Bộ luật cho chọn ngày liền kề trước hoặc sau 2/9; ' +
    'Thủ tướng Chính phủ quyết định.';
  add(national, 'Quốc khánh (2/9)', LABOUR_CODE_HOLIDAYS);
  add(neighbour, 'Quốc khánh (ngày liền kề 2/9)', LABOUR_CODE_HOLIDAYS, neighbourAssumption);

  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Adds the compensatory days off: each holiday that falls on a Saturday or Sunday gives the next
 * working day (a weekday that is neither a holiday nor already a compensatory day), in date order.
 */
export function withCompensatoryDays(holidays: readonly CalendarHoliday[]): CalendarHoliday[] {
  const taken = new Set(holidays.map((h) => h.date));
  const out = [...holidays];
  const sorted = [...holidays].sort((a, b) => a.date.localeCompare(b.date));
  for (const h of sorted) {
    const [y, m, d] = h.date.split('-').map(Number) as [number, number, number];
    const day = dayFromParts(y, m, d);
    if (!isWeekend(day)) continue;
    let next = day + 1;
    while (isWeekend(next) || taken.has(formatIsoDay(next))) next++;
    const iso = formatIsoDay(next);
    taken.add(iso);
    out.push({
      date: iso,
      name: `Nghỉ bù: ${h.name} trùng ${WEEKDAY_VI[weekdayOf(day)]} ${shortViDate(day)}`,
      source: LABOUR_CODE_COMPENSATION,
      ...(h.assumption ? { assumption: h.assumption } : {}),
    });
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

/** Ngày Văn hóa Việt Nam (24/11): planned as a holiday, not yet law. Written into every year's notes. */
export const CULTURE_DAY_NOTE =
  'Ngày 24/11 (Ngày Văn hóa Việt Nam) KHÔNG được tính là ngày nghỉ: Bộ Chính trị đã chủ trương lấy ngày này ' +
  'làm ngày nghỉ có hưởng lương và Chính phủ (Nghị quyết 30/NQ-CP) giao sửa khoản 1 Điều 112 Bộ luật Lao động, ' +
  'nhưng đến ngày 26/02/2026 quy định này chưa có hiệu lực (CHƯA CHẮC CHẮN). Khi luật được sửa, quản trị viên ' +
  'thêm ngày này vào danh sách ngày nghỉ.';

/** A provisional year from the statutory rule: what an administrator creates with one click. */
export function provisionalYear(year: number): CalendarYearData {
  return {
    year,
    status: 'provisional',
    holidays: withCompensatoryDays(statutoryHolidays(year)),
    workingSaturdays: [],
    notes:
      `Năm tạm tính: chưa có quyết định của Thủ tướng Chính phủ về lịch nghỉ lễ, Tết năm ${year} của cán bộ, ` +
      'công chức, viên chức. Lịch được dựng theo Bộ luật Lao động 2019 (Điều 112 khoản 1: 11 ngày nghỉ lễ, Tết; ' +
      'Điều 111 khoản 3: nghỉ bù khi ngày lễ trùng ngày nghỉ hằng tuần); chưa có ngày hoán đổi, làm bù. ' +
      'Ngày âm lịch tính theo thuật toán của Hồ Ngọc Đức (múi giờ UTC+7). Các ngày có ghi "Giả định" là lựa ' +
      'chọn của hệ thống khi luật để ngỏ. ' +
      CULTURE_DAY_NOTE +
      ' Khi có quyết định, cập nhật các ngày nghỉ, ngày làm bù và chuyển năm sang "Đã quyết định".',
  };
}
