/**
 * How official documents write numbers, dates, places and the issuing body (Decree 30/2020/NĐ-CP on
 * the presentation of administrative documents, Appendix I). Pure functions, no I/O.
 */

const pad2 = (n: number) => String(n).padStart(2, '0');

function parseIso(iso: string): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a yyyy-mm-dd date: ${iso}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/** 2026-12-02 → "02/12/2026"; null or undefined → "". */
export function formatDateVn(iso: string | null | undefined): string {
  if (!iso) return '';
  const { y, m, d } = parseIso(iso.slice(0, 10));
  return `${pad2(d)}/${pad2(m)}/${y}`;
}

/**
 * The place-and-date line: "Hà Nội, ngày 02 tháng 12 năm 2026". Days below 10 and the months
 * January and February take a leading zero; other months do not ("ngày 15 tháng 3 năm 2026").
 */
export function placeAndDate(place: string, iso: string): string {
  const { y, m, d } = parseIso(iso);
  const month = m <= 2 ? pad2(m) : String(m);
  return `${place}, ngày ${pad2(d)} tháng ${month} năm ${y}`;
}

/** The number part of "Số:": consecutive from 01 each year, so below 10 with a leading zero. */
export function formatNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new Error(`not a document number: ${n}`);
  return pad2(n);
}

/** "12/LL-UBND": number, then the symbol of the document type, then the issuing body's. */
export function formatNotation(number: number, typeSymbol: string, issuerSymbol: string): string {
  return `${formatNumber(number)}/${typeSymbol}-${issuerSymbol}`;
}

/** Units whose documents are issued by their People's Committee. */
const LOCAL_GOVERNMENT = /^(Phường|Xã|Đặc khu|Thị trấn|Quận|Huyện|Thị xã)\s/i;
const PEOPLES_COMMITTEE = /^(Ủy ban nhân dân|Uỷ ban nhân dân|UBND)(\s|$)/i;
const SMALL_WORDS = new Set(['và', 'của', '-', '–']);

/**
 * The issuing body's symbol in a notation. A People's Committee (and a ward or commune, whose documents
 * it issues) is "UBND"; any other unit takes the initials of its name, keeping Đ and acronyms
 * ("Sở Giáo dục và Đào tạo" → "SGDĐT", "Ban Thi đua - Khen thưởng" → "BTĐKT").
 */
export function issuerSymbol(unitName: string): string {
  const name = unitName.normalize('NFC').trim();
  if (PEOPLES_COMMITTEE.test(name) || LOCAL_GOVERNMENT.test(name)) return 'UBND';
  const symbol = name
    .split(/\s+/)
    .filter((w) => w && !SMALL_WORDS.has(w.toLowerCase()))
    .map((w) => (w.length > 1 && w === w.toUpperCase() && /\p{L}/u.test(w) ? w : w.charAt(0).toUpperCase()))
    .join('')
    .replace(/[^\p{L}\p{N}]/gu, '');
  return symbol || 'VD';
}

/** What the heading needs to know of a unit. */
export interface UnitForHeading {
  name: string;
  kind: string;
}

/**
 * The issuing body block (top left): the directly superior body in capitals when there is one, then
 * the issuing body in bold capitals. A ward or commune issues as its People's Committee.
 */
export function issuingBody(
  unit: UnitForHeading,
  parent: UnitForHeading | null,
): { parentBody?: string; body: string } {
  const upper = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi');
  if (LOCAL_GOVERNMENT.test(unit.name)) return { body: upper(`Ủy ban nhân dân ${unit.name}`) };
  if (!parent) return { body: upper(unit.name) };
  return { parentBody: upper(parent.name), body: upper(unit.name) };
}

/**
 * The place name of the date line: a ward or commune writes its own name, everyone else the
 * province or city ("Ủy ban nhân dân thành phố Hà Nội" → "Hà Nội").
 */
export function placeName(unit: UnitForHeading, root: UnitForHeading): string {
  const local = LOCAL_GOVERNMENT.exec(unit.name);
  if (local) return unit.name.slice(local[0].length).trim();
  const stripped = root.name
    .replace(PEOPLES_COMMITTEE, '')
    .trim()
    .replace(/^(thành phố|tỉnh)\s+/i, '')
    .trim();
  return stripped || root.name;
}

/** An ASCII file name for the Content-Disposition fallback: "Lý lịch 12/LL" → "Ly-lich-12-LL". */
export function asciiFileName(name: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return base || 'van-ban';
}
