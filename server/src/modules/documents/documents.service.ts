import { createHash } from 'node:crypto';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import type {
  DocumentEntry,
  DocumentKind,
  DocumentList,
  DocumentSubjectType,
  DocumentsQuery,
  EligibleListPdfBody,
} from '../../../../contract/documents';
import type { Deps } from '../../deps';
import { commendationRecordDocument } from '../../domain/documents/commendation-record';
import { eligibleListDocument, MAX_LIST_ROWS } from '../../domain/documents/eligible-list';
import {
  formatNotation,
  issuerSymbol,
  issuingBody,
  placeAndDate,
  placeName,
} from '../../domain/documents/format';
import { DOCUMENT_KIND_SPECS } from '../../domain/documents/kinds';
import type { Heading } from '../../domain/documents/layout';
import { catalogueEntry } from '../../domain/eligibility/catalogue';
import { todayInVietnam } from '../../lib/clock';
import { AppError, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { unitOfWork, type UnitOfWork } from '../audit/unit-of-work';
import type { Actor } from '../auth/auth.policy';
import { defaultYear, eligibleNow, PROPOSAL_AWARDS } from '../eligibility/eligibility.service';
import { getUnitInScope, unitLineage } from '../org-units/org-units.service';
import { getPerson, getPersonInScope } from '../people/people.service';
import { canIssueDocument, canListDocuments, canReadDocument } from './documents.policy';
import { toDocumentEntry } from './documents.presenter';
import { renderPdf } from './pdf';
import * as repo from './documents.repository';

/** What the issuing body, the date and the number give every document. */
export interface IssueContext {
  heading: Heading;
  /** yyyy-mm-dd, in Vietnam */
  date: string;
  issuerName: string;
  preparedBy: string;
  /** the document's date as the PDF's creation date, so equal content gives equal bytes */
  creationDate: Date;
}

interface IssueSpec {
  kind: DocumentKind;
  subjectType: DocumentSubjectType;
  subjectId: string;
  /** the unit the document belongs to (its subject's) and its name */
  orgUnitId: string;
  orgUnitName: string;
  title: string;
  /** the download's name before " - <notation>.pdf" */
  fileLabel: string;
  build(ctx: IssueContext): TDocumentDefinitions;
}

/**
 * Inside an authorised unit of work: take the next number of the actor's unit's register, render the
 * PDF with it, store the bytes and their hash, and record the issue (the hash, never the bytes).
 */
async function issue(uow: UnitOfWork, spec: IssueSpec): Promise<DocumentEntry> {
  const { actor, tx } = uow;
  const date = todayInVietnam({ now: () => uow.now });
  const year = Number(date.slice(0, 4));
  const { unit, parent, root } = await unitLineage(uow.deps, actor.orgUnitId);
  const number = await repo.takeNextNumber(tx, unit.id, year);
  const notation = formatNotation(number, DOCUMENT_KIND_SPECS[spec.kind].typeSymbol, issuerSymbol(unit.name));
  const heading: Heading = {
    ...issuingBody(unit, parent),
    notation,
    placeAndDate: placeAndDate(placeName(unit, root), date),
  };
  const content = await renderPdf(
    spec.build({
      heading,
      date,
      issuerName: unit.name,
      preparedBy: actor.fullName,
      creationDate: new Date(`${date}T00:00:00+07:00`),
    }),
  );
  const row = {
    id: newId(),
    kind: spec.kind,
    issuerOrgUnitId: unit.id,
    year,
    number,
    notation,
    title: spec.title,
    subjectType: spec.subjectType,
    subjectId: spec.subjectId,
    orgUnitId: spec.orgUnitId,
    documentDate: date,
    createdBy: actor.userId,
    createdByName: actor.fullName,
    createdAt: uow.now,
    fileName: `${spec.fileLabel} - ${notation.replace(/\//g, '-')}.pdf`,
    sha256: createHash('sha256').update(content).digest('hex'),
    sizeBytes: content.length,
  };
  await repo.insertDocument(tx, { ...row, content });
  const entry = toDocumentEntry({ ...row, issuerName: unit.name, orgUnitName: spec.orgUnitName });
  await uow.record({
    action: 'document.issue',
    entityType: 'document',
    entityId: row.id,
    orgUnitId: spec.orgUnitId,
    after: entry,
  });
  return entry;
}

/** "Lý lịch khen thưởng" of a person in scope, issued as a numbered document. */
export async function issueCommendationRecord(
  deps: Deps,
  actor: Actor,
  personId: string,
): Promise<DocumentEntry> {
  return unitOfWork(deps, actor, async (uow) => {
    const found = await getPersonInScope(uow.deps, actor, personId);
    uow.authorise(canIssueDocument(actor, { path: found.unitPath }));
    const person = await getPerson(uow.deps, actor, personId);
    return issue(uow, {
      kind: 'commendation_record',
      subjectType: 'person',
      subjectId: person.id,
      orgUnitId: person.orgUnitId,
      orgUnitName: person.orgUnitName,
      title: `Lý lịch khen thưởng: ${person.fullName}`,
      fileLabel: `Lý lịch khen thưởng - ${person.fullName}`,
      build: (ctx) => commendationRecordDocument(person, ctx),
    });
  });
}

/** The "Đủ điều kiện đề nghị" list (same filters as the screen and the Excel export) as a numbered document. */
export async function issueEligibleList(
  deps: Deps,
  actor: Actor,
  body: EligibleListPdfBody,
  maxRows = MAX_LIST_ROWS,
): Promise<DocumentEntry> {
  return unitOfWork(deps, actor, async (uow) => {
    const unit = await getUnitInScope(uow.deps, actor, body.orgUnitId ?? actor.orgUnitId);
    uow.authorise(canIssueDocument(actor, unit));
    const year = body.year ?? defaultYear(deps);
    const asOf = body.asOf ?? todayInVietnam({ now: () => uow.now });
    const awards = body.awards && body.awards.length > 0 ? body.awards : [...PROPOSAL_AWARDS];
    const rows = await eligibleNow(uow.deps, actor, { ...body, orgUnitId: unit.id, year, asOf, awards });
    if (rows.length > maxRows) {
      throw new AppError(
        'document_too_long',
        400,
        `Danh sách có ${rows.length} dòng, quá ${maxRows} dòng của một văn bản PDF. Hãy lọc theo đơn vị hoặc danh hiệu, hoặc dùng bản Excel.`,
      );
    }
    return issue(uow, {
      kind: 'eligible_list',
      subjectType: 'org_unit',
      subjectId: unit.id,
      orgUnitId: unit.id,
      orgUnitName: unit.name,
      title: `Danh sách đủ điều kiện đề nghị khen thưởng năm ${year}: ${unit.name}`,
      fileLabel: `Danh sách đủ điều kiện đề nghị khen thưởng năm ${year} - ${unit.name}`,
      build: (ctx) =>
        eligibleListDocument(rows, {
          ...ctx,
          year,
          unitName: unit.name,
          awardNames: awards.map((a) => catalogueEntry(a).nameVi),
          asOf,
          onlyNew: body.onlyNew ?? false,
        }),
    });
  });
}

/** The register in the actor's scope, newest first. */
export async function listDocuments(deps: Deps, actor: Actor, q: DocumentsQuery): Promise<DocumentList> {
  if (!canListDocuments(actor)) throw new AppError('forbidden', 403);
  const { items, total } = await repo.listInScope(deps.db, {
    scopePath: actor.scopePath,
    kind: q.kind,
    year: q.year,
    limit: q.limit ?? 20,
    offset: q.offset ?? 0,
  });
  return { items: items.map(toDocumentEntry), total };
}

/** One register entry in scope, or 404 exactly like a missing one. */
export async function getDocument(deps: Deps, actor: Actor, id: string): Promise<DocumentEntry> {
  if (!canListDocuments(actor)) throw new AppError('forbidden', 403);
  const row = await repo.findEntryInScope(deps.db, id, actor.scopePath);
  if (!row) throw notFound();
  return toDocumentEntry(row);
}

/** The stored bytes of a document in scope, as issued. */
export async function documentFile(deps: Deps, actor: Actor, id: string) {
  const row = await repo.findContentInScope(deps.db, id, actor.scopePath);
  if (!row || !canReadDocument(actor, { path: row.orgUnitPath })) throw notFound();
  return { fileName: row.fileName, sha256: row.sha256, content: row.content };
}
