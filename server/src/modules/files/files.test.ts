import { mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cfbBytes,
  docxBytes,
  exeBytes,
  htmlBytes,
  jpegBytes,
  pdfBytes,
  pngBytes,
  sha256,
  webpBytes,
  zipBytes,
} from '../../../test/file-fixtures';
import { detectFileKind } from './files.detect';
import {
  blobExists,
  blobPath,
  FileTooLargeError,
  placeBlob,
  receiveToTemp,
  removeBlob,
  sweepTemp,
} from './files.store';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'vd-files-unit-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function kindOf(bytes: Buffer) {
  const p = path.join(dir, `detect-${Math.random().toString(36).slice(2)}`);
  await writeFile(p, bytes);
  try {
    return await detectFileKind(p, bytes.length);
  } finally {
    await rm(p);
  }
}

async function xlsxBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sáng kiến').addRow(['Tên', 'Năm']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('type detection from the bytes', () => {
  it('recognises every accepted kind', async () => {
    expect(await kindOf(pdfBytes())).toEqual({ kind: 'pdf' });
    expect(await kindOf(pngBytes())).toEqual({ kind: 'png' });
    expect(await kindOf(jpegBytes())).toEqual({ kind: 'jpeg' });
    expect(await kindOf(webpBytes())).toEqual({ kind: 'webp' });
    expect(await kindOf(docxBytes())).toEqual({ kind: 'docx' });
    expect(await kindOf(await xlsxBytes())).toEqual({ kind: 'xlsx' });
    expect(await kindOf(cfbBytes(['WordDocument', '1Table']))).toEqual({ kind: 'doc' });
    expect(await kindOf(cfbBytes(['\u0005SummaryInformation', 'Workbook']))).toEqual({ kind: 'xls' });
  });

  it('refuses what is not one of them, naming it when it can', async () => {
    expect(await kindOf(exeBytes())).toEqual({ kind: null, what: 'exe' });
    expect(await kindOf(htmlBytes())).toEqual({ kind: null, what: null });
    expect(await kindOf(Buffer.from('chỉ là văn bản'))).toEqual({ kind: null, what: null });
    expect(await kindOf(zipBytes({ 'a.txt': 'x' }))).toEqual({ kind: null, what: 'zip' });
    // a PowerPoint 97–2003 file is a compound file too, but neither Word nor Excel
    expect(await kindOf(cfbBytes(['PowerPoint Document']))).toEqual({ kind: null, what: 'cfb' });
    // a compound file whose directory chain points past its end
    const broken = cfbBytes(['WordDocument']);
    broken.writeUInt32LE(40, 0x30);
    expect(await kindOf(broken)).toEqual({ kind: null, what: 'cfb' });
  });

  it('recognises a workbook whose parts file-type gives up on (a large sheet before [Content_Types].xml)', async () => {
    // exceljs's streaming writer puts the sheet first: past a megabyte of it, file-type only says "zip"
    const big = zipBytes({
      'xl/worksheets/sheet1.xml': `<worksheet>${'<row><c><v>1</v></c></row>'.repeat(60_000)}</worksheet>`,
      '[Content_Types].xml': '<Types/>',
      'xl/workbook.xml': '<workbook/>',
    });
    expect(await kindOf(big)).toEqual({ kind: 'xlsx' });
    expect(await kindOf(zipBytes({ 'big.bin': 'x'.repeat(1_200_000), 'a.txt': 'x' }))).toEqual({
      kind: null,
      what: 'zip',
    });
  });

  it('looks at the root of a compound file only: a workbook embedded deeper does not make an .xls', async () => {
    // Root → "ObjectPool" (storage) whose child is "Workbook": our builder chains root children, so
    // build the nested case by hand: the root's only child is a storage.
    const b = cfbBytes(['ObjectPool', 'Workbook']);
    const dirOffset = 512 * 2;
    // "ObjectPool" (entry 1): no right sibling, child = entry 2
    b.writeUInt32LE(0xffffffff, dirOffset + 128 + 0x48);
    b.writeUInt32LE(2, dirOffset + 128 + 0x4c);
    b[dirOffset + 128 + 0x42] = 1;
    expect(await kindOf(b)).toEqual({ kind: null, what: 'cfb' });
  });
});

describe('the blob store', () => {
  it('streams into a flushed temporary file with its hash and size', async () => {
    const bytes = pngBytes(30, 30);
    const r = await receiveToTemp(dir, Readable.from([bytes.subarray(0, 10), bytes.subarray(10)]), 1000);
    expect(r).toMatchObject({ sha256: sha256(bytes), size: bytes.length });
    expect(await readFile(r.tmpPath)).toEqual(bytes);
    await rm(r.tmpPath);
  });

  it('stops at the limit without reading the rest, and leaves no temporary file', async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled += 1024;
        yield Buffer.alloc(1024, 7);
      }
    }
    await expect(receiveToTemp(dir, Readable.from(endless()), 10_000)).rejects.toBeInstanceOf(
      FileTooLargeError,
    );
    expect(pulled).toBeLessThan(64 * 1024);
    expect(await readdir(path.join(dir, 'tmp'))).toEqual([]);
  });

  it('places content once, read-only, at its address, and never overwrites it', async () => {
    const bytes = pdfBytes('mot lan');
    const a = await receiveToTemp(dir, Readable.from([bytes]), 1e6);
    const b = await receiveToTemp(dir, Readable.from([bytes]), 1e6);
    expect(await placeBlob(dir, a)).toBe(true);
    const target = blobPath(dir, a.sha256);
    expect(target).toBe(path.join(dir, a.sha256.slice(0, 2), a.sha256.slice(2, 4), a.sha256));
    const first = await stat(target);
    expect(first.mode & 0o777).toBe(0o400);
    expect(await placeBlob(dir, b)).toBe(false);
    const second = await stat(target);
    expect(second.ino).toBe(first.ino);
    expect(await readFile(target)).toEqual(bytes);
    await rm(a.tmpPath);
    await rm(b.tmpPath);
    await removeBlob(dir, a.sha256);
    expect(await blobExists(dir, a.sha256)).toBe(false);
    await removeBlob(dir, a.sha256); // already gone: quiet
  });

  it('refuses to treat a stored blob of another size as the same content', async () => {
    const bytes = pngBytes(5, 5);
    const r = await receiveToTemp(dir, Readable.from([bytes]), 1e6);
    expect(await placeBlob(dir, r)).toBe(true);
    await expect(placeBlob(dir, { ...r, size: r.size + 1 })).rejects.toThrow(/expected/);
    await rm(r.tmpPath);
    await removeBlob(dir, r.sha256);
  });

  it('sweeps temporary files left by a crash, and only old ones', async () => {
    const old = path.join(dir, 'tmp', 'old.part');
    const fresh = path.join(dir, 'tmp', 'fresh.part');
    await writeFile(old, 'x');
    await writeFile(fresh, 'y');
    const dayAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    await utimes(old, dayAgo, dayAgo);
    expect(await sweepTemp(dir, 24 * 3600 * 1000)).toBe(1);
    expect(await readdir(path.join(dir, 'tmp'))).toEqual(['fresh.part']);
    await rm(fresh);
    expect(await sweepTemp(path.join(dir, 'nowhere'), 0)).toBe(0);
  });
});
