import { createHash } from 'node:crypto';
/**
 * Settings of the rule sets: every value the legal sources leave UNCERTAIN that a rule depends on.
 * Each rule set declares its settings with a default; an administrator can override them (later via
 * the database) by passing `settings` to `evaluate`. Overrides are keyed by the setting key (applies to
 * every rule set that declares it) or by `RULE_SET_ID:key` (applies to that rule set only, and wins).
 */
import type { EligibilitySetting, SettingValue } from '../../../../contract/catalogue';
import { ELIGIBILITY_DISCIPLINE_FORMS, ELIGIBILITY_RATING_LEVELS } from '../../../../contract/eligibility';
import { assertNever } from '../../lib/assert-never';
import { EligibilityInputError, type EligibilityErrorDetail } from './errors';

export type { SettingValue };

/** A setting as seen by an administrator: its definition and the value in force (contract/catalogue.ts). */
export type Setting = EligibilitySetting;

/** What a rule set declares about a setting: its type, allowed values, default, and why it is a setting. */
export type SettingDef = Omit<Setting, 'value'>;

/** Overrides as read from the database: values are validated against each setting's type. */
export type SettingOverrides = Readonly<Record<string, unknown>>;

export type ResolvedSettings = ReadonlyMap<string, SettingValue>;

const RATINGS: string[] = [...ELIGIBILITY_RATING_LEVELS];
const DISCIPLINE_OR_NONE: string[] = ['NONE', ...ELIGIBILITY_DISCIPLINE_FORMS];

const L22 = 'Luật Thi đua, khen thưởng 2022';
const L03 = 'Luật Thi đua, khen thưởng 2003 (sửa đổi, bổ sung 2005, 2013)';
const ND91 = 'Nghị định 91/2017/NĐ-CP';
const ND152 = 'Nghị định 152/2025/NĐ-CP';

