// @ts-check
/* global process, console */
/**
 * `npm start`: build what changed (scripts/build.mjs), then run the compiled server in this process.
 * Nothing of the build stays in memory: Vite runs in a child process and esbuild's service is stopped.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt } from './build.mjs';

const root = path.resolve(import.meta.dirname, '..');
try {
  await ensureBuilt(['web', 'server']);
} catch (e) {
  console.error(`Không dựng được ứng dụng / build failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
// Stack traces point into server/src rather than the bundle.
process.setSourceMapsEnabled(true);
await import(pathToFileURL(path.join(root, 'dist', 'server', 'main.js')).href);
