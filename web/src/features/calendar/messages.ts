import type { Dictionary } from '../../app/language';

interface CalendarMessages {
  menu: string;
  title: string;
  description: string;
  weekdays: readonly string[];
  status: { decided: string; provisional: string };
  provisionalExplain: string;
  decidedExplain: string;
  cultureDayTitle: string;
  cultureDay: string;
  uncertain: string;
  loading: string;
  empty: string;
  yearTab: (year: number) => string;
  daysOff: string;
  daysOffHelp: string;
  workingSaturdays: string;
  workingSaturdaysHelp: string;
  noWorkingSaturdays: string;
  noDaysOff: string;
  date: string;
  weekday: string;
  name: string;
  source: string;
  assumption: string;
  assumptionTag: string;
  onWeekend: string;
  notes: string;
  summary: (weekdaysOff: number, saturdays: number) => string;
  updated: (by: string | null, at: string, version: number) => string;
  builtIn: string;
  create: {
    button: string;
    title: string;
    help: string;
    year: string;
    submit: string;
    done: (year: number) => string;
  };
  edit: {
    button: string;
    title: (year: number) => string;
    save: string;
    status: string;
    addDayOff: string;
    addSaturday: string;
    remove: string;
    saved: (year: number) => string;
    conflict: string;
    reload: string;
    failed: string;
    required: string;
    notSaturday: string;
    otherYear: (year: number) => string;
    decidedHint: string;
  };
  tool: {
    title: string;
    intro: string;
    modeAdd: string;
    modeBetween: string;
    from: string;
    n: string;
    to: string;
    compute: string;
    resultDate: (n: number, from: string, weekday: string, date: string) => string;
    resultDays: (days: number, from: string, to: string) => string;
    provisional: string;
    failed: string;
  };
}

