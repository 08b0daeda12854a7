/** Vietnamese text helpers shared by the pages (and the browser tests). */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower-case, strip diacritics and map đ/Đ to d: "Nguyễn Văn Đức" → "nguyen van duc". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/**
 * Folds one code point at a time, so that index i of the result matches code point i of the input.
 * Used to highlight an accent-insensitive match inside the original text.
 */
export function foldPerChar(text: string): string[] {
  return Array.from(text.normalize('NFC'), (ch) => {
    const folded = fold(ch);
    return folded.length === 1 ? folded : ch.toLowerCase();
  });
}

/** Where `query` occurs in `text`, ignoring case and diacritics; [start, end) in code points, or null. */
export function findFolded(text: string, query: string): [number, number] | null {
  const needle = fold(query.trim());
  if (!needle) return null;
  const chars = foldPerChar(text);
  const index = chars.join('').indexOf(needle);
  if (index < 0) return null;
  return [index, index + needle.length];
}

/** Vietnamese collation (Node's and the browser's ICU know "vi"; PGlite does not). */
export const viCollator = new Intl.Collator('vi', { numeric: true });

/** Whether a string carries Vietnamese diacritics or đ. */
export function hasDiacritics(text: string): boolean {
  return fold(text) !== text.toLowerCase();
}
