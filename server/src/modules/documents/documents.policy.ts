import { can, type Actor, type Scoped } from '../auth/auth.policy';

/**
 * Issuing a numbered document about a person or a unit takes a number from the register of the actor's
 * unit: those who keep the records (officers, the board, administrators: `record.write`) may, about a
 * subject inside their subtree.
 */
export function canIssueDocument(actor: Actor, subject: Scoped): boolean {
  return can(actor, 'record.write', subject);
}

/** A document is read by whoever may read people in the unit it belongs to (its subject's unit). */
export function canReadDocument(actor: Actor, document: Scoped): boolean {
  return can(actor, 'person.read', document);
}

/** The register lists what the actor may read; the rows are filtered by scope in the query. */
export function canListDocuments(actor: Actor): boolean {
  return can(actor, 'person.read');
}
