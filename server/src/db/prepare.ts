/**
 * Bring the configured database to where the server can serve it: migrated, and on a first start filled
 * with the demo city (analysed by the seed). main.ts runs this in a child process of its own when the
 * embedded database does not exist yet (`needsFreshPglite` in data-dir.ts), and `npm start` while Vite
 * builds: creating a PGlite data directory runs initdb in a second wasm instance, and seeding grows the wasm
 * heap. Little of that memory goes back to the operating system inside one process (PGlite reopened there
 * takes ≈ 150 MB more than in a new process); all of it goes when the child exits, and the server then
 * opens the finished directory as on a restart.
 */
import type { DatabaseConfig } from '../config';
import { openDatabase, type Database } from './client';
import { needsFreshPglite } from './data-dir';
import { migrate } from './migrate';
import { isDatabaseEmpty, seedDemo, type DemoAccount } from './seed/demo';

export interface PrepareOptions {
  /** fill an empty database with the demo city */
  seedDemo: boolean;
  log?: (line: string) => void;
}

/** The demo accounts created, or null when the database already had data (or no demo was asked for). */
export async function prepareDatabase(
  database: Database,
  opts: PrepareOptions,
): Promise<DemoAccount[] | null> {
  const log = opts.log ?? (() => {});
  await migrate(database);
  if (!opts.seedDemo || !(await isDatabaseEmpty(database.db))) return null;
  log('Cơ sở dữ liệu trống: đang tạo dữ liệu mẫu (thành phố Hà Nội)…');
  const { accounts } = await seedDemo(database.db, { log: (m) => log(`  ${m}`) });
  log('Tài khoản mẫu (mật khẩu "vinhdanh" / demo accounts, password "vinhdanh"):');
  for (const a of accounts) log(`  ${a.username.padEnd(10)} ${a.role.padEnd(8)} ${a.unitName}`);
  return accounts;
}

/** The child process's whole work: open the configured database, prepare it, close it. */
export async function prepareConfiguredDatabase(
  config: DatabaseConfig & { seedDemo: boolean },
  log: (line: string) => void,
): Promise<void> {
  if (needsFreshPglite(config)) {
    log(`Đang tạo cơ sở dữ liệu nhúng mới trong ${config.dataDir} (initdb, vài giây)…`);
  }
  const database = await openDatabase(config);
  try {
    await prepareDatabase(database, { seedDemo: config.seedDemo, log });
  } finally {
    await database.close();
  }
}