export const calendarMessages = {
  vi: {
    menu: 'Lịch làm việc',
    title: 'Lịch làm việc',
    description:
      'Ngày nghỉ lễ, Tết, nghỉ bù và ngày làm bù của từng năm: căn cứ để tính các thời hạn theo ngày làm việc.',
    weekdays: ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
    status: { decided: 'Đã quyết định', provisional: 'Tạm tính' },
    provisionalExplain:
      'Chưa có quyết định của Thủ tướng Chính phủ về lịch nghỉ lễ, Tết của năm này. Các ngày nghỉ được tính theo ' +
      'Bộ luật Lao động 2019 và quy tắc nghỉ bù; ngày hoán đổi, làm bù thực tế có thể khác. Mọi kết quả tính có ' +
      'ngày thuộc năm này đều được đánh dấu "tạm tính".',
    decidedExplain:
      'Lịch nghỉ đã được quyết định; các ngày dưới đây là ngày nghỉ chính thức của cán bộ, công chức.',
    cultureDayTitle: 'Ngày 24/11 (Ngày Văn hóa Việt Nam) chưa được tính là ngày nghỉ',
    cultureDay:
      'Đã có chủ trương lấy ngày 24/11 làm ngày nghỉ có hưởng lương và Chính phủ đã giao sửa Điều 112 Bộ luật ' +
      'Lao động, nhưng đến ngày 26/02/2026 quy định này chưa có hiệu lực. Khi luật được sửa, quản trị viên thêm ' +
      'ngày này vào danh sách ngày nghỉ của các năm.',
    uncertain: 'Chưa chắc chắn',
    loading: 'Đang tải lịch làm việc…',
    empty: 'Chưa có năm nào trong lịch làm việc.',
    yearTab: (year) => `Năm ${year}`,
    daysOff: 'Ngày nghỉ',
    daysOffHelp:
      'Ngày nghỉ lễ, Tết, ngày nghỉ bù và ngày nghỉ hoán đổi. Thứ Bảy, Chủ nhật luôn là ngày nghỉ, trừ thứ Bảy làm bù.',
    workingSaturdays: 'Thứ Bảy làm việc (làm bù)',
    workingSaturdaysHelp: 'Những ngày thứ Bảy này là ngày làm việc.',
    noWorkingSaturdays: 'Năm này không có ngày làm bù.',
    noDaysOff: 'Chưa có ngày nghỉ nào.',
    date: 'Ngày',
    weekday: 'Thứ',
    name: 'Tên ngày',
    source: 'Căn cứ',
    assumption: 'Giả định',
    assumptionTag: 'Giả định',
    onWeekend: 'trùng ngày nghỉ cuối tuần',
    notes: 'Ghi chú',
    summary: (weekdaysOff, saturdays) => `${weekdaysOff} ngày nghỉ trong tuần · ${saturdays} thứ Bảy làm bù`,
    updated: (by, at, version) =>
      `Phiên bản ${version} · cập nhật ${at}${by ? ` bởi ${by}` : ' (dữ liệu ban đầu)'}`,
    builtIn: 'dữ liệu ban đầu',
    create: {
      button: 'Tạo năm tạm tính',
      title: 'Tạo năm tạm tính',
      help:
        'Hệ thống dựng lịch năm theo Bộ luật Lao động 2019: 11 ngày nghỉ lễ, Tết (Tết Nguyên đán và Giỗ Tổ Hùng ' +
        'Vương tính theo âm lịch) và ngày nghỉ bù khi ngày lễ trùng thứ Bảy, Chủ nhật. Khi có quyết định của Thủ ' +
        'tướng, hãy sửa lại các ngày và đánh dấu "Đã quyết định".',
      year: 'Năm',
      submit: 'Tạo',
      done: (year) => `Đã tạo lịch tạm tính năm ${year}.`,
    },
    edit: {
      button: 'Sửa lịch năm',
      title: (year) => `Sửa lịch làm việc năm ${year}`,
      save: 'Lưu',
      status: 'Tình trạng',
      addDayOff: 'Thêm ngày nghỉ',
      addSaturday: 'Thêm thứ Bảy làm bù',
      remove: 'Bỏ dòng này',
      saved: (year) => `Đã lưu lịch làm việc năm ${year}.`,
      conflict: 'Lịch năm này vừa được người khác thay đổi. Tải lại để xem bản mới rồi sửa lại.',
      reload: 'Tải lại',
      failed: 'Chưa lưu được',
      required: 'Bắt buộc nhập',
      notSaturday: 'Phải là một ngày thứ Bảy',
      otherYear: (year) => `Phải là một ngày của năm ${year}`,
      decidedHint: 'Chọn "Đã quyết định" khi các ngày đã khớp với quyết định của Thủ tướng Chính phủ.',
    },
    tool: {
      title: 'Tính ngày làm việc',
      intro: 'Ngày bắt đầu không được tính: thời hạn "kể từ ngày nhận" bắt đầu từ ngày hôm sau.',
      modeAdd: 'Cộng số ngày làm việc',
      modeBetween: 'Đếm ngày làm việc',
      from: 'Từ ngày',
      n: 'Số ngày làm việc',
      to: 'Đến ngày',
      compute: 'Tính',
      resultDate: (n, from, weekday, date) =>
        `Ngày làm việc thứ ${n} sau ngày ${from} là ${weekday}, ${date}.`,
      resultDays: (days, from, to) => `Từ sau ngày ${from} đến hết ngày ${to} có ${days} ngày làm việc.`,
      provisional: 'Kết quả tạm tính: có ngày được đếm thuộc năm chưa có quyết định về lịch nghỉ.',
      failed: 'Không tính được',
    },
  },
  en: {
    menu: 'Working-day calendar',
    title: 'Working-day calendar',
    description:
      'Public holidays, compensatory days off and make-up working Saturdays of each year: the basis for every ' +
      'time limit counted in working days.',
    weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    status: { decided: 'Decided', provisional: 'Provisional' },
    provisionalExplain:
      "The Prime Minister's decision on this year's holidays is not known yet. Days off follow the Labour Code " +
      '2019 and the compensatory day-off rule; actual swaps and make-up days may differ. Every count that ' +
      'includes a day of this year is marked provisional.',
    decidedExplain: "The holiday schedule is decided; the days below are civil servants' official days off.",
    cultureDayTitle: '24 November (Vietnamese Culture Day) is not counted as a day off',
    cultureDay:
      'A paid holiday on 24 November has been decided in principle and the government has asked for Labour Code ' +
      'Article 112 to be amended, but as of 26 February 2026 it was not law. When it is, an administrator adds ' +
      'the day to each year.',
    uncertain: 'Uncertain',
    loading: 'Loading the calendar…',
    empty: 'The calendar has no year yet.',
    yearTab: (year) => `${year}`,
    daysOff: 'Days off',
    daysOffHelp:
      'Public holidays, compensatory days off and swapped weekdays. Saturdays and Sundays are always rest days, ' +
      'except make-up Saturdays.',
    workingSaturdays: 'Working Saturdays (make-up days)',
    workingSaturdaysHelp: 'These Saturdays are working days.',
    noWorkingSaturdays: 'No make-up Saturday this year.',
    noDaysOff: 'No day off yet.',
    date: 'Date',
    weekday: 'Weekday',
    name: 'Name',
    source: 'Basis',
    assumption: 'Assumption',
    assumptionTag: 'Assumption',
    onWeekend: 'falls on a weekend',
    notes: 'Notes',
    summary: (weekdaysOff, saturdays) => `${weekdaysOff} weekdays off · ${saturdays} make-up Saturdays`,
    updated: (by, at, version) => `Version ${version} · updated ${at}${by ? ` by ${by}` : ' (initial data)'}`,
    builtIn: 'initial data',
    create: {
      button: 'Create provisional year',
      title: 'Create a provisional year',
      help:
        'The year is built from the Labour Code 2019: the 11 public holidays (Lunar New Year and Hùng Kings ' +
        'Day from the lunar calendar) and a compensatory day off when a holiday falls on a weekend. When the ' +
        "Prime Minister's decision is known, correct the days and mark the year decided.",
      year: 'Year',
      submit: 'Create',
      done: (year) => `Provisional calendar for ${year} created.`,
    },
    edit: {
      button: 'Edit year',
      title: (year) => `Edit the ${year} calendar`,
      save: 'Save',
      status: 'Status',
      addDayOff: 'Add a day off',
      addSaturday: 'Add a make-up Saturday',
      remove: 'Remove this row',
      saved: (year) => `The ${year} calendar was saved.`,
      conflict: 'Someone else has just changed this year. Reload to see the new version, then edit again.',
      reload: 'Reload',
      failed: 'Not saved',
      required: 'Required',
      notSaturday: 'Must be a Saturday',
      otherYear: (year) => `Must be a date in ${year}`,
      decidedHint: "Choose Decided once the days match the Prime Minister's decision.",
    },
    tool: {
      title: 'Count working days',
      intro: 'The start date is not counted: a limit "from the day of receipt" starts the next day.',
      modeAdd: 'Add working days',
      modeBetween: 'Count working days',
      from: 'From',
      n: 'Working days',
      to: 'To',
      compute: 'Count',
      resultDate: (n, from, weekday, date) => `Working day ${n} after ${from} is ${weekday}, ${date}.`,
      resultDays: (days, from, to) => `After ${from} up to and including ${to}: ${days} working days.`,
      provisional: 'Provisional: a day counted lies in a year whose holiday schedule is not decided yet.',
      failed: 'Could not count',
    },
  },
} satisfies Dictionary<CalendarMessages>;
