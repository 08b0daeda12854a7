import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import { ERROR_MESSAGES } from '../../../../contract/errors';
import type { Deps } from '../../deps';
import { AppError } from '../../lib/errors';
import type { Actor } from '../auth/auth.policy';
import * as repo from './jobs.repository';
import { jobActor } from './jobs.service';

export type { ClaimedJob } from './jobs.repository';

/** What a handler is given: its job, the dependencies, a cancellation signal and a progress reporter. */
export interface JobContext {
  readonly job: repo.ClaimedJob;
  readonly deps: Deps;
  /**
   * Aborted when the job is cancelled, taken back, or the server stops: check it between chunks of
   * work (`ctx.signal.throwIfAborted()`); `progress` throws too once it is aborted.
   */
  readonly signal: AbortSignal;
  /**
   * Report progress (done of total, and a message in Vietnamese). Written at once in its own short
   * statement, so any request sees it; also the heartbeat. Throws when the job must stop.
   */
  progress(done: number, total: number | null, message?: string): Promise<void>;
  /** The user who started the job, as they are now (403 when disabled or gone). */
  actor(): Promise<Actor>;
}

export interface JobOutcome {
  /** a small summary shown with the job (counts and the like) */
  result?: unknown;
  /** the last message to show */
  message?: string;
  /** the file to download */
  file?: { name: string; mime: string; bytes: Buffer };
}

/**
 * Does the work of one kind of job. Long work goes in chunks, reporting progress after each one: on
 * PGlite every query of the server waits for the one before, so a chunk must stay short. An AppError
 * fails the job at once (retrying a refusal does not help); any other error is retried while attempts
 * remain.
 */
export type JobHandler = (ctx: JobContext) => Promise<JobOutcome | void>;
export type JobHandlers = Readonly<Record<string, JobHandler>>;

export interface JobWorkerOptions {
  /** this worker's name in `locked_by` (default: host, process id and a random suffix) */
  id: string;
  /** how often to look for work when the queue was empty */
  pollMs: number;
  /** how often a running job's heartbeat is refreshed (progress reports refresh it too) */
  heartbeatMs: number;
  /** a running job whose heartbeat is older than this belongs to a dead worker and is queued again */
  staleMs: number;
  /** how often to look for such jobs (and for files past `keepOutputsMs`) */
  sweepMs: number;
  /** how long a finished job's file is kept */
  keepOutputsMs: number;
  /** how long `stop()` waits for the running handler to notice before giving its job back anyway */
  stopTimeoutMs: number;
  /**
   * At start, treat every running job as orphaned. Right for the embedded database (one owner process,
   * enforced by the data directory's lock), wrong for PostgreSQL where other servers may be running.
   */
  orphanAllOnStart: boolean;
  /** delay before the next attempt after a failed one (attempt = the attempt that failed, from 1) */
  retryDelayMs: (attempt: number) => number;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}

/** Raised into a handler's signal when the server stops: its job is given back, not failed. */
export class WorkerStopping extends Error {
  constructor() {
    super('the job worker is stopping');
    this.name = 'WorkerStopping';
  }
}

/** Raised into a handler's signal when its job is no longer its own (cancelled, or taken back). */
export class JobLost extends Error {
  constructor(readonly jobId: string) {
    super(`job ${jobId} is no longer held by this worker (cancelled or taken back)`);
    this.name = 'JobLost';
  }
}

const silentLog = { info() {}, warn() {}, error() {} };

interface Running {
  job: repo.ClaimedJob;
  controller: AbortController;
  done: Promise<void>;
}

/**
 * The job worker of one server process: polls the queue, runs one job at a time with the handler of its
 * kind, keeps its heartbeat fresh, records success or failure, and never lets a handler's error escape.
 */
