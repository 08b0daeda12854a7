import { randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/**
 * `count` new ids in ascending order (UUID version 7: the time, a sequence, then random bits), for rows
 * written in bulk: each lands at the end of the primary key's index instead of on a random page of it.
 */
export function orderedIds(count: number): string[] {
  const time = Date.now().toString(16).padStart(12, '0');
  const head = `${time.slice(0, 8)}-${time.slice(8, 12)}-7`;
  const random = randomBytes(8 * count).toString('hex');
  const out = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const seq = i & 0xffffff;
    const variant = (8 | (Number.parseInt(random[i * 16]!, 16) & 3)).toString(16);
    out[i] =
      `${head}${(seq >>> 12).toString(16).padStart(3, '0')}-${variant}${(seq & 0xfff).toString(16).padStart(3, '0')}-` +
      random.slice(i * 16 + 1, i * 16 + 13);
  }
  return out;
}
