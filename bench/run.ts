// npm run bench -- eligibility [--people N] [--years N]
// npm run bench -- start [--requests N] [--idle SECONDS] [--command npm|node]
import { parseArgs } from 'node:util';
import { runEligibilityBench } from './eligibility.bench';
import { runStartBench } from './start.bench';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    people: { type: 'string', default: '200000' },
    years: { type: 'string', default: '10' },
    db: { type: 'string', default: 'both' },
    requests: { type: 'string', default: '2000' },
    idle: { type: 'string', default: '10' },
    command: { type: 'string', default: 'npm' },
  },
});
const which = positionals[0] ?? 'eligibility';
if (which === 'start') {
  await runStartBench({
    requests: Number(values.requests),
    idleSeconds: Number(values.idle),
    command: values.command === 'node' ? 'node' : 'npm',
  });
  process.exit(0);
}
if (which !== 'eligibility') {
  console.error(`Unknown benchmark "${which}". Available: eligibility, start`);
  process.exit(2);
}
await runEligibilityBench({
  people: Number(values.people),
  years: Number(values.years),
  postgresUrl:
    values.db === 'pglite' ? undefined : (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL),
  pglite: values.db !== 'postgres',
});