/** Settings shared by every rule set. */
function commonSettings(law: string): SettingDef[] {
  return [
    {
      key: 'recruitment.measuredTo',
      type: 'enum',
      values: ['year_end', 'as_of'],
      defaultValue: 'year_end',
      uncertain: true,
      descriptionVi:
        'Thời gian kể từ khi tuyển dụng được tính đến hết ngày 31/12 của năm xét hay đến ngày xét (không quá cuối năm xét).',
      basis: `${law}, Điều 24 (tiêu chuẩn Lao động tiên tiến)`,
    },
    {
      key: 'chains.resetAfterSameAward',
      type: 'boolean',
      defaultValue: true,
      uncertain: true,
      descriptionVi:
        'Chuỗi thành tích (các lần liên tục, các năm "sau đó") chỉ tính từ sau lần gần nhất được tặng chính hình thức đang xét (một thành tích chỉ làm căn cứ cho một lần khen thưởng).',
      basis: `${law}, Điều 5 (nguyên tắc khen thưởng)`,
    },
    {
      key: 'sinceAward.anchor',
      type: 'enum',
      values: ['latest', 'earliest'],
      defaultValue: 'latest',
      uncertain: true,
      descriptionVi:
        'Với điều kiện "đã được tặng hình thức A và sau đó có liên tục từ 05 năm trở lên": tính từ lần được tặng A gần nhất hay lần đầu tiên.',
      basis: `${law}, Điều 5 (một thành tích chỉ khen một lần)`,
    },
    {
      key: 'cstdcs.initiativeWindowYears',
      type: 'integer',
      min: 1,
      max: 10,
      defaultValue: 1,
      uncertain: true,
      descriptionVi:
        'Sáng kiến, đề tài làm căn cứ xét Chiến sĩ thi đua cơ sở phải được công nhận trong bao nhiêu năm tính đến năm xét (1 = chỉ năm xét).',
      basis: `${law}, Điều 23`,
    },
    {
      key: 'cstdBoTinh.initiativeWindowYears',
      type: 'integer',
      min: 1,
      max: 10,
      defaultValue: 3,
      uncertain: true,
      descriptionVi:
        'Sáng kiến có phạm vi ảnh hưởng cấp bộ, tỉnh làm căn cứ xét Chiến sĩ thi đua bộ, ban, ngành, tỉnh phải được công nhận trong bao nhiêu năm tính đến năm xét (mặc định: 03 năm của chuỗi Chiến sĩ thi đua cơ sở).',
      basis: `${law}, Điều 22`,
    },
    {
      key: 'cstdTq.initiativeWindowYears',
      type: 'integer',
      min: 1,
      max: 15,
      defaultValue: 6,
      uncertain: true,
      descriptionVi:
        'Sáng kiến có phạm vi ảnh hưởng toàn quốc làm căn cứ xét Chiến sĩ thi đua toàn quốc phải được công nhận trong bao nhiêu năm tính đến năm xét (mặc định: 06 năm của hai chu kỳ Chiến sĩ thi đua bộ, tỉnh).',
      basis: `${law}, Điều 21`,
    },
    {
      key: 'cstdTq.maxGapYears',
      type: 'integer',
      min: 1,
      max: 10,
      defaultValue: 3,
      uncertain: true,
      descriptionVi:
        'Hai lần được tặng Chiến sĩ thi đua bộ, ban, ngành, tỉnh được coi là "liên tục" khi cách nhau không quá số năm này (một chu kỳ 03 năm Chiến sĩ thi đua cơ sở).',
      basis: `${law}, Điều 21`,
    },
    {
      key: 'cstdTq.maxYearsAfterSecond',
      type: 'integer',
      min: 0,
      max: 5,
      defaultValue: 1,
      uncertain: true,
      descriptionVi:
        'Đề nghị Chiến sĩ thi đua toàn quốc ngay sau lần thứ hai được tặng Chiến sĩ thi đua bộ, tỉnh: năm xét cách lần thứ hai không quá số năm này.',
      basis: `${law}, Điều 21`,
    },
    {
      key: 'coBoTinh.minRating',
      type: 'enum',
      values: RATINGS,
      defaultValue: 'HTXS',
      uncertain: true,
      descriptionVi:
        'Mức xếp loại tối thiểu của tập thể trong năm xét để được đề nghị Cờ thi đua bộ, ban, ngành, tỉnh ("hoàn thành vượt mức chỉ tiêu, nhiệm vụ").',
      basis: `${law}, Điều 26, khoản 1`,
    },
    {
      key: 'coBoTinh.requireTtldxs',
      type: 'boolean',
      defaultValue: true,
      uncertain: true,
      descriptionVi:
        'Tập thể phải đạt (hoặc đủ tiêu chuẩn) "Tập thể lao động xuất sắc" trong năm xét để được đề nghị Cờ thi đua bộ, ban, ngành, tỉnh (theo quy định ngành, ví dụ Thông tư 22/2023/TT-BCT).',
      basis: `${law}, Điều 26, khoản 1`,
    },
    {
      key: 'coCp.minRating',
      type: 'enum',
      values: RATINGS,
      defaultValue: 'HTXS',
      uncertain: true,
      descriptionVi:
        'Mức xếp loại tối thiểu của tập thể trong năm xét để được đề nghị Cờ thi đua của Chính phủ ("vượt mức các chỉ tiêu thi đua và nhiệm vụ").',
      basis: `${law}, Điều 25, khoản 1`,
    },
    {
      key: 'coCp.requireTtldxs',
      type: 'boolean',
      defaultValue: true,
      uncertain: true,
      descriptionVi:
        'Tập thể phải đạt (hoặc đủ tiêu chuẩn) "Tập thể lao động xuất sắc" trong năm xét để được đề nghị Cờ thi đua của Chính phủ.',
      basis: `${law}, Điều 25, khoản 1`,
    },
    {
      key: 'gk.minRating',
      type: 'enum',
      values: RATINGS,
      defaultValue: 'HTT',
      uncertain: true,
      descriptionVi:
        'Mức xếp loại tối thiểu trong năm xét để được đề nghị Giấy khen theo thành tích thường xuyên (tiêu chuẩn cụ thể do bộ, ngành, tỉnh quy định).',
      basis: law === L22 ? `${law}, Điều 75, khoản 2` : `${law}, Điều 75`,
    },
  ];
}

