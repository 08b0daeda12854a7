/**
 * The people of the demo city: who they are, where they worked before and after the mergers, the posts
 * they held; their yearly record is records.ts. Sent in chunks of FLUSH_EVERY people.
 */
import { ETHNICITY, randomFullName, type DemoGender } from '../names';
import { addDays, addYears, dateBetween, isoDate, maxDate, minDate, Rng, Weighted } from '../random';
import type { Profile } from '../city';
import { assertNever } from '../../../lib/assert-never';
import { foldAccents, personSortKey } from '../../../lib/vietnamese';
import type { Category, DemoContext, Job, Role, Script, Segment, Tier, Title, Unit } from './model';
import { pickTier, recordYears } from './records';
import { SCRIPTS } from './scripts';

/** People generated before their rows are sent to the database. */
const FLUSH_EVERY = 2000;

// ---- jobs and titles ----

const j = (title: string, weight: number, direct = false, category?: Category) =>
  [{ title, direct, category }, weight] as const;

const OFFICE_JOBS = new Weighted<Job>([
  j('Chuyên viên', 60),
  j('Chuyên viên chính', 25),
  j('Kế toán', 6),
  j('Văn thư', 5),
  j('Lái xe', 4, false, 'worker'),
]);
/** Titles of people who hold no leadership post; '*' is the enterprise's own direct-worker title. */
const JOBS: Record<Profile, Weighted<Job>> = {
  city: OFFICE_JOBS,
  department: OFFICE_JOBS,
  office: OFFICE_JOBS,
  board: new Weighted<Job>([j('Chuyên viên', 70), j('Chuyên viên chính', 30)]),
  district: OFFICE_JOBS,
  inspectorate: new Weighted<Job>([
    j('Thanh tra viên', 45),
    j('Thanh tra viên chính', 20),
    j('Chuyên viên', 28),
    j('Kế toán', 7),
  ]),
  ward: new Weighted<Job>([
    j('Chuyên viên', 75),
    j('Kế toán', 10),
    j('Văn thư', 8),
    j('Chuyên viên chính', 7),
  ]),
  commune: new Weighted<Job>([j('Chuyên viên', 80), j('Kế toán', 12), j('Văn thư', 8)]),
  old_ward: new Weighted<Job>([
    j('Công chức Văn phòng - Thống kê', 22),
    j('Công chức Tư pháp - Hộ tịch', 20),
    j('Công chức Văn hóa - Xã hội', 20),
    j('Công chức Địa chính - Xây dựng', 20),
    j('Công chức Tài chính - Kế toán', 18),
  ]),
  school: new Weighted<Job>([
    j('Giáo viên', 85, true),
    j('Kế toán', 4),
    j('Nhân viên thư viện', 3),
    j('Nhân viên y tế trường học', 3),
    j('Bảo vệ', 5, false, 'worker'),
  ]),
  ward_school: new Weighted<Job>([
    j('Giáo viên', 86, true),
    j('Kế toán', 5),
    j('Nhân viên thư viện', 4),
    j('Bảo vệ', 5, false, 'worker'),
  ]),
  hospital: new Weighted<Job>([
    j('Bác sĩ', 28, true),
    j('Điều dưỡng', 38, true),
    j('Kỹ thuật viên', 10, true),
    j('Dược sĩ', 5, true),
    j('Hộ lý', 6, true),
    j('Kế toán', 4),
    j('Chuyên viên', 6),
    j('Lái xe', 3, false, 'worker'),
  ]),
  enterprise: new Weighted<Job>([j('*', 60, true), j('Kỹ sư', 18), j('Kế toán', 8), j('Chuyên viên', 14)]),
  mass_org: new Weighted<Job>([j('Chuyên viên', 88), j('Kế toán', 12)]),
};

const DIVISION_WORD: Partial<Record<Profile, string>> = {
  department: 'phòng',
  office: 'phòng',
  inspectorate: 'phòng',
  board: 'phòng',
  district: 'phòng',
  ward: 'phòng',
  commune: 'phòng',
  enterprise: 'phòng',
  hospital: 'khoa',
  mass_org: 'ban',
};

