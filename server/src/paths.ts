import path from 'node:path';

/**
 * The repository's root, for files the server reads at run time (migrations, fonts). This module is at
 * `server/src/paths.ts`; the compiled server is one file at `dist/server/main.js` (scripts/build.mjs), two
 * levels below the root as well, so the same `../..` holds in both. Resolve run-time files from here, never
 * from `import.meta.dirname` of another module: in the compiled server every module has the bundle's.
 */
export const ROOT_DIR = path.resolve(import.meta.dirname, '..', '..');

/** The committed SQL migrations. */
export const MIGRATIONS_DIR = path.join(ROOT_DIR, 'server', 'drizzle');

/** Fonts embedded in generated PDFs. */
export const FONTS_DIR = path.join(ROOT_DIR, 'server', 'assets', 'fonts');
