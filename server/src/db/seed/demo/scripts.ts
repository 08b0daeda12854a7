/**
 * People placed on purpose so that the eligibility lists and explanations have content. The first two
 * are also the names the tests search for in the officer's ward.
 */
import { OFFICER_HOSPITAL_CODE, OFFICER_WARD_CODE } from '../city';
import type { Script } from './model';

/** The ward's school (Trường THCS Trưng Vương), inside the scope of the ward's officer. */
const WARD_SCHOOL_CODE = `${OFFICER_WARD_CODE}.THCS-TRUNGVUONG`;

export const SCRIPTS: Script[] = [
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
  // Three teachers of the ward's school with CSTĐCS two years before the last (2023 for the default
  // today): the school's share of CSTĐCS among LĐTT that year is above the 15% cap of Decree 91/2017, in
  // force at the end of 2023, so the quota report as the ward's officer sees it has a unit to mark.
  ...(
    [
      ['Hoàng Thị Mai Anh', 'female', '1985-06-18', '2008-08-15'],
      ['Ngô Thanh Tùng', 'male', '1983-01-27', '2006-09-05'],
      ['Lương Thị Thu Trang', 'female', '1990-11-03', '2013-08-20'],
    ] as const
  ).map(([fullName, gender, birthDate, startedOn]): Script => ({
    unitCode: WARD_SCHOOL_CODE,
    fullName,
    gender,
    birthDate,
    startedOn,
    job: 'Giáo viên',
    levels: { [-2]: 'HTXS' },
    initiatives: { [-2]: 'CO_SO' },
    note: 'A teacher with CSTĐCS in a year the quota report caps at 15% (Decree 91/2017): puts the school over it.',
  })),
];
