/**
 * The yearly record of the demo's people: ratings with the mix of a real city, rare discipline,
 * initiatives and research works with their topics, and the awards that follow from them.
 */
import type { Profile, UnitSpec } from '../city';
import { lowerFirst } from '../city';
import { dateBetween, minDate, monthOf, Rng, Weighted, yearOf } from '../random';
import type { AwardCode } from '../../../../../contract/awards';
import type { AwardRecordType } from '../../../../../contract/vocabulary';
import {
  authorityOf,
  CITY_AUTHORITY,
  PM_AUTHORITY,
  PRESIDENT_AUTHORITY,
  unitAuthority,
  type DecisionWindow,
} from './decisions';
import { PersonRecord } from './eligibility';
import type {
  Authority,
  Category,
  DemoContext,
  DisciplineForm,
  Level,
  Role,
  Scope,
  Script,
  Segment,
  Tier,
  Unit,
} from './model';

const TIERS = new Weighted<Tier>([
  ['excellent', 20],
  ['good', 65],
  ['weak', 15],
]);
const LEADER_TIERS = new Weighted<Tier>([
  ['excellent', 35],
  ['good', 60],
  ['weak', 5],
]);
const LEVELS: Record<Tier, Weighted<Level>> = {
  excellent: new Weighted<Level>([
    ['HTXS', 60],
    ['HTT', 38],
    ['HT', 2],
  ]),
  good: new Weighted<Level>([
    ['HTXS', 8],
    ['HTT', 82],
    ['HT', 9],
    ['KHT', 1],
  ]),
  weak: new Weighted<Level>([
    ['HTT', 40],
    ['HT', 50],
    ['KHT', 10],
  ]),
};
const DISCIPLINE_RATE: Record<Tier, number> = { excellent: 0.001, good: 0.006, weak: 0.035 };
const DISCIPLINE_FORMS = new Weighted<DisciplineForm>([
  ['KHIEN_TRACH', 80],
  ['CANH_CAO', 16],
  ['HA_BAC_LUONG', 4],
]);
const SCOPES = new Weighted<Scope>([
  ['CO_SO', 85],
  ['BO_TINH', 13],
  ['TOAN_QUOC', 2],
]);

const DISCIPLINE_REASONS: Record<DisciplineForm, string[]> = {
  KHIEN_TRACH: [
    'Vi phạm quy định về thời giờ làm việc',
    'Để hồ sơ thủ tục hành chính quá hạn giải quyết',
    'Thiếu trách nhiệm trong thực hiện nhiệm vụ được giao',
    'Vi phạm quy tắc ứng xử của cán bộ, công chức, viên chức',
  ],
  CANH_CAO: [
    'Vi phạm quy định về quản lý tài chính, tài sản công',
    'Buông lỏng quản lý để xảy ra sai phạm trong lĩnh vực được phân công',
  ],
  HA_BAC_LUONG: ['Vi phạm nghiêm trọng quy định về quản lý đất đai, trật tự xây dựng'],
};

