/** Luật Thi đua, khen thưởng 2022 with Decree 98/2023: in force 2024-01-01 … 2025-06-30. */
import { law2022Settings } from '../settings';
import { law2022Rules } from './law-2022-criteria';
import { L22, TT01_RECRUIT, type RuleSet } from './shared';

export const LUAT_2022_ND98: RuleSet = {
  id: 'LUAT_2022_ND98',
  nameVi: 'Luật Thi đua, khen thưởng 2022 và Nghị định 98/2023/NĐ-CP',
  validFrom: '2024-01-01',
  validTo: '2025-06-30',
  basis: `${L22}; Nghị định 98/2023/NĐ-CP; Thông tư 01/2024/TT-BNV`,
  verified: true,
  noteVi:
    'Thông tư 01/2024/TT-BNV có hiệu lực từ 15/4/2024; quy định "không xét người mới tuyển dụng dưới 06 tháng" được áp dụng cho cả bộ quy tắc.',
  lawName: L22,
  principles: { excludeSuddenThematicFromChains: false, disciplineResetsAchievements: false },
  settings: law2022Settings(L22, false),
  rules: law2022Rules({ law: L22, recruitment: TT01_RECRUIT, nd152: false }),
};
