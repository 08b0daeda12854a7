/**
 * The collectives of the demo city: each unit's yearly rating computed from its members' year, and the
 * collective titles that follow (Tập thể lao động tiên tiến / xuất sắc, Cờ thi đua, Bằng khen).
 */
import { CITY_AUTHORITY, collectiveAuthority, PM_AUTHORITY } from './decisions';
import type { DemoContext, Level, Unit } from './model';

export async function generateCollectives(ctx: DemoContext): Promise<void> {
  const { rng, ids, rows, city, firstYear, lastYear, aggregates, log } = ctx;
  const { root } = city;
  const collectiveRatings: unknown[][] = [];
  const sortedAggs = [...aggregates.values()].sort((a, b) => a.unit.index - b.unit.index || a.year - b.year);
  const excellentByYear = new Map<number, Unit[]>();
  const excellentUnits = new Set<string>();
  for (const a of sortedAggs) {
    if (a.unit.profile === 'city' || a.n < 3) continue;
    const goodShare = a.good / a.n;
    let level: Level;
    if (goodShare < 0.5) level = 'KHT';
    else if (goodShare < 0.7) level = 'HT';
    else if (goodShare >= 0.85 && a.htxs / a.n >= 0.15 && rng.chance(0.7)) level = 'HTXS';
    else level = 'HTT';
    collectiveRatings.push([ids.uuid(), a.unit.id, a.year, level]);
    const ldttShare = a.ldtt / a.n;
    if (
      level === 'HTXS' &&
      a.kht === 0 &&
      ldttShare >= 0.7 &&
      a.cstdcs > 0 &&
      a.serious === 0 &&
      rng.chance(0.6)
    ) {
      rows.award(null, a.unit.id, 'TTLDXS', a.year, CITY_AUTHORITY, 'city');
      excellentUnits.add(`${a.unit.index}:${a.year}`);
      if (a.unit.parentUnit === root) {
        excellentByYear.set(a.year, [...(excellentByYear.get(a.year) ?? []), a.unit]);
      }
      if (excellentUnits.has(`${a.unit.index}:${a.year - 1}`) && rng.chance(0.3)) {
        rows.award(null, a.unit.id, 'BK_BO_TINH', a.year, CITY_AUTHORITY, 'city');
      }
    } else if (
      (level === 'HTXS' || level === 'HTT') &&
      ldttShare > 0.5 &&
      a.serious === 0 &&
      rng.chance(0.9)
    ) {
      rows.award(null, a.unit.id, 'TTLDTT', a.year, collectiveAuthority(city, a.unit, a.year), 'unit');
    }
  }
  // Cờ thi đua of the city for the best top-level collectives, and rarely the Government's flag.
  for (let y = firstYear; y <= lastYear; y++) {
    const candidates = excellentByYear.get(y) ?? [];
    const leader = candidates.length > 0 ? rng.pick(candidates) : undefined;
    const flags = candidates.filter((u) => u === leader || rng.chance(0.1));
    for (const u of flags) rows.award(null, u.id, 'CO_BO_TINH', y, CITY_AUTHORITY, 'city');
    if (y <= lastYear - 1 && flags.length > 0 && rng.chance(0.3)) {
      rows.award(null, rng.pick(flags).id, 'CO_CP', y, PM_AUTHORITY, 'pm');
    }
  }
  await rows.sink('ratings', ['id', 'org_unit_id', 'year', 'level'], collectiveRatings);
  await rows.flushAwards();
  log(`Đã tạo ${collectiveRatings.length} kết quả đánh giá tập thể và danh hiệu tập thể.`);
}
