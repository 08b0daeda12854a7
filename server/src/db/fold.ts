/**
 * Accent folding in SQL without an extension (the same on PGlite and PostgreSQL): `translate()` maps
 * every precomposed Vietnamese letter (both cases) to its base letter and đ/Đ to d, then `lower()` (ASCII
 * only by then, so the database's locale does not matter). Matches `foldAccents` in lib/vietnamese.ts for
 * NFC text (the edge normalises every input to NFC).
 */
import { sql, type SQL } from 'drizzle-orm';

const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const BASE: Record<string, string> = { ă: 'a', â: 'a', ê: 'e', ô: 'o', ơ: 'o', ư: 'u' };

function table(): { from: string; to: string } {
  let from = 'đĐ';
  let to = 'dd';
  for (const v of VOWELS) {
    for (const tone of TONES) {
      const lower = (v + tone).normalize('NFC');
      if (lower.length !== 1 || (tone === '' && !BASE[v])) continue; // a plain ASCII vowel needs no mapping
      const base = BASE[v] ?? v;
      from += lower + lower.toUpperCase();
      to += base + base;
    }
  }
  return { from, to };
}

const { from: FROM, to: TO } = table();

/** `expr` lower-cased with its Vietnamese accents removed. */
export const foldedSql = (expr: SQL): SQL => sql`lower(translate(${expr}, ${FROM}, ${TO}))`;
