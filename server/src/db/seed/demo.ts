/**
 * The demo city: Hà Nội after the reform of 1 July 2025, with thousands of people and six years of
 * ratings, initiatives, discipline and awards that respect the law's conditions (LĐTT only for
 * HTT/HTXS years without discipline, CSTĐCS only for LĐTT holders with an initiative, CSTĐ cấp Thành
 * phố after three consecutive CSTĐCS with a provincial initiative, ...).
 *
 * Deterministic: a seeded PRNG builds the same city every time. Fast: rows are generated in chunks and
 * sent as multi-row raw inserts (bulk.ts), all in one transaction.
 */
import { hash } from '@node-rs/argon2';
import type { Db } from '../client';
import { orgUnits } from '../schema';
import { assertNever } from '../../lib/assert-never';
import { collationKey, foldAccents, personSortKey } from '../../lib/vietnamese';
import { bulkInsert } from './bulk';
import {
  BOARD_CODE,
  buildCitySpecs,
  CITY_CODE,
  lowerFirst,
  OFFICER_HOSPITAL_CODE,
  OFFICER_WARD_CODE,
  TWO_TIER_REFORM,
  type Profile,
  type UnitSpec,
} from './city';
import { ETHNICITY, randomFullName, type DemoGender } from './names';
import {
  addDays,
  addYears,
  dateBetween,
  isoDate,
  maxDate,
  minDate,
  monthOf,
  Rng,
  Weighted,
  yearOf,
} from './random';

export const DEMO_PASSWORD = 'vinhdanh';
export const DEFAULT_DEMO_PEOPLE = 4000;
export const DEFAULT_DEMO_YEARS = 6;
export const DEFAULT_DEMO_TODAY = '2026-11-23';
const SEED = 20250701;
/** People generated before their rows are sent to the database. */
const FLUSH_EVERY = 2000;

export interface SeedDemoOptions {
  /** How many people (default 4,000; scales to 200,000). */
  people?: number;
  /** How many past years of ratings and awards (default 6: today's year − 6 … today's year − 1). */
  years?: number;
  /** "Today" of the demo (yyyy-mm-dd, default 2026-11-23): nothing is dated after it. */
  today?: string;
  log?: (msg: string) => void;
}

export interface DemoAccount {
  username: string;
  role: string;
  unitName: string;
}

export interface SeedDemoResult {
  accounts: DemoAccount[];
}

/** Where generated rows go: the database (bulk inserts) or, in tests, a digest. */
export type RowSink = (table: string, columns: readonly string[], rows: unknown[][]) => Promise<void>;

/** True when the database has no organisation unit yet (a fresh install that may get the demo). */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const rows = await db.select({ id: orgUnits.id }).from(orgUnits).limit(1);
  return rows.length === 0;
}

/** Fill an empty, migrated database with the demo city, in one transaction. */
export async function seedDemo(db: Db, opts: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const log = opts.log ?? (() => {});
  const started = Date.now();
  if (!(await isDatabaseEmpty(db))) {
    throw new Error(
      'Cơ sở dữ liệu đã có dữ liệu; chỉ tạo dữ liệu mẫu trên cơ sở dữ liệu trống (database is not empty)',
    );
  }
  // One hash for every demo account (argon2 is slow on purpose).
  const passwordHash = await hash(DEMO_PASSWORD);
  const result = await db.transaction(async (tx) =>
    generateDemo(
      async (table, columns, rows) => {
        await bulkInsert(tx, table, columns, rows);
      },
      { ...opts, passwordHash },
    ),
  );
  log(`Đã tạo dữ liệu mẫu sau ${((Date.now() - started) / 1000).toFixed(1)} giây.`);
  return result;
}

// ---------------------------------------------------------------------------------------------
// Model of the generator

type Role = 'head' | 'deputy' | 'divhead' | 'divdeputy' | 'staff';
type Level = 'HTXS' | 'HTT' | 'HT' | 'KHT';
type Scope = 'CO_SO' | 'BO_TINH' | 'TOAN_QUOC';
type DisciplineForm = 'KHIEN_TRACH' | 'CANH_CAO' | 'HA_BAC_LUONG';
type Category = 'official' | 'civil_servant' | 'public_employee' | 'worker';
type Tier = 'excellent' | 'good' | 'weak';

interface Unit extends UnitSpec {
  id: string;
  index: number;
  path: string;
  parentUnit?: Unit;
  headId: string | null;
  /** People working here today (0 for historical units). */
  size: number;
  /** Ids of the leaders (head, deputies, heads and deputies of divisions), drawn before the people. */
  leaderIds: string[];
  deputies: number;
  divisionHeads: number;
  divisionDeputies: number;
  /** For each leader slot: the old unit and role held there before a merger. */
  oldLeads: Map<number, { unit: Unit; role: Role }>;
  predecessorUnits: { unit: Unit; share: number }[];
}

interface Job {
  title: string;
  direct: boolean;
  category?: Category;
}

interface Title extends Job {
  leadership: boolean;
}

interface Segment {
  unit: Unit;
  from: string;
  to: string | null;
}

interface Authority {
  issuer: string;
  doc: string;
}

interface Script {
  unitCode: string;
  fullName: string;
  gender: DemoGender;
  birthDate: string;
  startedOn: string;
  job?: string;
  /** Keys are offsets from the last demo year (0 = last year, −1 = the year before...). */
  levels: Record<number, Level>;
  initiatives: Record<number, Scope>;
  research?: boolean;
  discipline?: Record<number, DisciplineForm>;
  cityAwards?: { CSTD_BO_TINH?: number[]; BK_BO_TINH?: number[] };
  /** Why this person is in the demo (kept in the source for whoever reads it). */
  note: string;
}

/**
 * People placed on purpose so that the eligibility lists and explanations have content. The first two
 * are also the names the tests search for in the officer's ward.
 */
