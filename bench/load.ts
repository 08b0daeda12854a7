/**
 * Open-loop load: requests start on a fixed schedule whatever the server answers (a slow server is not
 * offered less), and each latency counts from the moment its request was due, so queueing shows.
 */
export interface LoadResult {
  offered: number;
  ok: number;
  errors: number;
  /** answered per second over the run */
  served: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summarise(latencies: number[], errors: number, seconds: number): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    offered: latencies.length + errors,
    ok: latencies.length,
    errors,
    served: Math.round((latencies.length / seconds) * 10) / 10,
    p50: Math.round(percentile(sorted, 50)),
    p95: Math.round(percentile(sorted, 95)),
    p99: Math.round(percentile(sorted, 99)),
    max: Math.round(sorted[sorted.length - 1] ?? NaN),
  };
}

/** Offer `rate` requests per second for `seconds`; `send(i)` resolves when the answer is complete (throws on an error). */
export async function openLoop(
  rate: number,
  seconds: number,
  send: (i: number) => Promise<void>,
): Promise<LoadResult> {
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  let i = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (i < total && start + (i * 1000) / rate <= now) {
        const due = start + (i * 1000) / rate;
        inFlight.push(
          send(i).then(
            () => void latencies.push(performance.now() - due),
            () => void errors++,
          ),
        );
        i++;
      }
      if (i < total) setTimeout(tick, 2);
      else resolve();
    };
    tick();
  });
  await Promise.all(inFlight);
  return summarise(latencies, errors, (performance.now() - start) / 1000);
}

/** A GET that must answer 200 (the body read in full). */
export async function get(url: string, headers: Record<string, string> = {}): Promise<void> {
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
}

export const fmtLoad = (r: LoadResult) =>
  `${r.served}/s served of ${r.offered}, p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, max ${r.max} ms${r.errors ? `, ${r.errors} errors` : ''}`;