const FEMALE_SHARE: Partial<Record<Profile, number>> = {
  school: 0.72,
  ward_school: 0.8,
  hospital: 0.66,
  enterprise: 0.3,
};

/** The title a person of `role` holds in unit u (falls back to the staff job where u has no such post). */
function titleFor(u: Unit, role: Role, division: string | undefined, staffJob: Job): Title {
  const word = DIVISION_WORD[u.profile];
  switch (role) {
    case 'head':
      return { title: u.headTitle, direct: false, leadership: true };
    case 'deputy':
      return { title: u.deputyTitle, direct: false, leadership: true };
    case 'divhead':
    case 'divdeputy':
      if (word && division) {
        const title = `${role === 'divhead' ? 'Trưởng' : 'Phó Trưởng'} ${word} ${division}`;
        return { title, direct: false, leadership: true };
      }
      return { ...staffJob, leadership: false };
    case 'staff':
      return { ...staffJob, leadership: false };
    default:
      return assertNever(role, 'role');
  }
}

function staffJobFor(rng: Rng, u: Unit, preferred: Job | undefined): Job {
  if (preferred && preferred.title !== '*') return preferred;
  const j = JOBS[u.profile].pick(rng);
  return j.title === '*' ? { title: u.directTitle ?? 'Công nhân', direct: true } : j;
}

/** Leaders started as doctors in hospitals, teachers in schools, engineers in enterprises... */
function leaderFirstJob(u: Unit): Job {
  switch (u.profile) {
    case 'hospital':
      return { title: 'Bác sĩ', direct: true };
    case 'school':
    case 'ward_school':
      return { title: 'Giáo viên', direct: true };
    case 'enterprise':
      return { title: 'Kỹ sư', direct: false };
    case 'old_ward':
      return { title: 'Công chức Văn phòng - Thống kê', direct: false };
    case 'inspectorate':
      return { title: 'Thanh tra viên', direct: false };
    default:
      return { title: 'Chuyên viên', direct: false };
  }
}

function categoryFor(u: Unit, role: Role, staffJob: Job): Category {
  const leader = role === 'head' || role === 'deputy';
  switch (u.profile) {
    case 'hospital':
    case 'school':
    case 'ward_school':
      return (role === 'staff' && staffJob.category) || 'public_employee';
    case 'enterprise':
      return 'worker';
    case 'city':
    case 'ward':
    case 'commune':
    case 'mass_org':
      return leader ? 'official' : (role === 'staff' && staffJob.category) || 'civil_servant';
    default:
      return (role === 'staff' && staffJob.category) || 'civil_servant';
  }
}

const ROLE_BIRTH: Record<Role, [number, number]> = {
  head: [1965, 1976],
  deputy: [1966, 1982],
  divhead: [1968, 1988],
  divdeputy: [1970, 1991],
  staff: [1965, 2001],
};
const ROLE_TENURE: Record<Role, number> = { head: 14, deputy: 10, divhead: 6, divdeputy: 4, staff: 0 };
const LADDER: Record<Role, Role[]> = {
  head: ['staff', 'deputy', 'head'],
  deputy: ['staff', 'divhead', 'deputy'],
  divhead: ['staff', 'divdeputy', 'divhead'],
  divdeputy: ['staff', 'divdeputy'],
  staff: ['staff'],
};
const RANKS: Role[] = ['staff', 'divdeputy', 'divhead', 'deputy', 'head'];

