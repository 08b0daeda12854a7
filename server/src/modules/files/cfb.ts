import type { FileHandle } from 'node:fs/promises';

/**
 * The names of the streams and storages at the root of a Microsoft Compound File (the container of
 * Word 97–2003 .doc and Excel 97–2003 .xls files): a .doc has a "WordDocument" stream, an .xls a
 * "Workbook" (or, before Excel 97, "Book") stream. `file-type` stops at "this is a compound file";
 * this reads just enough of the format ([MS-CFB]) to tell them apart. Any inconsistency (a chain that
 * loops, a sector past the end) answers undefined: the file is then refused as of unknown type.
 */
export async function cfbRootNames(fh: FileHandle, fileSize: number): Promise<string[] | undefined> {
  const header = await readAt(fh, 0, 512);
  if (!header || header.readUInt32LE(0) !== 0xe011cfd0 || header.readUInt32LE(4) !== 0xe11ab1a1) return;
  const sectorShift = header.readUInt16LE(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) return;
  const sectorSize = 1 << sectorShift;
  // a short last sector reads as zero-filled
  const sectorCount = Math.ceil((fileSize - 512) / sectorSize);
  const perSector = sectorSize / 4;

  // Where the FAT sectors are: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(header.readUInt32LE(0x4c + i * 4));
  let difat = header.readUInt32LE(0x44);
  for (let n = header.readUInt32LE(0x48), seen = 0; n > 0 && difat < 0xfffffffa; n--) {
    if (++seen > sectorCount) return;
    const s = await sector(difat);
    if (!s) return;
    for (let i = 0; i < perSector - 1; i++) fatSectors.push(s.readUInt32LE(i * 4));
    difat = s.readUInt32LE((perSector - 1) * 4);
  }

  const fatCache = new Map<number, Buffer>();
  async function nextSector(n: number): Promise<number | undefined> {
    const index = Math.floor(n / perSector);
    const fatSector = fatSectors[index];
    if (fatSector === undefined || fatSector >= 0xfffffffa) return;
    let fat = fatCache.get(index);
    if (!fat) {
      fat = await sector(fatSector);
      if (!fat) return;
      fatCache.set(index, fat);
    }
    return fat.readUInt32LE((n % perSector) * 4);
  }
  async function sector(n: number): Promise<Buffer | undefined> {
    if (n >= sectorCount) return;
    return readAt(fh, (n + 1) * sectorSize, sectorSize, true);
  }

  // The directory: a chain of sectors holding 128-byte entries.
  const entries: { name: string; left: number; right: number; child: number }[] = [];
  let dir = header.readUInt32LE(0x30);
  for (let seen = 0; dir < 0xfffffffa;) {
    if (++seen > sectorCount || entries.length > 100_000) return;
    const s = await sector(dir);
    if (!s) return;
    for (let off = 0; off < sectorSize; off += 128) {
      const nameBytes = Math.min(s.readUInt16LE(off + 0x40), 64);
      entries.push({
        name: s.toString('utf16le', off, off + Math.max(0, nameBytes - 2)),
        left: s.readUInt32LE(off + 0x44),
        right: s.readUInt32LE(off + 0x48),
        child: s.readUInt32LE(off + 0x4c),
      });
    }
    const next = await nextSector(dir);
    if (next === undefined) return;
    dir = next;
  }

  // The root's children form a tree through their left and right siblings.
  const root = entries[0];
  if (!root) return;
  const names: string[] = [];
  const seen = new Set<number>();
  const stack = [root.child];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id >= 0xfffffffa || seen.has(id)) continue;
    const e = entries[id];
    if (!e) return;
    seen.add(id);
    names.push(e.name);
    stack.push(e.left, e.right);
  }
  return names;
}

async function readAt(
  fh: FileHandle,
  position: number,
  length: number,
  allowShort = false,
): Promise<Buffer | undefined> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return bytesRead === length || (allowShort && bytesRead > 0) ? buf : undefined;
}