/** Settings of the rule set under the 2003 law and Decree 91/2017 (2017-10-01 .. 2023-12-31). */
export function nd91Settings(): SettingDef[] {
  return [
    ...commonSettings(L03),
    {
      key: 'cstdcs.quotaPct',
      type: 'number',
      min: 0,
      max: 100,
      nullable: true,
      defaultValue: 15,
      uncertain: false,
      descriptionVi:
        'Tỷ lệ tối đa Chiến sĩ thi đua cơ sở trên tổng số cá nhân đạt Lao động tiên tiến của đơn vị (chỉ tiêu của đơn vị, không phải điều kiện của cá nhân; chỉ hiển thị).',
      basis: `${ND91}, Điều 9, khoản 3`,
    },
    {
      key: 'cstdBoTinh.requireInitiativeBoTinh',
      type: 'boolean',
      defaultValue: false,
      uncertain: true,
      descriptionVi:
        'Theo Luật 2003 (sửa đổi 2013), Chiến sĩ thi đua bộ, tỉnh có bắt buộc sáng kiến/đề tài có phạm vi ảnh hưởng cấp bộ, tỉnh được ghi nhận trong hồ sơ hay không (mặc định: Hội đồng xem xét).',
      basis: `${L03}, Điều 22`,
    },
    {
      key: 'cstdTq.requireSixConsecutiveCstdcs',
      type: 'boolean',
      defaultValue: false,
      uncertain: true,
      descriptionVi:
        'Chiến sĩ thi đua toàn quốc phải có 06 năm liên tục đạt Chiến sĩ thi đua cơ sở (quy định của Nghị định 65/2014/NĐ-CP và Thông tư 07/2014/TT-BNV; chưa rõ còn áp dụng dưới Nghị định 91/2017/NĐ-CP).',
      basis: 'Nghị định 65/2014/NĐ-CP; Thông tư 07/2014/TT-BNV (số điều chưa đối chiếu)',
    },
    {
      key: 'hcld.minRating',
      type: 'enum',
      values: RATINGS,
      defaultValue: 'HTT',
      uncertain: true,
      descriptionVi:
        'Mức xếp loại tối thiểu của mỗi năm trong 05 năm liên tục sau khi được tặng hình thức trước đó, khi xét Huân chương Lao động cho cá nhân (Luật 2003 sửa đổi 2013: "lập được thành tích xuất sắc, hoàn thành tốt nhiệm vụ").',
      basis: `${L03}, Điều 42–44; ${ND91}, Điều 24`,
    },
    {
      key: 'hcld2.initiativesBoTinh',
      type: 'integer',
      min: 0,
      max: 10,
      defaultValue: 3,
      uncertain: true,
      descriptionVi:
        'Số sáng kiến có phạm vi ảnh hưởng cấp bộ, tỉnh trong 05 năm sau Huân chương Lao động hạng Ba để xét hạng Nhì (cá nhân).',
      basis: `${L03}, Điều 43`,
    },
    {
      key: 'hcld1.initiativesToanQuoc',
      type: 'integer',
      min: 0,
      max: 10,
      defaultValue: 1,
      uncertain: true,
      descriptionVi:
        'Số sáng kiến có phạm vi ảnh hưởng toàn quốc trong 05 năm sau Huân chương Lao động hạng Nhì để xét hạng Nhất (cá nhân).',
      basis: `${L03}, Điều 42`,
    },
  ];
}

