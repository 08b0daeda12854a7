// npm run bench -- eligibility [--people N] [--years N]
import { parseArgs } from 'node:util';
import { runEligibilityBench } from './eligibility.bench';
import { runEligibleNowBench } from './eligible-now.bench';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    people: { type: 'string', default: '200000' },
    years: { type: 'string', default: '10' },
    db: { type: 'string', default: 'both' },
    seconds: { type: 'string', default: '5' },
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
if (which !== 'eligibility') {
  console.error(`Unknown benchmark "${which}". Available: eligibility, eligible-now`);
  process.exit(2);
}
await runEligibilityBench({
  people: Number(values.people),
  years: Number(values.years),
  postgresUrl:
    values.db === 'pglite' ? undefined : (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL),
  pglite: values.db !== 'postgres',
});
