/**
 * Luật Thi đua, khen thưởng 2022 with Decree 152/2025 (replacing Decree 98/2023): in force
 * 2025-07-01 … 2026-09-30. Source: /shared/domain/legal-update-2025-2026.md §0–§2, §5.
 */
import { law2022Settings } from '../settings';
import { law2022Rules } from './law-2022-criteria';
import { L22, ND152, TT01_RECRUIT, type RuleSet } from './shared';

export const LUAT_2022_ND152: RuleSet = {
  id: 'LUAT_2022_ND152',
  nameVi: 'Luật Thi đua, khen thưởng 2022 và Nghị định 152/2025/NĐ-CP',
  validFrom: '2025-07-01',
  validTo: '2026-09-30',
  basis: `${L22}; ${ND152}; Thông tư 15/2025/TT-BNV`,
  verified: true,
  noteVi:
    'Nghị định 152/2025/NĐ-CP thay thế Nghị định 98/2023/NĐ-CP từ 01/7/2025; Thông tư 15/2025/TT-BNV thay thế Thông tư 01/2024/TT-BNV từ 05/8/2025 (nội dung về Lao động tiên tiến chưa đối chiếu, giữ quy định 06 tháng).',
  lawName: L22,
  principles: { excludeSuddenThematicFromChains: true, disciplineResetsAchievements: true },
  settings: law2022Settings(L22, true),
  rules: law2022Rules({
    law: L22,
    recruitment: `${TT01_RECRUIT} (Thông tư 15/2025/TT-BNV thay thế từ 05/8/2025; nội dung tương ứng chưa đối chiếu)`,
    nd152: true,
  }),
};
