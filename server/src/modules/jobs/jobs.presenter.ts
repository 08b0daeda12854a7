import type { Job } from '../../../../contract/jobs';
import type { JobRow } from './jobs.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A job row as the API shows it: never the output bytes, never who holds the lock. */
export function presentJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    params: row.params,
    progress: { done: row.progressDone, total: row.progressTotal },
    message: row.message,
    result: row.result ?? null,
    output:
      row.outputName && row.outputMime
        ? { name: row.outputName, mime: row.outputMime, size: row.outputSize ?? 0 }
        : null,
    error: row.errorCode ? { code: row.errorCode, message: row.errorMessage ?? '' } : null,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnitName,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
  };
}
