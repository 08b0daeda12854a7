/**
 * Names of uploaded files: what is kept of the name a browser sends, whether it agrees with the type
 * found in the content, and how it is given back in a download. Pure functions; no I/O.
 *
 * The rule (decided once, tested in file-name.test.ts):
 * - the name is NFC-normalised, surrounding spaces and trailing dots are dropped;
 * - path separators (`/`, `\`) are not an error: old browsers send a whole path, so only the last
 *   segment is kept ("C:\\Hồ sơ\\quyết định.pdf" → "quyết định.pdf");
 * - a NUL, any other control character, a lone UTF-16 surrogate or a bidirectional-override character
 *   (used to disguise "fdp.exe" as "exe.pdf") refuses the file: an honest browser never sends one;
 * - a name longer than 255 characters, or nothing left after cleaning, refuses the file;
 * - the extension must agree with the content: "ảnh.pdf" holding PNG bytes is refused, a known
 *   extension of another type (".exe", ".html") is refused, and a name without a known extension
 *   gets the content's one ("Quyết định số 12.2025" → "Quyết định số 12.2025.pdf").
 */

export const MAX_FILE_NAME_LENGTH = 255;

export type FileNameProblem = 'nul' | 'control' | 'lone_surrogate' | 'bidi' | 'too_long' | 'empty';

export type CleanedName =
  { ok: true; name: string } | { ok: false; problem: FileNameProblem; message: string };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0001-\u001f\u007f-\u009f]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const MESSAGES: Record<FileNameProblem, string> = {
  nul: 'Tên tệp chứa ký tự NUL.',
  control: 'Tên tệp chứa ký tự điều khiển.',
  lone_surrogate: 'Tên tệp chứa ký tự Unicode không hợp lệ.',
  bidi: 'Tên tệp chứa ký tự đảo chiều văn bản (có thể dùng để che giấu phần mở rộng thật).',
  too_long: `Tên tệp dài quá ${MAX_FILE_NAME_LENGTH} ký tự.`,
  empty: 'Tên tệp trống.',
};

const refuse = (problem: FileNameProblem): CleanedName => ({
  ok: false,
  problem,
  message: MESSAGES[problem],
});

/** The name to keep for an uploaded file, or why it is refused. */
export function cleanFileName(raw: string): CleanedName {
  if (LONE_SURROGATE.test(raw)) return refuse('lone_surrogate');
  if (raw.includes('\u0000')) return refuse('nul');
  if (CONTROL.test(raw)) return refuse('control');
  if (BIDI.test(raw)) return refuse('bidi');
  const segments = raw.normalize('NFC').split(/[/\\]/);
  const name = (segments[segments.length - 1] ?? '').trim().replace(/[.\s]+$/, '');
  if (name === '' || name === '.' || name === '..') return refuse('empty');
  if ([...name].length > MAX_FILE_NAME_LENGTH) return refuse('too_long');
  return { ok: true, name };
}

/** The extension of a name, lower case, without the dot ("" when there is none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return '';
  return name.slice(dot + 1).toLowerCase();
}

export type NameForContent = { ok: true; name: string } | { ok: false; claimedExtension: string };

/**
 * Make the name agree with the content's type. `extensions` are those of the detected type (the first is
 * the usual one); `isKnownExtension` says whether an extension means some file type at all.
 */
export function nameForContent(
  name: string,
  extensions: readonly string[],
  isKnownExtension: (ext: string) => boolean,
): NameForContent {
  const ext = extensionOf(name);
  if (ext !== '' && extensions.includes(ext)) return { ok: true, name };
  if (ext !== '' && isKnownExtension(ext)) return { ok: false, claimedExtension: ext };
  const withExt = `${name}.${extensions[0]}`;
  if ([...withExt].length > MAX_FILE_NAME_LENGTH) {
    const room = MAX_FILE_NAME_LENGTH - extensions[0]!.length - 1;
    return { ok: true, name: `${[...name].slice(0, room).join('')}.${extensions[0]}` };
  }
  return { ok: true, name: withExt };
}

/** An ASCII stand-in for a name, for clients that do not read `filename*`: "Quyết định.pdf" → "Quyet dinh.pdf". */
export function asciiFileName(name: string): string {
  const folded = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%;]/g, '_');
  return folded.trim() === '' ? 'tep' : folded;
}

/** RFC 5987 / 8187 encoding of a UTF-8 value (what follows `filename*=UTF-8''`). */
function encodeExtValue(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `Content-Disposition` of a download: always an attachment, ASCII fallback plus the UTF-8 name (RFC 6266). */
export function contentDisposition(name: string): string {
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${encodeExtValue(name)}`;
}
