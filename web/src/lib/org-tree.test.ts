import { describe, expect, it } from 'vitest';
import type { OrgUnit } from './api';
import { buildTree, filterTree, pathTo } from './org-tree';

let n = 0;
function unit(overrides: Partial<OrgUnit> & Pick<OrgUnit, 'name'>): OrgUnit {
  n += 1;
  return {
    id: `u${n}`,
    parentId: null,
    code: `U${n}`,
    shortName: null,
    kind: 'ward',
    validFrom: '2025-07-01',
    validTo: null,
    mergedIntoId: null,
    headPersonId: null,
    version: 1,
    ...overrides,
  };
}

describe('org tree', () => {
  const city = unit({ name: 'UBND Thành phố Hà Nội', kind: 'city' });
  const dung = unit({ name: 'Phường Đống Đa', parentId: city.id });
  const dinh = unit({ name: 'Phường Ba Đình', parentId: city.id });
  const old = unit({
    name: 'Quận Ba Đình',
    kind: 'district',
    parentId: city.id,
    validTo: '2025-06-30',
    mergedIntoId: dinh.id,
  });
  const child = unit({ name: 'Phường Trúc Bạch', parentId: old.id, validTo: '2025-06-30' });
  const all = [child, old, dung, dinh, city];

  it('roots the tree at units whose parent is outside the list and sorts active units first, by Vietnamese collation', () => {
    const roots = buildTree(all);
    expect(roots.map((r) => r.unit.name)).toEqual(['UBND Thành phố Hà Nội']);
    expect(roots[0]?.children.map((c) => c.unit.name)).toEqual([
      'Phường Ba Đình',
      'Phường Đống Đa',
      'Quận Ba Đình',
    ]);
  });

  it('can leave out historical units', () => {
    const roots = buildTree(all, false);
    expect(roots[0]?.children.map((c) => c.unit.name)).toEqual(['Phường Ba Đình', 'Phường Đống Đa']);
  });

  it('keeps matches and their ancestors when searching without diacritics', () => {
    const { roots, expand, matches } = filterTree(buildTree(all), 'truc bach');
    expect(matches).toBe(1);
    expect(roots[0]?.children.map((c) => c.unit.name)).toEqual(['Quận Ba Đình']);
    expect(expand).toEqual(expect.arrayContaining([city.id, old.id]));
  });

  it('walks from the root down to a unit', () => {
    expect(pathTo(all, child.id)).toEqual([city.id, old.id]);
  });
});
