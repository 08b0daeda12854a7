/** Calls of the audit log's API (contract/audit.ts). */
import type {
  AuditChainStatus,
  AuditEntryDetail,
  AuditEntrySummary,
  AuditList,
  AuditQuery,
} from '../../../../contract/audit';
import type { Job } from '../../../../contract/jobs';
import { request, withQuery } from '../../lib/api';

export type { AuditChainStatus, AuditEntryDetail, AuditEntrySummary, AuditList, AuditQuery };

export const auditApi = {
  list: (q: AuditQuery, signal?: AbortSignal) =>
    request<AuditList>('GET', withQuery('/v1/audit', { ...q }), undefined, signal),
  entry: (seq: number, signal?: AbortSignal) =>
    request<AuditEntryDetail>('GET', `/v1/audit/${seq}`, undefined, signal),
  chain: (signal?: AbortSignal) => request<AuditChainStatus>('GET', '/v1/audit/chain', undefined, signal),
  /** "Kiểm tra chuỗi nhật ký": the whole chain verified as a background job (administrators). */
  startVerify: () => request<Job>('POST', '/v1/audit/chain/verify'),
};
