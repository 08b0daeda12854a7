// The `vinhdanh` command line: npm run --silent vinhdanh -- <command> ...
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { ConfigError, loadConfig, loadDatabaseConfig } from './config';
import { withCliDatabase } from './db/cli-database';
import { DataDirLockedError, openDatabase } from './db/client';
import { migrate } from './db/migrate';
import { runSeedCommand, SEED_USAGE } from './db/seed/seed.cli';
import { runEligibilityCheck } from './domain/eligibility/cli';
import { systemClock } from './lib/clock';
import { AppError } from './lib/errors';
import { recordChainCheck, verifyAuditChain } from './modules/audit/audit.service';
import { calendarYearsForCli, runCalendarCount } from './modules/calendar/calendar.cli';
import { storedSettingOverrides } from './modules/eligibility/eligibility.service';
import { createUserFromCommandLine } from './modules/users/users.service';

const USAGE = `Cách dùng / usage: npm run --silent vinhdanh -- <lệnh>
  eligibility check FILE           kiểm tra điều kiện khen thưởng (JSON vào, JSON ra)
  calendar count FILE              tính ngày làm việc theo lịch của máy chủ (JSON vào, JSON ra)
  user create --admin [--username admin] [--full-name "..."] [--password ...]
                                   tạo tài khoản quản trị (mật khẩu hỏi khi không truyền)
  audit verify                     kiểm tra chuỗi băm của nhật ký (exit 1 khi bị sửa)
${SEED_USAGE}`;

const io = { stdout: (s: string) => process.stdout.write(s), stderr: (s: string) => process.stderr.write(s) };

async function withDatabase<T>(fn: (d: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const database = await openDatabase(loadConfig());
  try {
    await migrate(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY)
    throw new Error('Cần --password khi không có bàn phím (non-interactive: pass --password).');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const pw = await rl.question('Mật khẩu mới / new password: ');
  rl.close();
  return pw;
}

export async function runCli(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group === 'eligibility' && command === 'check') {
    const file = rest[0];
    if (!file) {
      io.stderr(`Thiếu tên tệp / missing FILE\n${USAGE}\n`);
      return 2;
    }
    // Judge with the settings the server judges with; without its database, say so and use the defaults.
    const settings = await withCliDatabase(
      loadDatabaseConfig(),
      async (db) => (db ? storedSettingOverrides(db) : undefined),
      { warn: (line) => io.stderr(`${line}\n`) },
    );
    return runEligibilityCheck(file, io, { engine: { settings } });
  }
  if (group === 'calendar' && command === 'count') {
    const file = rest[0];
    if (!file) {
      io.stderr(`Thiếu tên tệp / missing FILE\n${USAGE}\n`);
      return 2;
    }
    return runCalendarCount(file, io, () =>
      withCliDatabase(loadDatabaseConfig(), (db) => calendarYearsForCli(db, io), {
        warn: (line) => io.stderr(`${line}\n`),
      }),
    );
  }
  if (group === 'audit' && command === 'verify') {
    return withDatabase(async ({ db }) => {
      const startedAt = systemClock.now();
      const result = await verifyAuditChain(db);
      // kept like a verification from the web: the log's page shows the last one
      await recordChainCheck(db, result, {
        jobId: null,
        startedBy: 'cli',
        startedAt,
        finishedAt: systemClock.now(),
      });
      if (result.ok) {
        io.stdout(
          `Nhật ký nguyên vẹn: đã kiểm ${result.checked} bản ghi. Audit chain intact (${result.checked} entries).\n`,
        );
        return 0;
      }
      io.stderr(`Nhật ký đã bị can thiệp! Audit chain broken (${result.problemCount} problem(s)):\n`);
      for (const p of result.problems) io.stderr(`  seq ${p.seq}: ${p.problem}\n`);
      return 1;
    });
  }
  if (group === 'seed') {
    return runSeedCommand(argv.slice(1), io, loadDatabaseConfig());
  }
  if (group === 'user' && command === 'create') {
    const { values } = parseArgs({
      args: rest,
      options: {
        admin: { type: 'boolean', default: false },
        username: { type: 'string' },
        'full-name': { type: 'string' },
        password: { type: 'string' },
        role: { type: 'string', multiple: true },
        unit: { type: 'string' },
        'city-name': { type: 'string' },
      },
      strict: true,
    });
    const roles = values.admin ? ['admin'] : (values.role ?? []);
    if (roles.length === 0) {
      io.stderr(`Cần --admin hoặc --role / need --admin or --role\n${USAGE}\n`);
      return 2;
    }
    const password = values.password ?? (await readPassword());
    return withDatabase(async ({ db }) => {
      const user = await createUserFromCommandLine(
        { db, clock: systemClock },
        {
          username: values.username ?? 'admin',
          fullName: values['full-name'] ?? 'Quản trị hệ thống',
          password,
          roles,
          unitCode: values.unit,
          cityName: values['city-name'],
        },
      );
      io.stdout(`Đã tạo tài khoản "${user.username}" (${user.roles.join(', ')}) tại ${user.unitName}.\n`);
      return 0;
    });
  }
  io.stderr(`${USAGE}\n`);
  return 2;
}

runCli(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    if (e instanceof ConfigError || e instanceof DataDirLockedError) io.stderr(`${e.message}\n`);
    else if (e instanceof AppError)
      io.stderr(
        `${e.code}: ${e.message}\n${(e.details ?? []).map((d) => `  ${d.path}: ${d.message}\n`).join('')}`,
      );
    else io.stderr(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(e instanceof AppError ? 2 : 1);
  });
