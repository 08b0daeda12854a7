/**
 * The demo's awards are ones the eligibility engine allows: the seed asks the engine instead of
 * restating the law, so every title it hands out with an automatic rule passes the engine on the record
 * it generated; and the people placed on purpose are eligible, or not, as their scripts say.
 */
import { describe, expect, it } from 'vitest';
import type { AwardCode } from '../../../../../contract/awards';
import type {
  EligibilityAwardRecord,
  EligibilityDiscipline,
  EligibilityIndividual,
  EligibilityInitiative,
  EligibilityRating,
} from '../../../../../contract/eligibility';
import { FIXED_DEMO_TODAY, generateDemo } from './index';
import { DemoEligibility } from './eligibility';
import { SCRIPTS } from './scripts';

interface Person {
  name: string;
  startedOn: string;
  ratings: EligibilityRating[];
  awards: EligibilityAwardRecord[];
  initiatives: EligibilityInitiative[];
  discipline: EligibilityDiscipline[];
}

/** Generate the demo into memory: every person with their record, in the engine's shape. */
async function demoPeople(people: number): Promise<Map<string, Person>> {
  const byId = new Map<string, Person>();
  const of = (id: unknown) => byId.get(id as string);
  await generateDemo(
    async (table, _columns, rows) => {
      for (const r of rows) {
        if (table === 'people') {
          byId.set(r[0] as string, {
            name: r[1] as string,
            startedOn: r[9] as string,
            ratings: [],
            awards: [],
            initiatives: [],
            discipline: [],
          });
        } else if (table === 'ratings' && r.length === 4 && of(r[1])) {
          of(r[1])!.ratings.push({ year: r[2] as number, level: r[3] as EligibilityRating['level'] });
        } else if (table === 'initiatives') {
          of(r[1])?.initiatives.push({ year: r[2] as number, scope: r[5] as EligibilityInitiative['scope'] });
        } else if (table === 'disciplines') {
          of(r[1])?.discipline.push({ year: r[2] as number, form: r[3] as EligibilityDiscipline['form'] });
        } else if (table === 'award_records' && r[1] !== null) {
          of(r[1])?.awards.push({
            code: r[3] as AwardCode,
            year: r[4] as number,
            type: r[5] as EligibilityAwardRecord['type'],
          });
        }
      }
    },
    { people, passwordHash: 'x', today: FIXED_DEMO_TODAY },
  );
  return byId;
}

/** What was on record when the year was judged: nothing of later years. */
function upTo(p: Person, year: number): EligibilityIndividual {
  const until = <T extends { year: number }>(xs: T[]) => xs.filter((x) => x.year <= year);
  return {
    kind: 'individual',
    startedOn: p.startedOn,
    ratings: until(p.ratings),
    awards: until(p.awards),
    initiatives: until(p.initiatives),
    discipline: until(p.discipline),
  };
}

describe('the demo and the eligibility engine', () => {
  it('gives people only the titles the engine allows for that year', async () => {
    const people = await demoPeople(800);
    const eligibility = new DemoEligibility(FIXED_DEMO_TODAY);
    const checked = new Map<AwardCode, number>();
    const refused: string[] = [];
    for (const p of people.values()) {
      for (const a of p.awards) {
        if (!['LDTT', 'CSTDCS', 'CSTD_BO_TINH'].includes(a.code)) continue;
        checked.set(a.code, (checked.get(a.code) ?? 0) + 1);
        if (!eligibility.may(a.code, a.year, upTo(p, a.year))) refused.push(`${p.name}: ${a.code} ${a.year}`);
      }
    }
    expect(refused).toEqual([]);
    expect(checked.get('LDTT')).toBeGreaterThan(1000);
    expect(checked.get('CSTDCS')).toBeGreaterThan(100);
    expect(checked.get('CSTD_BO_TINH')).toBeGreaterThan(5);
  });

  it('leaves the people placed on purpose eligible, or not, as their scripts say', async () => {
    const people = [...(await demoPeople(800)).values()];
    const eligibility = new DemoEligibility(FIXED_DEMO_TODAY);
    const lastYear = Number(FIXED_DEMO_TODAY.slice(0, 4)) - 1;
    // the scripted person, not a namesake drawn at random
    const who = (name: string) => {
      const script = SCRIPTS.find((s) => s.fullName === name)!;
      return people.find((p) => p.name === name && p.startedOn === script.startedOn)!;
    };
    const cstd = (name: string, year = lastYear) =>
      eligibility.may('CSTD_BO_TINH', year, upTo(who(name), year));
    // three CSTĐCS in a row and a provincial initiative: just eligible, not yet awarded
    expect(cstd('Nguyễn Văn Đức')).toBe(true);
    expect(cstd('Nguyễn Văn Đức', lastYear - 1)).toBe(false);
    expect(who('Nguyễn Văn Đức').awards.some((a) => a.code === 'CSTD_BO_TINH')).toBe(false);
    // three CSTĐCS but only grassroots initiatives
    expect(cstd('Trần Minh Hiếu')).toBe(false);
    // awarded three years ago; a new cycle makes him eligible again
    expect(who('Phạm Quốc Khánh').awards.filter((a) => a.code === 'CSTD_BO_TINH')).toEqual([
      { code: 'CSTD_BO_TINH', year: lastYear - 3, type: 'regular' },
    ]);
    expect(cstd('Phạm Quốc Khánh')).toBe(true);
    expect(cstd('Vũ Thị Thanh Huyền')).toBe(true);
  });
});
