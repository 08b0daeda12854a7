import { can, type Actor } from '../auth/auth.policy';

/** Evidence belongs to a person's initiative: it is placed where the person's unit is. */
export interface EvidenceOwner {
  unitPath: string;
}

/** Whoever may read the person may see and download the evidence of their initiatives. */
export function canReadEvidence(actor: Actor, owner: EvidenceOwner): boolean {
  return can(actor, 'person.read', { path: owner.unitPath });
}

/** Attaching and removing evidence is a change of the person's record: the roles that write records. */
export function canWriteEvidence(actor: Actor, owner: EvidenceOwner): boolean {
  return can(actor, 'record.write', { path: owner.unitPath });
}
