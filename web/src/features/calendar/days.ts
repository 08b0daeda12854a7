/** Day of the week of a "yyyy-mm-dd" date (0 = Sunday … 6 = Saturday), without any time zone. */
export function weekdayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function isWeekend(iso: string): boolean {
  const w = weekdayOf(iso);
  return w === 0 || w === 6;
}

/**
 * Where a server detail path such as `holidays[2].date` points in the edit form
 * (`['holidays', 2, 'date']`); null for a path outside the form.
 */
export function formFieldOf(path: string): (string | number)[] | null {
  const m = /^(holidays|workingSaturdays)\[(\d+)\]\.(date|name|source|assumption)$/.exec(path);
  if (m) return [m[1]!, Number(m[2]), m[3]!];
  if (path === 'status' || path === 'notes') return [path];
  return null;
}
