/**
 * `npm run bench -- start`: the real `npm start` from an empty data directory to serving, and what the
 * server holds in memory idle and after a working session.
 *
 *   1. spawns `npm start` (or `--command node`: `node dist/server/main.js`, the compiled server alone) with
 *      its own DATA_DIR (empty) and PORT, so initdb, migrations, the demo seed and ANALYZE all run;
 *   2. times the first 200 on /api/health and on /;
 *   3. waits `--idle` seconds and reads the resident memory (VmRSS) of every process of the tree;
 *   4. sends `--requests` requests, 4 at a time, a mix of what a working session does: logins, people
 *      lists (with and without a search), a person's page (the person and their eligibility), and the web
 *      application's static files (compressed, as a browser asks for them); then reads the memory again.
 *
 * Linux only (/proc). The machine's load is printed with the figures: they mean little without it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, readdirSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir, cpus } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export interface StartBenchOptions {
  requests: number;
  /** seconds to wait once serving before the idle reading */
  idleSeconds: number;
  /** 'npm': `npm start` (build what changed, then the compiled server); 'node': `node dist/server/main.js` */
  command: 'npm' | 'node';
  concurrency?: number;
}

interface ProcessMemory {
  pid: number;
  rssMb: number;
  command: string;
}

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The process and all its descendants, with their resident memory. */
function processTree(pid: number): ProcessMemory[] {
  const out: ProcessMemory[] = [];
  const visit = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const command = readFileSync(`/proc/${p}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
      out.push({ pid: p, rssMb: rssKb / 1024, command: command.slice(0, 80) });
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        for (const c of children ? children.split(/\s+/) : []) visit(Number(c));
      }
    } catch {
      // the process ended meanwhile
    }
  };
  visit(pid);
  return out;
}

/**
 * CPU seconds spent by the tree so far: each live process's own time and that of its children that have
 * ended (initdb's child, Vite): a figure the other work on a shared machine changes far less than the clock.
 */
function cpuSeconds(pid: number): number {
  let ticks = 0;
  const visit = (p: number) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      // fields after the command name "(…)": state is field 3; utime, stime, cutime, cstime are 14–17
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += fields.slice(11, 15).reduce((sum, f) => sum + Number(f), 0);
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        for (const c of children ? children.split(/\s+/) : []) visit(Number(c));
      }
    } catch {
      // the process ended meanwhile
    }
  };
  visit(pid);
  return ticks / 100; // USER_HZ is 100 on Linux
}

/** The server is the tree's largest process (npm and the shell above it are small). */
function serverMemory(pid: number) {
  const tree = processTree(pid);
  const server = tree.reduce((a, b) => (b.rssMb > a.rssMb ? b : a), tree[0]!);
  return { serverMb: server.rssMb, treeMb: tree.reduce((s, p) => s + p.rssMb, 0), tree };
}

async function firstOk(url: string, child: ChildProcess, started: number, output: () => string) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return (performance.now() - started) / 1000;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 600_000) throw new Error(`no 200 from ${url} in 10 minutes`);
    await delay(100);
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0
    ? 0
    : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

type Kind = 'login' | 'people' | 'search' | 'person' | 'eligibility' | 'static';
/** Out of 20 requests: what a working session does. */
const MIX: Kind[] = [
  'login',
  'people',
  'people',
  'search',
  'search',
  'search',
  'person',
  'person',
  'person',
  'eligibility',
  'eligibility',
  'eligibility',
  'static',
  'static',
  'static',
  'static',
  'static',
  'static',
  'static',
  'static',
];
const SEARCHES = ['nguyen', 'Trần Thị', 'duc', 'hoang minh', 'le van', 'phạm', 'lan anh', 'thu'];
const ACCOUNTS = ['admin', 'canbo', 'canbo_bv', 'bantdkt'];

async function workload(baseUrl: string, total: number, concurrency: number) {
  const login = async (username: string) => {
    const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'vinhdanh' }),
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
    return /vd_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
  };
  const cookie = await login('admin');
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${baseUrl}${url}`, { headers: { cookie, ...headers } });
    const body = await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
    return body;
  };
  const people = JSON.parse(new TextDecoder().decode(await get('/api/v1/people?limit=200'))) as {
    items: { id: string }[];
  };
  const ids = people.items.map((p) => p.id);
  const html = new TextDecoder().decode(await get('/'));
  const assets = [
    '/',
    '/favicon.svg',
    ...[...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!),
  ];

  const times = new Map<Kind, number[]>();
  let next = 0;
  const one = async (i: number) => {
    const kind = MIX[i % MIX.length]!;
    const t0 = performance.now();
    switch (kind) {
      case 'login':
        await login(ACCOUNTS[i % ACCOUNTS.length]!);
        break;
      case 'people':
        await get(`/api/v1/people?limit=20&offset=${(i * 20) % 2000}`);
        break;
      case 'search':
        await get(`/api/v1/people?q=${encodeURIComponent(SEARCHES[i % SEARCHES.length]!)}&limit=20`);
        break;
      case 'person':
        await get(`/api/v1/people/${ids[i % ids.length]}`);
        break;
      case 'eligibility':
        await get(`/api/v1/people/${ids[i % ids.length]}/eligibility`);
        break;
      case 'static':
        await get(assets[i % assets.length]!, { 'accept-encoding': 'br, gzip' });
        break;
    }
    const list = times.get(kind) ?? [];
    list.push(performance.now() - t0);
    times.set(kind, list);
  };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) await one(i);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const latency = [...times].map(([kind, list]) => {
    const sorted = [...list].sort((a, b) => a - b);
    return { kind, n: list.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
  });
  return { seconds, latency };
}