const SCRIPTS: Script[] = [
  {
    unitCode: OFFICER_WARD_CODE,
    fullName: 'Nguyễn Văn Đức',
    gender: 'male',
    birthDate: '1984-03-12',
    startedOn: '2008-09-03',
    levels: { [-2]: 'HTXS', [-1]: 'HTXS', 0: 'HTXS' },
    initiatives: { [-2]: 'CO_SO', [-1]: 'CO_SO', 0: 'BO_TINH' },
    note: 'CSTĐCS three years running with a provincial initiative in the last: just eligible for CSTĐ cấp Thành phố (and Bằng khen).',
  },
  {
    unitCode: OFFICER_WARD_CODE,
    fullName: 'Đặng Thị Hồng',
    gender: 'female',
    birthDate: '1990-07-25',
    startedOn: '2013-08-15',
    levels: { [-1]: 'HTXS', 0: 'HTXS' },
    initiatives: { [-1]: 'CO_SO', 0: 'CO_SO' },
    note: 'Two consecutive CSTĐCS with HTXS: just eligible for the Bằng khen of the Chairman of the city.',
  },
  {
    unitCode: OFFICER_WARD_CODE,
    fullName: 'Trần Minh Hiếu',
    gender: 'male',
    birthDate: '1987-11-02',
    startedOn: '2011-10-01',
    levels: { [-2]: 'HTT', [-1]: 'HTXS', 0: 'HTT' },
    initiatives: { [-2]: 'CO_SO', [-1]: 'CO_SO', 0: 'CO_SO' },
    note: 'Three consecutive CSTĐCS but only grassroots initiatives: NOT eligible for CSTĐ cấp Thành phố.',
  },
  {
    unitCode: OFFICER_WARD_CODE,
    fullName: 'Lê Thị Thu Hà',
    gender: 'female',
    birthDate: '1992-02-14',
    startedOn: '2015-07-01',
    levels: {},
    initiatives: {},
    discipline: { 0: 'KHIEN_TRACH' },
    note: 'LĐTT every year except the last, when she was reprimanded (khiển trách).',
  },
  {
    unitCode: OFFICER_WARD_CODE,
    fullName: 'Phạm Quốc Khánh',
    gender: 'male',
    birthDate: '1980-05-20',
    startedOn: '2004-03-01',
    levels: { [-5]: 'HTXS', [-4]: 'HTXS', [-3]: 'HTXS', [-2]: 'HTXS', [-1]: 'HTXS', 0: 'HTXS' },
    initiatives: {
      [-5]: 'CO_SO',
      [-4]: 'CO_SO',
      [-3]: 'BO_TINH',
      [-2]: 'CO_SO',
      [-1]: 'BO_TINH',
      0: 'CO_SO',
    },
    cityAwards: { BK_BO_TINH: [-4], CSTD_BO_TINH: [-3] },
    note: 'Already CSTĐ cấp Thành phố three years ago; a new three-year cycle with a provincial initiative makes him eligible again.',
  },
  {
    unitCode: OFFICER_HOSPITAL_CODE,
    fullName: 'Vũ Thị Thanh Huyền',
    gender: 'female',
    birthDate: '1986-09-09',
    startedOn: '2009-10-01',
    job: 'Điều dưỡng',
    levels: { [-2]: 'HTXS', [-1]: 'HTXS', 0: 'HTXS' },
    initiatives: { [-2]: 'CO_SO', [-1]: 'CO_SO', 0: 'BO_TINH' },
    note: 'A nurse (direct worker) just eligible for CSTĐ cấp Thành phố.',
  },
  {
    unitCode: OFFICER_HOSPITAL_CODE,
    fullName: 'Bùi Quang Minh',
    gender: 'male',
    birthDate: '1982-04-30',
    startedOn: '2007-09-15',
    job: 'Bác sĩ',
    levels: { [-1]: 'HTXS', 0: 'HTXS' },
    initiatives: { [-1]: 'CO_SO', 0: 'BO_TINH' },
    research: true,
    note: 'A doctor with an accepted research work (đề tài) at provincial level: eligible for the Bằng khen.',
  },
];

// ---- jobs and titles ----

const j = (title: string, weight: number, direct = false, category?: Category) =>
  [{ title, direct, category }, weight] as const;

const OFFICE_JOBS = new Weighted<Job>([
  j('Chuyên viên', 60),
  j('Chuyên viên chính', 25),
  j('Kế toán', 6),
  j('Văn thư', 5),
  j('Lái xe', 4, false, 'worker'),
]);
/** Titles of people who hold no leadership post; '*' is the enterprise's own direct-worker title. */
const JOBS: Record<Profile, Weighted<Job>> = {
  city: OFFICE_JOBS,
  department: OFFICE_JOBS,
  office: OFFICE_JOBS,
  board: new Weighted<Job>([j('Chuyên viên', 70), j('Chuyên viên chính', 30)]),
  district: OFFICE_JOBS,
  inspectorate: new Weighted<Job>([
    j('Thanh tra viên', 45),
    j('Thanh tra viên chính', 20),
    j('Chuyên viên', 28),
    j('Kế toán', 7),
  ]),
  ward: new Weighted<Job>([
    j('Chuyên viên', 75),
    j('Kế toán', 10),
    j('Văn thư', 8),
    j('Chuyên viên chính', 7),
  ]),
  commune: new Weighted<Job>([j('Chuyên viên', 80), j('Kế toán', 12), j('Văn thư', 8)]),
  old_ward: new Weighted<Job>([
    j('Công chức Văn phòng - Thống kê', 22),
    j('Công chức Tư pháp - Hộ tịch', 20),
    j('Công chức Văn hóa - Xã hội', 20),
    j('Công chức Địa chính - Xây dựng', 20),
    j('Công chức Tài chính - Kế toán', 18),
  ]),
  school: new Weighted<Job>([
    j('Giáo viên', 85, true),
    j('Kế toán', 4),
    j('Nhân viên thư viện', 3),
    j('Nhân viên y tế trường học', 3),
    j('Bảo vệ', 5, false, 'worker'),
  ]),
  ward_school: new Weighted<Job>([
    j('Giáo viên', 86, true),
    j('Kế toán', 5),
    j('Nhân viên thư viện', 4),
    j('Bảo vệ', 5, false, 'worker'),
  ]),
  hospital: new Weighted<Job>([
    j('Bác sĩ', 28, true),
    j('Điều dưỡng', 38, true),
    j('Kỹ thuật viên', 10, true),
    j('Dược sĩ', 5, true),
    j('Hộ lý', 6, true),
    j('Kế toán', 4),
    j('Chuyên viên', 6),
    j('Lái xe', 3, false, 'worker'),
  ]),
  enterprise: new Weighted<Job>([j('*', 60, true), j('Kỹ sư', 18), j('Kế toán', 8), j('Chuyên viên', 14)]),
  mass_org: new Weighted<Job>([j('Chuyên viên', 88), j('Kế toán', 12)]),
};

