/** Injectable clock: tests pass a fixed "today". */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });

/** Today's date (yyyy-mm-dd) in Vietnam (UTC+7), where the law's days are counted. */
export function todayInVietnam(clock: Clock): string {
  return new Date(clock.now().getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
