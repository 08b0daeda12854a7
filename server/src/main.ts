import { ConfigError, loadConfig } from './config';
import { buildApp } from './app';
import { DataDirLockedError, openDatabase, stderrDbLogger, type DbLogger } from './db/client';
import { migrate } from './db/migrate';
import { isDatabaseEmpty, seedDemo } from './db/seed/demo';
import { systemClock } from './lib/clock';

async function main() {
  const started = Date.now();
  const config = loadConfig();
  // Lost PostgreSQL connections are reported on stderr until the app exists, then through its logger.
  let dbLog: DbLogger = stderrDbLogger;
  const database = await openDatabase(config, { logger: { warn: (obj, msg) => dbLog.warn(obj, msg) } });
  await migrate(database);

  if (config.seedDemo && (await isDatabaseEmpty(database.db))) {
    console.log('Cơ sở dữ liệu trống: đang tạo dữ liệu mẫu (thành phố Hà Nội)…');
    const { accounts } = await seedDemo(database.db, { log: (m) => console.log(`  ${m}`) });
    console.log('Tài khoản mẫu (mật khẩu "vinhdanh" / demo accounts, password "vinhdanh"):');
    for (const a of accounts) console.log(`  ${a.username.padEnd(10)} ${a.role.padEnd(8)} ${a.unitName}`);
  }

  const app = await buildApp(
    { db: database.db, dbKind: database.kind, clock: systemClock, config },
    { logger: { level: 'info' }, serveWeb: true },
  );
  dbLog = app.log;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: đang dừng…`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  // Background jobs run in this process; app.close() stops the worker and gives its job back.
  await app.jobWorker.start();
  app.verdictKeeper.start();
  const where = database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL';
  console.log(
    `Vinh Danh đang chạy tại http://localhost:${config.port} (${where}), khởi động ${Date.now() - started} ms`,
  );
}

main().catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof DataDirLockedError) {
    console.error(e.message);
  } else {
    console.error(e);
  }
  process.exit(1);
});
