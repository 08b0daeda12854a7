/** Who decides which awards, and the decision numbers and dates that come with them. */
import { TWO_TIER_REFORM } from '../city';
import { assertNever } from '../../../lib/assert-never';
import { dateBetween, minDate, Rng, yearOf } from '../random';
import type { Authority, City, Unit } from './model';

export const CITY_AUTHORITY: Authority = { issuer: 'Chủ tịch UBND Thành phố Hà Nội', doc: 'UBND' };
export const PM_AUTHORITY: Authority = { issuer: 'Thủ tướng Chính phủ', doc: 'TTg' };
export const PRESIDENT_AUTHORITY: Authority = { issuer: 'Chủ tịch nước', doc: 'CTN' };
export const REFORM_YEAR = yearOf(TWO_TIER_REFORM);

export type DecisionWindow = 'unit' | 'city' | 'pm' | 'president' | 'thematic' | 'sudden';

/** One decision number per (issuer, award, year): a decision lists everybody awarded together. */
export class Decisions {
  private readonly byKey = new Map<string, { no: string; date: string }>();
  private serial = 0;

  constructor(
    private readonly rng: Rng,
    private readonly today: string,
  ) {}

  get(auth: Authority, code: string, year: number, window: DecisionWindow): { no: string; date: string } {
    const key = window === 'sudden' ? `sudden#${this.serial++}` : `${auth.issuer}|${code}|${year}|${window}`;
    let d = this.byKey.get(key);
    if (!d) {
      const r = this.rng;
      let date: string;
      switch (window) {
        case 'unit':
          date = r.chance(0.6)
            ? dateBetween(r, `${year}-12-10`, `${year}-12-31`)
            : dateBetween(r, `${year + 1}-01-05`, `${year + 1}-02-25`);
          break;
        case 'city':
          date = dateBetween(r, `${year + 1}-01-15`, `${year + 1}-04-28`);
          break;
        case 'pm':
          date = dateBetween(r, `${year + 1}-06-01`, `${year + 1}-10-30`);
          break;
        case 'president':
          date = dateBetween(r, `${year}-08-10`, `${year}-08-30`);
          break;
        case 'thematic':
          date = dateBetween(r, `${year}-09-01`, `${year}-12-20`);
          break;
        case 'sudden':
          date = dateBetween(r, `${year}-02-01`, `${year}-11-30`);
          break;
        default:
          return assertNever(window, 'decision window');
      }
      d = { no: `${r.int(12, 4850)}/QĐ-${auth.doc}`, date: minDate(date, this.today) };
      this.byKey.set(key, d);
    }
    return d;
  }
}

export function authorityOf(u: Unit): Authority {
  return u.profile === 'city' ? CITY_AUTHORITY : { issuer: u.issuer, doc: u.doc };
}

/** Who decides the Giấy khen and CSTĐCS of people of unit u for year y. */
export function unitAuthority(city: City, u: Unit, year: number): Authority {
  switch (u.profile) {
    case 'old_ward':
      return authorityOf(u.parentUnit!);
    case 'ward_school':
      return year < REFORM_YEAR ? authorityOf(city.unitOf(u.district!)) : authorityOf(u.parentUnit!);
    case 'school':
    case 'hospital':
      return authorityOf(u.parentUnit!);
    default:
      return authorityOf(u);
  }
}

/** Who decides the collective titles (Tập thể lao động tiên tiến) of unit u. */
export function collectiveAuthority(city: City, u: Unit, year: number): Authority {
  switch (u.profile) {
    case 'old_ward':
    case 'ward_school':
    case 'school':
    case 'hospital':
      return unitAuthority(city, u, year);
    case 'board':
      return authorityOf(u.parentUnit!);
    case 'mass_org':
      return u.parentUnit && u.parentUnit !== city.root ? authorityOf(u.parentUnit) : CITY_AUTHORITY;
    default:
      return CITY_AUTHORITY;
  }
}
