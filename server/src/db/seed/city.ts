/**
 * The demo city's organisation: Hà Nội after the two-tier local government reform of 1 July 2025
 * (departments as merged on 1 March 2025, districts abolished, new wards and communes directly under
 * the city), with the historical districts, wards and departments kept as closed units that point at
 * their successor. Only data: no database access here.
 */
import { foldAccents } from '../../lib/vietnamese';

export type UnitKind =
  'city' | 'department' | 'commune' | 'ward' | 'district' | 'enterprise' | 'mass_org' | 'public_service';

/** How people and titles look inside a unit. */
export type Profile =
  | 'city'
  | 'department'
  | 'office'
  | 'inspectorate'
  | 'board'
  | 'hospital'
  | 'school'
  | 'ward_school'
  | 'ward'
  | 'commune'
  | 'enterprise'
  | 'mass_org'
  | 'district'
  | 'old_ward';

export interface UnitSpec {
  code: string;
  name: string;
  shortName?: string;
  kind: UnitKind;
  parent?: string;
  validFrom: string;
  validTo?: string;
  mergedInto?: string;
  profile: Profile;
  /** Share of the demo's people working here today (0: nobody, e.g. historical units). */
  weight: number;
  /** Position titles of the head and the deputies. */
  headTitle: string;
  deputyTitle: string;
  /** Who signs the unit's own decisions (Lao động tiên tiến, Giấy khen...), and the code in "123/QĐ-<doc>". */
  issuer: string;
  doc: string;
  /** Divisions (phòng, khoa, ban) whose heads hold leadership posts. */
  divisions?: readonly string[];
  /** Title of the unit's direct workers (enterprises). */
  directTitle?: string;
  /** Initiative titles specific to this unit. */
  topics?: readonly string[];
  /**
   * Before a merger, where today's members were: each predecessor with the share of members who came
   * from it (the rest were already here). The first predecessor is led by today's head (or a deputy).
   */
  predecessors?: readonly { code: string; share: number }[];
  /** Date from which the unit took over its predecessors' people. */
  transitionDate?: string;
  /** Wards and ward schools: the district whose authority applied before 1 July 2025. */
  district?: string;
}

export const CITY_CODE = 'HN';
export const CITY_FROM = '2008-08-01';
/** Departments merged on 1 March 2025; districts abolished and new communes/wards from 1 July 2025. */
export const DEPARTMENT_MERGER = '2025-03-01';
export const TWO_TIER_REFORM = '2025-07-01';
export const LAST_DAY_OF_DEPARTMENTS = '2025-02-28';
export const LAST_DAY_OF_DISTRICTS = '2025-06-30';

