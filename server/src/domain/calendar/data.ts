/**
 * The built-in calendar: 2025 and 2026 as the government decided them, 2027 provisional (no decision
 * found). Source: the procedure digest §5 (../shared/domain/procedure-digest.md), which cites the
 * government documents and press reports read. Only weekdays that are days off need listing; a statutory
 * holiday that falls on a weekend is listed too when it explains a compensatory day. The database is
 * seeded from this data (migration `calendar_seed`); afterwards an administrator's edits rule.
 */
import type { CalendarYearData } from '../../../../contract/calendar';
import {
  CULTURE_DAY_NOTE,
  LABOUR_CODE_COMPENSATION,
  LABOUR_CODE_HOLIDAYS,
  provisionalYear,
} from './statutory';

const TET_2025 =
  'Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng Chính phủ (Thủ tướng đồng ý nghỉ 9 ngày); Bộ Nội vụ: ' +
  'nghỉ từ 25/1 đến hết 2/2/2025';
const APRIL_2025 =
  'Thông báo hoán đổi ngày làm việc: nghỉ thứ Sáu 2/5/2025, làm bù thứ Bảy 26/4/2025 (VietnamPlus)';
const NATIONAL_2025 = 'Bộ Nội vụ: nghỉ từ thứ Bảy 30/8 đến hết thứ Ba 2/9/2025';
const NEW_YEAR_2026 =
  'Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ: nghỉ từ 1/1 đến hết 4/1/2026, ' +
  'hoán đổi thứ Sáu 2/1/2026 sang thứ Bảy 10/1/2026';
const TET_2026 =
  'Lịch nghỉ Tết Bính Ngọ của cán bộ, công chức, viên chức: từ thứ Bảy 14/2 đến hết Chủ nhật 22/2/2026';
const HUNG_2026 = 'Giỗ Tổ trùng Chủ nhật 26/4/2026, nghỉ bù thứ Hai 27/4/2026';
const NATIONAL_2026 =
  'Lịch nghỉ Quốc khánh 2026: từ thứ Bảy 29/8 đến hết thứ Tư 2/9/2026, hoán đổi thứ Hai 31/8 sang thứ Bảy 22/8/2026';

export const CALENDAR_2025: CalendarYearData = {
  year: 2025,
  status: 'decided',
  holidays: [
    { date: '2025-01-01', name: 'Tết Dương lịch', source: LABOUR_CODE_HOLIDAYS },
    { date: '2025-01-27', name: 'Tết Nguyên đán Ất Tỵ (28 tháng Chạp)', source: TET_2025 },
    { date: '2025-01-28', name: 'Tết Nguyên đán Ất Tỵ (29 tháng Chạp)', source: TET_2025 },
    { date: '2025-01-29', name: 'Tết Nguyên đán Ất Tỵ (mùng 1)', source: TET_2025 },
    { date: '2025-01-30', name: 'Tết Nguyên đán Ất Tỵ (mùng 2)', source: TET_2025 },
    { date: '2025-01-31', name: 'Tết Nguyên đán Ất Tỵ (mùng 3)', source: TET_2025 },
    { date: '2025-04-07', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', source: LABOUR_CODE_HOLIDAYS },
    { date: '2025-04-30', name: 'Ngày Chiến thắng (30/4)', source: LABOUR_CODE_HOLIDAYS },
    { date: '2025-05-01', name: 'Ngày Quốc tế Lao động (1/5)', source: LABOUR_CODE_HOLIDAYS },
    { date: '2025-05-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)', source: APRIL_2025 },
    { date: '2025-09-01', name: 'Quốc khánh (ngày liền kề 2/9)', source: NATIONAL_2025 },
    { date: '2025-09-02', name: 'Quốc khánh (2/9)', source: NATIONAL_2025 },
  ],
  workingSaturdays: [{ date: '2025-04-26', name: 'Làm bù cho thứ Sáu 2/5/2025', source: APRIL_2025 }],
  notes:
    'Đã quyết định. Tết Ất Tỵ nghỉ 9 ngày (25/1–2/2/2025); dịp 30/4–1/5 nghỉ 5 ngày (30/4–4/5/2025), hoán đổi ' +
    'thứ Sáu 2/5 sang thứ Bảy 26/4; Quốc khánh nghỉ 4 ngày (30/8–2/9/2025) theo phương án Bộ Nội vụ (chưa đọc ' +
    'được thông báo cuối cùng của Thủ tướng). ' +
    CULTURE_DAY_NOTE,
};

export const CALENDAR_2026: CalendarYearData = {
  year: 2026,
  status: 'decided',
  holidays: [
    { date: '2026-01-01', name: 'Tết Dương lịch', source: NEW_YEAR_2026 },
    { date: '2026-01-02', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 10/1/2026)', source: NEW_YEAR_2026 },
    { date: '2026-02-16', name: 'Tết Nguyên đán Bính Ngọ (29 tháng Chạp)', source: TET_2026 },
    { date: '2026-02-17', name: 'Tết Nguyên đán Bính Ngọ (mùng 1)', source: TET_2026 },
    { date: '2026-02-18', name: 'Tết Nguyên đán Bính Ngọ (mùng 2)', source: TET_2026 },
    { date: '2026-02-19', name: 'Tết Nguyên đán Bính Ngọ (mùng 3)', source: TET_2026 },
    { date: '2026-02-20', name: 'Tết Nguyên đán Bính Ngọ (mùng 4)', source: TET_2026 },
    { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch), trùng Chủ nhật', source: HUNG_2026 },
    {
      date: '2026-04-27',
      name: 'Nghỉ bù: Giỗ Tổ Hùng Vương trùng Chủ nhật 26/4/2026',
      source: `${LABOUR_CODE_COMPENSATION}; ${HUNG_2026}`,
    },
    { date: '2026-04-30', name: 'Ngày Chiến thắng (30/4)', source: LABOUR_CODE_HOLIDAYS },
    { date: '2026-05-01', name: 'Ngày Quốc tế Lao động (1/5)', source: LABOUR_CODE_HOLIDAYS },
    { date: '2026-08-31', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8/2026)', source: NATIONAL_2026 },
    { date: '2026-09-01', name: 'Quốc khánh (ngày liền kề 2/9)', source: NATIONAL_2026 },
    { date: '2026-09-02', name: 'Quốc khánh (2/9)', source: NATIONAL_2026 },
  ],
  workingSaturdays: [
    { date: '2026-01-10', name: 'Làm bù cho thứ Sáu 2/1/2026', source: NEW_YEAR_2026 },
    { date: '2026-08-22', name: 'Làm bù cho thứ Hai 31/8/2026', source: NATIONAL_2026 },
  ],
  notes:
    'Đã quyết định. Tết Dương lịch nghỉ 4 ngày (1/1–4/1/2026), làm bù thứ Bảy 10/1; Tết Bính Ngọ nghỉ 9 ngày ' +
    '(14/2–22/2/2026); Giỗ Tổ trùng Chủ nhật 26/4, nghỉ bù thứ Hai 27/4; dịp 30/4–1/5 nghỉ 4 ngày (30/4–3/5/2026); ' +
    'Quốc khánh nghỉ 5 ngày (29/8–2/9/2026), làm bù thứ Bảy 22/8. ' +
    CULTURE_DAY_NOTE,
};

/** 2027: no government decision found; statutory holidays and the compensatory rule only. */
export const CALENDAR_2027: CalendarYearData = provisionalYear(2027);

/** Every built-in year, ascending. */
export const BUILT_IN_CALENDAR: readonly CalendarYearData[] = [CALENDAR_2025, CALENDAR_2026, CALENDAR_2027];
