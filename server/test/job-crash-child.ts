/**
 * A server process that dies mid-job, for the job queue's restart tests: it opens the database named on
 * the command line (a PGlite data directory or a postgres:// URL), runs a job worker whose handler
 * reports progress and then hangs, prints "RUNNING <job id>" and waits to be killed with SIGKILL.
 *
 *   node --import tsx server/test/job-crash-child.ts <data-dir | postgres-url> <kind>
 */
import { openPglite, openPostgres } from '../src/db/client';
import { fixedClock } from '../src/lib/clock';
import { JobWorker } from '../src/modules/jobs/jobs.worker';

const [target, kind] = process.argv.slice(2);
if (!target || !kind) {
  console.error('usage: job-crash-child.ts <data-dir | postgres-url> <kind>');
  process.exit(2);
}
const database = target.startsWith('postgres') ? openPostgres(target, 2) : await openPglite(target);
const worker = new JobWorker(
  {
    db: database.db,
    dbKind: database.kind,
    clock: fixedClock('2026-11-23T03:00:00Z'),
    config: {
      sessionSecret: 'x'.repeat(32),
      webDist: '/nonexistent',
      filesDir: '/nonexistent',
      filesMaxBytes: 0,
      filesAllowedTypes: [],
    },
  },
  {
    [kind]: async (ctx) => {
      await ctx.progress(1, 10, 'Bước 1/10');
      console.log(`RUNNING ${ctx.job.id}`);
      await new Promise(() => {}); // never returns: the process is killed here
    },
  },
  { pollMs: 20, heartbeatMs: 100, orphanAllOnStart: false },
);
await worker.start();
console.log('READY');