export class JobWorker {
  readonly options: JobWorkerOptions;
  private state: 'idle' | 'started' | 'stopping' | 'stopped' = 'idle';
  private timer: NodeJS.Timeout | undefined;
  private running: Running | undefined;
  private loop: Promise<void> | undefined;
  private lastSweep = 0;
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly deps: Deps,
    private readonly handlers: JobHandlers,
    options: Partial<JobWorkerOptions> = {},
  ) {
    this.options = {
      id: options.id ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
      pollMs: options.pollMs ?? 1000,
      heartbeatMs: options.heartbeatMs ?? 10_000,
      staleMs: options.staleMs ?? 60_000,
      sweepMs: options.sweepMs ?? 15_000,
      keepOutputsMs: options.keepOutputsMs ?? 7 * 24 * 3600_000,
      stopTimeoutMs: options.stopTimeoutMs ?? 15_000,
      orphanAllOnStart: options.orphanAllOnStart ?? deps.dbKind === 'pglite',
      retryDelayMs: options.retryDelayMs ?? ((attempt) => Math.min(60_000, 1000 * 2 ** attempt)),
      log: options.log ?? silentLog,
    };
  }

  get id(): string {
    return this.options.id;
  }

  /** The job being run now, if any. */
  get current(): repo.ClaimedJob | undefined {
    return this.running?.job;
  }

  /** Recover jobs orphaned by a dead process, then start polling. */
  async start(): Promise<void> {
    if (this.state !== 'idle') throw new Error(`job worker: cannot start when ${this.state}`);
    this.state = 'started';
    await this.recover(this.options.orphanAllOnStart);
    if (this.state === 'started') this.schedule(0);
  }

  /** Look for work now rather than at the next poll. */
  wake(): void {
    if (this.state === 'started' && this.timer && !this.running) this.schedule(0);
  }

  /**
   * Stop polling; a running job is asked to stop and given back to the queue (its attempt does not
   * count), so the next start of any server finishes it. Waits at most `stopTimeoutMs` for the handler.
   */
  stop(): Promise<void> {
    this.stopping ??= this.halt();
    return this.stopping;
  }

  private async halt(): Promise<void> {
    const wasStarted = this.state === 'started';
    this.state = 'stopping';
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!wasStarted) {
      this.state = 'stopped';
      return;
    }
    const running = this.running;
    let settled = true;
    if (running) {
      running.controller.abort(new WorkerStopping());
      let timer: NodeJS.Timeout | undefined;
      settled = await Promise.race([
        running.done.then(() => true),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), this.options.stopTimeoutMs);
        }),
      ]);
      clearTimeout(timer);
      if (!settled) {
        this.options.log.warn({ jobId: running.job.id }, 'job handler did not stop in time; job given back');
        await repo.release(this.deps.db, running.job.id, this.id).catch((e: unknown) => {
          this.options.log.error({ err: e, jobId: running.job.id }, 'could not give the job back');
        });
      }
    }
    // the loop ends with its job; a handler that ignores its signal is left behind (its writes no longer count)
    if (settled) await this.loop;
    this.state = 'stopped';
  }

  private schedule(ms: number) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.loop = this.tick();
    }, ms);
  }

  private async recover(all: boolean) {
    try {
      const { requeued, failed } = await repo.recoverOrphans(this.deps.db, {
        staleMs: this.options.staleMs,
        all,
        failedMessage: ERROR_MESSAGES.job_interrupted,
      });
      if (requeued || failed) {
        this.options.log.warn({ requeued, failed }, 'jobs of a stopped worker recovered');
      }
      const expired = await repo.expireOutputs(this.deps.db, this.options.keepOutputsMs);
      if (expired) this.options.log.info({ expired }, 'files of old jobs removed');
    } catch (e) {
      this.options.log.error({ err: e }, 'could not recover orphaned jobs');
    }
    this.lastSweep = Date.now();
  }

  private async tick(): Promise<void> {
    if (this.state !== 'started') return;
    let claimed = false;
    try {
      if (Date.now() - this.lastSweep >= this.options.sweepMs) await this.recover(false);
      if (this.state !== 'started') return;
      const job = await repo.claimNext(this.deps.db, this.id, Object.keys(this.handlers));
      if (job && this.state !== 'started') {
        await repo.release(this.deps.db, job.id, this.id); // stop() came while claiming
      } else if (job) {
        claimed = true;
        await this.run(job);
      }
    } catch (e) {
      this.options.log.error({ err: e }, 'job worker: polling failed');
    }
    // after a job, look again at once: more may be waiting
    if (this.state === 'started') this.schedule(claimed ? 0 : this.options.pollMs);
  }

  private async run(job: repo.ClaimedJob): Promise<void> {
    const handler = this.handlers[job.kind];
    const controller = new AbortController();
    const { signal } = controller;
    let resolveDone!: () => void;
    this.running = { job, controller, done: new Promise<void>((r) => (resolveDone = r)) };
    const db = this.deps.db;
    const lost = () => {
      if (!signal.aborted) controller.abort(new JobLost(job.id));
    };
    const heartbeat = setInterval(() => {
      repo
        .heartbeat(db, job.id, this.id)
        .then((ok) => ok || lost())
        .catch((e: unknown) => this.options.log.warn({ err: e, jobId: job.id }, 'job heartbeat failed'));
    }, this.options.heartbeatMs);
    const ctx: JobContext = {
      job,
      deps: this.deps,
      signal,
      progress: async (done, total, message) => {
        // PGlite answers without real I/O: a chain of awaits on it never lets the event loop take in
        // requests. Each report yields a turn of the loop, so requests get in between chunks.
        await new Promise<void>((resolve) => setImmediate(resolve));
        signal.throwIfAborted();
        const ok = await repo.writeProgress(db, job.id, this.id, {
          done: Math.max(0, Math.floor(done)),
          total: total === null ? null : Math.max(0, Math.floor(total)),
          message: message ?? null,
        });
        if (!ok) lost();
        signal.throwIfAborted();
      },
      actor: () => jobActor(this.deps, job.actorUserId),
    };
    const started = Date.now();
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      const outcome = (await handler(ctx)) ?? {};
      // done is done, even when the server began to stop meanwhile; a cancelled job stays cancelled
      const stored = await repo.markSucceeded(db, job.id, this.id, {
        result: outcome.result,
        message: outcome.message ?? null,
        file: outcome.file,
      });
      this.options.log.info(
        { jobId: job.id, kind: job.kind, ms: Date.now() - started, stored },
        stored ? 'job succeeded' : 'job finished after it was cancelled',
      );
    } catch (e) {
      await this.recordFailure(job, signal, e);
    } finally {
      clearInterval(heartbeat);
      this.running = undefined;
      resolveDone();
    }
  }

  private async recordFailure(job: repo.ClaimedJob, signal: AbortSignal, e: unknown) {
    const db = this.deps.db;
    if (signal.aborted && signal.reason instanceof WorkerStopping) {
      await repo.release(db, job.id, this.id);
      this.options.log.info({ jobId: job.id }, 'job given back: the worker is stopping');
      return;
    }
    if (signal.aborted && signal.reason instanceof JobLost) {
      this.options.log.info({ jobId: job.id }, 'job stopped: cancelled or taken back');
      return;
    }
    if (e instanceof AppError) {
      await repo.markFailed(db, job.id, this.id, { code: e.code, message: e.message });
      this.options.log.warn({ jobId: job.id, code: e.code }, 'job refused');
      return;
    }
    if (job.attempts < job.maxAttempts) {
      const delay = this.options.retryDelayMs(job.attempts);
      await repo.retryLater(db, job.id, this.id, delay, {
        code: 'job_failed',
        message: ERROR_MESSAGES.job_failed,
      });
      this.options.log.warn({ err: e, jobId: job.id, attempt: job.attempts }, 'job failed; will retry');
      return;
    }
    await repo.markFailed(db, job.id, this.id, {
      code: 'job_failed',
      message: `${ERROR_MESSAGES.job_failed} (${job.attempts}/${job.maxAttempts} lần chạy)`,
    });
    this.options.log.error({ err: e, jobId: job.id, attempts: job.attempts }, 'job failed');
  }
}
