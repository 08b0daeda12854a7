/** Calls of the rating import, its template and the people list's export (contract/imports.ts). */
import type { PeopleExportBody, RatingsImportResult } from '../../../../contract/imports';
import type { Job } from '../../../../contract/jobs';
import { request, uploadFile, withQuery } from '../../lib/api';

export type { RatingsImportResult };

const importsPath = (unitId: string) => `/v1/org-units/${encodeURIComponent(unitId)}/rating-imports`;

export const ratingsImportApi = {
  /** Upload the officer's workbook; answers the import's background job. */
  start: (
    unitId: string,
    year: number,
    file: Blob & { name: string },
    opts?: { onProgress?: (percent: number) => void; signal?: AbortSignal },
  ) => uploadFile<Job>(withQuery(importsPath(unitId), { year }), file, opts),
  /** "Xuất danh sách": the people list with its filters, as a background job. */
  startPeopleExport: (body: PeopleExportBody) => request<Job>('POST', '/v1/people/export-jobs', body),
};

/** Address of a unit's template for a year (the browser downloads it with the session cookie). */
export const templateUrl = (unitId: string, year: number) =>
  `/api${withQuery(`${importsPath(unitId)}/template`, { year })}`;

/** A finished import job's result, when it is one. */
export function importResultOf(job: Job): RatingsImportResult | undefined {
  const r = job.result as Partial<RatingsImportResult> | null;
  return r && (r.outcome === 'written' || r.outcome === 'refused') ? (r as RatingsImportResult) : undefined;
}
