/**
 * Luật Thi đua, khen thưởng 2022 as amended by Luật 06/2026/QH16, with Decree 152/2025: in force from
 * 2026-10-01. The amending law's criteria are not known yet: the earlier ones are carried forward and the
 * rule set is marked unverified. Source: /shared/domain/legal-update-2025-2026.md §0–§2, §5.
 */
import { law2022Settings } from '../settings';
import { law2022Rules } from './law-2022-criteria';
import { L22, L26, ND152, TT01_RECRUIT, type RuleSet } from './shared';

export const LUAT_2026_ND152: RuleSet = {
  id: 'LUAT_2026_ND152',
  nameVi:
    'Luật Thi đua, khen thưởng 2022 sửa đổi bởi Luật 06/2026/QH16 và Nghị định 152/2025/NĐ-CP (tiêu chí mang sang)',
  validFrom: '2026-10-01',
  validTo: null,
  basis: `${L22}; Luật 06/2026/QH16; ${ND152}; Thông tư 15/2025/TT-BNV`,
  verified: false,
  noteVi:
    'Tiêu chí của Luật 06/2026/QH16 chưa được biết: bộ quy tắc mang sang tiêu chí trước đó, chưa đối chiếu, có thể sửa. Chuyển tiếp (Điều 4 khoản 4): hồ sơ được tiếp nhận trước 01/10/2026 theo luật cũ trừ khi luật mới có lợi hơn; vì tiêu chí mang sang giống nhau nên kết quả không đổi.',
  lawName: L26,
  principles: { excludeSuddenThematicFromChains: true, disciplineResetsAchievements: true },
  settings: law2022Settings(L26, true),
  rules: law2022Rules({
    law: L26,
    recruitment: `${TT01_RECRUIT} (thay thế bởi Thông tư 15/2025/TT-BNV; chưa đối chiếu)`,
    nd152: true,
  }),
};