const DIVISION_WORD: Partial<Record<Profile, string>> = {
  department: 'phòng',
  office: 'phòng',
  inspectorate: 'phòng',
  board: 'phòng',
  district: 'phòng',
  ward: 'phòng',
  commune: 'phòng',
  enterprise: 'phòng',
  hospital: 'khoa',
  mass_org: 'ban',
};

const FEMALE_SHARE: Partial<Record<Profile, number>> = {
  school: 0.72,
  ward_school: 0.8,
  hospital: 0.66,
  enterprise: 0.3,
};

// ---- the yearly record ----

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

const CITY_AUTHORITY: Authority = { issuer: 'Chủ tịch UBND Thành phố Hà Nội', doc: 'UBND' };
const PM_AUTHORITY: Authority = { issuer: 'Thủ tướng Chính phủ', doc: 'TTg' };
const PRESIDENT_AUTHORITY: Authority = { issuer: 'Chủ tịch nước', doc: 'CTN' };
const REFORM_YEAR = yearOf(TWO_TIER_REFORM);

type DecisionWindow = 'unit' | 'city' | 'pm' | 'president' | 'thematic' | 'sudden';

/** One decision number per (issuer, award, year): a decision lists everybody awarded together. */
class Decisions {
  private readonly byKey = new Map<string, { no: string; date: string }>();
  private serial = 0;

  constructor(
    private readonly rng: Rng,
    private readonly today: string,
  ) {}

  get(auth: Authority, code: string, year: number, window: DecisionWindow): { no: string; date: string } {
    const key = window === 'sudden' ? `sudden#${this.serial++}` : `${auth.issuer}|${code}|${year}|${window}`;
    let d = this.byKey.get(key);
    if (!d) {
      const r = this.rng;
      let date: string;
      switch (window) {
        case 'unit':
          date = r.chance(0.6)
            ? dateBetween(r, `${year}-12-10`, `${year}-12-31`)
            : dateBetween(r, `${year + 1}-01-05`, `${year + 1}-02-25`);
          break;
        case 'city':
          date = dateBetween(r, `${year + 1}-01-15`, `${year + 1}-04-28`);
          break;
        case 'pm':
          date = dateBetween(r, `${year + 1}-06-01`, `${year + 1}-10-30`);
          break;
        case 'president':
          date = dateBetween(r, `${year}-08-10`, `${year}-08-30`);
          break;
        case 'thematic':
          date = dateBetween(r, `${year}-09-01`, `${year}-12-20`);
          break;
        case 'sudden':
          date = dateBetween(r, `${year}-02-01`, `${year}-11-30`);
          break;
        default:
          return assertNever(window, 'decision window');
      }
      d = { no: `${r.int(12, 4850)}/QĐ-${auth.doc}`, date: minDate(date, this.today) };
      this.byKey.set(key, d);
    }
    return d;
  }
}

interface Agg {
  unit: Unit;
  year: number;
  n: number;
  good: number;
  htxs: number;
  kht: number;
  ldtt: number;
  cstdcs: number;
  serious: number;
}

// ---------------------------------------------------------------------------------------------

/**
 * Build the demo city and send every row to `sink`. Exported for tests (a digest sink proves
 * determinism without a database); applications call `seedDemo`.
 */
