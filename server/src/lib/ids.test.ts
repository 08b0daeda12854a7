import { describe, expect, it } from 'vitest';
import { orderedIds } from './ids';

describe('ids written in bulk', () => {
  it('are version 7 UUIDs in ascending order, all different', () => {
    const ids = orderedIds(70_000);
    expect(ids).toHaveLength(70_000);
    for (const id of ids.slice(0, 100)) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(ids.every((id, i) => i === 0 || ids[i - 1]! < id)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    // the time comes first: a later batch sorts after an earlier one
    const t = Number.parseInt(ids[0]!.replace(/-/g, '').slice(0, 12), 16);
    expect(Math.abs(t - Date.now())).toBeLessThan(60_000);
  });
});
