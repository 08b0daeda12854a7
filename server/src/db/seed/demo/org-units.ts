/**
 * The organisation units of the demo city (the specs of city.ts given ids, paths and sizes), how many
 * people work where, and who leads each unit today and led the units merged into it.
 */
import { buildCitySpecs, CITY_CODE, OFFICER_HOSPITAL_CODE, OFFICER_WARD_CODE } from '../city';
import { collationKey } from '../../../lib/vietnamese';
import type { Rng } from '../random';
import type { City, Unit } from './model';
import type { RowSink } from './rows';

/** Build the units and plan their people: `requestedPeople` spread by weight, never below a floor. */
export function planCity(ids: Rng, requestedPeople: number, log: (msg: string) => void): City {
  const specs = buildCitySpecs();
  const byCode = new Map<string, Unit>();
  const units: Unit[] = specs.map((spec, index) => {
    const unit: Unit = {
      ...spec,
      id: ids.uuid(),
      index,
      path: '',
      headId: null,
      size: 0,
      leaderIds: [],
      deputies: 0,
      divisionHeads: 0,
      divisionDeputies: 0,
      oldLeads: new Map(),
      predecessorUnits: [],
    };
    byCode.set(spec.code, unit);
    return unit;
  });
  const unitOf = (code: string): Unit => {
    const u = byCode.get(code);
    if (!u) throw new Error(`demo city: unknown unit ${code}`);
    return u;
  };
  for (const u of units) {
    if (u.parent) u.parentUnit = unitOf(u.parent);
    u.predecessorUnits = (u.predecessors ?? []).map((p) => ({ unit: unitOf(p.code), share: p.share }));
  }
  for (const u of units) u.path = `${u.parentUnit ? u.parentUnit.path : '/'}${u.id}/`;
  const root = unitOf(CITY_CODE);

  // ---- how many people where, and who leads ----
  const workplaces = units.filter((u) => u.weight > 0);
  const minimum = (u: Unit) =>
    u.code === OFFICER_WARD_CODE ? 16 : u.code === OFFICER_HOSPITAL_CODE ? 10 : 3;
  const rootSize = 4;
  const floor = rootSize + workplaces.reduce((s, u) => s + minimum(u), 0);
  const totalPeople = Math.max(requestedPeople, floor);
  if (totalPeople > requestedPeople) log(`Cần ít nhất ${floor} cán bộ cho cơ cấu mẫu; tạo ${floor}.`);
  root.size = rootSize;
  {
    const rest = totalPeople - floor;
    const weightSum = workplaces.reduce((s, u) => s + u.weight, 0);
    const shares = workplaces.map((u) => (rest * u.weight) / weightSum);
    let given = 0;
    workplaces.forEach((u, i) => {
      const extra = Math.floor(shares[i]!);
      u.size = minimum(u) + extra;
      given += extra;
    });
    const order = workplaces
      .map((u, i) => ({ u, frac: shares[i]! - Math.floor(shares[i]!) }))
      .sort((a, b) => b.frac - a.frac || a.u.index - b.u.index);
    for (let i = 0; given < rest; i++, given++) order[i % order.length]!.u.size++;
  }
  const staffed = [root, ...workplaces];
  for (const u of staffed) planLeaders(ids, u);
  for (const u of staffed) planOldLeaders(unitOf, u);
  return { units, unitOf, root, staffed, totalPeople };
}

/** Send the units, in the order of the specs (parents first). */
export async function sendOrgUnits(city: City, sink: RowSink, log: (msg: string) => void): Promise<void> {
  const { units, unitOf } = city;

  await sink(
    'org_units',
    [
      'id',
      'parent_id',
      'path',
      'code',
      'name',
      'short_name',
      'kind',
      'sort_key',
      'valid_from',
      'valid_to',
      'merged_into_id',
      'head_person_id',
    ],
    units.map((u) => [
      u.id,
      u.parentUnit?.id ?? null,
      u.path,
      u.code,
      u.name,
      u.shortName ?? null,
      u.kind,
      collationKey(u.name),
      u.validFrom,
      u.validTo ?? null,
      u.mergedInto ? unitOf(u.mergedInto).id : null,
      u.headId,
    ]),
  );
  log(
    `Đã tạo ${units.length} cơ quan, đơn vị (${units.filter((u) => u.validTo).length} đơn vị cũ trước sáp nhập).`,
  );
}

function planLeaders(ids: Rng, u: Unit): void {
  const n = u.size;
  if (u.profile === 'city') {
    u.deputies = n - 1;
  } else {
    u.deputies = n < 10 ? 1 : n < 25 ? 2 : n < 60 ? 3 : 4;
    const divisions = u.divisions?.length ?? 0;
    u.divisionHeads = Math.max(0, Math.min(divisions, Math.floor((n - 1 - u.deputies) / 8)));
    u.divisionDeputies = Math.max(
      0,
      Math.min(u.divisionHeads, Math.floor((n - 1 - u.deputies - u.divisionHeads) / 20)),
    );
  }
  const leaders = 1 + u.deputies + u.divisionHeads + u.divisionDeputies;
  for (let i = 0; i < leaders; i++) u.leaderIds.push(ids.uuid());
  u.headId = u.leaderIds[0]!;
}

function planOldLeaders(unitOf: City['unitOf'], u: Unit): void {
  if (u.predecessorUnits.length === 0) return;
  const district = u.district ? unitOf(u.district) : undefined;
  if (district && (u.kind === 'ward' || u.kind === 'commune')) {
    const primary = district.mergedInto === u.code;
    u.oldLeads.set(0, { unit: district, role: primary ? 'head' : 'deputy' });
    if (primary) district.headId = u.leaderIds[0]!;
    const oldWards = u.predecessorUnits.map((p) => p.unit).filter((p) => p !== district);
    for (let j = 1; j <= u.deputies; j++) {
      const old = oldWards[j - 1];
      if (old) {
        u.oldLeads.set(j, { unit: old, role: 'head' });
        old.headId = u.leaderIds[j]!;
      } else {
        u.oldLeads.set(j, { unit: district, role: 'divhead' });
      }
    }
    return;
  }
  // Departments: a full merger is led by the first predecessor's head; otherwise the head stays and
  // the heads of the absorbed departments become deputies.
  const full = u.predecessorUnits.reduce((s, p) => s + p.share, 0) >= 0.999;
  const preds = u.predecessorUnits.map((p) => p.unit);
  const firstSlot = full ? 0 : 1;
  preds.forEach((p, k) => {
    const slot = firstSlot + k;
    if (slot > u.deputies) return;
    u.oldLeads.set(slot, { unit: p, role: 'head' });
    p.headId = u.leaderIds[slot]!;
  });
}
