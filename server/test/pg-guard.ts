import { expect } from 'vitest';
import type { Database, DbLogger } from '../src/db/client';

/**
 * The guard against connection errors nobody sees: every test database's pool reports here instead of the
 * console, and `server/test/setup.ts` fails the test (or the file) that was running, naming it, when
 * anything was reported or a test database was left open.
 */
export interface PoolProblem {
  test: string;
  message: string;
}

const problems: PoolProblem[] = [];
const open = new Map<Database, string>();

function currentTest(): string {
  let name: string | undefined;
  try {
    name = expect.getState().currentTestName;
  } catch {
    name = undefined;
  }
  return name ?? '(no test running: a hook, or after the tests)';
}

function describeError(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | undefined;
  return `${typeof e?.code === 'string' ? `${e.code} ` : ''}${String(e?.message ?? err)}`;
}

export const testDbLogger: DbLogger = {
  warn: ({ err }, msg) => {
    problems.push({ test: currentTest(), message: `${msg}: ${describeError(err)}` });
  },
};

/** What the pools reported since the last call. */
export function takePoolProblems(): PoolProblem[] {
  return problems.splice(0, problems.length);
}

/** Register a test database until it is closed; its close() becomes idempotent. */
export function trackOpenDatabase(database: Database, label: string): Database {
  let closing: Promise<void> | undefined;
  const tracked: Database = {
    ...database,
    close() {
      open.delete(tracked);
      closing ??= database.close();
      return closing;
    },
  };
  open.set(tracked, `${label}, opened in ${currentTest()}`);
  return tracked;
}

/** Close every test database still open; answers what each was. */
export async function closeLeftoverDatabases(): Promise<string[]> {
  const left = [...open.entries()];
  for (const [database] of left) await database.close();
  return left.map(([, label]) => label);
}
