import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config';
import type { DbLogger } from './db/client';
import { DataDirLockedError, needsFreshPglite } from './db/data-dir';

/**
 * The process entry. Only light modules are imported here: the application (Fastify, the drivers, the
 * features) is loaded with `import()` once it is needed, so a child that only prepares the database does
 * not load it, and the server loads it while that child works (the compiled server is split at these
 * imports: scripts/build.mjs).
 */

/** Run as `main.js --prepare-database`: only prepare the database (migrate, seed, analyse), then exit. */
const PREPARE_FLAG = '--prepare-database';

class PreparationFailed extends Error {}

/**
 * Prepare a database that does not exist yet in a child process running this same entry point (with the
 * same Node.js options, so also under tsx), and wait for it: the memory initdb and the seed take is given
 * back when the child exits (db/prepare.ts).
 */
function prepareInChildProcess(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), PREPARE_FLAG],
      {
        stdio: 'inherit',
      },
    );
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      if (code === 0) resolve();
      else
        reject(
          new PreparationFailed(
            `Chuẩn bị cơ sở dữ liệu không thành công (${signal ?? `mã ${code}`}). ` +
              'Preparing the database failed; see the lines above.',
          ),
        );
    });
  });
}

async function prepareOnly() {
  const { prepareConfiguredDatabase } = await import('./db/prepare');
  await prepareConfiguredDatabase(loadConfig(), (line) => console.log(line));
}

async function main() {
  const started = Date.now();
  const config = loadConfig();
  const preparing = needsFreshPglite(config) ? prepareInChildProcess() : Promise.resolve();
  preparing.catch(() => {}); // awaited below, after the imports; not an unhandled rejection meanwhile
  const [{ buildApp }, { openDatabase, stderrDbLogger }, { prepareDatabase }, { systemClock }] =
    await Promise.all([
      import('./app'),
      import('./db/client'),
      import('./db/prepare'),
      import('./lib/clock'),
    ]);
  await preparing;
  // Lost PostgreSQL connections are reported on stderr until the app exists, then through its logger.
  let dbLog: DbLogger = stderrDbLogger;
  const database = await openDatabase(config, { logger: { warn: (obj, msg) => dbLog.warn(obj, msg) } });
  // Nothing to do after the child's work; on a restart, new migrations (and a demo never finished).
  await prepareDatabase(database, { seedDemo: config.seedDemo, log: (line) => console.log(line) });

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

(process.argv.includes(PREPARE_FLAG) ? prepareOnly() : main()).catch((e: unknown) => {
  if (e instanceof ConfigError || e instanceof DataDirLockedError || e instanceof PreparationFailed) {
    console.error(e.message);
  } else {
    console.error(e);
  }
  process.exit(1);
});