export async function generateDemo(
  sink: RowSink,
  opts: SeedDemoOptions & { passwordHash: string },
): Promise<SeedDemoResult> {
  const log = opts.log ?? (() => {});
  const today = opts.today ?? DEFAULT_DEMO_TODAY;
  const yearsBack = Math.max(1, Math.floor(opts.years ?? DEFAULT_DEMO_YEARS));
  const lastYear = yearOf(today) - 1;
  const firstYear = lastYear - yearsBack + 1;
  const requestedPeople = Math.max(1, Math.floor(opts.people ?? DEFAULT_DEMO_PEOPLE));

  const rng = new Rng(SEED);
  const ids = new Rng(SEED ^ 0x5eed);
  const decisions = new Decisions(new Rng(SEED ^ 0xdec1), today);

  // ---- units ----
  log('Đang tạo cơ cấu tổ chức của thành phố…');
  const specs = buildCitySpecs();
  const byCode = new Map<string, Unit>();
  const units: Unit[] = specs.map((spec, index) => {
    const unit: Unit = {
      ...spec,
      id: ids.uuid(),
      index,
      path: '',
      headId: null,
      size: 0,
      leaderIds: [],
      deputies: 0,
      divisionHeads: 0,
      divisionDeputies: 0,
      oldLeads: new Map(),
      predecessorUnits: [],
    };
    byCode.set(spec.code, unit);
    return unit;
  });
  const unitOf = (code: string): Unit => {
    const u = byCode.get(code);
    if (!u) throw new Error(`demo city: unknown unit ${code}`);
    return u;
  };
  for (const u of units) {
    if (u.parent) u.parentUnit = unitOf(u.parent);
    u.predecessorUnits = (u.predecessors ?? []).map((p) => ({ unit: unitOf(p.code), share: p.share }));
  }
  for (const u of units) u.path = `${u.parentUnit ? u.parentUnit.path : '/'}${u.id}/`;
  const root = unitOf(CITY_CODE);

  // ---- how many people where, and who leads ----
  const workplaces = units.filter((u) => u.weight > 0);
  const minimum = (u: Unit) =>
    u.code === OFFICER_WARD_CODE ? 16 : u.code === OFFICER_HOSPITAL_CODE ? 10 : 3;
  const rootSize = 4;
  const floor = rootSize + workplaces.reduce((s, u) => s + minimum(u), 0);
  const totalPeople = Math.max(requestedPeople, floor);
  if (totalPeople > requestedPeople) log(`Cần ít nhất ${floor} cán bộ cho cơ cấu mẫu; tạo ${floor}.`);
  root.size = rootSize;
  {
    const rest = totalPeople - floor;
    const weightSum = workplaces.reduce((s, u) => s + u.weight, 0);
    const shares = workplaces.map((u) => (rest * u.weight) / weightSum);
    let given = 0;
    workplaces.forEach((u, i) => {
      const extra = Math.floor(shares[i]!);
      u.size = minimum(u) + extra;
      given += extra;
    });
    const order = workplaces
      .map((u, i) => ({ u, frac: shares[i]! - Math.floor(shares[i]!) }))
      .sort((a, b) => b.frac - a.frac || a.u.index - b.u.index);
    for (let i = 0; given < rest; i++, given++) order[i % order.length]!.u.size++;
  }
  const staffed = [root, ...workplaces];
  for (const u of staffed) planLeaders(u);
  for (const u of staffed) planOldLeaders(u);

  await sink(
    'org_units',
    [
      'id',
      'parent_id',
      'path',
      'code',
      'name',
      'short_name',
      'kind',
      'sort_key',
      'valid_from',
      'valid_to',
      'merged_into_id',
      'head_person_id',
    ],
    units.map((u) => [
      u.id,
      u.parentUnit?.id ?? null,
      u.path,
      u.code,
      u.name,
      u.shortName ?? null,
      u.kind,
      collationKey(u.name),
      u.validFrom,
      u.validTo ?? null,
      u.mergedInto ? unitOf(u.mergedInto).id : null,
      u.headId,
    ]),
  );
  log(
    `Đã tạo ${units.length} cơ quan, đơn vị (${units.filter((u) => u.validTo).length} đơn vị cũ trước sáp nhập).`,
  );

  function planLeaders(u: Unit): void {
    const n = u.size;
    if (u.profile === 'city') {
      u.deputies = n - 1;
    } else {
      u.deputies = n < 10 ? 1 : n < 25 ? 2 : n < 60 ? 3 : 4;
      const divisions = u.divisions?.length ?? 0;
      u.divisionHeads = Math.max(0, Math.min(divisions, Math.floor((n - 1 - u.deputies) / 8)));
      u.divisionDeputies = Math.max(
        0,
        Math.min(u.divisionHeads, Math.floor((n - 1 - u.deputies - u.divisionHeads) / 20)),
      );
    }
    const leaders = 1 + u.deputies + u.divisionHeads + u.divisionDeputies;
    for (let i = 0; i < leaders; i++) u.leaderIds.push(ids.uuid());
    u.headId = u.leaderIds[0]!;
  }

  /** Who led the units that merged into this one: today's head or deputies, in order. */
  function planOldLeaders(u: Unit): void {
    if (u.predecessorUnits.length === 0) return;
    const district = u.district ? unitOf(u.district) : undefined;
    if (district && (u.kind === 'ward' || u.kind === 'commune')) {
      const primary = district.mergedInto === u.code;
      u.oldLeads.set(0, { unit: district, role: primary ? 'head' : 'deputy' });
      if (primary) district.headId = u.leaderIds[0]!;
      const oldWards = u.predecessorUnits.map((p) => p.unit).filter((p) => p !== district);
      for (let j = 1; j <= u.deputies; j++) {
        const old = oldWards[j - 1];
        if (old) {
          u.oldLeads.set(j, { unit: old, role: 'head' });
          old.headId = u.leaderIds[j]!;
        } else {
          u.oldLeads.set(j, { unit: district, role: 'divhead' });
        }
      }
      return;
    }
    // Departments: a full merger is led by the first predecessor's head; otherwise the head stays and
    // the heads of the absorbed departments become deputies.
    const full = u.predecessorUnits.reduce((s, p) => s + p.share, 0) >= 0.999;
    const preds = u.predecessorUnits.map((p) => p.unit);
    const firstSlot = full ? 0 : 1;
    preds.forEach((p, k) => {
      const slot = firstSlot + k;
      if (slot > u.deputies) return;
      u.oldLeads.set(slot, { unit: p, role: 'head' });
      p.headId = u.leaderIds[slot]!;
    });
  }

  // ---- people, in chunks ----
  const buffers = {
    people: [] as unknown[][],
    personUnits: [] as unknown[][],
    positions: [] as unknown[][],
    ratings: [] as unknown[][],
    initiatives: [] as unknown[][],
    disciplines: [] as unknown[][],
    awards: [] as unknown[][],
  };
  const aggregates = new Map<string, Agg>();
  const headNames = new Map<string, string>();
  let created = 0;

  async function flush(): Promise<void> {
    await sink(
      'people',
      [
        'id',
        'full_name',
        'search_name',
        'sort_key',
        'gender',
        'birth_date',
        'ethnicity',
        'category',
        'direct_worker',
        'started_on',
        'org_unit_id',
      ],
      buffers.people,
    );
    await sink(
      'person_units',
      ['id', 'person_id', 'org_unit_id', 'from_date', 'to_date'],
      buffers.personUnits,
    );
    await sink(
      'positions',
      ['id', 'person_id', 'org_unit_id', 'title', 'is_leadership', 'from_date', 'to_date'],
      buffers.positions,
    );
    await sink('ratings', ['id', 'person_id', 'year', 'level'], buffers.ratings);
    await sink('initiatives', ['id', 'person_id', 'year', 'title', 'kind', 'scope'], buffers.initiatives);
    await sink(
      'disciplines',
      ['id', 'person_id', 'year', 'form', 'decided_on', 'reason'],
      buffers.disciplines,
    );
    await flushAwards();
    for (const b of Object.values(buffers)) b.length = 0;
  }

  async function flushAwards(): Promise<void> {
    await sink(
      'award_records',
      [
        'id',
        'person_id',
        'org_unit_id',
        'award_code',
        'year',
        'type',
        'decision_no',
        'decision_date',
        'issuer',
      ],
      buffers.awards,
    );
    buffers.awards.length = 0;
  }

  function award(
    personId: string | null,
    unitId: string | null,
    code: string,
    year: number,
    auth: Authority,
    window: DecisionWindow,
    type = 'regular',
  ): void {
    const d = decisions.get(auth, code, year, window);
    buffers.awards.push([ids.uuid(), personId, unitId, code, year, type, d.no, d.date, auth.issuer]);
  }

  /** Who decides the Giấy khen and CSTĐCS of people of unit u for year y. */
  function unitAuthority(u: Unit, year: number): Authority {
    switch (u.profile) {
      case 'old_ward':
        return authorityOf(u.parentUnit!);
      case 'ward_school':
        return year < REFORM_YEAR ? authorityOf(unitOf(u.district!)) : authorityOf(u.parentUnit!);
      case 'school':
      case 'hospital':
        return authorityOf(u.parentUnit!);
      default:
        return authorityOf(u);
    }
  }

  function authorityOf(u: Unit): Authority {
    return u.profile === 'city' ? CITY_AUTHORITY : { issuer: u.issuer, doc: u.doc };
  }

  /** Who decides the collective titles (Tập thể lao động tiên tiến) of unit u. */
  function collectiveAuthority(u: Unit, year: number): Authority {
    switch (u.profile) {
      case 'old_ward':
      case 'ward_school':
      case 'school':
      case 'hospital':
        return unitAuthority(u, year);
      case 'board':
        return authorityOf(u.parentUnit!);
      case 'mass_org':
        return u.parentUnit && u.parentUnit !== root ? authorityOf(u.parentUnit) : CITY_AUTHORITY;
      default:
        return CITY_AUTHORITY;
    }
  }

  /** The title a person of `role` holds in unit u (falls back to the staff job where u has no such post). */
  function titleFor(u: Unit, role: Role, division: string | undefined, staffJob: Job): Title {
    const word = DIVISION_WORD[u.profile];
    switch (role) {
      case 'head':
        return { title: u.headTitle, direct: false, leadership: true };
      case 'deputy':
        return { title: u.deputyTitle, direct: false, leadership: true };
      case 'divhead':
      case 'divdeputy':
        if (word && division) {
          const title = `${role === 'divhead' ? 'Trưởng' : 'Phó Trưởng'} ${word} ${division}`;
          return { title, direct: false, leadership: true };
        }
        return { ...staffJob, leadership: false };
      case 'staff':
        return { ...staffJob, leadership: false };
      default:
        return assertNever(role, 'role');
    }
  }

  function staffJobFor(u: Unit, preferred: Job | undefined): Job {
    if (preferred && preferred.title !== '*') return preferred;
    const j = JOBS[u.profile].pick(rng);
    return j.title === '*' ? { title: u.directTitle ?? 'Công nhân', direct: true } : j;
  }

  /** Leaders started as doctors in hospitals, teachers in schools, engineers in enterprises... */
  function leaderFirstJob(u: Unit): Job {
    switch (u.profile) {
      case 'hospital':
        return { title: 'Bác sĩ', direct: true };
      case 'school':
      case 'ward_school':
        return { title: 'Giáo viên', direct: true };
      case 'enterprise':
        return { title: 'Kỹ sư', direct: false };
      case 'old_ward':
        return { title: 'Công chức Văn phòng - Thống kê', direct: false };
      case 'inspectorate':
        return { title: 'Thanh tra viên', direct: false };
      default:
        return { title: 'Chuyên viên', direct: false };
    }
  }

  function categoryFor(u: Unit, role: Role, staffJob: Job): Category {
    const leader = role === 'head' || role === 'deputy';
    switch (u.profile) {
      case 'hospital':
      case 'school':
      case 'ward_school':
        return (role === 'staff' && staffJob.category) || 'public_employee';
      case 'enterprise':
        return 'worker';
      case 'city':
      case 'ward':
      case 'commune':
      case 'mass_org':
        return leader ? 'official' : (role === 'staff' && staffJob.category) || 'civil_servant';
      default:
        return (role === 'staff' && staffJob.category) || 'civil_servant';
    }
  }

  const ROLE_BIRTH: Record<Role, [number, number]> = {
    head: [1965, 1976],
    deputy: [1966, 1982],
    divhead: [1968, 1988],
    divdeputy: [1970, 1991],
    staff: [1965, 2001],
  };
  const ROLE_TENURE: Record<Role, number> = { head: 14, deputy: 10, divhead: 6, divdeputy: 4, staff: 0 };
  const LADDER: Record<Role, Role[]> = {
    head: ['staff', 'deputy', 'head'],
    deputy: ['staff', 'divhead', 'deputy'],
    divhead: ['staff', 'divdeputy', 'divhead'],
    divdeputy: ['staff', 'divdeputy'],
    staff: ['staff'],
  };
  const RANKS: Role[] = ['staff', 'divdeputy', 'divhead', 'deputy', 'head'];
  const latestPromotion = `${lastYear - 1}-12-01`;

  function generatePerson(
    u: Unit,
    id: string,
    role: Role,
    slot: number,
    division: string | undefined,
    script?: Script,
  ): void {
    const leader = role !== 'staff';
    // -- identity
    const female = script
      ? script.gender === 'female'
      : rng.chance(leader ? (role === 'head' ? 0.3 : 0.4) : (FEMALE_SHARE[u.profile] ?? 0.5));
    const gender: DemoGender = female ? 'female' : 'male';
    const ethnicity = script ? 'Kinh' : ETHNICITY.pick(rng);
    const fullName = (script ? script.fullName : randomFullName(rng, gender, ethnicity)).normalize('NFC');
    let birthDate: string;
    let startedOn: string;
    if (script) {
      birthDate = script.birthDate;
      startedOn = script.startedOn;
    } else {
      const [lo, hi0] = ROLE_BIRTH[role];
      const hi = Math.min(hi0, lastYear - 22);
      const by = leader ? rng.int(lo, hi) : lo + Math.floor((hi - lo + 1) * Math.sqrt(rng.next()));
      birthDate = isoDate(by, rng.int(1, 12), rng.int(1, 28));
      const r = rng.next();
      const sy = Math.min(lastYear, by + 21 + Math.floor((leader ? r * 4 : r * r * 8) + 0.0001));
      startedOn = isoDate(sy, rng.int(1, 12), rng.int(1, 28));
    }
    const tier: Tier = script ? 'good' : (leader ? LEADER_TIERS : TIERS).pick(rng);

    // -- where the person worked: before and after a merger
    const segments: Segment[] = [];
    const oldLead = u.oldLeads.get(slot);
    let oldUnit: Unit | undefined;
    if (u.transitionDate && startedOn < u.transitionDate && u.predecessorUnits.length > 0) {
      if (oldLead) oldUnit = oldLead.unit;
      else {
        let x = rng.next();
        for (const p of u.predecessorUnits) {
          if (x < p.share) {
            oldUnit = p.unit;
            break;
          }
          x -= p.share;
        }
        // shares of a full merger add up to 1 (give or take rounding): everybody came from somewhere
        if (!oldUnit && u.predecessorUnits.reduce((sum, p) => sum + p.share, 0) >= 0.999) {
          oldUnit = u.predecessorUnits[u.predecessorUnits.length - 1]!.unit;
        }
      }
    }
    if (oldUnit) {
      const transition = u.transitionDate!;
      segments.push({
        unit: oldUnit,
        from: maxDate(startedOn, oldUnit.validFrom),
        to: addDays(transition, -1),
      });
      segments.push({ unit: u, from: transition, to: null });
    } else {
      segments.push({ unit: u, from: maxDate(startedOn, u.validFrom), to: null });
    }
    const current = segments[segments.length - 1]!;

    // -- career: stints on the ladder, cut by the segments into positions
    const ladder = LADDER[role];
    const stints: { role: Role; from: string }[] = [{ role: 'staff', from: startedOn }];
    if (ladder.length > 1) {
      // Today's post was reached within the last dozen years; the step before it a few years earlier.
      const earliest = maxDate(addYears(startedOn, ROLE_TENURE[role]), `${lastYear - 11}-01-01`);
      let last = earliest < latestPromotion ? dateBetween(rng, earliest, latestPromotion) : latestPromotion;
      last = maxDate(`${last.slice(0, 8)}01`, addDays(startedOn, 1));
      if (ladder.length === 3) {
        const midFrom = maxDate(addYears(startedOn, Math.ceil(ROLE_TENURE[role] / 2)), addYears(last, -12));
        const midTo = addYears(last, -2);
        if (midFrom < midTo)
          stints.push({ role: ladder[1]!, from: `${dateBetween(rng, midFrom, midTo).slice(0, 8)}01` });
      }
      stints.push({ role, from: last });
    }
    const staffJob: Job = script?.job
      ? { title: script.job, direct: ['Bác sĩ', 'Điều dưỡng', 'Giáo viên'].includes(script.job) }
      : leader
        ? leaderFirstJob(u)
        : staffJobFor(u, undefined);
    const oldStaffJob = oldUnit
      ? leader
        ? leaderFirstJob(oldUnit)
        : staffJobFor(oldUnit, undefined)
      : staffJob;
    const oldDivision = oldUnit?.divisions ? rng.pick(oldUnit.divisions) : undefined;
    const positions: { unit: Unit; title: string; leadership: boolean; from: string; to: string | null }[] =
      [];
    for (let i = 0; i < stints.length; i++) {
      const stint = stints[i]!;
      const stintTo = i + 1 < stints.length ? addDays(stints[i + 1]!.from, -1) : null;
      for (const seg of segments) {
        const from = maxDate(stint.from, seg.from);
        const to = stintTo === null ? seg.to : seg.to === null ? stintTo : minDate(stintTo, seg.to);
        if (to !== null && to < from) continue;
        const isOld = seg.unit !== u;
        let r = stint.role;
        if (isOld) {
          // Before the merger: the post held in the old unit (e.g. Chủ tịch UBND phường Hàng Bạc for
          // today's deputy of Phường Hoàn Kiếm); other district leaders were heads of its divisions.
          if (oldLead && r !== 'staff') {
            // the same number of rungs below the post held there as below today's post here
            const rung = RANKS.indexOf(oldLead.role) - (RANKS.indexOf(role) - RANKS.indexOf(r));
            r = RANKS[Math.max(0, rung)]!;
          } else if (u.district && (r === 'head' || r === 'deputy')) r = 'divhead';
        }
        const t = isOld
          ? titleFor(seg.unit, r, oldDivision, oldStaffJob)
          : titleFor(u, r, division, staffJob);
        const prev = positions[positions.length - 1];
        if (
          prev &&
          prev.unit === seg.unit &&
          prev.title === t.title &&
          prev.to !== null &&
          addDays(prev.to, 1) === from
        ) {
          prev.to = to;
          continue;
        }
        positions.push({ unit: seg.unit, title: t.title, leadership: t.leadership, from, to });
      }
    }
    const category = categoryFor(u, role, staffJob);
    const direct = role === 'staff' && staffJob.direct;

    buffers.people.push([
      id,
      fullName,
      foldAccents(fullName),
      personSortKey(fullName),
      gender,
      birthDate,
      ethnicity,
      category,
      direct,
      startedOn,
      u.id,
    ]);
    for (const seg of segments) buffers.personUnits.push([ids.uuid(), id, seg.unit.id, seg.from, seg.to]);
    for (const p of positions) {
      buffers.positions.push([ids.uuid(), id, p.unit.id, p.title, p.leadership, p.from, p.to]);
    }
    if (role === 'head') headNames.set(u.code, fullName);

    // -- the yearly record
    const firstRated = monthOf(startedOn) <= 6 ? yearOf(startedOn) : yearOf(startedOn) + 1;
    const star =
      !script &&
      role === 'head' &&
      tier === 'excellent' &&
      yearOf(startedOn) <= firstYear - 15 &&
      rng.chance(0.3);
    const cstdcs = new Set<number>();
    const htxs = new Set<number>();
    const provincial = new Set<number>();
    let lastCityTitle = -Infinity;
    let lastCityCertificate = -Infinity;
    let previousGood = false;
    for (let y = Math.max(firstYear, firstRated); y <= lastYear; y++) {
      const off = y - lastYear;
      const seg =
        segments.find((s) => s.from <= `${y}-12-31` && (s.to === null || s.to >= `${y}-12-31`)) ?? current;
      const at = seg.unit;
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
      buffers.ratings.push([ids.uuid(), id, y, level]);
      if (form) {
        const decidedOn = dateBetween(rng, `${y}-03-01`, `${y}-11-30`);
        buffers.disciplines.push([
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
        buffers.initiatives.push([ids.uuid(), id, y, title, research ? 'research' : 'initiative', scope]);
        if (scope !== 'CO_SO') provincial.add(y);
      }
      // awards
      const good = level === 'HTXS' || level === 'HTT';
      const sure = !!script || star;
      const ldtt = !form && good && (sure || rng.chance(0.97));
      const cs = ldtt && !!scope && (sure || rng.chance(level === 'HTXS' ? 0.95 : 0.7));
      if (ldtt) award(id, null, 'LDTT', y, authorityOf(at), 'unit');
      if (cs) {
        award(id, null, 'CSTDCS', y, unitAuthority(at, y), 'unit');
        cstdcs.add(y);
      }
      if (level === 'HTXS') htxs.add(y);
      // CSTĐ cấp Thành phố: three consecutive CSTĐCS, one initiative of provincial scope in the cycle.
      if (
        cs &&
        cstdcs.has(y - 1) &&
        cstdcs.has(y - 2) &&
        y - 2 > lastCityTitle &&
        (provincial.has(y) || provincial.has(y - 1) || provincial.has(y - 2))
      ) {
        const give = script
          ? (script.cityAwards?.CSTD_BO_TINH ?? []).includes(off)
          : star || rng.chance(y === lastYear ? 0.45 : 0.85);
        if (give) {
          award(id, null, 'CSTD_BO_TINH', y, CITY_AUTHORITY, 'city');
          lastCityTitle = y;
        }
      }
      // Bằng khen of the Chairman: two consecutive years HTXS with CSTĐCS (two initiatives).
      if (cs && cstdcs.has(y - 1) && htxs.has(y) && htxs.has(y - 1) && y - 1 > lastCityCertificate) {
        const give = script
          ? (script.cityAwards?.BK_BO_TINH ?? []).includes(off)
          : star
            ? y === firstYear + 1
            : rng.chance(y === lastYear ? 0.35 : 0.6);
        if (give) {
          award(id, null, 'BK_BO_TINH', y, CITY_AUTHORITY, 'city');
          lastCityCertificate = y;
        }
      }
      // Giấy khen: regular for good work, thematic (COVID-19 years) for health workers, rare sudden.
      if (!script && !form) {
        if (!cs && (level === 'HTXS' || (level === 'HTT' && previousGood)) && rng.chance(0.1)) {
          award(id, null, 'GK', y, unitAuthority(at, y), 'unit');
        }
        if ((y === 2020 || y === 2021) && at.profile === 'hospital' && rng.chance(0.25)) {
          award(id, null, 'GK', y, unitAuthority(at, y), 'thematic', 'thematic');
        }
        if (direct && rng.chance(0.002)) award(id, null, 'GK', y, unitAuthority(at, y), 'sudden', 'sudden');
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
    // Bằng khen of the Prime Minister for a few outstanding long-serving heads.
    if (star && lastCityCertificate === firstYear + 1 && firstYear + 3 <= lastYear - 1) {
      award(id, null, 'BK_TTG', firstYear + 3, PM_AUTHORITY, 'pm');
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
        award(id, null, 'HCLD_3', y, PRESIDENT_AUTHORITY, 'president', 'dedication');
    }
  }

  const scriptsByUnit = new Map<string, Script[]>();
  for (const s of SCRIPTS) scriptsByUnit.set(s.unitCode, [...(scriptsByUnit.get(s.unitCode) ?? []), s]);

  log(`Đang tạo ${totalPeople} cán bộ…`);
  for (const u of staffed) {
    const leaders = u.leaderIds.length;
    const scripts = scriptsByUnit.get(u.code) ?? [];
    for (let i = 0; i < u.size; i++) {
      let role: Role = 'staff';
      let division: string | undefined;
      if (i === 0) role = 'head';
      else if (i <= u.deputies) role = 'deputy';
      else if (i <= u.deputies + u.divisionHeads) {
        role = 'divhead';
        division = u.divisions![i - u.deputies - 1];
      } else if (i < leaders) {
        role = 'divdeputy';
        division = u.divisions![i - u.deputies - u.divisionHeads - 1];
      }
      const id = i < leaders ? u.leaderIds[i]! : ids.uuid();
      const script = i >= leaders ? scripts[i - leaders] : undefined;
      generatePerson(u, id, role, i, division, script);
      created++;
      if (buffers.people.length >= FLUSH_EVERY) {
        await flush();
        log(`Đã tạo ${created}/${totalPeople} cán bộ…`);
      }
    }
  }
  await flush();
  log(`Đã tạo ${created} cán bộ cùng đánh giá, sáng kiến, kỷ luật và khen thưởng ${firstYear}–${lastYear}.`);

  // ---- collectives: ratings and titles computed from their members' year ----
  const collectiveRatings: unknown[][] = [];
  const sortedAggs = [...aggregates.values()].sort((a, b) => a.unit.index - b.unit.index || a.year - b.year);
  const excellentByYear = new Map<number, Unit[]>();
  const excellentUnits = new Set<string>();
  for (const a of sortedAggs) {
    if (a.unit.profile === 'city' || a.n < 3) continue;
    const goodShare = a.good / a.n;
    let level: Level;
    if (goodShare < 0.5) level = 'KHT';
    else if (goodShare < 0.7) level = 'HT';
    else if (goodShare >= 0.85 && a.htxs / a.n >= 0.15 && rng.chance(0.7)) level = 'HTXS';
    else level = 'HTT';
    collectiveRatings.push([ids.uuid(), a.unit.id, a.year, level]);
    const ldttShare = a.ldtt / a.n;
    if (
      level === 'HTXS' &&
      a.kht === 0 &&
      ldttShare >= 0.7 &&
      a.cstdcs > 0 &&
      a.serious === 0 &&
      rng.chance(0.6)
    ) {
      award(null, a.unit.id, 'TTLDXS', a.year, CITY_AUTHORITY, 'city');
      excellentUnits.add(`${a.unit.index}:${a.year}`);
      if (a.unit.parentUnit === root) {
        excellentByYear.set(a.year, [...(excellentByYear.get(a.year) ?? []), a.unit]);
      }
      if (excellentUnits.has(`${a.unit.index}:${a.year - 1}`) && rng.chance(0.3)) {
        award(null, a.unit.id, 'BK_BO_TINH', a.year, CITY_AUTHORITY, 'city');
      }
    } else if (
      (level === 'HTXS' || level === 'HTT') &&
      ldttShare > 0.5 &&
      a.serious === 0 &&
      rng.chance(0.9)
    ) {
      award(null, a.unit.id, 'TTLDTT', a.year, collectiveAuthority(a.unit, a.year), 'unit');
    }
  }
  // Cờ thi đua of the city for the best top-level collectives, and rarely the Government's flag.
  for (let y = firstYear; y <= lastYear; y++) {
    const candidates = excellentByYear.get(y) ?? [];
    const leader = candidates.length > 0 ? rng.pick(candidates) : undefined;
    const flags = candidates.filter((u) => u === leader || rng.chance(0.1));
    for (const u of flags) award(null, u.id, 'CO_BO_TINH', y, CITY_AUTHORITY, 'city');
    if (y <= lastYear - 1 && flags.length > 0 && rng.chance(0.3)) {
      award(null, rng.pick(flags).id, 'CO_CP', y, PM_AUTHORITY, 'pm');
    }
  }
  await sink('ratings', ['id', 'org_unit_id', 'year', 'level'], collectiveRatings);
  await flushAwards();
  log(`Đã tạo ${collectiveRatings.length} kết quả đánh giá tập thể và danh hiệu tập thể.`);

  // ---- accounts ----
  const ward = unitOf(OFFICER_WARD_CODE);
  const hospital = unitOf(OFFICER_HOSPITAL_CODE);
  const accounts: { username: string; fullName: string; roles: string[]; unit: Unit }[] = [
    { username: 'admin', fullName: 'Quản trị hệ thống', roles: ['admin'], unit: root },
    { username: 'bantdkt', fullName: 'Phạm Thu Hằng', roles: ['board'], unit: root },
    { username: 'hoidong', fullName: 'Hoàng Minh Sơn', roles: ['council'], unit: root },
    { username: 'canbo', fullName: 'Lê Thu Trang', roles: ['officer'], unit: ward },
    {
      username: 'lanhdao',
      fullName: headNames.get(ward.code) ?? 'Lãnh đạo phường',
      roles: ['head'],
      unit: ward,
    },
    { username: 'canbo_bv', fullName: 'Đỗ Thị Lan Anh', roles: ['officer'], unit: hospital },
  ];
  await sink(
    'users',
    ['id', 'username', 'full_name', 'password_hash', 'roles', 'org_unit_id'],
    accounts.map((a) => [ids.uuid(), a.username, a.fullName, opts.passwordHash, a.roles, a.unit.id]),
  );
  log(
    `Đã tạo ${accounts.length} tài khoản mẫu (mật khẩu: ${DEMO_PASSWORD}); Ban TĐKT: ${unitOf(BOARD_CODE).name}.`,
  );
  return {
    accounts: accounts.map((a) => ({ username: a.username, role: a.roles[0]!, unitName: a.unit.name })),
  };
}
