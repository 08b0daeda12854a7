/**
 * Who may receive an award is the eligibility engine's answer, not a restatement of the law here: the
 * generator decides whom a unit proposes (its habits and chances), the engine whether that person or
 * collective may receive the award for the year under the rules in force when the proposal is decided.
 */
import type { AwardCode } from '../../../../../contract/awards';
import type {
  EligibilityAwardRecord,
  EligibilityCollective,
  EligibilityDiscipline,
  EligibilityIndividual,
  EligibilityInitiative,
  EligibilityMembers,
  EligibilityRating,
} from '../../../../../contract/eligibility';
import { DEFAULT_RULE_SETS, engineFor, type EligibilityEngine } from '../../../domain/eligibility';
import { maxDate, minDate } from '../random';

/**
 * The readings of uncertain rules the demo city follows: under the 2003 law Hà Nội proposed a CSTĐ cấp
 * Thành phố only with an initiative of city-wide reach on record.
 */
const DEMO_SETTINGS = { 'LUAT_2003_ND91:cstdBoTinh.requireInitiativeBoTinh': true } as const;

export class DemoEligibility {
  private readonly engine: EligibilityEngine = engineFor({ settings: DEMO_SETTINGS });
  private readonly earliest = DEFAULT_RULE_SETS.reduce(
    (min, rs) => (rs.validFrom < min ? rs.validFrom : min),
    DEFAULT_RULE_SETS[0]!.validFrom,
  );

  constructor(private readonly today: string) {}

  /**
   * The day a proposal for `year` is decided: early in the next year, when units and the city decide
   * their titles; never after today, never before the first rule set the engine knows.
   */
  asOf(year: number): string {
    return maxDate(this.earliest, minDate(`${year + 1}-01-15`, this.today));
  }

  /** May the subject receive the award for the year (every hard condition of a route met)? */
  may(award: AwardCode, year: number, subject: EligibilityIndividual | EligibilityCollective): boolean {
    return this.engine.isEligible({ award, asOf: this.asOf(year), year, subject });
  }
}

/**
 * What is on record about one person as the generator writes their years, in the engine's shape. Each
 * question gets a fresh subject object: the engine indexes a subject once per identity.
 */
export class PersonRecord {
  private readonly ratings: EligibilityRating[] = [];
  private readonly awards: EligibilityAwardRecord[] = [];
  private readonly initiatives: EligibilityInitiative[] = [];
  private readonly discipline: EligibilityDiscipline[] = [];

  constructor(
    private readonly eligibility: DemoEligibility,
    private readonly startedOn: string,
  ) {}

  rating(year: number, level: EligibilityRating['level']): void {
    this.ratings.push({ year, level });
  }
  initiative(year: number, scope: EligibilityInitiative['scope']): void {
    this.initiatives.push({ year, scope });
  }
  disciplined(year: number, form: EligibilityDiscipline['form']): void {
    this.discipline.push({ year, form });
  }
  award(code: AwardCode, year: number, type: NonNullable<EligibilityAwardRecord['type']>): void {
    this.awards.push({ code, year, type });
  }

  may(award: AwardCode, year: number): boolean {
    return this.eligibility.may(award, year, {
      kind: 'individual',
      startedOn: this.startedOn,
      ratings: this.ratings,
      awards: this.awards,
      initiatives: this.initiatives,
      discipline: this.discipline,
    });
  }
}

/** What is on record about one unit as a collective: its ratings and collective awards, year by year. */
export class CollectiveRecord {
  private readonly ratings: EligibilityRating[] = [];
  private readonly awards: EligibilityAwardRecord[] = [];

  constructor(private readonly eligibility: DemoEligibility) {}

  rating(year: number, level: EligibilityRating['level']): void {
    this.ratings.push({ year, level });
  }
  award(code: AwardCode, year: number): void {
    this.awards.push({ code, year, type: 'regular' });
  }

  may(award: AwardCode, year: number, members: EligibilityMembers): boolean {
    return this.eligibility.may(award, year, {
      kind: 'collective',
      ratings: this.ratings,
      awards: this.awards,
      members,
    });
  }
}
