// @ts-check
/* global process, console */
/**
 * `npm start`: build what changed (scripts/build.mjs), then run the compiled server in this process.
 * Nothing of the build stays in memory: Vite runs in a child process and esbuild's service is stopped.
 *
 * When the web application has to be built (a first start, or its sources changed), the database is
 * prepared meanwhile in a child process (`main.js --prepare-database`: on a first start initdb, the
 * migrations and the demo seed), so the two longest steps of a first start share the machine's cores; the
 * server then finds the database ready.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, isUpToDate, run } from './build.mjs';

const root = path.resolve(import.meta.dirname, '..');
const main = path.join(root, 'dist', 'server', 'main.js');
try {
  await ensureBuilt(['server']);
  if (!isUpToDate('web')) {
    // both to their end, so that nothing is left running when one of them fails
    const results = await Promise.allSettled([
      ensureBuilt(['web']),
      run(process.execPath, [main, '--prepare-database']),
    ]);
    for (const r of results) if (r.status === 'rejected') throw r.reason;
  }
} catch (e) {
  console.error(`Không khởi động được / could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
// Stack traces point into server/src rather than the bundle.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(main).href);