const OFFICE_TOPICS = [
  'Số hóa hồ sơ lưu trữ và xây dựng cơ sở dữ liệu văn bản của cơ quan',
  'Ứng dụng chữ ký số trong trao đổi văn bản điện tử',
  'Cải tiến quy trình tiếp nhận và trả kết quả thủ tục hành chính trên Cổng dịch vụ công',
  'Xây dựng bộ chỉ số theo dõi tiến độ giải quyết hồ sơ',
  'Chuẩn hóa biểu mẫu báo cáo thống kê định kỳ',
  'Giải pháp nâng cao hiệu quả công tác kiểm tra, giám sát',
  'Ứng dụng trợ lý ảo hỗ trợ tra cứu văn bản quy phạm pháp luật',
  'Rút ngắn thời gian thẩm định hồ sơ trình UBND Thành phố',
];
const LOCAL_TOPICS = [
  'Ứng dụng phần mềm quản lý hồ sơ một cửa tại {xa}',
  'Số hóa sổ hộ tịch lưu trữ tại {xa}',
  'Mô hình tổ dân phố không rác thải nhựa',
  'Ứng dụng bản đồ số quản lý trật tự xây dựng trên địa bàn {xa}',
  'Giải pháp vận động người dân sử dụng dịch vụ công trực tuyến toàn trình',
  'Tiếp nhận phản ánh của người dân qua ứng dụng Zalo của {xa}',
  'Mô hình camera giám sát an ninh trật tự tại khu dân cư',
  'Cải tiến quy trình chứng thực bản sao điện tử từ bản chính',
  'Số hóa hồ sơ đất đai, nhà ở trên địa bàn {donvi}',
  'Mô hình “Tổ dân phố số” tại {donvi}',
  'Giải pháp nâng cao tỷ lệ hồ sơ trực tuyến tại Bộ phận một cửa {donvi}',
];
const TOPICS: Record<Profile, string[]> = {
  city: OFFICE_TOPICS,
  department: OFFICE_TOPICS,
  office: OFFICE_TOPICS,
  board: OFFICE_TOPICS,
  inspectorate: [
    'Quy trình tiếp công dân và xử lý đơn thư trên phần mềm dùng chung',
    'Giải pháp nâng cao chất lượng kết luận thanh tra',
    ...OFFICE_TOPICS.slice(0, 3),
  ],
  district: LOCAL_TOPICS,
  old_ward: LOCAL_TOPICS,
  ward: LOCAL_TOPICS,
  commune: LOCAL_TOPICS,
  hospital: [
    'Cải tiến quy trình tiếp nhận bệnh nhân cấp cứu',
    'Ứng dụng bệnh án điện tử tại khoa {khoa}',
    'Chuẩn hóa quy trình chuyên môn tại khoa {khoa}',
    'Giảm thời gian lưu người bệnh tại khoa {khoa}',
    'Giảm thời gian chờ khám bằng hệ thống đặt lịch hẹn trực tuyến',
    'Quy trình chăm sóc người bệnh sau phẫu thuật nội soi',
    'Ứng dụng thang điểm cảnh báo sớm trong theo dõi người bệnh nặng',
    'Nâng cao tỷ lệ tuân thủ vệ sinh tay của nhân viên y tế',
    'Quản lý sử dụng kháng sinh hợp lý tại bệnh viện',
    'Chuẩn hóa quy trình bàn giao người bệnh giữa các ca trực',
  ],
  school: [
    'Ứng dụng trí tuệ nhân tạo trong soạn bài giảng môn {mon} lớp {lop}',
    'Dạy học theo dự án môn {mon} lớp {lop}',
    'Xây dựng ngân hàng câu hỏi trắc nghiệm trực tuyến môn {mon}',
    'Tổ chức hoạt động trải nghiệm STEM cho học sinh lớp {lop}',
    'Phát triển năng lực tự học môn {mon} qua mô hình lớp học đảo ngược',
    'Ứng dụng sổ liên lạc điện tử trong phối hợp với cha mẹ học sinh',
    'Giải pháp ôn thi tốt nghiệp trung học phổ thông môn {mon}',
    'Bồi dưỡng học sinh giỏi môn {mon} cấp Thành phố',
  ],
  ward_school: [
    'Giải pháp nâng cao kỹ năng đọc hiểu cho học sinh lớp {lop}',
    'Tổ chức tiết học ngoài trời gắn với di sản của địa phương',
    'Ứng dụng trò chơi học tập trong dạy học môn {mon} lớp {lop}',
    'Xây dựng thư viện thân thiện cho học sinh',
    'Quản lý lớp học bằng ứng dụng sổ liên lạc điện tử',
    'Rèn kỹ năng sống cho học sinh lớp {lop} qua hoạt động trải nghiệm',
    'Sử dụng học liệu số trong dạy học môn {mon}',
  ],
  enterprise: [
    'Cải tiến quy trình bảo dưỡng định kỳ thiết bị',
    'Giải pháp tiết kiệm điện năng trong sản xuất',
    'Số hóa quy trình quản lý vật tư, kho bãi',
  ],
  mass_org: [
    'Chuyển đổi số trong quản lý đoàn viên, hội viên',
    'Mô hình hỗ trợ hội viên khởi nghiệp',
    'Sổ tay hội viên điện tử',
    'Tổ chức sinh hoạt chuyên đề trực tuyến cho chi hội cơ sở',
  ],
};
const SUBJECTS = [
  'Toán',
  'Ngữ văn',
  'Tiếng Anh',
  'Lịch sử',
  'Địa lý',
  'Vật lý',
  'Hóa học',
  'Sinh học',
  'Tin học',
];
const PRIMARY_SUBJECTS = ['Toán', 'Tiếng Việt', 'Tiếng Anh', 'Tự nhiên và Xã hội', 'Khoa học', 'Tin học'];

