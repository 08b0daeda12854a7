import { afterAll, afterEach } from 'vitest';
import { closeLeftoverDatabases, takePoolProblems, type PoolProblem } from './pg-guard';

// Loaded before every test file (vitest `setupFiles`). A connection error of a test database's pool
// (e.g. 57P01 when a database is dropped under a live connection) never crashes the run late and
// anonymously: it fails the test that was running, by name.

function report(problems: PoolProblem[]): string {
  return problems.map((p) => `  in "${p.test}": ${p.message}`).join('\n');
}

afterEach(() => {
  const problems = takePoolProblems();
  if (problems.length) throw new Error(`PostgreSQL connection errors during the test:\n${report(problems)}`);
});

// Runs after the test file's own afterAll hooks (hooks run as a stack).
afterAll(async () => {
  const left = await closeLeftoverDatabases();
  const problems = takePoolProblems();
  const lines: string[] = [];
  if (left.length) lines.push(`test databases left open (close them in afterAll):\n  ${left.join('\n  ')}`);
  if (problems.length) lines.push(`PostgreSQL connection errors:\n${report(problems)}`);
  if (lines.length) throw new Error(lines.join('\n'));
});
