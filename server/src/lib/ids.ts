import { randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/**
 * `count` new ids in ascending order (UUID version 7: the time, a sequence, then random bits), for rows
 * written in bulk: each lands at the end of the primary key's index instead of on a random page of it.
 */
export function orderedIds(count: number): string[] {
  const bytes = randomBytes(16 * count);
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    const o = i * 16;
    bytes.writeUIntBE(now, o, 6); // 48 bits of milliseconds
    bytes[o + 6] = 0x70 | ((i >>> 20) & 0x0f); // version 7, then a 24-bit sequence across bytes 6–9
    bytes[o + 7] = (i >>> 12) & 0xff;
    bytes[o + 8] = 0x80 | ((i >>> 6) & 0x3f); // the variant
    bytes[o + 9] = ((i & 0x3f) << 2) | (bytes[o + 9]! & 0x03);
  }
  const hex = bytes.toString('hex');
  const out = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const h = i * 32;
    out[i] =
      `${hex.slice(h, h + 8)}-${hex.slice(h + 8, h + 12)}-${hex.slice(h + 12, h + 16)}-` +
      `${hex.slice(h + 16, h + 20)}-${hex.slice(h + 20, h + 32)}`;
  }
  return out;
}
