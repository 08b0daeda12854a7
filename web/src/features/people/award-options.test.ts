import { describe, expect, it } from 'vitest';
import { AWARD_KIND_NAMES, AWARD_LEVEL_NAMES, AWARD_NAMES } from '../../../../contract/awards';
import { namesIn } from '../../../../contract/vocabulary';
import type { AwardSummary } from '../../lib/api';
import { awardOptionGroups, matchesAward } from './award-options';

/** Lines as GET /api/v1/eligibility/catalogue answers them, in catalogue order. */
const line = (
  code: AwardSummary['code'],
  kind: AwardSummary['kind'],
  level: AwardSummary['level'],
  subjects: AwardSummary['subjects'],
): AwardSummary => ({
  code,
  nameVi: AWARD_NAMES[code].vi,
  kind,
  level,
  subjects,
  hasRules: true,
  regimes: [],
});
const CATALOGUE: AwardSummary[] = [
  line('HCLD_3', 'order', 'state', ['individual', 'collective']),
  line('LDTT', 'title', 'grassroots', ['individual']),
  line('CSTDCS', 'title', 'grassroots', ['individual']),
  line('CSTD_BO_TINH', 'title', 'ministry_province', ['individual']),
  line('TTLDXS', 'title', 'grassroots', ['collective']),
  line('GK', 'merit_paper', 'grassroots', ['individual', 'collective', 'household']),
  line('BK_BO_TINH', 'certificate', 'ministry_province', ['individual', 'collective']),
];
const names = (lang: 'vi' | 'en') => ({
  award: namesIn(lang, AWARD_NAMES),
  kinds: namesIn(lang, AWARD_KIND_NAMES),
  levels: namesIn(lang, AWARD_LEVEL_NAMES),
  other: lang === 'vi' ? 'ngoài danh mục' : 'not in the catalogue',
});

describe('the award picker’s options', () => {
  it('offers the catalogue’s awards for a person, grouped by level from the grassroots up, then kind', () => {
    const groups = awardOptionGroups(CATALOGUE, names('vi'));
    expect(groups.map((g) => [g.label, g.options.map((o) => o.value)])).toEqual([
      ['Cơ sở · Danh hiệu thi đua', ['LDTT', 'CSTDCS']],
      ['Cơ sở · Giấy khen', ['GK']],
      ['Bộ, ban, ngành, tỉnh · Danh hiệu thi đua', ['CSTD_BO_TINH']],
      ['Bộ, ban, ngành, tỉnh · Bằng khen', ['BK_BO_TINH']],
      ['Nhà nước · Huân chương', ['HCLD_3']],
    ]);
    // a collective title is not something a person receives
    expect(groups.flatMap((g) => g.options).some((o) => o.value === 'TTLDXS')).toBe(false);
    const cstdcs = groups[0]!.options[1]!;
    expect(cstdcs).toMatchObject({
      label: 'Chiến sĩ thi đua cơ sở',
      title: 'Chiến sĩ thi đua cơ sở',
      code: 'CSTDCS',
    });
  });

  it('names the awards in the chosen language', () => {
    const groups = awardOptionGroups(CATALOGUE, names('en'));
    expect(groups[0]!.label).toBe('Grassroots · Emulation title');
    expect(groups[0]!.options[1]!.label).toBe('Grassroots Emulation Fighter');
  });

  it('keeps a code already recorded on offer, even a collective one or one the catalogue does not know', () => {
    const groups = awardOptionGroups(CATALOGUE, names('vi'), ['TTLDXS', 'CU_MA']);
    const codes = groups.flatMap((g) => g.options.map((o) => o.value));
    expect(codes).toContain('TTLDXS');
    expect(groups[groups.length - 1]).toMatchObject({
      label: 'ngoài danh mục',
      options: [{ value: 'CU_MA' }],
    });
  });

  it('finds an award by its name typed without diacritics, or by its code', () => {
    const options = awardOptionGroups(CATALOGUE, names('vi')).flatMap((g) => g.options);
    const found = (typed: string) => options.filter((o) => matchesAward(typed, o)).map((o) => o.value);
    expect(found('chien si thi dua co so')).toEqual(['CSTDCS']);
    expect(found('CHIẾN SĨ')).toEqual(['CSTDCS', 'CSTD_BO_TINH']);
    expect(found('giay khen')).toEqual(['GK']);
    expect(found('huan chuong lao dong')).toEqual(['HCLD_3']);
    expect(found('cstdcs')).toEqual(['CSTDCS']);
    expect(found('lao dong tien tien')).toEqual(['LDTT']);
    expect(found('đồng hồ')).toEqual([]);
  });
});
