/**
 * A condition the engine does not know must never be skipped: skipping it would drop a hard condition
 * and could answer "eligible" falsely. Predicates are plain data, so a cast (or a rule set written by
 * hand) can carry a kind no case handles; the engine, the fast path and the describer throw on it.
 */
import { describe, expect, it } from 'vitest';
import { EligibilityEngine, evaluate, isEligible } from './engine';
import { describeAward } from './describe';
import type { Condition, Predicate } from './predicates';
import { LUAT_2022_ND152, type RuleSet } from './rule-sets';
import { resolveSettings, type SettingDef } from './settings';
import { AS_OF, caseOf, person, ratingRange } from './testing';

const BASIS = 'thử nghiệm';

/** The 2025 rule set with LĐTT resting on a met rating condition and a condition of an unknown kind. */
function ruleSetWith(unknown: Predicate): RuleSet {
  const conditions: Condition[] = [
    { id: 'rating-htt', basis: BASIS, test: { kind: 'ratingAtLeast', level: 'HTT' } },
    { id: 'unknown', basis: BASIS, test: unknown },
  ];
  return {
    ...LUAT_2022_ND152,
    rules: {
      LDTT: [{ id: 'regular', kind: 'regular', nameVi: 'Thử', subjects: ['individual'], conditions }],
    },
  };
}

const bogus = { kind: 'notYetWritten', years: 3 } as unknown as Predicate;
const subject = person({ ratings: ratingRange(2023, 2025, 'HTT') });
const ldtt = caseOf('LDTT', AS_OF.ND152, 2025, subject);

describe('an unknown condition kind', () => {
  it('is an error in the full verdict, not a condition that does not apply', () => {
    const ruleSets = [ruleSetWith(bogus)];
    // The old behaviour answered { eligible: true } here: the rating is met and the unknown part was skipped.
    expect(() => evaluate(ldtt, { ruleSets })).toThrow(/Unhandled predicate kind.*notYetWritten/);
  });

  it('is an error on the fast path', () => {
    expect(() => isEligible(ldtt, { ruleSets: [ruleSetWith(bogus)] })).toThrow(/notYetWritten/);
  });

  it('is an error inside a composite condition', () => {
    const nested = {
      kind: 'anyOf',
      options: [{ id: 'inner', basis: BASIS, test: bogus }],
    } as unknown as Predicate;
    expect(() => evaluate(ldtt, { ruleSets: [ruleSetWith(nested)] })).toThrow(/notYetWritten/);
  });

  it('is an error when an award page describes it', () => {
    const engine = new EligibilityEngine({ ruleSets: [ruleSetWith(bogus)] });
    expect(() => describeAward('LDTT', engine)).toThrow(/notYetWritten/);
  });

  it('leaves known conditions judged as before', () => {
    const known: Predicate = { kind: 'ratingAtLeast', level: 'HTXS' };
    const v = evaluate(ldtt, { ruleSets: [ruleSetWith(known)] });
    expect(v.eligible).toBe(false);
    expect(v.reasons.map((r) => [r.rule, r.met])).toEqual([
      ['ldtt.rating-htt', true],
      ['ldtt.unknown', false],
    ]);
  });
});

describe('an unknown setting type', () => {
  it('is an error when an override is checked, not a value accepted unchecked', () => {
    const def = {
      key: 'x.y',
      type: 'percentage',
      defaultValue: 1,
      uncertain: true,
      descriptionVi: 'thử',
      basis: BASIS,
    } as unknown as SettingDef;
    expect(() => resolveSettings('R', [def], { 'x.y': 2 }, new Set(['x.y']))).toThrow(
      /Unhandled setting type.*percentage/,
    );
  });
});
