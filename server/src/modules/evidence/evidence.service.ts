/**
 * Evidence of initiatives (tệp minh chứng của sáng kiến): stored files linked to one initiative of one
 * person. Scoped like the person (404 outside the actor's subtree); written by the roles that write records.
 */
import type { Static } from 'typebox';
import type { EvidenceUploadResult } from '../../../../contract/files';
import type { Deps } from '../../deps';
import { AppError, notFound } from '../../lib/errors';
import { unitOfWork } from '../audit/unit-of-work';
import type { Actor } from '../auth/auth.policy';
import * as files from '../files/files.service';
import { getPersonInScope } from '../people/people.service';
import { getEntryOf } from '../records/records.service';
import { canReadEvidence, canWriteEvidence } from './evidence.policy';
import { auditedFile, presentEvidence } from './evidence.presenter';
import * as repo from './evidence.repository';

type UploadItem = Static<typeof EvidenceUploadResult>['items'][number];

/** The person (in scope) and their initiative, or 404 exactly like a missing one. */
async function locate(deps: Deps, actor: Actor, personId: string, initiativeId: string) {
  const person = await getPersonInScope(deps, actor, personId);
  await getEntryOf(deps, 'initiatives', personId, initiativeId);
  return { orgUnitId: person.orgUnitId, unitPath: person.unitPath };
}

/** Checked before any byte of an upload is received: an upload nobody may make is not read. */
export async function assertMayAttach(deps: Deps, actor: Actor, personId: string, initiativeId: string) {
  const owner = await locate(deps, actor, personId, initiativeId);
  if (!canWriteEvidence(actor, owner)) throw new AppError('forbidden', 403);
}

export async function listEvidence(deps: Deps, actor: Actor, personId: string, initiativeId: string) {
  const owner = await locate(deps, actor, personId, initiativeId);
  if (!canReadEvidence(actor, owner)) throw new AppError('forbidden', 403);
  const rows = await repo.listForInitiative(deps.db, initiativeId);
  return {
    items: rows.map((r) => presentEvidence(r.file, r.uploader)),
    limits: { maxBytes: deps.config.filesMaxBytes, kinds: [...deps.config.filesAllowedTypes] },
  };
}

export async function openEvidence(
  deps: Deps,
  actor: Actor,
  personId: string,
  initiativeId: string,
  fileId: string,
) {
  const owner = await locate(deps, actor, personId, initiativeId);
  if (!canReadEvidence(actor, owner)) throw new AppError('forbidden', 403);
  const row = await repo.findLinked(deps.db, initiativeId, fileId);
  if (!row) throw notFound();
  return files.openFile(deps, row.file);
}

/** Thrown inside the unit of work when every file was already there: nothing to store, nothing to audit. */
class NothingNew extends Error {
  constructor(readonly items: UploadItem[]) {
    super('nothing new');
  }
}

/**
 * Attach received files to the initiative, in one unit of work with one audit row per file. Content
 * already attached to this initiative is not stored twice: the existing evidence is answered instead.
 */
export async function attachEvidence(
  deps: Deps,
  actor: Actor,
  personId: string,
  initiativeId: string,
  staged: files.Staged,
): Promise<{ created: number; items: UploadItem[] }> {
  const placed: string[] = [];
  try {
    return await unitOfWork(deps, actor, async (uow) => {
      const owner = await locate(uow.deps, actor, personId, initiativeId);
      uow.authorise(canWriteEvidence(actor, owner));
      const items: UploadItem[] = [];
      let created = 0;
      for (const s of staged.files) {
        await files.lockContent(uow, s.sha256);
        const existing = await repo.findLinkedByContent(uow.tx, initiativeId, s.sha256);
        if (existing) {
          items.push({ ...presentEvidence(existing.file, existing.uploader), alreadyAttached: true });
          continue;
        }
        placed.push(s.sha256);
        const file = await files.storeStaged(uow, s, owner.orgUnitId);
        await repo.insertLink(uow.tx, { initiativeId, fileId: file.id, createdAt: uow.now });
        await uow.record({
          action: 'initiative.evidence_attach',
          entityType: 'initiative',
          entityId: initiativeId,
          orgUnitId: owner.orgUnitId,
          after: auditedFile(file),
        });
        created++;
        const uploader = { id: actor.userId, username: actor.username, fullName: actor.fullName };
        items.push({ ...presentEvidence(file, uploader), alreadyAttached: false });
      }
      if (created === 0) throw new NothingNew(items);
      return { created, items };
    });
  } catch (e) {
    if (e instanceof NothingNew) return { created: 0, items: e.items };
    // The change rolled back: a blob it placed may now belong to no stored file.
    for (const sha of placed) await files.collectBlob(deps, sha).catch(() => undefined);
    throw e;
  }
}

/** Remove one piece of evidence; its blob goes too unless another stored file has the same content. */
export async function detachEvidence(
  deps: Deps,
  actor: Actor,
  personId: string,
  initiativeId: string,
  fileId: string,
): Promise<void> {
  const sha256 = await unitOfWork(deps, actor, async (uow) => {
    const owner = await locate(uow.deps, actor, personId, initiativeId);
    uow.authorise(canWriteEvidence(actor, owner));
    const row = await repo.findLinked(uow.tx, initiativeId, fileId);
    if (!row) throw notFound();
    await repo.deleteLink(uow.tx, initiativeId, fileId);
    await files.forgetFile(uow, fileId);
    await uow.record({
      action: 'initiative.evidence_detach',
      entityType: 'initiative',
      entityId: initiativeId,
      orgUnitId: owner.orgUnitId,
      before: auditedFile(row.file),
    });
    return row.file.sha256;
  });
  await files.collectBlob(deps, sha256);
}
