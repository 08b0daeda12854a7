/**
 * Render a pdfmake document definition to PDF bytes with the fonts shipped in server/assets/fonts.
 * pdfmake 0.3's default export is one shared instance: the fonts live in its virtual file system,
 * and it may read neither local files nor URLs (a document definition cannot pull anything in).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { FONT_FAMILY } from '../../domain/documents/layout';
import { FONTS_DIR } from '../../paths';

const FONT_FILES = {
  normal: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italics: 'LiberationSerif-Italic.ttf',
  bolditalics: 'LiberationSerif-BoldItalic.ttf',
} as const;

interface VirtualFs {
  existsSync(name: string): boolean;
  writeFileSync(name: string, content: Buffer): void;
}

type PdfMake = typeof import('pdfmake');

/**
 * pdfmake (with pdfkit and fontkit) is loaded with the first document, not at start-up: it is about 25 MB of
 * resident memory that a server nobody prints from never needs.
 */
let loading: Promise<PdfMake> | undefined;

function pdfmakeWithFonts(): Promise<PdfMake> {
  loading ??= import('pdfmake').then((module) => {
    // a CommonJS module: its one shared instance is the default export
    const pdfmake = (module as unknown as { default: PdfMake }).default;
    const vfs = (pdfmake as unknown as { virtualfs: VirtualFs }).virtualfs;
    for (const file of Object.values(FONT_FILES)) {
      if (!vfs.existsSync(file)) vfs.writeFileSync(file, readFileSync(path.join(FONTS_DIR, file)));
    }
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(() => false);
    return pdfmake;
  });
  // a failure (a font file missing) is not kept: the next document tries again
  loading.catch(() => (loading = undefined));
  return loading;
}

/** The PDF bytes of a document definition. Deterministic when `info.creationDate` is set. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  const pdfmake = await pdfmakeWithFonts();
  // Set on every call: the instance is shared, and the fonts are the one thing this module relies on.
  pdfmake.setFonts({ [FONT_FAMILY]: { ...FONT_FILES } });
  return pdfmake.createPdf(doc).getBuffer();
}