/** Settings of the rule sets under the 2022 law (Decree 98/2023, then Decree 152/2025). */
export function law2022Settings(law: string, nd152: boolean): SettingDef[] {
  const settings: SettingDef[] = [
    ...commonSettings(law),
    {
      key: 'cstdcs.quotaPct',
      type: 'number',
      min: 0,
      max: 100,
      nullable: true,
      defaultValue: null,
      uncertain: true,
      descriptionVi:
        'Tỷ lệ tối đa Chiến sĩ thi đua cơ sở của đơn vị, nếu bộ, ngành, tỉnh có quy định (không có tỷ lệ toàn quốc được tìm thấy; chỉ tiêu của đơn vị, không phải điều kiện của cá nhân; chỉ hiển thị).',
      basis: `${law}, Điều 23`,
    },
    {
      key: 'ldtt.disciplineDisqualifier',
      type: 'enum',
      values: DISCIPLINE_OR_NONE,
      defaultValue: 'NONE',
      uncertain: true,
      descriptionVi:
        'Hình thức kỷ luật thấp nhất trong năm xét làm cá nhân không được xét Lao động tiên tiến (và do đó Chiến sĩ thi đua cơ sở). "Không có hình thức nào": văn bản trung ương đã đọc không quy định; các ngành thường quy định "từ khiển trách trở lên".',
      basis: `${law}, Điều 24 (bộ, ban, ngành, tỉnh quy định chi tiết)`,
    },
    {
      key: 'ttldxs.requireNoWarningDiscipline',
      type: 'boolean',
      defaultValue: false,
      uncertain: true,
      descriptionVi:
        'Tập thể lao động xuất sắc còn yêu cầu không có cá nhân bị kỷ luật từ cảnh cáo trở lên (có trong quy định cũ; không có trong Điều 27 khoản 1 Luật 2022 như được trích dẫn).',
      basis: `${law}, Điều 27, khoản 1`,
    },
    {
      key: 'hcld1.regularRouteEnabled',
      type: 'boolean',
      defaultValue: true,
      uncertain: true,
      descriptionVi:
        'Bật tiêu chí suy luận cho Huân chương Lao động hạng Nhất (cá nhân) theo cấu trúc Điều 43, 44: đã được tặng hạng Nhì và sau đó 05 năm liên tục hoàn thành tốt nhiệm vụ trở lên, có số năm hoàn thành xuất sắc và danh hiệu chiến sĩ thi đua như các thiết lập dưới đây.',
      basis: `${law}, Điều 42`,
    },
    {
      key: 'hcld1.minHtxsYears',
      type: 'integer',
      min: 0,
      max: 5,
      defaultValue: 3,
      uncertain: true,
      descriptionVi:
        'Huân chương Lao động hạng Nhất (cá nhân): số năm hoàn thành xuất sắc nhiệm vụ tối thiểu trong giai đoạn.',
      basis: `${law}, Điều 42`,
    },
    {
      key: 'hcld1.cstdTqCount',
      type: 'integer',
      min: 0,
      max: 5,
      defaultValue: 1,
      uncertain: true,
      descriptionVi:
        'Huân chương Lao động hạng Nhất (cá nhân): số lần Chiến sĩ thi đua toàn quốc trong giai đoạn (phương án thứ nhất; 0 = không dùng phương án này).',
      basis: `${law}, Điều 42`,
    },
    {
      key: 'hcld1.cstdBoTinhCount',
      type: 'integer',
      min: 0,
      max: 5,
      defaultValue: 2,
      uncertain: true,
      descriptionVi:
        'Huân chương Lao động hạng Nhất (cá nhân): số lần Chiến sĩ thi đua bộ, ban, ngành, tỉnh trong giai đoạn (phương án thứ hai; 0 = không dùng phương án này).',
      basis: `${law}, Điều 42`,
    },
  ];
  if (nd152) {
    settings.push(
      {
        key: 'discipline.resetMinForm',
        type: 'enum',
        values: [...ELIGIBILITY_DISCIPLINE_FORMS],
        defaultValue: 'KHIEN_TRACH',
        uncertain: true,
        descriptionVi:
          'Hình thức kỷ luật thấp nhất mà sau khi hết thời hạn kỷ luật thành tích mới được tính lại (Nghị định 152/2025/NĐ-CP, Điều 4).',
        basis: `${ND152}, Điều 4`,
      },
      {
        key: 'discipline.extraYearsExcluded',
        type: 'integer',
        min: 0,
        max: 3,
        defaultValue: 0,
        uncertain: true,
        descriptionVi:
          'Số năm sau năm có quyết định kỷ luật vẫn coi là trong thời hạn kỷ luật (0: thành tích được tính từ năm sau năm bị kỷ luật; thời hạn kỷ luật thường 06–12 tháng).',
        basis: `${ND152}, Điều 4`,
      },
    );
  }
  return settings;
}

