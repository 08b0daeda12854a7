/**
 * Starts one seeded server for all journeys and hands its address to the tests (inject('baseUrl')).
 * With E2E_BASE_URL set, the journeys use that already running server instead (it must serve the
 * built web application and have the demo data).
 */
import type { TestProject } from 'vitest/node';
import { startServer } from './server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.E2E_BASE_URL;
  if (external) {
    project.provide('baseUrl', external.replace(/\/$/, ''));
    return;
  }
  const server = await startServer({ timeoutMs: 120_000 });
  console.log(`e2e: server ready at ${server.baseUrl} (data in ${server.dataDir})`);
  project.provide('baseUrl', server.baseUrl);
  return async () => {
    await server.stop();
  };
}
