import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../lib/api';
import { isUnfinished, jobsApi, type Job, type JobKind } from './jobs-api';

const POLL_MS = 1000;
/** A finished job stays on the page that started it for this long (or until closed). */
const SHOW_FINISHED_MS = 24 * 3600_000;
const DISMISSED_KEY = 'vinhdanh.jobs.dismissed';

function dismissed(): string[] {
  try {
    return JSON.parse(window.sessionStorage.getItem(DISMISSED_KEY) ?? '[]') as string[];
  } catch {
    return [];
  }
}

function dismiss(id: string) {
  try {
    window.sessionStorage.setItem(DISMISSED_KEY, JSON.stringify([...dismissed(), id].slice(-50)));
  } catch {
    // private mode: closed for this page only
  }
}

/**
 * The user's latest job of a kind, followed while it runs. The job lives on the server, so a reload
 * finds it again: the page asks for the latest one, unfinished or finished within the day.
 */
export function useLatestJob(kind: JobKind) {
  const [job, setJob] = useState<Job | undefined>();
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    jobsApi.list({ kind, limit: 1 }, controller.signal).then(
      ({ items: [latest] }) => {
        if (!latest || dismissed().includes(latest.id)) return;
        const recent = Date.now() - new Date(latest.createdAt).getTime() < SHOW_FINISHED_MS;
        if (isUnfinished(latest) || recent) setJob((current) => current ?? latest);
      },
      () => {}, // no list, no card: the page itself still works
    );
    return () => controller.abort();
  }, [kind]);

  // poll while it runs
  const id = job?.id;
  const running = job !== undefined && isUnfinished(job);
  useEffect(() => {
    if (!id || !running) return;
    const controller = new AbortController();
    let timer: number | undefined;
    const poll = () => {
      jobsApi.get(id, controller.signal).then(
        (next) => {
          setJob(next);
          if (isUnfinished(next)) timer = window.setTimeout(poll, POLL_MS);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          if (error instanceof ApiError && error.status === 404) setJob(undefined);
          else timer = window.setTimeout(poll, POLL_MS * 3); // network hiccup: try again later
        },
      );
    };
    timer = window.setTimeout(poll, POLL_MS);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [id, running]);

  const start = useCallback(async (begin: () => Promise<Job>) => {
    setStarting(true);
    try {
      const started = await begin();
      setJob(started);
      return started;
    } finally {
      setStarting(false);
    }
  }, []);

  const cancel = useCallback(async () => {
    if (id) setJob(await jobsApi.cancel(id));
  }, [id]);

  const close = useCallback(() => {
    if (id) dismiss(id);
    setJob(undefined);
  }, [id]);

  return { job, starting, start, cancel, close };
}