/** ASCII code fragment: "Hoàn Kiếm" → "HOANKIEM". */
export function slug(name: string): string {
  return foldAccents(name)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** "Quận Hoàn Kiếm" → "quận Hoàn Kiếm" (inside a sentence). */
export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

const DEPARTMENT_DIVISIONS = ['Kế hoạch - Tài chính', 'Tổ chức cán bộ', 'Pháp chế', 'Tổng hợp'];

interface DepartmentRow {
  code: string;
  name: string;
  weight?: number;
  divisions?: string[];
  topics?: string[];
  validFrom?: string;
  predecessors?: { code: string; share: number }[];
}

const DEPARTMENTS: DepartmentRow[] = [
  {
    code: 'SNV',
    name: 'Sở Nội vụ',
    divisions: ['Tổ chức, biên chế', 'Công chức, viên chức', 'Lao động - Việc làm', 'Chính quyền địa phương'],
    predecessors: [{ code: 'SLDTBXH', share: 0.35 }],
    topics: [
      'Số hóa hồ sơ cán bộ, công chức, viên chức của Thành phố',
      'Chuẩn hóa quy trình tuyển dụng công chức',
    ],
  },
  {
    code: 'STC',
    name: 'Sở Tài chính',
    divisions: ['Ngân sách', 'Quản lý giá và công sản', 'Đầu tư', 'Doanh nghiệp'],
    predecessors: [{ code: 'SKHDT', share: 0.4 }],
    topics: [
      'Ứng dụng phần mềm thẩm định dự toán ngân sách',
      'Rút ngắn thời gian đăng ký doanh nghiệp qua mạng',
    ],
  },
  {
    code: 'SGDDT',
    name: 'Sở Giáo dục và Đào tạo',
    divisions: [
      'Giáo dục Trung học',
      'Giáo dục Tiểu học',
      'Giáo dục Mầm non',
      'Khảo thí và Kiểm định chất lượng',
    ],
    topics: ['Tổ chức thi tuyển sinh lớp 10 trên phần mềm quản lý tập trung'],
  },
  {
    code: 'SYT',
    name: 'Sở Y tế',
    divisions: ['Nghiệp vụ Y', 'Nghiệp vụ Dược', 'Kế hoạch - Tài chính', 'Tổ chức cán bộ'],
    topics: ['Kết nối liên thông dữ liệu khám chữa bệnh giữa các bệnh viện thành phố'],
  },
  {
    code: 'SXD',
    name: 'Sở Xây dựng',
    divisions: ['Quản lý hoạt động xây dựng', 'Quản lý giao thông', 'Phát triển đô thị', 'Quản lý nhà'],
    predecessors: [{ code: 'SGTVT', share: 0.45 }],
    topics: ['Ứng dụng bản đồ số quản lý hạ tầng giao thông', 'Cấp giấy phép xây dựng trực tuyến toàn trình'],
  },
  {
    code: 'SNNMT',
    name: 'Sở Nông nghiệp và Môi trường',
    validFrom: DEPARTMENT_MERGER,
    divisions: ['Trồng trọt và Bảo vệ thực vật', 'Quản lý đất đai', 'Môi trường', 'Thủy lợi'],
    predecessors: [
      { code: 'SNNPTNT', share: 0.55 },
      { code: 'STNMT', share: 0.45 },
    ],
    topics: ['Xây dựng cơ sở dữ liệu đất đai dùng chung', 'Mô hình sản xuất rau an toàn theo chuỗi giá trị'],
  },
  {
    code: 'SKHCN',
    name: 'Sở Khoa học và Công nghệ',
    divisions: ['Quản lý khoa học', 'Chuyển đổi số', 'Bưu chính, Viễn thông', 'Sở hữu trí tuệ'],
    predecessors: [{ code: 'STTTT', share: 0.4 }],
    topics: ['Nền tảng trợ lý ảo hỗ trợ người dân tra cứu thủ tục hành chính'],
  },
  {
    code: 'SVHTT',
    name: 'Sở Văn hóa và Thể thao',
    divisions: ['Quản lý văn hóa', 'Thể dục thể thao', 'Di sản'],
  },
  { code: 'SDL', name: 'Sở Du lịch', weight: 2, divisions: ['Quản lý lữ hành', 'Xúc tiến du lịch'] },
  {
    code: 'SCT',
    name: 'Sở Công Thương',
    divisions: ['Quản lý thương mại', 'Quản lý công nghiệp', 'Quản lý năng lượng'],
  },
  {
    code: 'STP',
    name: 'Sở Tư pháp',
    weight: 2,
    divisions: ['Hành chính tư pháp', 'Bổ trợ tư pháp', 'Xây dựng và kiểm tra văn bản'],
  },
  { code: 'SQHKT', name: 'Sở Quy hoạch - Kiến trúc', weight: 2, divisions: ['Quy hoạch', 'Kiến trúc'] },
  {
    code: 'SDTTG',
    name: 'Sở Dân tộc và Tôn giáo',
    weight: 1.5,
    validFrom: DEPARTMENT_MERGER,
    divisions: ['Công tác dân tộc', 'Công tác tôn giáo'],
    predecessors: [{ code: 'BDT', share: 1 }],
  },
];

/** Departments closed on 28 February 2025 and the department that took them over. */
const OLD_DEPARTMENTS: { code: string; name: string; into: string }[] = [
  { code: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư', into: 'STC' },
  { code: 'SGTVT', name: 'Sở Giao thông vận tải', into: 'SXD' },
  { code: 'SNNPTNT', name: 'Sở Nông nghiệp và Phát triển nông thôn', into: 'SNNMT' },
  { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường', into: 'SNNMT' },
  { code: 'STTTT', name: 'Sở Thông tin và Truyền thông', into: 'SKHCN' },
  { code: 'SLDTBXH', name: 'Sở Lao động - Thương binh và Xã hội', into: 'SNV' },
  { code: 'BDT', name: 'Ban Dân tộc thành phố Hà Nội', into: 'SDTTG' },
];

const HIGH_SCHOOLS: [string, string][] = [
  ['CHUVANAN', 'Trường THPT Chu Văn An'],
  ['PHANDINHPHUNG', 'Trường THPT Phan Đình Phùng'],
  ['VIETDUC', 'Trường THPT Việt Đức'],
  ['TRANPHU', 'Trường THPT Trần Phú - Hoàn Kiếm'],
  ['AMSTERDAM', 'Trường THPT chuyên Hà Nội - Amsterdam'],
  ['KIMLIEN', 'Trường THPT Kim Liên'],
  ['YENHOA', 'Trường THPT Yên Hòa'],
  ['NGUYENGIATHIEU', 'Trường THPT Nguyễn Gia Thiều'],
];

const HOSPITALS: [string, string, string][] = [
  ['XANHPON', 'Bệnh viện Đa khoa Xanh Pôn', 'BVXP'],
  ['THANHNHAN', 'Bệnh viện Thanh Nhàn', 'BVTN'],
  ['DUCGIANG', 'Bệnh viện Đa khoa Đức Giang', 'BVĐG'],
  ['TIM', 'Bệnh viện Tim Hà Nội', 'BVT'],
  ['PHUSAN', 'Bệnh viện Phụ sản Hà Nội', 'BVPS'],
  ['HADONG', 'Bệnh viện Đa khoa Hà Đông', 'BVHĐ'],
];

const HOSPITAL_DIVISIONS = [
  'Khám bệnh',
  'Cấp cứu',
  'Hồi sức tích cực',
  'Nội tổng hợp',
  'Ngoại tổng hợp',
  'Nhi',
  'Chẩn đoán hình ảnh',
  'Xét nghiệm',
  'Dược',
  'Kiểm soát nhiễm khuẩn',
];

const ENTERPRISES: {
  code: string;
  name: string;
  shortName: string;
  doc: string;
  directTitle: string;
  topics: string[];
}[] = [
  {
    code: 'TRANSERCO',
    name: 'Tổng công ty Vận tải Hà Nội',
    shortName: 'Transerco',
    doc: 'VTHN',
    directTitle: 'Lái xe buýt',
    topics: [
      'Tối ưu hóa lộ trình và tần suất các tuyến xe buýt nội đô',
      'Ứng dụng vé điện tử liên thông trên các tuyến xe buýt',
      'Giải pháp tiết kiệm nhiên liệu cho xe buýt CNG',
    ],
  },
  {
    code: 'NUOCSACH',
    name: 'Công ty TNHH MTV Nước sạch Hà Nội',
    shortName: 'Hawacom',
    doc: 'NSHN',
    directTitle: 'Công nhân vận hành',
    topics: [
      'Giải pháp giảm tỷ lệ thất thoát nước trên mạng lưới cấp nước',
      'Ứng dụng đồng hồ nước thông minh đọc chỉ số từ xa',
    ],
  },
  {
    code: 'UDIC',
    name: 'Tổng công ty Đầu tư và Phát triển hạ tầng đô thị UDIC',
    shortName: 'UDIC',
    doc: 'UDIC',
    directTitle: 'Công nhân xây dựng',
    topics: ['Ứng dụng mô hình thông tin công trình (BIM) trong quản lý dự án hạ tầng'],
  },
  {
    code: 'URENCO',
    name: 'Công ty TNHH MTV Môi trường đô thị Hà Nội',
    shortName: 'URENCO',
    doc: 'MTĐT',
    directTitle: 'Công nhân vệ sinh môi trường',
    topics: [
      'Tối ưu hóa lộ trình thu gom, vận chuyển rác thải sinh hoạt',
      'Mô hình phân loại rác tại nguồn ở khu dân cư',
    ],
  },
  {
    code: 'METRO',
    name: 'Công ty TNHH MTV Đường sắt Hà Nội',
    shortName: 'Hanoi Metro',
    doc: 'ĐSHN',
    directTitle: 'Nhân viên lái tàu',
    topics: [
      'Quy trình kiểm tra an toàn trước khi vận hành đoàn tàu',
      'Ứng dụng thẻ vé liên thông trên tuyến đường sắt đô thị',
    ],
  },
];

const MASS_ORGS: {
  code: string;
  name: string;
  shortName?: string;
  head: string;
  deputy: string;
  issuer: string;
  doc: string;
}[] = [
  {
    code: 'THANHDOAN',
    name: 'Thành đoàn Hà Nội',
    head: 'Bí thư Thành đoàn',
    deputy: 'Phó Bí thư Thành đoàn',
    issuer: 'Ban Thường vụ Thành đoàn Hà Nội',
    doc: 'TĐTN',
  },
  {
    code: 'HLHPN',
    name: 'Hội Liên hiệp Phụ nữ thành phố Hà Nội',
    shortName: 'Hội LHPN Thành phố',
    head: 'Chủ tịch Hội',
    deputy: 'Phó Chủ tịch Hội',
    issuer: 'Chủ tịch Hội Liên hiệp Phụ nữ thành phố Hà Nội',
    doc: 'HPN',
  },
  {
    code: 'LDLD',
    name: 'Liên đoàn Lao động thành phố Hà Nội',
    shortName: 'LĐLĐ Thành phố',
    head: 'Chủ tịch Liên đoàn',
    deputy: 'Phó Chủ tịch Liên đoàn',
    issuer: 'Chủ tịch Liên đoàn Lao động thành phố Hà Nội',
    doc: 'LĐLĐ',
  },
  {
    code: 'HND',
    name: 'Hội Nông dân thành phố Hà Nội',
    head: 'Chủ tịch Hội',
    deputy: 'Phó Chủ tịch Hội',
    issuer: 'Chủ tịch Hội Nông dân thành phố Hà Nội',
    doc: 'HND',
  },
  {
    code: 'HCCB',
    name: 'Hội Cựu chiến binh thành phố Hà Nội',
    head: 'Chủ tịch Hội',
    deputy: 'Phó Chủ tịch Hội',
    issuer: 'Chủ tịch Hội Cựu chiến binh thành phố Hà Nội',
    doc: 'CCB',
  },
];

/** Districts abolished on 1 July 2025 and the new ward or commune that took most of them. */
const DISTRICTS: { code: string; name: string; into: string; validFrom?: string }[] = [
  { code: 'Q-HOANKIEM', name: 'Quận Hoàn Kiếm', into: 'P-HOANKIEM' },
  { code: 'Q-BADINH', name: 'Quận Ba Đình', into: 'P-BADINH' },
  { code: 'Q-DONGDA', name: 'Quận Đống Đa', into: 'P-DONGDA' },
  { code: 'Q-HAIBATRUNG', name: 'Quận Hai Bà Trưng', into: 'P-HAIBATRUNG' },
  { code: 'Q-CAUGIAY', name: 'Quận Cầu Giấy', into: 'P-CAUGIAY' },
  { code: 'Q-TAYHO', name: 'Quận Tây Hồ', into: 'P-TAYHO' },
  { code: 'Q-HOANGMAI', name: 'Quận Hoàng Mai', into: 'P-HOANGMAI' },
  { code: 'Q-THANHXUAN', name: 'Quận Thanh Xuân', into: 'P-THANHXUAN' },
  { code: 'Q-LONGBIEN', name: 'Quận Long Biên', into: 'P-LONGBIEN' },
  { code: 'Q-HADONG', name: 'Quận Hà Đông', into: 'P-HADONG', validFrom: '2009-05-08' },
  { code: 'TX-SONTAY', name: 'Thị xã Sơn Tây', into: 'P-SONTAY' },
  { code: 'H-GIALAM', name: 'Huyện Gia Lâm', into: 'X-GIALAM' },
  { code: 'H-DONGANH', name: 'Huyện Đông Anh', into: 'X-DONGANH' },
  { code: 'H-SOCSON', name: 'Huyện Sóc Sơn', into: 'X-SOCSON' },
  { code: 'H-BAVI', name: 'Huyện Ba Vì', into: 'X-BAVI' },
  { code: 'H-THANHTRI', name: 'Huyện Thanh Trì', into: 'X-THANHTRI' },
];

const DISTRICT_DIVISIONS = [
  'Nội vụ',
  'Tài chính - Kế hoạch',
  'Quản lý đô thị',
  'Văn hóa và Thông tin',
  'Tư pháp',
];

/**
 * New wards (P-) and communes (X-) from 1 July 2025: the district they mostly came from, the old wards or
 * communes merged into them (kept as historical units), and one school now managed by them.
 */
const NEW_LOCAL_UNITS: { code: string; name: string; district: string; old: string[]; school: string }[] = [
  {
    code: 'P-HOANKIEM',
    name: 'Phường Hoàn Kiếm',
    district: 'Q-HOANKIEM',
    old: ['Phường Hàng Bạc', 'Phường Hàng Đào', 'Phường Hàng Gai', 'Phường Lý Thái Tổ'],
    school: 'Trường THCS Trưng Vương',
  },
  {
    code: 'P-CUANAM',
    name: 'Phường Cửa Nam',
    district: 'Q-HOANKIEM',
    old: ['Phường Cửa Nam', 'Phường Hàng Bông', 'Phường Trần Hưng Đạo'],
    school: 'Trường THCS Ngô Sĩ Liên',
  },
  {
    code: 'P-BADINH',
    name: 'Phường Ba Đình',
    district: 'Q-BADINH',
    old: ['Phường Quán Thánh', 'Phường Trúc Bạch'],
    school: 'Trường THCS Ba Đình',
  },
  {
    code: 'P-NGOCHA',
    name: 'Phường Ngọc Hà',
    district: 'Q-BADINH',
    old: ['Phường Ngọc Hà', 'Phường Đội Cấn'],
    school: 'Trường Tiểu học Ngọc Hà',
  },
  {
    code: 'P-GIANGVO',
    name: 'Phường Giảng Võ',
    district: 'Q-BADINH',
    old: ['Phường Giảng Võ', 'Phường Thành Công'],
    school: 'Trường THCS Giảng Võ',
  },
  {
    code: 'P-DONGDA',
    name: 'Phường Đống Đa',
    district: 'Q-DONGDA',
    old: ['Phường Láng Hạ'],
    school: 'Trường THCS Láng Hạ',
  },
  {
    code: 'P-VANMIEU',
    name: 'Phường Văn Miếu - Quốc Tử Giám',
    district: 'Q-DONGDA',
    old: ['Phường Văn Miếu', 'Phường Quốc Tử Giám'],
    school: 'Trường Tiểu học Văn Miếu',
  },
  {
    code: 'P-LANG',
    name: 'Phường Láng',
    district: 'Q-DONGDA',
    old: ['Phường Láng Thượng'],
    school: 'Trường Tiểu học Láng Thượng',
  },
  {
    code: 'P-OCHODUA',
    name: 'Phường Ô Chợ Dừa',
    district: 'Q-DONGDA',
    old: ['Phường Ô Chợ Dừa'],
    school: 'Trường Tiểu học Ô Chợ Dừa',
  },
  {
    code: 'P-KIMLIEN',
    name: 'Phường Kim Liên',
    district: 'Q-DONGDA',
    old: ['Phường Kim Liên'],
    school: 'Trường Tiểu học Kim Liên',
  },
  {
    code: 'P-HAIBATRUNG',
    name: 'Phường Hai Bà Trưng',
    district: 'Q-HAIBATRUNG',
    old: ['Phường Phạm Đình Hổ', 'Phường Đồng Nhân'],
    school: 'Trường Tiểu học Đồng Nhân',
  },
  {
    code: 'P-BACHMAI',
    name: 'Phường Bạch Mai',
    district: 'Q-HAIBATRUNG',
    old: ['Phường Bạch Mai', 'Phường Quỳnh Mai'],
    school: 'Trường Tiểu học Quỳnh Mai',
  },
  {
    code: 'P-CAUGIAY',
    name: 'Phường Cầu Giấy',
    district: 'Q-CAUGIAY',
    old: ['Phường Dịch Vọng', 'Phường Dịch Vọng Hậu', 'Phường Quan Hoa'],
    school: 'Trường THCS Cầu Giấy',
  },
  {
    code: 'P-NGHIADO',
    name: 'Phường Nghĩa Đô',
    district: 'Q-CAUGIAY',
    old: ['Phường Nghĩa Đô'],
    school: 'Trường Tiểu học Nghĩa Đô',
  },
  {
    code: 'P-YENHOA',
    name: 'Phường Yên Hòa',
    district: 'Q-CAUGIAY',
    old: ['Phường Yên Hòa', 'Phường Trung Hòa'],
    school: 'Trường Tiểu học Yên Hòa',
  },
  {
    code: 'P-TAYHO',
    name: 'Phường Tây Hồ',
    district: 'Q-TAYHO',
    old: ['Phường Bưởi', 'Phường Nhật Tân', 'Phường Quảng An'],
    school: 'Trường THCS Chu Văn An',
  },
  {
    code: 'P-HOANGMAI',
    name: 'Phường Hoàng Mai',
    district: 'Q-HOANGMAI',
    old: [],
    school: 'Trường Tiểu học Hoàng Mai',
  },
  {
    code: 'P-THANHXUAN',
    name: 'Phường Thanh Xuân',
    district: 'Q-THANHXUAN',
    old: [],
    school: 'Trường Tiểu học Thanh Xuân',
  },
  {
    code: 'P-LONGBIEN',
    name: 'Phường Long Biên',
    district: 'Q-LONGBIEN',
    old: [],
    school: 'Trường Tiểu học Long Biên',
  },
  {
    code: 'P-BODE',
    name: 'Phường Bồ Đề',
    district: 'Q-LONGBIEN',
    old: ['Phường Bồ Đề'],
    school: 'Trường Tiểu học Bồ Đề',
  },
  {
    code: 'P-HADONG',
    name: 'Phường Hà Đông',
    district: 'Q-HADONG',
    old: [],
    school: 'Trường Tiểu học Hà Đông',
  },
  {
    code: 'P-SONTAY',
    name: 'Phường Sơn Tây',
    district: 'TX-SONTAY',
    old: [],
    school: 'Trường Tiểu học Sơn Tây',
  },
  { code: 'X-GIALAM', name: 'Xã Gia Lâm', district: 'H-GIALAM', old: [], school: 'Trường Tiểu học Gia Lâm' },
  {
    code: 'X-BATTRANG',
    name: 'Xã Bát Tràng',
    district: 'H-GIALAM',
    old: ['Xã Bát Tràng'],
    school: 'Trường Tiểu học Bát Tràng',
  },
  {
    code: 'X-DONGANH',
    name: 'Xã Đông Anh',
    district: 'H-DONGANH',
    old: [],
    school: 'Trường Tiểu học Đông Anh',
  },
  { code: 'X-SOCSON', name: 'Xã Sóc Sơn', district: 'H-SOCSON', old: [], school: 'Trường Tiểu học Sóc Sơn' },
  { code: 'X-BAVI', name: 'Xã Ba Vì', district: 'H-BAVI', old: [], school: 'Trường Tiểu học Ba Vì' },
  {
    code: 'X-THANHTRI',
    name: 'Xã Thanh Trì',
    district: 'H-THANHTRI',
    old: [],
    school: 'Trường Tiểu học Thanh Trì',
  },
];

/** The ward the demo's unit officer (`canbo`) and head (`lanhdao`) work for. */
export const OFFICER_WARD_CODE = `${CITY_CODE}.P-HOANKIEM`;
/** The hospital of the `canbo_bv` account. */
export const OFFICER_HOSPITAL_CODE = `${CITY_CODE}.SYT.BV-XANHPON`;
export const BOARD_CODE = `${CITY_CODE}.SNV.BTDKT`;

const c = (code: string) => `${CITY_CODE}.${code}`;

/** "Trường THCS Trưng Vương" → "THCS-TRUNGVUONG", "Trường Tiểu học Ngọc Hà" → "TH-NGOCHA". */
function schoolCode(name: string): string {
  if (name.startsWith('Trường THCS ')) return `THCS-${slug(name.slice('Trường THCS '.length))}`;
  if (name.startsWith('Trường Tiểu học ')) return `TH-${slug(name.slice('Trường Tiểu học '.length))}`;
  return slug(name);
}

/** Code of an old ward or commune under its district: "HN.Q-HOANKIEM.P-HANGBAC". */
function oldLocalCode(district: string, name: string): string {
  const isCommune = name.startsWith('Xã');
  return c(`${district}.${isCommune ? 'X' : 'P'}-${slug(name.slice(name.indexOf(' ') + 1))}`);
}

/** Every unit of the demo city, parents before children and merge targets before merged units. */
export function buildCitySpecs(): UnitSpec[] {
  const units: UnitSpec[] = [];
  units.push({
    code: CITY_CODE,
    name: 'Ủy ban nhân dân thành phố Hà Nội',
    shortName: 'UBND Thành phố',
    kind: 'city',
    validFrom: CITY_FROM,
    profile: 'city',
    weight: 0,
    headTitle: 'Chủ tịch UBND Thành phố',
    deputyTitle: 'Phó Chủ tịch UBND Thành phố',
    issuer: 'Chủ tịch UBND Thành phố Hà Nội',
    doc: 'UBND',
  });
  units.push({
    code: c('VP'),
    name: 'Văn phòng Ủy ban nhân dân Thành phố',
    shortName: 'Văn phòng UBND Thành phố',
    kind: 'department',
    parent: CITY_CODE,
    validFrom: CITY_FROM,
    profile: 'office',
    weight: 2.5,
    headTitle: 'Chánh Văn phòng',
    deputyTitle: 'Phó Chánh Văn phòng',
    issuer: 'Chánh Văn phòng UBND Thành phố',
    doc: 'VP',
    divisions: ['Tổng hợp', 'Kinh tế', 'Đô thị', 'Nội chính', 'Khoa giáo - Văn xã', 'Hành chính - Tổ chức'],
  });
  for (const d of DEPARTMENTS) {
    units.push({
      code: c(d.code),
      name: d.name,
      kind: 'department',
      parent: CITY_CODE,
      validFrom: d.validFrom ?? CITY_FROM,
      profile: 'department',
      weight: d.weight ?? 3,
      headTitle: 'Giám đốc',
      deputyTitle: 'Phó Giám đốc',
      issuer: `Giám đốc ${d.name}`,
      doc: d.code === 'SGDDT' ? 'SGDĐT' : d.code,
      divisions: d.divisions ?? DEPARTMENT_DIVISIONS,
      topics: d.topics,
      predecessors: d.predecessors?.map((p) => ({ code: c(p.code), share: p.share })),
      transitionDate: d.predecessors ? DEPARTMENT_MERGER : undefined,
    });
  }
  units.push({
    code: BOARD_CODE,
    name: 'Ban Thi đua – Khen thưởng',
    shortName: 'Ban TĐKT',
    kind: 'department',
    parent: c('SNV'),
    validFrom: CITY_FROM,
    profile: 'board',
    weight: 1,
    headTitle: 'Trưởng ban',
    deputyTitle: 'Phó Trưởng ban',
    issuer: 'Giám đốc Sở Nội vụ',
    doc: 'SNV',
    divisions: ['Thi đua', 'Khen thưởng', 'Tổng hợp - Hành chính'],
    topics: [
      'Xây dựng phần mềm theo dõi hồ sơ đề nghị khen thưởng',
      'Chuẩn hóa quy trình thẩm định hồ sơ khen thưởng theo Luật Thi đua, khen thưởng năm 2022',
      'Bộ công cụ phát hiện sớm cá nhân đủ điều kiện đề nghị khen thưởng',
    ],
  });
  units.push({
    code: c('TTTP'),
    name: 'Thanh tra Thành phố',
    kind: 'department',
    parent: CITY_CODE,
    validFrom: CITY_FROM,
    profile: 'inspectorate',
    weight: 2,
    headTitle: 'Chánh Thanh tra',
    deputyTitle: 'Phó Chánh Thanh tra',
    issuer: 'Chánh Thanh tra Thành phố',
    doc: 'TTTP',
    divisions: ['Nghiệp vụ 1', 'Nghiệp vụ 2', 'Nghiệp vụ 3', 'Tiếp công dân và Xử lý đơn'],
  });
  for (const [code, name] of HIGH_SCHOOLS) {
    units.push({
      code: c(`SGDDT.THPT-${code}`),
      name,
      kind: 'public_service',
      parent: c('SGDDT'),
      validFrom: CITY_FROM,
      profile: 'school',
      weight: 3.5,
      headTitle: 'Hiệu trưởng',
      deputyTitle: 'Phó Hiệu trưởng',
      issuer: `Hiệu trưởng ${name}`,
      doc: 'THPT',
    });
  }
  for (const [code, name, doc] of HOSPITALS) {
    units.push({
      code: c(`SYT.BV-${code}`),
      name,
      kind: 'public_service',
      parent: c('SYT'),
      validFrom: CITY_FROM,
      profile: 'hospital',
      weight: 9,
      headTitle: 'Giám đốc bệnh viện',
      deputyTitle: 'Phó Giám đốc bệnh viện',
      issuer: `Giám đốc ${name}`,
      doc,
      divisions: HOSPITAL_DIVISIONS,
    });
  }
  for (const e of ENTERPRISES) {
    units.push({
      code: c(`DN-${e.code}`),
      name: e.name,
      shortName: e.shortName,
      kind: 'enterprise',
      parent: CITY_CODE,
      validFrom: CITY_FROM,
      profile: 'enterprise',
      weight: 7,
      headTitle: 'Tổng giám đốc',
      deputyTitle: 'Phó Tổng giám đốc',
      issuer: `Tổng giám đốc ${e.name}`,
      doc: e.doc,
      divisions: ['Tổ chức - Hành chính', 'Tài chính - Kế toán', 'Kế hoạch - Kỹ thuật', 'Kinh doanh'],
      directTitle: e.directTitle,
      topics: e.topics,
    });
  }
  units.push({
    code: c('MTTQ'),
    name: 'Ủy ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội',
    shortName: 'Ủy ban MTTQ Việt Nam Thành phố',
    kind: 'mass_org',
    parent: CITY_CODE,
    validFrom: CITY_FROM,
    profile: 'mass_org',
    weight: 1.5,
    headTitle: 'Chủ tịch Ủy ban MTTQ',
    deputyTitle: 'Phó Chủ tịch Ủy ban MTTQ',
    issuer: 'Chủ tịch Ủy ban MTTQ Việt Nam thành phố Hà Nội',
    doc: 'MTTQ',
    divisions: ['Tổ chức - Kiểm tra', 'Tuyên giáo', 'Dân chủ - Pháp luật'],
  });
  for (const m of MASS_ORGS) {
    units.push({
      code: c(`MTTQ.${m.code}`),
      name: m.name,
      shortName: m.shortName,
      kind: 'mass_org',
      parent: c('MTTQ'),
      validFrom: CITY_FROM,
      profile: 'mass_org',
      weight: 1.2,
      headTitle: m.head,
      deputyTitle: m.deputy,
      issuer: m.issuer,
      doc: m.doc,
      divisions: ['Tổ chức', 'Tuyên giáo', 'Văn phòng'],
    });
  }
  for (const w of NEW_LOCAL_UNITS) {
    const isWard = w.code.startsWith('P-');
    const word = isWard ? 'phường' : 'xã';
    const oldCodes = w.old.map((name) => oldLocalCode(w.district, name));
    const predecessors =
      oldCodes.length === 0
        ? [{ code: c(w.district), share: 1 }]
        : [
            ...oldCodes.map((code) => ({ code, share: 0.7 / oldCodes.length })),
            { code: c(w.district), share: 0.3 },
          ];
    units.push({
      code: c(w.code),
      name: w.name,
      kind: isWard ? 'ward' : 'commune',
      parent: CITY_CODE,
      validFrom: TWO_TIER_REFORM,
      profile: isWard ? 'ward' : 'commune',
      weight: 2.5,
      headTitle: `Chủ tịch UBND ${word}`,
      deputyTitle: `Phó Chủ tịch UBND ${word}`,
      issuer: `Chủ tịch UBND ${lowerFirst(w.name)}`,
      doc: 'UBND',
      divisions: isWard
        ? ['Kinh tế, Hạ tầng và Đô thị', 'Văn hóa - Xã hội']
        : ['Kinh tế', 'Văn hóa - Xã hội'],
      predecessors,
      transitionDate: TWO_TIER_REFORM,
      district: c(w.district),
    });
    units.push({
      code: c(`${w.code}.${schoolCode(w.school)}`),
      name: w.school,
      kind: 'public_service',
      parent: c(w.code),
      validFrom: CITY_FROM,
      profile: 'ward_school',
      weight: 2.5,
      headTitle: 'Hiệu trưởng',
      deputyTitle: 'Phó Hiệu trưởng',
      issuer: `Hiệu trưởng ${w.school}`,
      doc: w.school.includes('THCS') ? 'THCS' : 'TH',
      district: c(w.district),
    });
  }
  for (const d of OLD_DEPARTMENTS) {
    units.push({
      code: c(d.code),
      name: d.name,
      kind: 'department',
      parent: CITY_CODE,
      validFrom: CITY_FROM,
      validTo: LAST_DAY_OF_DEPARTMENTS,
      mergedInto: c(d.into),
      profile: 'department',
      weight: 0,
      headTitle: d.code === 'BDT' ? 'Trưởng ban' : 'Giám đốc',
      deputyTitle: d.code === 'BDT' ? 'Phó Trưởng ban' : 'Phó Giám đốc',
      issuer: d.code === 'BDT' ? 'Trưởng ban Ban Dân tộc thành phố Hà Nội' : `Giám đốc ${d.name}`,
      doc: d.code === 'BDT' ? 'BDT' : d.code.replace('SKHDT', 'SKHĐT').replace('SLDTBXH', 'SLĐTBXH'),
      divisions: DEPARTMENT_DIVISIONS,
    });
  }
  for (const d of DISTRICTS) {
    const kindWord = d.name.startsWith('Thị xã') ? 'thị xã' : lowerFirst(d.name.split(' ')[0]!);
    units.push({
      code: c(d.code),
      name: d.name,
      kind: 'district',
      parent: CITY_CODE,
      validFrom: d.validFrom ?? CITY_FROM,
      validTo: LAST_DAY_OF_DISTRICTS,
      mergedInto: c(d.into),
      profile: 'district',
      weight: 0,
      headTitle: `Chủ tịch UBND ${kindWord}`,
      deputyTitle: `Phó Chủ tịch UBND ${kindWord}`,
      issuer: `Chủ tịch UBND ${lowerFirst(d.name)}`,
      doc: 'UBND',
      divisions: DISTRICT_DIVISIONS,
    });
  }
  for (const w of NEW_LOCAL_UNITS) {
    for (const name of w.old) {
      const isCommune = name.startsWith('Xã');
      const word = isCommune ? 'xã' : 'phường';
      units.push({
        code: oldLocalCode(w.district, name),
        name,
        kind: isCommune ? 'commune' : 'ward',
        parent: c(w.district),
        validFrom: CITY_FROM,
        validTo: LAST_DAY_OF_DISTRICTS,
        mergedInto: c(w.code),
        profile: 'old_ward',
        weight: 0,
        headTitle: `Chủ tịch UBND ${word}`,
        deputyTitle: `Phó Chủ tịch UBND ${word}`,
        issuer: `Chủ tịch UBND ${lowerFirst(name)}`,
        doc: 'UBND',
      });
    }
  }
  return units;
}