/** Generate every person of every staffed unit: leaders first (their ids were drawn with the units). */
export async function generatePeople(ctx: DemoContext): Promise<void> {
  const { ids, rows, log, city, firstYear, lastYear } = ctx;
  const { staffed, totalPeople } = city;
  let created = 0;
  const scriptsByUnit = new Map<string, Script[]>();
  for (const s of SCRIPTS) scriptsByUnit.set(s.unitCode, [...(scriptsByUnit.get(s.unitCode) ?? []), s]);

  log(`Đang tạo ${totalPeople} cán bộ…`);
  for (const u of staffed) {
    const leaders = u.leaderIds.length;
    const scripts = scriptsByUnit.get(u.code) ?? [];
    for (let i = 0; i < u.size; i++) {
      let role: Role = 'staff';
      let division: string | undefined;
      if (i === 0) role = 'head';
      else if (i <= u.deputies) role = 'deputy';
      else if (i <= u.deputies + u.divisionHeads) {
        role = 'divhead';
        division = u.divisions![i - u.deputies - 1];
      } else if (i < leaders) {
        role = 'divdeputy';
        division = u.divisions![i - u.deputies - u.divisionHeads - 1];
      }
      const id = i < leaders ? u.leaderIds[i]! : ids.uuid();
      const script = i >= leaders ? scripts[i - leaders] : undefined;
      generatePerson(ctx, u, id, role, i, division, script);
      created++;
      if (rows.people.length >= FLUSH_EVERY) {
        await rows.flushPeople();
        log(`Đã tạo ${created}/${totalPeople} cán bộ…`);
      }
    }
  }
  await rows.flushPeople();
  log(`Đã tạo ${created} cán bộ cùng đánh giá, sáng kiến, kỷ luật và khen thưởng ${firstYear}–${lastYear}.`);
}

