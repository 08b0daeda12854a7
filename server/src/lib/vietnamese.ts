/** Vietnamese text helpers: accent folding for search and a collation key for sorting. */

/** NFC-normalise and collapse inner whitespace. */
export function normaliseText(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Lower-case, accents removed, đ → d: "Nguyễn Văn Đức" → "nguyen van duc". */
export function foldAccents(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// Vietnamese alphabet order; letters not listed sort after by code point.
const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
// Tone order used by dictionaries: none, huyền, hỏi, ngã, sắc, nặng.
const TONES: Record<string, number> = { '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0301': 4, '\u0323': 5 };

function letterKey(base: string): string {
  const i = ALPHABET.indexOf(base);
  if (i >= 0) return String.fromCharCode(0x41 + i); // A.. for letters
  const digit = '0123456789'.indexOf(base);
  if (digit >= 0) return String.fromCharCode(0x30 + digit);
  return String.fromCharCode(0x7e) + base; // others last
}

/** A key (ASCII plus control separators) that compares byte-wise (SQL: COLLATE "C") in the same order as Vietnamese collation (primary letters, then tones). */
export function collationKey(s: string): string {
  const words = normaliseText(s).toLowerCase().split(' ');
  const primary: string[] = [];
  const tones: string[] = [];
  for (const word of words) {
    let p = '';
    for (const ch of word.normalize('NFD')) {
      if (TONES[ch] !== undefined) {
        tones.push(String(TONES[ch]));
        continue;
      }
      // Re-compose the base letter with its vowel marks (breve, circumflex, horn) but without tone.
      p += ch;
    }
    const bases = p.normalize('NFC');
    let key = '';
    for (const ch of bases) {
      if (ch === '\u0306' || ch === '\u0302' || ch === '\u031b') continue;
      key += letterKey(ch);
    }
    primary.push(key);
    tones.push('0');
  }
  return `${primary.join(' ')}\u0001${tones.join('')}`;
}

/** Sort key for a person's name: given name (last word) first, then the whole name. */
export function personSortKey(fullName: string): string {
  const words = normaliseText(fullName).split(' ');
  const given = words[words.length - 1] ?? '';
  return `${collationKey(given)}\u0002${collationKey(fullName)}`;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base' });
export const compareVietnamese = (a: string, b: string): number => collator.compare(a, b);
