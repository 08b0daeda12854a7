import type { Static } from 'typebox';
import type { EvidenceFile } from '../../../../contract/files';
import type { FileRow } from '../files/files.service';
import { kindOfMime } from '../files/files.service';

/** A stored file as the API shows it: never its path on disk, never who else holds the same content. */
export function presentEvidence(
  file: FileRow,
  uploader: { id: string; username: string; fullName: string },
): Static<typeof EvidenceFile> {
  return {
    id: file.id,
    name: file.name,
    size: file.size,
    mime: file.mime,
    kind: kindOfMime(file.mime),
    sha256: file.sha256,
    uploadedBy: { id: uploader.id, username: uploader.username, fullName: uploader.fullName },
    uploadedAt: file.createdAt.toISOString(),
  };
}

/** What the audit log keeps of a file: its identity, hash and name, never its bytes. */
export function auditedFile(file: FileRow) {
  return { fileId: file.id, name: file.name, sha256: file.sha256, size: file.size, mime: file.mime };
}
