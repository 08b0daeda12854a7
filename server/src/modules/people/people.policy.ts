import { can, type Actor } from '../auth/auth.policy';

interface Placed {
  /** materialised path of the unit the person belongs to */
  path: string;
}

export const canReadPerson = (actor: Actor, person: Placed): boolean => can(actor, 'person.read', person);

/** Change a person's own details (name, dates, category) or move them between units of the subtree. */
export const canEditPerson = (actor: Actor, person: Placed): boolean => can(actor, 'person.write', person);

/** Add a person to a unit of the subtree. */
export const canAddPersonTo = (actor: Actor, unit: Placed): boolean => can(actor, 'person.write', unit);

/** Add, correct or remove entries of a person's yearly record (ratings, initiatives, discipline, awards). */
export const canWriteRecord = (actor: Actor, person: Placed): boolean => can(actor, 'record.write', person);

/** Export the people of a unit's subtree (the list as a workbook): whoever may read them. */
export const canExportPeople = (actor: Actor, unit: Placed): boolean => can(actor, 'person.read', unit);
