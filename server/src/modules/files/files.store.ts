/**
 * The blob store on disk: content-addressed by SHA-256 in two levels of folders
 * (`<dir>/ab/cd/abcd…`), written to `<dir>/tmp/` first, flushed (fsync), then linked into place. A blob
 * is never overwritten: placing content that is already there leaves the existing file alone. This is the
 * only code that touches the files' bytes, as repositories are the only code that touches the database.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { chmod, link, mkdir, open, readdir, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export class FileTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`file larger than ${limit} bytes`);
  }
}

export interface Received {
  tmpPath: string;
  sha256: string;
  size: number;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function blobPath(dir: string, sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return path.join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

const tmpDir = (dir: string) => path.join(dir, 'tmp');

/**
 * Stream `source` into a new temporary file, hashing as it goes, and stop at `maxBytes`: one byte more
 * fails with FileTooLargeError at once (the rest is never read into memory or written). A source that
 * reports its own limit (busboy's 'limit' event, `truncated`) fails the same way. The file is flushed to
 * disk before this returns; on any failure it is removed.
 */
export async function receiveToTemp(dir: string, source: Readable, maxBytes: number): Promise<Received> {
  await mkdir(tmpDir(dir), { recursive: true, mode: 0o700 });
  const tmpPath = path.join(tmpDir(dir), `${randomUUID()}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new FileTooLargeError(maxBytes));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const onLimit = () => counter.destroy(new FileTooLargeError(maxBytes));
  source.once('limit', onLimit);
  try {
    await pipeline(source, counter, createWriteStream(tmpPath, { flags: 'wx', mode: 0o600 }));
    if ((source as Readable & { truncated?: boolean }).truncated) throw new FileTooLargeError(maxBytes);
    const fh = await open(tmpPath, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    return { tmpPath, sha256: hash.digest('hex'), size };
  } catch (e) {
    await rm(tmpPath, { force: true });
    throw e;
  } finally {
    source.off('limit', onLimit);
  }
}

/**
 * Put a received file in its place. Returns whether a new blob was written (false: the same content was
 * already stored, and is left untouched). The temporary file stays; the caller removes it.
 */
export async function placeBlob(dir: string, received: Received): Promise<boolean> {
  const target = blobPath(dir, received.sha256);
  const folder = path.dirname(target);
  await mkdir(folder, { recursive: true, mode: 0o700 });
  await chmod(received.tmpPath, 0o400);
  let created = false;
  try {
    // link() never replaces an existing name: two writers of the same content cannot clobber each other.
    await link(received.tmpPath, target);
    created = true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST') {
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EMLINK') throw e;
      // A file system without hard links: a rename into a name that does not exist yet.
      if (!(await exists(target))) {
        const copy = `${received.tmpPath}.copy`;
        await pipeline(
          createReadStream(received.tmpPath),
          createWriteStream(copy, { flags: 'wx', mode: 0o400 }),
        );
        await syncFile(copy);
        await rename(copy, target);
        created = true;
      }
    }
  }
  if (created) {
    await syncDir(folder);
    await syncDir(path.dirname(folder));
  } else {
    const existing = await stat(target);
    if (existing.size !== received.size) {
      throw new Error(`stored blob ${received.sha256} has ${existing.size} bytes, expected ${received.size}`);
    }
  }
  return created;
}

/** Remove a blob (no error when it is already gone), and its folders when they become empty. */
export async function removeBlob(dir: string, sha256: string): Promise<void> {
  const target = blobPath(dir, sha256);
  await unlink(target).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
  const inner = path.dirname(target);
  for (const folder of [inner, path.dirname(inner)]) {
    try {
      await rmdir(folder);
    } catch {
      break; // not empty (or gone): leave it
    }
  }
  await syncDir(path.dirname(path.dirname(inner))).catch(() => undefined);
}

/** A stream of a stored blob; fails with ENOENT when it is missing. */
export async function openBlob(dir: string, sha256: string): Promise<{ stream: ReadStream; size: number }> {
  const target = blobPath(dir, sha256);
  const fh = await open(target, 'r');
  try {
    const { size } = await fh.stat();
    return { stream: fh.createReadStream(), size };
  } catch (e) {
    await fh.close();
    throw e;
  }
}

export async function blobExists(dir: string, sha256: string): Promise<boolean> {
  return exists(blobPath(dir, sha256));
}

/** Remove temporary files older than `olderThanMs` (left by a crash); quiet when there are none. */
export async function sweepTemp(dir: string, olderThanMs: number, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(tmpDir(dir));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const p = path.join(tmpDir(dir), name);
    try {
      if (now - (await stat(p)).mtimeMs > olderThanMs) {
        await rm(p, { force: true });
        removed++;
      }
    } catch {
      // raced with another remover
    }
  }
  return removed;
}

export async function discardTemp(tmpPath: string): Promise<void> {
  await rm(tmpPath, { force: true });
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
}

async function syncFile(p: string): Promise<void> {
  const fh = await open(p, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** Flush a directory entry (a new or removed name) to disk; some systems cannot, which is harmless. */
async function syncDir(p: string): Promise<void> {
  let fh;
  try {
    fh = await open(p, 'r');
    await fh.sync();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && code !== 'EBADF') throw e;
  } finally {
    await fh?.close();
  }
}
