// @ts-check
/* global process, console */
/**
 * Builds what `npm start` runs, each part only when its inputs changed since its last build:
 *
 *   web     Vite → dist/web (hashed assets, precompressed .br/.gz: web/vite.config.ts)
 *   server  esbuild → dist/server/main.js and its chunks: server/src/main.ts bundled with contract/,
 *           packages left to node_modules. All two levels below the root, like server/src/paths.ts, which
 *           resolves the files read at run time (migrations, fonts) from there.
 *
 * A part's inputs are hashed (paths and contents, tests left out, with this script and the lockfile); the
 * hash is kept in dist/<part>.stamp after a successful build, and a build is skipped while it matches and
 * the output is there. Plain JavaScript so that it runs before anything is compiled.
 *
 *   node scripts/build.mjs [web] [server] [--force]
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const SHARED_INPUTS = ['contract', 'package-lock.json', 'tsconfig.json', 'scripts/build.mjs'];
const IGNORED = /(^|\/)(node_modules|dist)(\/|$)|\.test\.tsx?$/;

/** @typedef {'web' | 'server'} Part */

/** @type {Record<Part, { inputs: string[]; output: string; build: () => Promise<void> }>} */
const PARTS = {
  web: {
    inputs: ['web', ...SHARED_INPUTS],
    output: 'dist/web/index.html',
    async build() {
      const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
      // A child process: Vite's memory goes back when it exits instead of staying in the server.
      await run(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
    },
  },
  server: {
    inputs: ['server/src', ...SHARED_INPUTS],
    output: 'dist/server/main.js',
    async build() {
      const esbuild = await import('esbuild');
      rmSync(path.join(root, 'dist', 'server'), { recursive: true, force: true });
      try {
        await esbuild.build({
          absWorkingDir: root,
          entryPoints: ['server/src/main.ts'],
          outdir: 'dist/server',
          // main.ts loads the application with import(): split there, so a process that only prepares the
          // database does not load it. Every chunk stays in dist/server (server/src/paths.ts relies on it).
          splitting: true,
          chunkNames: '[name]-[hash]',
          bundle: true,
          packages: 'external',
          platform: 'node',
          format: 'esm',
          target: 'node20.19',
          sourcemap: 'linked',
          logLevel: 'warning',
        });
      } finally {
        await esbuild.stop();
      }
    },
  },
};

/**
 * Run a command in the root with the terminal's output, without blocking this process; rejects unless it exits 0.
 * @param {string} command
 * @param {string[]} args
 */
export function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0
        ? resolve(undefined)
        : reject(new Error(`${path.basename(args[0] ?? command)} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/** Every file under `entry` (a file or a folder), relative to the root, sorted. */
function filesOf(/** @type {string} */ entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .filter((f) => !IGNORED.test(f))
    .sort();
}

/** The hash of a part's inputs: every file's path and content. */
export function inputsHash(/** @type {Part} */ part) {
  const hash = createHash('sha256');
  for (const file of PARTS[part].inputs.flatMap(filesOf)) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

const stampFile = (/** @type {Part} */ part) => path.join(root, 'dist', `${part}.stamp`);

/** True when the part was built from exactly these inputs and its output is still there. */
export function isUpToDate(/** @type {Part} */ part, hash = inputsHash(part)) {
  const stamp = stampFile(part);
  return (
    existsSync(path.join(root, PARTS[part].output)) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8').trim() === hash
  );
}

/**
 * Build the parts whose inputs changed (all of them with `force`); answers what was built.
 * @param {Part[]} parts
 * @param {{ force?: boolean; log?: (line: string) => void }} [options]
 */
export async function ensureBuilt(parts, options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  /** @type {Part[]} */
  const built = [];
  for (const part of parts) {
    const hash = inputsHash(part);
    if (!options.force && isUpToDate(part, hash)) continue;
    const started = Date.now();
    rmSync(stampFile(part), { force: true });
    await PARTS[part].build();
    mkdirSync(path.dirname(stampFile(part)), { recursive: true });
    writeFileSync(stampFile(part), `${hash}\n`);
    log(`Đã dựng ${part} (built) trong ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    built.push(part);
  }
  return built;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(root, 'scripts', 'build.mjs')) {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const named = args.filter((a) => a !== '--force');
  const unknown = named.filter((a) => !(a in PARTS));
  if (unknown.length > 0) {
    console.error(
      `Không biết phần "${unknown.join(', ')}" / unknown part. Parts: ${Object.keys(PARTS).join(', ')}`,
    );
    process.exit(2);
  }
  const parts = /** @type {Part[]} */ (named.length > 0 ? named : Object.keys(PARTS));
  try {
    const built = await ensureBuilt(parts, { force });
    if (built.length === 0) console.log(`Không có gì thay đổi (up to date): ${parts.join(', ')}.`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
