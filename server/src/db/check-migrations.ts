// Fails when the Drizzle schema and the committed migrations disagree:
// generates into a scratch copy and reports any new file.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../..');
mkdirSync(path.join(root, '.tmp'), { recursive: true });
const scratch = mkdtempSync(path.join(root, '.tmp', 'migrations-'));
try {
  cpSync(path.join(root, 'server/drizzle'), scratch, { recursive: true });
  const config = path.join(scratch, 'drizzle.config.json');
  writeFileSync(
    config,
    JSON.stringify({
      dialect: 'postgresql',
      schema: './server/src/db/schema/index.ts',
      out: `./${path.relative(root, scratch)}`,
    }),
  );
  const before = readdirSync(scratch).length;
  const out = execFileSync(
    path.join(root, 'node_modules/.bin/drizzle-kit'),
    ['generate', '--config', config, '--name', 'drift'],
    { cwd: root, encoding: 'utf8' },
  );
  const after = readdirSync(scratch).length;
  if (after !== before || !out.includes('No schema changes')) {
    console.error('Lược đồ và migration đã commit không khớp. Schema and committed migrations disagree:');
    console.error(out);
    console.error('Run `npm run db:generate` and commit the new migration.');
    process.exit(1);
  }
  console.log('Migrations match the schema.');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
