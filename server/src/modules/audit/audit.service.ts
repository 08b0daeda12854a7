import type { Deps } from '../../deps';
import { verifyAuditChain as verifyChain, type AuditVerifyResult } from './audit.repository';

/** Walk the whole audit chain and report every row whose hash or link does not hold. */
export function verifyAuditChain(db: Deps['db']): Promise<AuditVerifyResult> {
  return verifyChain(db);
}
