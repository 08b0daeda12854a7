import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { pgliteExtensions, wrapPglite } from '../src/db/client';
import { migrate } from '../src/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    /** a migrated, empty PGlite data directory as a tarball: every test database starts from a copy */
    pgliteTemplate: string;
  }
}

/**
 * Once per test run: create and migrate one embedded database and keep it as a template. Creating a PGlite
 * database runs initdb (several seconds on a busy machine); loading a copy of the template takes a fraction.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vd-template-'));
  const client = await PGlite.create(undefined, { extensions: pgliteExtensions });
  await migrate(wrapPglite(client));
  const tarball = await client.dumpDataDir('none');
  await client.close();
  const file = path.join(dir, 'pglite-template.tar');
  writeFileSync(file, Buffer.from(await tarball.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
