/**
 * The collectives of the demo city: each unit's yearly rating computed from its members' year, and the
 * collective titles that follow (Tập thể lao động tiên tiến / xuất sắc, Cờ thi đua, Bằng khen).
 */
import type { AwardCode } from '../../../../../contract/awards';
import type { EligibilityMembers } from '../../../../../contract/eligibility';
import { CITY_AUTHORITY, collectiveAuthority, PM_AUTHORITY, type DecisionWindow } from './decisions';
import { CollectiveRecord } from './eligibility';
import type { Authority, DemoContext, Level, Unit } from './model';

export async function generateCollectives(ctx: DemoContext): Promise<void> {
  const { rng, ids, rows, city, firstYear, lastYear, aggregates, log } = ctx;
  const { root } = city;
  const collectiveRatings: unknown[][] = [];
  const sortedAggs = [...aggregates.values()].sort((a, b) => a.unit.index - b.unit.index || a.year - b.year);
  const excellentByYear = new Map<number, Unit[]>();
  const excellentUnits = new Set<string>();
  // Each unit's record as a collective, and its members' figures by year, for the engine's questions.
  const records = new Map<Unit, CollectiveRecord>();
  const recordOf = (u: Unit) => {
    let r = records.get(u);
    if (!r) records.set(u, (r = new CollectiveRecord(ctx.eligibility)));
    return r;
  };
  const members = new Map<string, EligibilityMembers>();
  const membersOf = (u: Unit, year: number) => members.get(`${u.index}:${year}`) ?? { total: 0 };
  for (const a of sortedAggs) {
    if (a.unit.profile === 'city' || a.n < 3) continue;
    const goodShare = a.good / a.n;
    let level: Level;
    if (goodShare < 0.5) level = 'KHT';
    else if (goodShare < 0.7) level = 'HT';
    else if (goodShare >= 0.85 && a.htxs / a.n >= 0.15 && rng.chance(0.7)) level = 'HTXS';
    else level = 'HTT';
    collectiveRatings.push([ids.uuid(), a.unit.id, a.year, level]);
    const record = recordOf(a.unit);
    record.rating(a.year, level);
    const figures: EligibilityMembers = {
      total: a.n,
      completedTasks: a.n - a.kht,
      ldtt: a.ldtt,
      cstdcs: a.cstdcs,
      disciplinedWarningOrAbove: a.serious,
    };
    members.set(`${a.unit.index}:${a.year}`, figures);
    const give = (code: AwardCode, auth: Authority, window: DecisionWindow) => {
      rows.award(null, a.unit.id, code, a.year, auth, window);
      record.award(code, a.year);
    };
    // The unit's collective title: the engine says which the law allows, the city decides which it gives.
    if (record.may('TTLDXS', a.year, figures) && rng.chance(0.6)) {
      give('TTLDXS', CITY_AUTHORITY, 'city');
      excellentUnits.add(`${a.unit.index}:${a.year}`);
      if (a.unit.parentUnit === root) {
        excellentByYear.set(a.year, [...(excellentByYear.get(a.year) ?? []), a.unit]);
      }
      // A collective Bằng khen rests on the council's judgement (no automatic rule): after two
      // excellent years in a row.
      if (excellentUnits.has(`${a.unit.index}:${a.year - 1}`) && rng.chance(0.3)) {
        give('BK_BO_TINH', CITY_AUTHORITY, 'city');
      }
    } else if (record.may('TTLDTT', a.year, figures) && rng.chance(0.9)) {
      give('TTLDTT', collectiveAuthority(city, a.unit, a.year), 'unit');
    }
  }
  // Cờ thi đua of the city for the best top-level collectives, and rarely the Government's flag.
  for (let y = firstYear; y <= lastYear; y++) {
    const candidates = (excellentByYear.get(y) ?? []).filter((u) =>
      recordOf(u).may('CO_BO_TINH', y, membersOf(u, y)),
    );
    const leader = candidates.length > 0 ? rng.pick(candidates) : undefined;
    const flags = candidates.filter((u) => u === leader || rng.chance(0.1));
    for (const u of flags) {
      rows.award(null, u.id, 'CO_BO_TINH', y, CITY_AUTHORITY, 'city');
      recordOf(u).award('CO_BO_TINH', y);
    }
    const government = flags.filter((u) => recordOf(u).may('CO_CP', y, membersOf(u, y)));
    if (y <= lastYear - 1 && government.length > 0 && rng.chance(0.3)) {
      rows.award(null, rng.pick(government).id, 'CO_CP', y, PM_AUTHORITY, 'pm');
    }
  }
  await rows.sink('ratings', ['id', 'org_unit_id', 'year', 'level'], collectiveRatings);
  await rows.flushAwards();
  log(`Đã tạo ${collectiveRatings.length} kết quả đánh giá tập thể và danh hiệu tập thể.`);
}
