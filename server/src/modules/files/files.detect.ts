import { open } from 'node:fs/promises';
import { fileTypeFromFile, supportedExtensions } from 'file-type';
import { FILE_KIND_INFO, type FileKind } from '../../../../contract/files';
import { cfbRootNames } from './cfb';
import { zipEntryNames } from './zip-names';

export type Detected =
  | { kind: FileKind }
  /** not a kind the system accepts; `what` names what it is when known ("exe", "zip"), for the message */
  | { kind: null; what: string | null };

const BY_MIME = new Map<string, FileKind>(
  Object.entries(FILE_KIND_INFO).map(([kind, info]) => [info.mime, kind as FileKind]),
);

/** The type of a stored (temporary) file, from its bytes only. */
export async function detectFileKind(path: string, size: number): Promise<Detected> {
  const found = await fileTypeFromFile(path);
  if (!found) return { kind: null, what: null };
  if (found.ext === 'apng') return { kind: 'png' }; // an animated PNG is a PNG
  const kind = BY_MIME.get(found.mime);
  if (kind) return { kind };
  if (found.ext === 'zip') {
    const fh = await open(path, 'r');
    try {
      const names = await zipEntryNames(fh, size);
      if (names?.includes('xl/workbook.xml')) return { kind: 'xlsx' };
      if (names?.includes('word/document.xml')) return { kind: 'docx' };
    } finally {
      await fh.close();
    }
  }
  if (found.ext === 'cfb') {
    const fh = await open(path, 'r');
    try {
      const names = await cfbRootNames(fh, size);
      if (names?.includes('WordDocument')) return { kind: 'doc' };
      if (names?.includes('Workbook') || names?.includes('Book')) return { kind: 'xls' };
    } finally {
      await fh.close();
    }
  }
  return { kind: null, what: found.ext };
}

/** Extensions that mean a file type at all: a name ending in one must agree with the content. */
const RISKY_EXTENSIONS = [
  'htm',
  'html',
  'xhtml',
  'shtml',
  'svg',
  'svgz',
  'js',
  'mjs',
  'vbs',
  'vbe',
  'wsf',
  'hta',
  'bat',
  'cmd',
  'com',
  'scr',
  'pif',
  'cpl',
  'ps1',
  'sh',
  'php',
  'jsp',
  'asp',
  'aspx',
  'jar',
  'dll',
  'lnk',
  'url',
  'reg',
  'txt',
  'csv',
  'rtf',
  'odt',
  'ods',
  'ppt',
  'pptx',
  'docm',
  'xlsm',
];
const KNOWN = new Set<string>([...supportedExtensions, ...RISKY_EXTENSIONS]);
for (const info of Object.values(FILE_KIND_INFO)) for (const e of info.extensions) KNOWN.add(e);

export function isKnownExtension(ext: string): boolean {
  return KNOWN.has(ext);
}
