import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where Debian's PostgreSQL 15 server binaries live (CI starts its throwaway server from there too). */
export const PG15_BIN = '/usr/lib/postgresql/15/bin';

/** Why a throwaway cluster cannot be started here, or undefined when it can. */
export function throwawayClusterUnavailable(): string | undefined {
  for (const tool of ['initdb', 'pg_ctl', 'postgres']) {
    if (!existsSync(path.join(PG15_BIN, tool))) return `no ${tool} in ${PG15_BIN} (install postgresql-15)`;
  }
  if (process.getuid?.() === 0) {
    // initdb refuses to run as root: run the server as the postgres user, as CI does.
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    } catch {
      return 'running as root and there is no "postgres" user to run initdb as';
    }
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ThrowawayCluster {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  /** pg_ctl start, waiting until it accepts connections */
  start(): Promise<void>;
  /** pg_ctl stop in the given mode, waiting until it is down */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  /** stop it whatever its state and delete its directory; never throws */
  destroy(): Promise<void>;
  /** the server's log so far (for failure messages) */
  log(): string;
}

/**
 * A PostgreSQL 15 cluster of its own in a temporary directory, on a free port on 127.0.0.1, trust auth,
 * durability off (it is thrown away). As root everything runs under `runuser -u postgres`, and the
 * directory is given to that user first. Async throughout: the event loop keeps serving while it works.
 */
export async function createThrowawayCluster(): Promise<ThrowawayCluster> {
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'vd-pg-'));
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const pg = (tool: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(PG15_BIN, tool), ...args])
      : run(path.join(PG15_BIN, tool), args);

  const port = await freePort();
  const serverOptions = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ');
  // If the test process ends without destroy() (killed by a timeout, say), do not leave a server running.
  const stopOnExit = () => {
    try {
      const pgCtl = [path.join(PG15_BIN, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop'];
      if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', ...pgCtl], { stdio: 'ignore' });
      else execFileSync(pgCtl[0]!, pgCtl.slice(1), { stdio: 'ignore' });
    } catch {
      // not running
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopOnExit);
  const cluster: ThrowawayCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async start() {
      await pg('pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', '30', '-o', serverOptions, 'start']);
    },
    async stop(mode) {
      await pg('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '30', 'stop']);
    },
    async destroy() {
      process.off('exit', stopOnExit);
      if (existsSync(path.join(data, 'postmaster.pid'))) {
        await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
      }
      rmSync(dir, { recursive: true, force: true });
    },
    log() {
      return existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
    },
  };
  try {
    await pg('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-sync',
    ]);
    await cluster.start();
  } catch (e) {
    await cluster.destroy();
    throw e;
  }
  return cluster;
}
