import type { JobKind } from '../../../../contract/jobs';
import { auditVerifyHandler } from '../audit/audit.service';
import { eligibilityRebuildHandler, eligibleNowExportHandler } from '../eligibility/eligibility.service';
import { peopleExportHandler } from '../people/people-export.service';
import { ratingsImportHandler } from '../ratings-import/ratings-import.service';
import type { JobHandler } from './jobs.worker';

/** The handler of every kind of job, registered explicitly like the routes. */
export const jobHandlers: Readonly<Record<JobKind, JobHandler>> = {
  eligible_now_export: eligibleNowExportHandler(),
  eligibility_rebuild: eligibilityRebuildHandler(),
  audit_verify: auditVerifyHandler(),
  ratings_import: ratingsImportHandler(),
  people_export: peopleExportHandler(),
};
