import type { FileHandle } from 'node:fs/promises';

/** The central directory of an archive is read only up to this size (an Office file's is a few KB). */
const MAX_DIRECTORY_BYTES = 1024 * 1024;

/**
 * The names of the entries of a ZIP archive, from its central directory at the end of the file. `file-type`
 * recognises an Office Open XML file by walking the archive from its start and gives up after a megabyte:
 * a workbook written with "[Content_Types].xml" after a large sheet (exceljs's streaming writer, and some
 * other producers) is then just "zip". The directory names every part wherever it lies. Answers undefined
 * for anything inconsistent (the file is then refused as of unknown type).
 */
export async function zipEntryNames(fh: FileHandle, fileSize: number): Promise<string[] | undefined> {
  const tailSize = Math.min(fileSize, 22 + 0xffff);
  const tail = Buffer.alloc(tailSize);
  await fh.read(tail, 0, tailSize, fileSize - tailSize);
  let end = -1;
  for (let i = tailSize - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return;
  const count = tail.readUInt16LE(end + 10);
  const size = tail.readUInt32LE(end + 12);
  const offset = tail.readUInt32LE(end + 16);
  if (size > MAX_DIRECTORY_BYTES || offset + size > fileSize) return;
  const dir = Buffer.alloc(size);
  await fh.read(dir, 0, size, offset);
  const names: string[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== 0x02014b50) return;
    const nameLength = dir.readUInt16LE(p + 28);
    const skip = dir.readUInt16LE(p + 30) + dir.readUInt16LE(p + 32);
    names.push(dir.toString('utf8', p + 46, p + 46 + nameLength));
    p += 46 + nameLength + skip;
  }
  return names;
}
