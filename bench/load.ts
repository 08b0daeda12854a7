/**
 * Open-loop load from a process of its own (so its timers never wait behind the server's event loop and its
 * CPU is not counted as the server's), shared by the benchmarks that offer a fixed rate.
 */
import { fork } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LoadResult {
  /** CPU per request: this process (the server) and its PostgreSQL backends, in ms */
  nodeMs?: number;
  dbMs?: number;
  sent: number;
  ok: number;
  failed: number;
  p50: number;
  p95: number;
  p99: number;
  /** successful answers per second, from the first scheduled request to the last answer */
  served: number;
}

/**
 * The load generator, in a process of its own so that its timers never wait behind the server's event
 * loop and its CPU is not counted as the server's. Open loop: request i is due at start + i / rate and is
 * sent then, whatever earlier requests are doing; its latency counts from when it was due (a late send is
 * the server's fault too).
 */
const LOAD_SCRIPT = `
const http = require('node:http');
const { url, headers, rate, seconds } = JSON.parse(process.argv[2]);
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const total = Math.round(rate * seconds);
const latencies = [];
let ok = 0, failed = 0, done = 0, sent = 0, lastEnd = 0;
const start = performance.now() + 20;
function fire(due) {
  sent++;
  const req = http.get(url, { agent, headers, timeout: 30000 }, (res) => {
    res.resume();
    res.on('end', () => {
      const end = performance.now();
      if (res.statusCode === 200) { ok++; latencies.push(end - due); } else failed++;
      lastEnd = Math.max(lastEnd, end);
      finish();
    });
  });
  req.on('timeout', () => req.destroy(new Error('timeout')));
  req.on('error', () => { failed++; lastEnd = Math.max(lastEnd, performance.now()); finish(); });
}
function finish() {
  if (++done < total) return;
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] : NaN;
  agent.destroy();
  process.send({ sent, ok, failed, p50: at(0.5), p95: at(0.95), p99: at(0.99),
    served: ok / ((lastEnd - start) / 1000) }, () => process.exit(0));
}
function tick() {
  const now = performance.now();
  while (sent < total && start + (sent * 1000) / rate <= now) fire(start + (sent * 1000) / rate);
  if (sent < total) setTimeout(tick, 1);
}
setTimeout(tick, 20);
`;

let loadScript: string | undefined;

export function offerLoad(url: string, headers: Record<string, string>, rate: number, seconds: number) {
  // written again when missing: something may clean the temporary folder during a long run
  if (!loadScript || !existsSync(loadScript)) {
    loadScript = path.join(os.tmpdir(), `vd-bench-load-${process.pid}.cjs`);
    writeFileSync(loadScript, LOAD_SCRIPT);
  }
  const child = fork(loadScript, [JSON.stringify({ url, headers, rate, seconds })], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise<LoadResult>((resolve, reject) => {
    child.once('message', (m) => resolve(m as LoadResult));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited with ${code}`)));
  });
}

export const fmtLoad = (r: LoadResult) =>
  `${r.served.toFixed(1)}/s served of ${r.sent}, p50 ${Math.round(r.p50)} ms, p95 ${Math.round(r.p95)} ms, p99 ${Math.round(r.p99)} ms${r.failed ? `, ${r.failed} failed` : ''}`;

/** Remove the generator's script from the temporary folder (at the end of a run). */
export function removeLoadScript() {
  if (loadScript) rmSync(loadScript, { force: true });
  loadScript = undefined;
}

/** A GET that must answer 200. */
export async function get(url: string, headers: Record<string, string> = {}): Promise<void> {
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
}
