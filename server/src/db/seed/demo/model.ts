/**
 * The demo generator's model: the units and people it builds, and the state every part shares (the
 * random streams, the rows waiting to be sent, the figures collectives are judged on).
 */
import type {
  DisciplineForm as AnyDisciplineForm,
  InitiativeScope,
  PersonCategory,
  RatingLevel,
} from '../../../../../contract/vocabulary';
import type { UnitSpec } from '../city';
import type { DemoGender } from '../names';
import type { Rng } from '../random';
import type { Decisions } from './decisions';
import type { DemoEligibility } from './eligibility';
import type { DemoRows } from './rows';

export type Role = 'head' | 'deputy' | 'divhead' | 'divdeputy' | 'staff';
export type Level = RatingLevel;
export type Scope = InitiativeScope;
/** The disciplinary measures the demo hands out. */
export type DisciplineForm = Extract<AnyDisciplineForm, 'KHIEN_TRACH' | 'CANH_CAO' | 'HA_BAC_LUONG'>;
export type Category = PersonCategory;
export type Tier = 'excellent' | 'good' | 'weak';

export interface Unit extends UnitSpec {
  id: string;
  index: number;
  path: string;
  parentUnit?: Unit;
  headId: string | null;
  /** People working here today (0 for historical units). */
  size: number;
  /** Ids of the leaders (head, deputies, heads and deputies of divisions), drawn before the people. */
  leaderIds: string[];
  deputies: number;
  divisionHeads: number;
  divisionDeputies: number;
  /** For each leader slot: the old unit and role held there before a merger. */
  oldLeads: Map<number, { unit: Unit; role: Role }>;
  predecessorUnits: { unit: Unit; share: number }[];
}

export interface Job {
  title: string;
  direct: boolean;
  category?: Category;
}

export interface Title extends Job {
  leadership: boolean;
}

export interface Segment {
  unit: Unit;
  from: string;
  to: string | null;
}

export interface Authority {
  issuer: string;
  doc: string;
}

/** A person placed on purpose (scripts.ts): their record is written, not drawn. */
export interface Script {
  unitCode: string;
  fullName: string;
  gender: DemoGender;
  birthDate: string;
  startedOn: string;
  job?: string;
  /** Keys are offsets from the last demo year (0 = last year, −1 = the year before...). */
  levels: Record<number, Level>;
  initiatives: Record<number, Scope>;
  research?: boolean;
  discipline?: Record<number, DisciplineForm>;
  cityAwards?: { CSTD_BO_TINH?: number[]; BK_BO_TINH?: number[] };
  /** Why this person is in the demo (kept in the source for whoever reads it). */
  note: string;
}

/** What the members of a unit achieved in a year: the figures its collective titles are judged on. */
export interface Agg {
  unit: Unit;
  year: number;
  n: number;
  good: number;
  htxs: number;
  kht: number;
  ldtt: number;
  cstdcs: number;
  serious: number;
}

/** The city's units, by code, and who works where. */
export interface City {
  units: Unit[];
  unitOf(code: string): Unit;
  root: Unit;
  /** The units with people today: the root and every workplace. */
  staffed: Unit[];
  totalPeople: number;
}

/** What every part of the generator shares. */
export interface DemoContext {
  /** Draws every choice, in one fixed order: the same seed builds the same city. */
  rng: Rng;
  /** Draws the ids, on its own stream. */
  ids: Rng;
  decisions: Decisions;
  rows: DemoRows;
  /** Who may receive an award: the eligibility engine's answer. */
  eligibility: DemoEligibility;
  city: City;
  today: string;
  firstYear: number;
  lastYear: number;
  /**
   * Today's year-end work, when today falls in the year-end season (December): the units (by index)
   * whose people are already rated for `year`, and a stream of its own for their ratings, so the rest of
   * the city is drawn the same whatever the date.
   */
  yearEnd: { year: number; done: Set<number>; rng: Rng } | undefined;
  /** Per unit and year (`${unit.index}:${year}`): its members' results. */
  aggregates: Map<string, Agg>;
  /** The name of each unit's head, by unit code. */
  headNames: Map<string, string>;
  log: (msg: string) => void;
}
