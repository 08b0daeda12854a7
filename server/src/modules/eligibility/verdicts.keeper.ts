import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Deps } from '../../deps';
import { drainQueue, rebuildStore, storeStatus } from './verdicts.service';

interface Log {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * Keeps the stored verdicts current in the background: every few seconds it judges the people others
 * queued (an import, a seed), and it recomputes everything when the store is not today's (the first
 * start, the nightly check after midnight in Vietnam) or no longer matches the settings or rule sets.
 * Started by the process owner (main.ts), like the job worker; several processes share the work through
 * the store's lease.
 */
export class VerdictKeeper {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private abort = new AbortController();

  constructor(
    private readonly deps: Pick<Deps, 'db' | 'clock'>,
    private readonly o: { log?: Log; intervalMs?: number } = {},
  ) {}

  start() {
    if (this.timer) return;
    this.abort = new AbortController();
    const loop = () => {
      this.running = this.tick()
        .catch((e: unknown) => {
          if (!this.abort.signal.aborted) this.o.log?.error({ err: e }, 'eligibility keeper: tick failed');
        })
        .finally(() => {
          this.running = undefined;
          if (this.timer) this.timer = setTimeout(loop, this.o.intervalMs ?? 2000);
        });
    };
    this.timer = setTimeout(loop, 0);
  }

  /** One round: rebuild when the store is not today's, else judge what others queued. */
  async tick(): Promise<void> {
    const status = await storeStatus(this.deps);
    if (!status.fresh && !status.rebuilding) {
      const report = await rebuildStore(this.deps, { holder: this.id, signal: this.abort.signal });
      if (report) this.o.log?.info({ report }, 'eligibility keeper: stored verdicts recomputed');
      return;
    }
    await drainQueue(this.deps, { maxBatches: 5, signal: this.abort.signal });
  }

  async stop() {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.abort.abort();
    await this.running;
  }
}
