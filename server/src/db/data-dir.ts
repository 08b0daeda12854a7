/**
 * The embedded database's data directory (DATA_DIR): where PGlite keeps its files, the lock that keeps a
 * second process out, and whether it exists yet. Only `node:` imports: main.ts reads this before it loads
 * anything heavy.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: string) {
    super(
      `Thư mục dữ liệu ${dir} đang được tiến trình khác (PID ${pid}) sử dụng. ` +
        `The data directory is in use by another process (PID ${pid}); stop it or point DATA_DIR elsewhere.`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Take an exclusive lock file in the data directory; PGlite has none of its own. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, 'vinhdanh.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = existsSync(lockFile) ? readFileSync(lockFile, 'utf8').trim() : '';
      const pid = Number(owner);
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        throw new DataDirLockedError(dir, owner);
      }
      rmSync(lockFile, { force: true }); // stale lock from a process that died
    }
  }
  throw new DataDirLockedError(dir, 'unknown');
}

/** Where PGlite keeps its files inside the data directory. */
export function pgliteDirectory(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}

/** True when the configuration names the embedded database and it has not been created yet (initdb to run). */
export function needsFreshPglite(config: { databaseUrl: string | undefined; dataDir: string }): boolean {
  return !config.databaseUrl && !existsSync(path.join(pgliteDirectory(config.dataDir), 'PG_VERSION'));
}
