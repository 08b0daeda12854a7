/**
 * The import boundaries of eslint.config.js bite: each bad snippet, linted as if it were a file of the
 * layer named, fails with no-restricted-imports; each good one passes.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const BAD: [layer: string, file: string, code: string][] = [
  [
    'domain → Fastify',
    'server/src/domain/eligibility/bad.ts',
    "import Fastify from 'fastify';\nvoid Fastify;",
  ],
  [
    'domain → Drizzle',
    'server/src/domain/eligibility/bad.ts',
    "import { sql } from 'drizzle-orm';\nvoid sql;",
  ],
  [
    'domain → pg driver',
    'server/src/domain/eligibility/bad.ts',
    "import { PGlite } from '@electric-sql/pglite';\nvoid PGlite;",
  ],
  [
    'domain → db schema',
    'server/src/domain/eligibility/bad.ts',
    "import { people } from '../../db/schema';\nvoid people;",
  ],
  [
    'domain → a feature module',
    'server/src/domain/eligibility/bad.ts',
    "import { can } from '../../modules/auth/auth.policy';\nvoid can;",
  ],
  [
    'domain → a plugin',
    'server/src/domain/eligibility/bad.ts',
    "import { requireActor } from '../../plugins/session';\nvoid requireActor;",
  ],
  [
    'service → Drizzle',
    'server/src/modules/people/people.service.ts',
    "import { sql } from 'drizzle-orm';\nvoid sql;",
  ],
  [
    'service → db schema',
    'server/src/modules/people/people.service.ts',
    "import { people } from '../../db/schema';\nvoid people;",
  ],
  [
    "service → another feature's repository",
    'server/src/modules/people/people.service.ts',
    "import { findInScope } from '../org-units/org-units.repository';\nvoid findInScope;",
  ],
  [
    "repository → another feature's repository",
    'server/src/modules/people/people.repository.ts',
    "import { findInScope } from '../org-units/org-units.repository';\nvoid findInScope;",
  ],
  ['plugin → Drizzle', 'server/src/plugins/bad.ts', "import { eq } from 'drizzle-orm';\nvoid eq;"],
  [
    'web → server',
    'web/src/features/people/Bad.tsx',
    "import type { Setting } from '../../../../server/src/domain/eligibility/settings';\nexport type X = Setting;",
  ],
  [
    'contract → server',
    'contract/bad.ts',
    "import type { Deps } from '../server/src/deps';\nexport type X = Deps;",
  ],
];

const GOOD: [layer: string, file: string, code: string][] = [
  [
    'domain → contract',
    'server/src/domain/eligibility/good.ts',
    "import { AWARD_CODES } from '../../../../contract/eligibility';\nvoid AWARD_CODES;",
  ],
  [
    'repository → Drizzle and the schema',
    'server/src/modules/people/people.repository.ts',
    "import { sql } from 'drizzle-orm';\nimport { people } from '../../db/schema';\nvoid sql;\nvoid people;",
  ],
  [
    "service → another feature's service",
    'server/src/modules/people/people.service.ts',
    "import { getUnitInScope } from '../org-units/org-units.service';\nvoid getUnitInScope;",
  ],
  [
    'service → its own repository',
    'server/src/modules/people/people.service.ts',
    "import * as repo from './people.repository';\nvoid repo;",
  ],
  [
    'web → contract',
    'web/src/features/people/Good.tsx',
    "import { RATING_LEVELS } from '../../../../contract/vocabulary';\nvoid RATING_LEVELS;",
  ],
];

describe('import boundaries', () => {
  it.each(BAD)('refuses %s', async (_layer, file, code) => {
    expect(await restrictedImports(file, code)).toHaveLength(1);
  });

  it.each(GOOD)('allows %s', async (_layer, file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