export interface FirstTextResult {
  /** ms from navigation start to the first contentful paint */
  fcp: number;
  /** ms from navigation start until the login form's label is on screen */
  loginForm: number;
  /** bytes of scripts and styles as sent (compressed) and as run */
  transferredKb: number;
  decodedKb: number;
  files: number;
}

/**
 * Open `/` in the system Chromium as a new visitor (sent on to the login page) and time the first paint and
 * the login form; then once more with the browser's cache, as on a second visit.
 */
export async function measureFirstText(baseUrl: string, runs = 3) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  const once = async (page: import('playwright-core').Page): Promise<FirstTextResult> => {
    await page.goto(`${baseUrl}/`);
    await page.waitForFunction(() => document.body.innerText.includes('Tên đăng nhập'), undefined, {
      polling: 'raf',
      timeout: 60_000,
    });
    const loginForm = await page.evaluate(() => performance.now());
    // the paint entry is recorded a frame after the text is in the page
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    return page.evaluate((loginForm) => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]!.startTime;
      const resources = performance
        .getEntriesByType('resource')
        .filter((r) => /\.(js|css)$/.test(new URL(r.name).pathname)) as PerformanceResourceTiming[];
      return {
        fcp,
        loginForm,
        transferredKb: resources.reduce((s, r) => s + r.transferSize, 0) / 1024,
        decodedKb: resources.reduce((s, r) => s + r.decodedBodySize, 0) / 1024,
        files: resources.length,
      };
    }, loginForm);
  };
  const median = (xs: FirstTextResult[], key: keyof FirstTextResult) =>
    [...xs.map((x) => x[key])].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const summarise = (xs: FirstTextResult[]): FirstTextResult => ({
    fcp: median(xs, 'fcp'),
    loginForm: median(xs, 'loginForm'),
    transferredKb: median(xs, 'transferredKb'),
    decodedKb: median(xs, 'decodedKb'),
    files: median(xs, 'files'),
  });
  try {
    const cold: FirstTextResult[] = [];
    const warm: FirstTextResult[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      cold.push(await once(page));
      warm.push(await once(page));
      await context.close();
    }
    return { firstVisit: summarise(cold), secondVisit: summarise(warm) };
  } finally {
    await browser.close();
  }
}