function generatePerson(
  ctx: DemoContext,
  u: Unit,
  id: string,
  role: Role,
  slot: number,
  division: string | undefined,
  script?: Script,
): void {
  const { rng, ids, rows, lastYear } = ctx;
  const latestPromotion = `${lastYear - 1}-12-01`;
  const leader = role !== 'staff';
  // -- identity
  const female = script
    ? script.gender === 'female'
    : rng.chance(leader ? (role === 'head' ? 0.3 : 0.4) : (FEMALE_SHARE[u.profile] ?? 0.5));
  const gender: DemoGender = female ? 'female' : 'male';
  const ethnicity = script ? 'Kinh' : ETHNICITY.pick(rng);
  const fullName = (script ? script.fullName : randomFullName(rng, gender, ethnicity)).normalize('NFC');
  let birthDate: string;
  let startedOn: string;
  if (script) {
    birthDate = script.birthDate;
    startedOn = script.startedOn;
  } else {
    const [lo, hi0] = ROLE_BIRTH[role];
    const hi = Math.min(hi0, lastYear - 22);
    const by = leader ? rng.int(lo, hi) : lo + Math.floor((hi - lo + 1) * Math.sqrt(rng.next()));
    birthDate = isoDate(by, rng.int(1, 12), rng.int(1, 28));
    const r = rng.next();
    const sy = Math.min(lastYear, by + 21 + Math.floor((leader ? r * 4 : r * r * 8) + 0.0001));
    startedOn = isoDate(sy, rng.int(1, 12), rng.int(1, 28));
  }
  const tier: Tier = script ? 'good' : pickTier(rng, leader);

  // -- where the person worked: before and after a merger
  const segments: Segment[] = [];
  const oldLead = u.oldLeads.get(slot);
  let oldUnit: Unit | undefined;
  if (u.transitionDate && startedOn < u.transitionDate && u.predecessorUnits.length > 0) {
    if (oldLead) oldUnit = oldLead.unit;
    else {
      let x = rng.next();
      for (const p of u.predecessorUnits) {
        if (x < p.share) {
          oldUnit = p.unit;
          break;
        }
        x -= p.share;
      }
      // shares of a full merger add up to 1 (give or take rounding): everybody came from somewhere
      if (!oldUnit && u.predecessorUnits.reduce((sum, p) => sum + p.share, 0) >= 0.999) {
        oldUnit = u.predecessorUnits[u.predecessorUnits.length - 1]!.unit;
      }
    }
  }
  if (oldUnit) {
    const transition = u.transitionDate!;
    segments.push({
      unit: oldUnit,
      from: maxDate(startedOn, oldUnit.validFrom),
      to: addDays(transition, -1),
    });
    segments.push({ unit: u, from: transition, to: null });
  } else {
    segments.push({ unit: u, from: maxDate(startedOn, u.validFrom), to: null });
  }
  const current = segments[segments.length - 1]!;

  // -- career: stints on the ladder, cut by the segments into positions
  const ladder = LADDER[role];
  const stints: { role: Role; from: string }[] = [{ role: 'staff', from: startedOn }];
  if (ladder.length > 1) {
    // Today's post was reached within the last dozen years; the step before it a few years earlier.
    const earliest = maxDate(addYears(startedOn, ROLE_TENURE[role]), `${lastYear - 11}-01-01`);
    let last = earliest < latestPromotion ? dateBetween(rng, earliest, latestPromotion) : latestPromotion;
    last = maxDate(`${last.slice(0, 8)}01`, addDays(startedOn, 1));
    if (ladder.length === 3) {
      const midFrom = maxDate(addYears(startedOn, Math.ceil(ROLE_TENURE[role] / 2)), addYears(last, -12));
      const midTo = addYears(last, -2);
      if (midFrom < midTo)
        stints.push({ role: ladder[1]!, from: `${dateBetween(rng, midFrom, midTo).slice(0, 8)}01` });
    }
    stints.push({ role, from: last });
  }
  const staffJob: Job = script?.job
    ? { title: script.job, direct: ['Bác sĩ', 'Điều dưỡng', 'Giáo viên'].includes(script.job) }
    : leader
      ? leaderFirstJob(u)
      : staffJobFor(rng, u, undefined);
  const oldStaffJob = oldUnit
    ? leader
      ? leaderFirstJob(oldUnit)
      : staffJobFor(rng, oldUnit, undefined)
    : staffJob;
  const oldDivision = oldUnit?.divisions ? rng.pick(oldUnit.divisions) : undefined;
  const positions: { unit: Unit; title: string; leadership: boolean; from: string; to: string | null }[] = [];
  for (let i = 0; i < stints.length; i++) {
    const stint = stints[i]!;
    const stintTo = i + 1 < stints.length ? addDays(stints[i + 1]!.from, -1) : null;
    for (const seg of segments) {
      const from = maxDate(stint.from, seg.from);
      const to = stintTo === null ? seg.to : seg.to === null ? stintTo : minDate(stintTo, seg.to);
      if (to !== null && to < from) continue;
      const isOld = seg.unit !== u;
      let r = stint.role;
      if (isOld) {
        // Before the merger: the post held in the old unit (e.g. Chủ tịch UBND phường Hàng Bạc for
        // today's deputy of Phường Hoàn Kiếm); other district leaders were heads of its divisions.
        if (oldLead && r !== 'staff') {
          // the same number of rungs below the post held there as below today's post here
          const rung = RANKS.indexOf(oldLead.role) - (RANKS.indexOf(role) - RANKS.indexOf(r));
          r = RANKS[Math.max(0, rung)]!;
        } else if (u.district && (r === 'head' || r === 'deputy')) r = 'divhead';
      }
      const t = isOld ? titleFor(seg.unit, r, oldDivision, oldStaffJob) : titleFor(u, r, division, staffJob);
      const prev = positions[positions.length - 1];
      if (
        prev &&
        prev.unit === seg.unit &&
        prev.title === t.title &&
        prev.to !== null &&
        addDays(prev.to, 1) === from
      ) {
        prev.to = to;
        continue;
      }
      positions.push({ unit: seg.unit, title: t.title, leadership: t.leadership, from, to });
    }
  }
  const category = categoryFor(u, role, staffJob);
  const direct = role === 'staff' && staffJob.direct;

  rows.people.push([
    id,
    fullName,
    foldAccents(fullName),
    personSortKey(fullName),
    gender,
    birthDate,
    ethnicity,
    category,
    direct,
    startedOn,
    u.id,
    rows.nextPersonCode(),
  ]);
  for (const seg of segments) rows.personUnits.push([ids.uuid(), id, seg.unit.id, seg.from, seg.to]);
  for (const p of positions) {
    rows.positions.push([ids.uuid(), id, p.unit.id, p.title, p.leadership, p.from, p.to]);
  }
  if (role === 'head') ctx.headNames.set(u.code, fullName);

  recordYears(ctx, {
    id,
    unit: u,
    role,
    script,
    tier,
    startedOn,
    birthDate,
    segments,
    current,
    category,
    direct,
    stints,
  });
}