function checkValue(def: SettingDef, value: unknown, path: string): string | undefined {
  if (value === null)
    return def.nullable || def.values?.includes(null) ? undefined : `${path}: không được để trống`;
  switch (def.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${path}: phải là true hoặc false`;
    case 'integer':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${path}: phải là số`;
      if (def.type === 'integer' && !Number.isInteger(value)) return `${path}: phải là số nguyên`;
      if (def.min !== undefined && value < def.min) return `${path}: không được nhỏ hơn ${def.min}`;
      if (def.max !== undefined && value > def.max) return `${path}: không được lớn hơn ${def.max}`;
      return undefined;
    }
    case 'enum':
      return def.values?.includes(value as string)
        ? undefined
        : `${path}: giá trị ${JSON.stringify(value)} không hợp lệ (chỉ nhận ${def.values?.join(', ')})`;
    default:
      return assertNever(def.type, 'setting type');
  }
}

/**
 * Applies overrides to a rule set's settings. Throws `EligibilityInputError('invalid_setting')` for a key
 * that no known rule set declares (`knownKeys`) or a value of the wrong type.
 */
export function resolveSettings(
  ruleSetId: string,
  defs: readonly SettingDef[],
  overrides: SettingOverrides | undefined,
  knownKeys: ReadonlySet<string>,
): ResolvedSettings {
  const resolved = new Map<string, SettingValue>();
  for (const def of defs) resolved.set(def.key, def.defaultValue);
  if (!overrides) return resolved;
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const problems: EligibilityErrorDetail[] = [];
  const scoped: [SettingDef, SettingValue, string][] = [];
  for (const [rawKey, value] of Object.entries(overrides)) {
    const colon = rawKey.indexOf(':');
    const scope = colon >= 0 ? rawKey.slice(0, colon) : undefined;
    const key = colon >= 0 ? rawKey.slice(colon + 1) : rawKey;
    if (!knownKeys.has(key)) {
      problems.push({ path: `settings.${rawKey}`, message: `settings.${rawKey}: thiết lập không tồn tại` });
      continue;
    }
    if (scope !== undefined && scope !== ruleSetId) continue;
    const def = byKey.get(key);
    if (!def) continue; // declared by another rule set only
    const problem = checkValue(def, value, `settings.${rawKey}`);
    if (problem) problems.push({ path: `settings.${rawKey}`, message: problem });
    else if (scope === undefined) resolved.set(key, value as SettingValue);
    else scoped.push([def, value as SettingValue, rawKey]);
  }
  for (const [def, value] of scoped) resolved.set(def.key, value);
  if (problems.length > 0) {
    throw new EligibilityInputError(
      'invalid_setting',
      `Thiết lập không hợp lệ: ${problems[0]!.message}`,
      problems,
    );
  }
  return resolved;
}

/** A rule set's settings with the values in force after overrides (for an administration page). */
export function describeSettings(
  ruleSetId: string,
  defs: readonly SettingDef[],
  overrides: SettingOverrides | undefined,
  knownKeys: ReadonlySet<string>,
): Setting[] {
  const resolved = resolveSettings(ruleSetId, defs, overrides, knownKeys);
  // null is a value of its own ("none"), not a missing one
  return defs.map((d) => ({ ...d, value: resolved.has(d.key) ? resolved.get(d.key)! : d.defaultValue }));
}

const fingerprints = new WeakMap<ResolvedSettings, string>();

/**
 * A short name for the settings a verdict was judged with (every value of the rule set, defaults included):
 * two verdicts with the same fingerprint used the same values; an administrator's change gives a new one.
 */
export function settingsFingerprint(settings: ResolvedSettings): string {
  let fp = fingerprints.get(settings);
  if (fp === undefined) {
    const canonical = JSON.stringify(
      [...settings.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
    fp = createHash('sha256').update(canonical).digest('hex').slice(0, 12);
    fingerprints.set(settings, fp);
  }
  return fp;
}
