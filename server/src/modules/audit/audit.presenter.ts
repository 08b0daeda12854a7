import { AUDIT_HIDDEN_KEY, type AuditEntryDetail, type AuditEntrySummary } from '../../../../contract/audit';
import { changedFields, diffFields, HIDDEN_VALUE, hideSecrets } from '../../domain/audit/diff';
import type { AuditRow } from './audit.repository';

/** Today's names of the people, units and users a page of entries speaks of. */
export interface AuditNames {
  people: Map<string, string>;
  units: Map<string, string>;
  users: Map<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
const asText = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const asYear = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** The kinds of entry that are a line of a person's yearly record (their before/after name the person). */
const RECORD_ENTITIES = new Set(['rating', 'initiative', 'discipline', 'award_record']);

/** The person an entry is about: the person themselves, or the person whose record line it is. */
export function subjectPersonId(row: Pick<AuditRow, 'entityType' | 'entityId' | 'before' | 'after'>) {
  const id =
    row.entityType === 'person'
      ? row.entityId
      : (asText(asRecord(row.after)?.personId) ?? asText(asRecord(row.before)?.personId));
  return id !== undefined && UUID.test(id) ? id : null;
}

/** The ids whose names a page needs (people, units, users), each checked to be a uuid. */
export function idsToName(rows: readonly AuditRow[]) {
  const people = new Set<string>();
  const units = new Set<string>();
  const users = new Set<string>();
  for (const r of rows) {
    const person = subjectPersonId(r);
    if (person) people.add(person);
    if (r.entityType === 'org_unit' && UUID.test(r.entityId)) units.add(r.entityId);
    if (r.orgUnitId) units.add(r.orgUnitId);
    if (r.actorUserId) users.add(r.actorUserId);
  }
  return { people: [...people], units: [...units], users: [...users] };
}

/** What the entry is about, in words (names as they are today, else as the entry wrote them). */
function entityLabel(row: AuditRow, names: AuditNames, personId: string | null): string | null {
  const a = asRecord(row.after);
  const b = asRecord(row.before);
  const pick = (key: string) => asText(a?.[key]) ?? asText(b?.[key]);
  if (row.entityType === 'person') return names.people.get(row.entityId) ?? pick('fullName') ?? null;
  if (row.entityType === 'org_unit') return names.units.get(row.entityId) ?? pick('name') ?? null;
  if (RECORD_ENTITIES.has(row.entityType)) {
    const who = personId ? names.people.get(personId) : undefined;
    const year = asYear(a?.year) ?? asYear(b?.year);
    const what = pick('name') ?? pick('title');
    const parts = [who, year === undefined ? undefined : String(year), what].filter(Boolean);
    return parts.length ? parts.join(' · ') : null;
  }
  if (row.entityType === 'user') return pick('username') ?? pick('fullName') ?? null;
  if (row.entityType === 'document') {
    const notation = pick('notation');
    const title = pick('title');
    return notation && title ? `${notation} — ${title}` : (notation ?? title ?? null);
  }
  if (row.entityType === 'job') return pick('kind') ?? null;
  return pick('name') ?? pick('title') ?? null;
}

export function presentAuditSummary(row: AuditRow, names: AuditNames): AuditEntrySummary {
  const personId = subjectPersonId(row);
  return {
    seq: row.seq,
    at: row.at.toISOString(),
    actorUsername: row.actorUsername,
    actorFullName: row.actorUserId ? (names.users.get(row.actorUserId) ?? null) : null,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    entityLabel: entityLabel(row, names, personId),
    personId,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnitId ? (names.units.get(row.orgUnitId) ?? null) : null,
    reason: row.reason,
    changedFields: changedFields(row.before, row.after),
  };
}

/** One entry with its before and after (secrets hidden) and every field, the changed ones marked. */
export function presentAuditDetail(row: AuditRow, names: AuditNames): AuditEntryDetail {
  // compared as stored (a changed password hash is a change), shown with the secrets hidden
  const shown = (key: string, v: unknown) =>
    AUDIT_HIDDEN_KEY.test(key) && v !== null && v !== undefined ? HIDDEN_VALUE : hideSecrets(v);
  return {
    ...presentAuditSummary(row, names),
    before: hideSecrets(row.before),
    after: hideSecrets(row.after),
    fields: diffFields(row.before, row.after).map((f) => ({
      ...f,
      before: shown(f.key, f.before),
      after: shown(f.key, f.after),
    })),
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
