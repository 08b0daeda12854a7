/**
 * `vinhdanh seed [--people N] [--years Y]`: fill the configured database (PostgreSQL by `DATABASE_URL`, else the
 * embedded one in `DATA_DIR`, created when missing) with the demo city scaled to N people, the demo accounts
 * included: migrations first, then the seed in one transaction with its progress on stdout, then ANALYZE.
 * A database that already holds data is refused (exit 1) and left untouched; bad arguments exit 2.
 */
import { parseArgs } from 'node:util';
import type { DatabaseConfig } from '../../config';
import { openDatabase } from '../client';
import { migrate } from '../migrate';
import { DEFAULT_DEMO_PEOPLE, DEFAULT_DEMO_YEARS, DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from './demo';

export interface SeedCliIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

export const SEED_USAGE = `  seed [--people N] [--years Y]     tạo thành phố mẫu N cán bộ (mặc định ${DEFAULT_DEMO_PEOPLE}), Y năm hồ sơ (mặc định ${DEFAULT_DEMO_YEARS}) trong cơ sở dữ liệu trống`;

/** The most people the generator is asked for (the city is measured at 200,000). */
export const MAX_SEED_PEOPLE = 1_000_000;

/** Where the data goes, for the messages (never the password of a URL). */
function describeDatabase(config: DatabaseConfig): string {
  if (!config.databaseUrl) return `PGlite trong ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL ${url.host}${url.pathname}`;
}

function positiveInteger(raw: string | undefined, max: number): number | null {
  if (raw === undefined || !/^\d+$/.test(raw.trim())) return null;
  const n = Number(raw);
  return n >= 1 && n <= max ? n : null;
}

export async function runSeedCommand(args: string[], io: SeedCliIo, config: DatabaseConfig): Promise<number> {
  let values: { people?: string; years?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: { people: { type: 'string' }, years: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n${SEED_USAGE}\n`);
    return 2;
  }
  const people =
    values.people === undefined ? DEFAULT_DEMO_PEOPLE : positiveInteger(values.people, MAX_SEED_PEOPLE);
  const years = values.years === undefined ? DEFAULT_DEMO_YEARS : positiveInteger(values.years, 50);
  if (people === null || years === null) {
    io.stderr(
      `--people phải là số nguyên từ 1 đến ${MAX_SEED_PEOPLE.toLocaleString('vi-VN')}, --years từ 1 đến 50 ` +
        `(--people must be a whole number 1–${MAX_SEED_PEOPLE}, --years 1–50).\n${SEED_USAGE}\n`,
    );
    return 2;
  }

  const where = describeDatabase(config);
  io.stdout(`Cơ sở dữ liệu: ${where}.\n`);
  const database = await openDatabase(config);
  try {
    await migrate(database);
    if (!(await isDatabaseEmpty(database.db))) {
      io.stderr(
        `Cơ sở dữ liệu ${where} đã có dữ liệu: lệnh seed chỉ tạo thành phố mẫu trong cơ sở dữ liệu trống và ` +
          'không thay đổi gì. Hãy dùng một DATA_DIR mới hoặc một cơ sở dữ liệu PostgreSQL trống.\n' +
          'The database already holds data; nothing was changed. Use a new DATA_DIR or an empty PostgreSQL database.\n',
      );
      return 1;
    }
    io.stdout(`Đang tạo thành phố mẫu: ${people.toLocaleString('vi-VN')} cán bộ, ${years} năm hồ sơ…\n`);
    const { accounts } = await seedDemo(database.db, { people, years, log: (m) => io.stdout(`  ${m}\n`) });
    io.stdout(`Tài khoản mẫu (mật khẩu "${DEMO_PASSWORD}" / demo accounts, password "${DEMO_PASSWORD}"):\n`);
    for (const a of accounts) io.stdout(`  ${a.username.padEnd(10)} ${a.role.padEnd(8)} ${a.unitName}\n`);
    return 0;
  } finally {
    await database.close();
  }
}