/** "phường", "xã", "quận", "huyện", "thị xã": how a local government is called inside a sentence. */
function localWord(u: UnitSpec): string {
  if (u.kind === 'commune') return 'xã';
  if (u.kind === 'district')
    return u.name.startsWith('Thị xã') ? 'thị xã' : lowerFirst(u.name.split(' ')[0]!);
  return 'phường';
}

/** Fill a topic template: {xa} phường/xã, {donvi} the unit's name, {mon} a subject, {lop} a grade, {khoa} a ward. */
function fillTopic(rng: Rng, template: string, u: UnitSpec): string {
  const primary = u.name.includes('Tiểu học');
  return template
    .replace('{xa}', localWord(u))
    .replace('{donvi}', lowerFirst(u.name))
    .replace('{mon}', () => rng.pick(primary ? PRIMARY_SUBJECTS : SUBJECTS))
    .replace('{lop}', () =>
      String(primary ? rng.int(1, 5) : u.name.includes('THCS') ? rng.int(6, 9) : rng.int(10, 12)),
    )
    .replace('{khoa}', () => rng.pick(u.divisions ?? ['Khám bệnh']));
}

const RESEARCH_TOPICS: Partial<Record<Profile, string[]>> = {
  hospital: [
    'Đánh giá kết quả điều trị đột quỵ não cấp bằng thuốc tiêu sợi huyết',
    'Khảo sát sự hài lòng của người bệnh nội trú',
    'Đặc điểm lâm sàng và kết quả điều trị viêm phổi ở trẻ em',
  ],
  school: [
    'Giải pháp phát triển năng lực số cho học sinh trung học phổ thông',
    'Đánh giá năng lực học sinh theo Chương trình giáo dục phổ thông 2018',
  ],
  department: [
    'Đề án nâng cao chỉ số cải cách hành chính của Thành phố',
    'Nghiên cứu mô hình chính quyền đô thị tại Hà Nội',
  ],
  office: ['Nghiên cứu mô hình chính quyền đô thị tại Hà Nội'],
};

/** Heads of these units may be proposed for a Huân chương Lao động for long dedication. */
const DEDICATION_PROFILES = new Set<Profile>([
  'department',
  'office',
  'inspectorate',
  'ward',
  'commune',
  'hospital',
  'enterprise',
  'mass_org',
]);

export interface PersonRecordPlan {
  id: string;
  unit: Unit;
  role: Role;
  script: Script | undefined;
  tier: Tier;
  startedOn: string;
  birthDate: string;
  /** Where the person worked, oldest first; the last is today's unit. */
  segments: Segment[];
  current: Segment;
  category: Category;
  /** A direct worker (labour, production). */
  direct: boolean;
  /** The steps of the career ladder, the first from the start. */
  stints: { role: Role; from: string }[];
}

/** Draw a person's performance tier (leaders are more often excellent). */
export function pickTier(rng: Rng, leader: boolean): Tier {
  return (leader ? LEADER_TIERS : TIERS).pick(rng);
}

/**
 * The yearly record of one person from their first rated year: discipline, rating, initiatives, and the
 * awards they received; and the member figures of their unit that collective titles rest on.
 */
