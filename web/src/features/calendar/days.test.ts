import { describe, expect, it } from 'vitest';
import { formFieldOf, isWeekend, weekdayOf } from './days';

describe('calendar helpers of the web page', () => {
  it('knows the weekday of a date whatever the time zone', () => {
    expect(weekdayOf('2026-04-26')).toBe(0);
    expect(weekdayOf('2026-08-22')).toBe(6);
    expect(weekdayOf('2027-02-06')).toBe(6);
    expect(isWeekend('2026-04-27')).toBe(false);
  });

  it('maps server detail paths onto the edit form', () => {
    expect(formFieldOf('holidays[2].date')).toEqual(['holidays', 2, 'date']);
    expect(formFieldOf('workingSaturdays[0].date')).toEqual(['workingSaturdays', 0, 'date']);
    expect(formFieldOf('notes')).toEqual(['notes']);
    expect(formFieldOf('version')).toBeNull();
  });
});
