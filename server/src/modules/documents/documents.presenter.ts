import type { DocumentEntry } from '../../../../contract/documents';
import { DOCUMENT_KIND_SPECS } from '../../domain/documents/kinds';
import type { DocumentEntryRow } from './documents.repository';

/** A register row as the API shows it: whitelisted fields, never the bytes. */
export function toDocumentEntry(r: DocumentEntryRow): DocumentEntry {
  return {
    id: r.id,
    kind: r.kind,
    kindName: DOCUMENT_KIND_SPECS[r.kind].nameVi,
    issuerOrgUnitId: r.issuerOrgUnitId,
    issuerName: r.issuerName,
    year: r.year,
    number: r.number,
    notation: r.notation,
    title: r.title,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    orgUnitId: r.orgUnitId,
    orgUnitName: r.orgUnitName,
    documentDate: r.documentDate,
    createdBy: r.createdBy,
    createdByName: r.createdByName,
    createdAt: r.createdAt.toISOString(),
    sha256: r.sha256,
    sizeBytes: r.sizeBytes,
    fileName: r.fileName,
  };
}
