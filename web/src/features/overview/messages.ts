/** Strings of the overview page. */
import type { Dictionary } from '../../app/language';

const vi = {
  overview: {
    greeting: (name: string) => `Xin chào, ${name}`,
    intro: 'Đây là không gian làm việc về thi đua, khen thưởng của đơn vị bạn.',
    scope: 'Phạm vi dữ liệu',
    unitsInScope: 'Đơn vị trong phạm vi',
    activeUnits: (n: number) => `${n} đơn vị đang hoạt động`,
    peopleInScope: 'Cán bộ, người lao động',
    openOrgUnits: 'Xem cơ cấu tổ chức',
    openPeople: 'Tra cứu cán bộ',
    comingTitle: 'Sắp có',
    coming: [
      'Phong trào thi đua, đăng ký và giao ước thi đua',
      'Hồ sơ đề nghị khen thưởng, thẩm định và Hội đồng TĐKT',
    ],
  },
};

export const overviewMessages = {
  vi,
  en: {
    overview: {
      greeting: (name: string) => `Hello, ${name}`,
      intro: "This is your unit's workspace for emulation and commendation.",
      scope: 'Data scope',
      unitsInScope: 'Units in scope',
      activeUnits: (n: number) => (n === 1 ? '1 active unit' : `${n} active units`),
      peopleInScope: 'People',
      openOrgUnits: 'View organisation',
      openPeople: 'Search people',
      comingTitle: 'Coming soon',
      coming: [
        'Emulation movements, registrations and pacts',
        'Commendation proposals, appraisal and the council',
      ],
    },
  },
} satisfies Dictionary<typeof vi>;
