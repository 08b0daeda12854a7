/** Believable Vietnamese personal names (NFC, correct diacritics) for the demo data. */
import { Rng, Weighted } from './random';

export type DemoGender = 'male' | 'female';

/** Family names of the Kinh majority, weighted roughly by their real frequency. */
const KINH_FAMILY = new Weighted<string>([
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 5],
  ['Huỳnh', 0.4],
  ['Phan', 4.5],
  ['Vũ', 3.9],
  ['Võ', 0.6],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Đinh', 0.8],
  ['Trịnh', 0.7],
  ['Đào', 0.6],
  ['Đoàn', 0.6],
  ['Lương', 0.5],
  ['Mai', 0.5],
  ['Hà', 0.5],
  ['Cao', 0.4],
  ['Tạ', 0.3],
  ['Chu', 0.3],
  ['Tô', 0.3],
  ['Kiều', 0.2],
  ['Khuất', 0.2],
  ['Nghiêm', 0.2],
  ['Lại', 0.2],
  ['Vương', 0.2],
  ['Triệu', 0.2],
]);

/** Ethnicity of people in the demo city: mostly Kinh, with the minorities living in and around Hà Nội. */
export const ETHNICITY = new Weighted<string>([
  ['Kinh', 93.5],
  ['Mường', 2],
  ['Tày', 1.6],
  ['Thái', 1],
  ['Nùng', 0.8],
  ['Dao', 0.6],
  ['Mông', 0.5],
]);

const MINORITY_FAMILY: Record<string, readonly string[]> = {
  Mường: ['Đinh', 'Bùi', 'Quách', 'Hà', 'Xa'],
  Tày: ['Hoàng', 'Nông', 'Lục', 'Lương', 'Hà', 'Ma'],
  Thái: ['Lò', 'Cầm', 'Lường', 'Hà', 'Vi', 'Tòng'],
  Nùng: ['Hoàng', 'Nông', 'Lăng', 'Chu', 'Mã'],
  Dao: ['Triệu', 'Bàn', 'Đặng', 'Lý', 'Phùng'],
  Mông: ['Giàng', 'Vàng', 'Sùng', 'Thào', 'Lý', 'Hầu'],
};

const MALE_MIDDLE = new Weighted<string>([
  ['Văn', 30],
  ['Đức', 10],
  ['Minh', 10],
  ['Quang', 8],
  ['Hữu', 6],
  ['Đình', 5],
  ['Xuân', 5],
  ['Thành', 5],
  ['Thanh', 4],
  ['Công', 4],
  ['Duy', 4],
  ['Quốc', 4],
  ['Ngọc', 3],
  ['Mạnh', 3],
  ['Trung', 3],
  ['Việt', 3],
  ['Hoàng', 3],
  ['Tiến', 3],
  ['Trọng', 3],
  ['Anh', 2],
  ['Hồng', 2],
  ['Bá', 2],
  ['Khắc', 2],
  ['Tuấn', 2],
  ['Kim', 1],
]);

const FEMALE_MIDDLE = new Weighted<string>([
  ['Thị', 45],
  ['Ngọc', 8],
  ['Thu', 8],
  ['Thanh', 7],
  ['Minh', 6],
  ['Hồng', 5],
  ['Phương', 5],
  ['Thùy', 4],
  ['Kim', 4],
  ['Hải', 3],
  ['Mai', 3],
  ['Bích', 3],
  ['Lan', 2],
  ['Diệu', 2],
  ['Quỳnh', 2],
  ['Khánh', 2],
  ['Hoài', 2],
]);

/** Second middle name after "Thị" (Nguyễn Thị Thu Hà). */
const FEMALE_SECOND_MIDDLE = [
  'Thu',
  'Thanh',
  'Ngọc',
  'Minh',
  'Hồng',
  'Kim',
  'Bích',
  'Thúy',
  'Phương',
  'Mai',
  'Hải',
  'Lan',
];

const MALE_GIVEN = [
  'Anh',
  'Bình',
  'Cường',
  'Chiến',
  'Công',
  'Dũng',
  'Dương',
  'Đạt',
  'Định',
  'Đức',
  'Hải',
  'Hậu',
  'Hiệp',
  'Hiếu',
  'Hòa',
  'Hoàng',
  'Hùng',
  'Hưng',
  'Huy',
  'Khải',
  'Khánh',
  'Khoa',
  'Kiên',
  'Lâm',
  'Lộc',
  'Long',
  'Mạnh',
  'Minh',
  'Nam',
  'Nghĩa',
  'Nguyên',
  'Phong',
  'Phúc',
  'Quân',
  'Quang',
  'Quyết',
  'Sơn',
  'Tài',
  'Tâm',
  'Tân',
  'Thái',
  'Thắng',
  'Thành',
  'Thịnh',
  'Tiến',
  'Toàn',
  'Trung',
  'Trường',
  'Tú',
  'Tuấn',
  'Tùng',
  'Việt',
  'Vinh',
  'Vũ',
];

const FEMALE_GIVEN = [
  'Anh',
  'Chi',
  'Dung',
  'Duyên',
  'Giang',
  'Hà',
  'Hải',
  'Hằng',
  'Hạnh',
  'Hậu',
  'Hiền',
  'Hoa',
  'Hồng',
  'Huệ',
  'Hương',
  'Hường',
  'Huyền',
  'Lan',
  'Liên',
  'Linh',
  'Loan',
  'Ly',
  'Mai',
  'My',
  'Nga',
  'Ngân',
  'Ngọc',
  'Nhàn',
  'Nhung',
  'Oanh',
  'Phương',
  'Quyên',
  'Quỳnh',
  'Tâm',
  'Thảo',
  'Thơm',
  'Thu',
  'Thúy',
  'Thủy',
  'Trang',
  'Trinh',
  'Tuyết',
  'Uyên',
  'Vân',
  'Yến',
];

const MONG_MALE_GIVEN = ['Páo', 'Sử', 'Chư', 'Dế', 'Lử', 'Tủa', 'Chứ', 'Sình', 'Pó'];
const MONG_FEMALE_GIVEN = ['Mỷ', 'Súa', 'Dợ', 'Chá', 'Pà', 'Xúa', 'Mai', 'Dung'];

/** A full name such as "Nguyễn Văn Đức" or "Trần Thị Thu Hà", suited to the gender and ethnicity. */
export function randomFullName(rng: Rng, gender: DemoGender, ethnicity: string): string {
  const minority = MINORITY_FAMILY[ethnicity];
  const family = minority && rng.chance(0.85) ? rng.pick(minority) : KINH_FAMILY.pick(rng);
  if (ethnicity === 'Mông') {
    return gender === 'male'
      ? `${family} A ${rng.pick(MONG_MALE_GIVEN)}`
      : `${family} Thị ${rng.pick(MONG_FEMALE_GIVEN)}`;
  }
  if (gender === 'male') {
    const middle = MALE_MIDDLE.pick(rng);
    let given = rng.pick(MALE_GIVEN);
    while (given === middle) given = rng.pick(MALE_GIVEN);
    return `${family} ${middle} ${given}`;
  }
  let middle = FEMALE_MIDDLE.pick(rng);
  if (middle === 'Thị' && rng.chance(0.2)) middle = `Thị ${rng.pick(FEMALE_SECOND_MIDDLE)}`;
  let given = rng.pick(FEMALE_GIVEN);
  while (middle.endsWith(given)) given = rng.pick(FEMALE_GIVEN);
  return `${family} ${middle} ${given}`;
}
