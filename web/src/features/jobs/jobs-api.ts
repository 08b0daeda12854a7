/** Calls of the background-job API (contract/jobs.ts), and of the features that start a job. */
import type { EligibleNowExportBody, Job, JobKind, JobList, JobStatus } from '../../../../contract/jobs';
import { request, withQuery } from '../../lib/api';

export type { Job, JobKind, JobList, JobStatus };

export const UNFINISHED: readonly JobStatus[] = ['queued', 'running'];
export const isUnfinished = (job: Pick<Job, 'status'>) => UNFINISHED.includes(job.status);

export const jobsApi = {
  list: (q: { kind?: JobKind; status?: JobStatus; limit?: number; offset?: number }, signal?: AbortSignal) =>
    request<JobList>('GET', withQuery('/v1/jobs', q), undefined, signal),
  get: (id: string, signal?: AbortSignal) =>
    request<Job>('GET', `/v1/jobs/${encodeURIComponent(id)}`, undefined, signal),
  cancel: (id: string) => request<Job>('POST', `/v1/jobs/${encodeURIComponent(id)}/cancel`),
  /** "Xuất Excel toàn bộ": the eligible-now list of a whole subtree, as a background job. */
  startEligibleNowExport: (body: EligibleNowExportBody) =>
    request<Job>('POST', '/v1/eligibility/eligible-now/export-jobs', body),
  /** "Kiểm tra và tính lại": every stored eligibility verdict recomputed and compared, as a background job. */
  startStoreRebuild: () => request<Job>('POST', '/v1/eligibility/store/rebuild'),
};

/** Address of a finished job's file (the browser downloads it with the session cookie). */
export const jobOutputUrl = (id: string) => `/api/v1/jobs/${encodeURIComponent(id)}/output`;
