import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { formatDate, fromIsoDate, toIsoDate } from './dates';

describe('dates', () => {
  it('shows API dates as dd/mm/yyyy without time-zone shifts', () => {
    expect(formatDate('2025-07-01')).toBe('01/07/2025');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date', '')).toBe('');
  });

  it('round-trips a picker value', () => {
    expect(toIsoDate(fromIsoDate('2024-02-29'))).toBe('2024-02-29');
    expect(toIsoDate(dayjs('2025-12-31'))).toBe('2025-12-31');
    expect(toIsoDate(null)).toBeNull();
  });
});