export function recordYears(ctx: DemoContext, plan: PersonRecordPlan): void {
  const { rng, ids, rows, city, today, firstYear, lastYear, aggregates } = ctx;
  const {
    id,
    unit: u,
    role,
    script,
    tier,
    startedOn,
    birthDate,
    segments,
    current,
    category,
    direct,
    stints,
  } = plan;
  // -- the yearly record
  const firstRated = monthOf(startedOn) <= 6 ? yearOf(startedOn) : yearOf(startedOn) + 1;
  const star =
    !script &&
    role === 'head' &&
    tier === 'excellent' &&
    yearOf(startedOn) <= firstYear - 15 &&
    rng.chance(0.3);
  // What is on record so far, for the engine's questions (eligibility.ts).
  const record = new PersonRecord(ctx.eligibility, startedOn);
  let cityCertificateIn: number | undefined;
  let previousGood = false;
  for (let y = Math.max(firstYear, firstRated); y <= lastYear; y++) {
    const off = y - lastYear;
    const seg =
      segments.find((s) => s.from <= `${y}-12-31` && (s.to === null || s.to >= `${y}-12-31`)) ?? current;
    const at = seg.unit;
    /** Record an award of this year, in the rows and in what the engine is asked about next. */
    const give = (
      code: AwardCode,
      auth: Authority,
      window: DecisionWindow,
      type: AwardRecordType = 'regular',
    ) => {
      rows.award(id, null, code, y, auth, window, type);
      record.award(code, y, type);
    };
    // discipline
    let form: DisciplineForm | undefined;
    if (script) form = script.discipline?.[off];
    else if (!star && rng.chance(DISCIPLINE_RATE[tier])) {
      form = DISCIPLINE_FORMS.pick(rng);
      if (form === 'HA_BAC_LUONG' && category !== 'civil_servant') form = 'CANH_CAO';
    }
    // rating
    let level: Level = script ? (script.levels[off] ?? 'HTT') : star ? 'HTXS' : LEVELS[tier].pick(rng);
    if (form) level = form === 'KHIEN_TRACH' && (script || rng.chance(0.75)) ? 'HT' : 'KHT';
    rows.ratings.push([ids.uuid(), id, y, level]);
    record.rating(y, level);
    if (form) {
      record.disciplined(y, form);
      const decidedOn = dateBetween(rng, `${y}-03-01`, `${y}-11-30`);
      rows.disciplines.push([
        ids.uuid(),
        id,
        y,
        form,
        minDate(decidedOn, today),
        rng.pick(DISCIPLINE_REASONS[form]),
      ]);
    }
    // initiative
    let scope: Scope | undefined;
    if (script) scope = script.initiatives[off];
    else if (star) scope = y === firstYear + 1 ? 'BO_TINH' : 'CO_SO';
    else {
      const p =
        tier === 'excellent'
          ? level === 'HTXS'
            ? 0.5
            : 0.2
          : tier === 'good'
            ? level === 'HTXS'
              ? 0.35
              : level === 'HTT'
                ? 0.06
                : 0.01
            : 0.01;
      if (rng.chance(p)) scope = SCOPES.pick(rng);
    }
    if (scope) {
      const research = script ? !!script.research : !!RESEARCH_TOPICS[at.profile] && rng.chance(0.1);
      const list = research
        ? (RESEARCH_TOPICS[at.profile] ?? RESEARCH_TOPICS.department!)
        : [...TOPICS[at.profile], ...(at.topics ?? [])];
      const title = fillTopic(rng, rng.pick(list), at);
      rows.initiatives.push([ids.uuid(), id, y, title, research ? 'research' : 'initiative', scope]);
      record.initiative(y, scope);
    }
    // awards: the unit proposes, the engine says whether the law allows it
    const good = level === 'HTXS' || level === 'HTT';
    const sure = !!script || star;
    const ldtt = record.may('LDTT', y) && (sure || rng.chance(0.97));
    if (ldtt) give('LDTT', authorityOf(at), 'unit');
    // CSTĐCS is proposed for LĐTT holders with an initiative that year.
    const cs =
      ldtt && !!scope && record.may('CSTDCS', y) && (sure || rng.chance(level === 'HTXS' ? 0.95 : 0.7));
    if (cs) give('CSTDCS', unitAuthority(city, at, y), 'unit');
    // CSTĐ cấp Thành phố: asked when a CSTĐCS was given this year (its chain ends with one); in the last
    // year fewer are decided yet, so the eligibility lists have people who have just become eligible.
    if (cs && record.may('CSTD_BO_TINH', y)) {
      const proposed = script
        ? (script.cityAwards?.CSTD_BO_TINH ?? []).includes(off)
        : star || rng.chance(y === lastYear ? 0.45 : 0.85);
      if (proposed) give('CSTD_BO_TINH', CITY_AUTHORITY, 'city');
    }
    // Bằng khen of the Chairman: the city proposes it after an excellent (HTXS) year.
    if (level === 'HTXS' && record.may('BK_BO_TINH', y)) {
      const proposed = script
        ? (script.cityAwards?.BK_BO_TINH ?? []).includes(off)
        : star
          ? y === firstYear + 1
          : rng.chance(y === lastYear ? 0.35 : 0.6);
      if (proposed) {
        give('BK_BO_TINH', CITY_AUTHORITY, 'city');
        cityCertificateIn = y;
      }
    }
    // Giấy khen: regular for good work, thematic (COVID-19 years) for health workers, rare sudden.
    if (!script && !form) {
      if (!cs && (level === 'HTXS' || (level === 'HTT' && previousGood)) && rng.chance(0.1)) {
        give('GK', unitAuthority(city, at, y), 'unit');
      }
      if ((y === 2020 || y === 2021) && at.profile === 'hospital' && rng.chance(0.25)) {
        give('GK', unitAuthority(city, at, y), 'thematic', 'thematic');
      }
      if (direct && rng.chance(0.002)) give('GK', unitAuthority(city, at, y), 'sudden', 'sudden');
    }
    previousGood = good;
    // collective statistics
    const key = `${at.index}:${y}`;
    let agg = aggregates.get(key);
    if (!agg) {
      agg = { unit: at, year: y, n: 0, good: 0, htxs: 0, kht: 0, ldtt: 0, cstdcs: 0, serious: 0 };
      aggregates.set(key, agg);
    }
    agg.n++;
    if (good) agg.good++;
    if (level === 'HTXS') agg.htxs++;
    if (level === 'KHT') agg.kht++;
    if (ldtt) agg.ldtt++;
    if (cs) agg.cstdcs++;
    if (form && form !== 'KHIEN_TRACH') agg.serious++;
  }
  // Today's year-end work: the people of the units that have finished it are rated for this year already.
  const yearEnd = ctx.yearEnd;
  if (yearEnd && yearEnd.done.has(current.unit.index) && firstRated <= yearEnd.year) {
    const level: Level = script ? (script.levels[0] ?? 'HTT') : LEVELS[tier].pick(yearEnd.rng);
    rows.ratings.push([yearEnd.rng.uuid(), id, yearEnd.year, level]);
  }
  // Bằng khen of the Prime Minister for a few outstanding long-serving heads.
  if (star && cityCertificateIn === firstYear + 1 && firstYear + 3 <= lastYear - 1) {
    rows.award(id, null, 'BK_TTG', firstYear + 3, PM_AUTHORITY, 'pm');
  }
  // Huân chương Lao động hạng Ba for long dedication of heads in leadership since 2010 or earlier.
  const leadSince = stints[1]?.from;
  if (
    role === 'head' &&
    DEDICATION_PROFILES.has(u.profile) &&
    leadSince !== undefined &&
    leadSince <= '2010-12-31' &&
    yearOf(birthDate) <= 1968 &&
    lastYear - 1 >= firstYear + 1 &&
    rng.chance(0.5)
  ) {
    const y = rng.int(firstYear + 1, lastYear - 1);
    if (y >= yearOf(startedOn))
      rows.award(id, null, 'HCLD_3', y, PRESIDENT_AUTHORITY, 'president', 'dedication');
  }
}