export async function runStartBench(options: StartBenchOptions) {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'vinhdanh-bench-start-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  if (options.command === 'node' && !existsSync(path.join(root, 'dist', 'server', 'main.js'))) {
    throw new Error('dist/server/main.js is missing: run `npm run build` first, or use --command npm');
  }
  const [cmd, args] =
    options.command === 'npm' ? ['npm', ['start']] : [process.execPath, ['dist/server/main.js']];
  const load = loadavg().map((l) => l.toFixed(2));
  console.log(`Machine: ${cpus().length} cores, load average ${load.join(' ')} (1, 5, 15 min)`);
  console.log(`Starting \`${[cmd, ...args].join(' ')}\` on port ${port}, DATA_DIR ${dataDir} (empty)…`);

  const started = performance.now();
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  let peakMb = 0;
  const sampler = setInterval(() => {
    if (child.pid) peakMb = Math.max(peakMb, serverMemory(child.pid).serverMb);
  }, 250);
  try {
    const health = await firstOk(`${baseUrl}/api/health`, child, started, () => log);
    const web = await firstOk(`${baseUrl}/`, child, started, () => log);
    const cpu = cpuSeconds(child.pid!);
    const built = [...log.matchAll(/Đã dựng (\w+)/g)].map((m) => m[1]);
    const startPeakMb = peakMb;
    await delay(options.idleSeconds * 1000);
    const idle = serverMemory(child.pid!);
    const browser = existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')
      ? await measureFirstText(baseUrl)
      : null;
    const work = await workload(baseUrl, options.requests, options.concurrency ?? 4);
    await delay(2000);
    const after = serverMemory(child.pid!);

    console.log(`\nBuilt before starting: ${built.length > 0 ? built.join(', ') : 'nothing (up to date)'}`);
    console.log(
      `First 200 on /api/health: ${health.toFixed(1)} s; on /: ${web.toFixed(1)} s; CPU until then: ${cpu.toFixed(1)} s`,
    );
    console.log(`Peak RSS while starting (server process): ${startPeakMb.toFixed(0)} MB`);
    console.log(`Idle after ${options.idleSeconds} s:`);
    for (const p of idle.tree) console.log(`  ${p.rssMb.toFixed(0).padStart(5)} MB  ${p.command}`);
    if (browser) {
      for (const [visit, r] of Object.entries(browser)) {
        console.log(
          `${visit}: first paint ${r.fcp.toFixed(0)} ms, login form ${r.loginForm.toFixed(0)} ms; ` +
            `${r.files} scripts and styles, ${r.transferredKb.toFixed(0)} kB sent (${r.decodedKb.toFixed(0)} kB run)`,
        );
      }
    } else console.log('No Chromium: the browser figures are left out (CHROMIUM_PATH).');
    console.log(
      `${options.requests} requests in ${work.seconds.toFixed(1)} s ` +
        `(${(options.requests / work.seconds).toFixed(0)}/s, ${options.concurrency ?? 4} at a time):`,
    );
    for (const l of work.latency)
      console.log(
        `  ${l.kind.padEnd(12)} ${String(l.n).padStart(5)}  p50 ${l.p50.toFixed(1)} ms  p95 ${l.p95.toFixed(1)} ms`,
      );
    console.log(`After the requests: server ${after.serverMb.toFixed(0)} MB (peak ${peakMb.toFixed(0)} MB)`);
    console.log(
      `\n| load (1 min) | health | / | CPU to serving | RSS idle | RSS after ${options.requests} req | peak |\n` +
        `|---|---|---|---|---|---|---|\n` +
        `| ${load[0]} | ${health.toFixed(1)} s | ${web.toFixed(1)} s | ${cpu.toFixed(1)} s | ${idle.serverMb.toFixed(0)} MB | ` +
        `${after.serverMb.toFixed(0)} MB | ${peakMb.toFixed(0)} MB |`,
    );
    return { health, web, cpu, idleMb: idle.serverMb, afterMb: after.serverMb, peakMb };
  } finally {
    clearInterval(sampler);
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      await Promise.race([exited, delay(15_000)]);
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}
