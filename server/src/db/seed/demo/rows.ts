/** The rows generated and not yet sent: people and their records are sent in chunks, awards as they come. */
import type { AwardCode } from '../../../../../contract/awards';
import type { AwardRecordType } from '../../../../../contract/vocabulary';
import type { Rng } from '../random';
import type { DecisionWindow, Decisions } from './decisions';
import type { Authority } from './model';

/** Where generated rows go: the database (bulk inserts) or, in tests, a digest. */
export type RowSink = (table: string, columns: readonly string[], rows: unknown[][]) => Promise<void>;

export class DemoRows {
  readonly people: unknown[][] = [];
  readonly personUnits: unknown[][] = [];
  readonly positions: unknown[][] = [];
  readonly ratings: unknown[][] = [];
  readonly initiatives: unknown[][] = [];
  readonly disciplines: unknown[][] = [];
  readonly awards: unknown[][] = [];
  /** people given a code so far ("Mã cán bộ": CB-000001, …) */
  private codes = 0;
  private seen = 0;

  constructor(
    readonly sink: RowSink,
    private readonly ids: Rng,
    private readonly decisions: Decisions,
  ) {}

  /** An award received by a person or (personId null) a unit, with the decision that grants it. */
  award(
    personId: string | null,
    unitId: string | null,
    code: AwardCode,
    year: number,
    auth: Authority,
    window: DecisionWindow,
    type: AwardRecordType = 'regular',
  ): void {
    const d = this.decisions.get(auth, code, year, window);
    this.awards.push([this.ids.uuid(), personId, unitId, code, year, type, d.no, d.date, auth.issuer]);
  }

  /**
   * The next person's code: most people have one, in the order they are generated (CB-000001, …);
   * every 25th has none, as in a unit that has not numbered everyone yet. Draws nothing at random.
   */
  nextPersonCode(): string | null {
    this.seen++;
    if (this.seen % 25 === 0) return null;
    this.codes++;
    return `CB-${String(this.codes).padStart(6, '0')}`;
  }

  /** Send the people generated so far with their units, positions and yearly records. */
  async flushPeople(): Promise<void> {
    const sink = this.sink;
    await sink(
      'people',
      [
        'id',
        'full_name',
        'search_name',
        'sort_key',
        'gender',
        'birth_date',
        'ethnicity',
        'category',
        'direct_worker',
        'started_on',
        'org_unit_id',
        'code',
      ],
      this.people,
    );
    await sink('person_units', ['id', 'person_id', 'org_unit_id', 'from_date', 'to_date'], this.personUnits);
    await sink(
      'positions',
      ['id', 'person_id', 'org_unit_id', 'title', 'is_leadership', 'from_date', 'to_date'],
      this.positions,
    );
    await sink('ratings', ['id', 'person_id', 'year', 'level'], this.ratings);
    await sink('initiatives', ['id', 'person_id', 'year', 'title', 'kind', 'scope'], this.initiatives);
    await sink('disciplines', ['id', 'person_id', 'year', 'form', 'decided_on', 'reason'], this.disciplines);
    await this.flushAwards();
    for (const b of [
      this.people,
      this.personUnits,
      this.positions,
      this.ratings,
      this.initiatives,
      this.disciplines,
      this.awards,
    ]) {
      b.length = 0;
    }
  }

  async flushAwards(): Promise<void> {
    await this.sink(
      'award_records',
      [
        'id',
        'person_id',
        'org_unit_id',
        'award_code',
        'year',
        'type',
        'decision_no',
        'decision_date',
        'issuer',
      ],
      this.awards,
    );
    this.awards.length = 0;
  }
}
