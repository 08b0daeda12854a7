// npm run bench -- eligibility [--people N] [--years N]
// npm run bench -- eligible-now [--people N] [--years N] [--seconds S]
// npm run bench -- search [--people N] [--years N] [--rate R] [--seconds S] [--cap N] [--keep] [--database NAME]
// npm run bench -- start [--requests N] [--idle SECONDS] [--command npm|node]
// npm run bench -- import [--people N] [--years N] [--repeat N]   (PostgreSQL; 50,000 people by default)
import { parseArgs } from 'node:util';
import { PEOPLE_COUNT_CAP } from '../server/src/modules/people/people.service';
import { runEligibilityBench } from './eligibility.bench';
import { runEligibleNowBench } from './eligible-now.bench';
import { runImportBench } from './import.bench';
import { runSearchBench } from './search.bench';
import { runStartBench } from './start.bench';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    people: { type: 'string', default: '200000' },
    years: { type: 'string', default: '10' },
    db: { type: 'string', default: 'both' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '5' },
    cap: { type: 'string', default: String(PEOPLE_COUNT_CAP) },
    keep: { type: 'boolean', default: false },
    database: { type: 'string' },
    requests: { type: 'string', default: '2000' },
    idle: { type: 'string', default: '10' },
    command: { type: 'string', default: 'npm' },
    repeat: { type: 'string', default: '3' },
  },
});
const which = positionals[0] ?? 'eligibility';
const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (which === 'eligible-now') {
  await runEligibleNowBench({
    people: Number(values.people),
    years: Number(values.years),
    postgresUrl,
    seconds: Number(values.seconds),
  });
  process.exit(0);
}
if (which === 'search') {
  if (!postgresUrl) {
    console.error('The search benchmark needs PostgreSQL: set BENCH_DATABASE_URL (or TEST_DATABASE_URL).');
    process.exit(2);
  }
  await runSearchBench({
    postgresUrl,
    people: Number(values.people),
    years: Number(values.years),
    rate: Number(values.rate),
    seconds: Number(values.seconds),
    cap: Number(values.cap),
    keep: values.keep,
    database: values.database,
  });
  process.exit(0);
}
if (which === 'start') {
  await runStartBench({
    requests: Number(values.requests),
    idleSeconds: Number(values.idle),
    command: values.command === 'node' ? 'node' : 'npm',
  });
  process.exit(0);
}
if (which === 'import') {
  if (!postgresUrl) {
    console.error('The import benchmark needs PostgreSQL: set BENCH_DATABASE_URL (or TEST_DATABASE_URL).');
    process.exit(2);
  }
  const given = (flag: string) => process.argv.some((a) => a === `--${flag}` || a.startsWith(`--${flag}=`));
  await runImportBench({
    postgresUrl,
    // 50,000 people and 3 years of records unless told: the import's figure is about its own rows
    people: given('people') ? Number(values.people) : 50_000,
    years: given('years') ? Number(values.years) : 3,
    repeat: Number(values.repeat),
  });
  process.exit(0);
}
if (which !== 'eligibility') {
  console.error(`Unknown benchmark "${which}". Available: eligibility, eligible-now, search, start, import`);
  process.exit(2);
}
await runEligibilityBench({
  people: Number(values.people),
  years: Number(values.years),
  postgresUrl: values.db === 'pglite' ? undefined : postgresUrl,
  pglite: values.db !== 'postgres',
});
