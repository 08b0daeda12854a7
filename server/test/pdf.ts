import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ReadPdf {
  pages: number;
  /** the text of each page, its pieces joined by single spaces (lines and cells too) */
  text: string[];
  /** names of the fonts the pages use, subset prefix removed ("LiberationSerif-Bold") */
  fonts: string[];
  info: Record<string, unknown>;
  /** width and height of each page in points */
  sizes: { width: number; height: number }[];
  /** every piece of text of each page with its position (points from the bottom-left corner) */
  items: { str: string; x: number; y: number }[][];
}

/** Open a PDF with pdf.js and read what a person would see: text per page, fonts, page sizes. */
export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  try {
    const text: string[] = [];
    const fonts = new Set<string>();
    const sizes: { width: number; height: number }[] = [];
    const items: ReadPdf['items'] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      sizes.push({ width: Math.round(x1 - x0), height: Math.round(y1 - y0) });
      const content = await page.getTextContent();
      items.push(
        content.items.flatMap((item) =>
          'str' in item && item.str.trim()
            ? [{ str: item.str, x: item.transform[4] as number, y: item.transform[5] as number }]
            : [],
        ),
      );
      text.push(
        content.items
          .map((item) => ('str' in item ? item.str : ''))
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      );
      const ops = await page.getOperatorList();
      ops.fnArray.forEach((fn, k) => {
        if (fn !== pdfjs.OPS.setFont) return;
        const font = page.commonObjs.get(ops.argsArray[k][0]) as { name?: string };
        if (font.name) fonts.add(font.name.replace(/^[A-Z]{6}\+/, ''));
      });
    }
    const meta = await doc.getMetadata();
    return {
      pages: doc.numPages,
      text,
      fonts: [...fonts].sort(),
      info: meta.info as Record<string, unknown>,
      sizes,
      items,
    };
  } finally {
    await doc.destroy();
  }
}
