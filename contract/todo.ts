/**
 * The overview's to-do list ("Việc cần làm"): what waits for the signed-in user, per role and within
 * their scope, each item with a count, a Vietnamese sentence, a link and a severity. The web words each
 * kind in the chosen language from `params`; `text` is the server's Vietnamese sentence (for an item kind
 * the web does not know yet, and for other clients).
 */
import { Type, type Static, type TSchema } from 'typebox';
import { DateString, Id } from './api';
import { ROLES } from './vocabulary';

export const TODO_KINDS = [
  /** people of the scope without a year-end rating for the rating year */
  'ratings_missing',
  /** people of the scope newly eligible for an award (the stored verdicts) */
  'newly_eligible',
  /** the user's own background jobs that failed in the last days */
  'jobs_failed',
  /** the user's own background jobs that finished with a file in the last day */
  'jobs_ready',
  /** administrator: background jobs of the scope that failed in the last day */
  'jobs_failed_scope',
  /** administrator: accounts (and addresses) refused sign-in now after too many wrong passwords */
  'logins_throttled',
  /** administrator: the audit hash chain never verified, broken, or not verified for a long time */
  'audit_chain',
  /** administrator: the stored eligibility verdicts are not built, outdated or being updated */
  'eligibility_store',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export const TODO_SEVERITIES = ['info', 'warning', 'danger'] as const;
export type TodoSeverity = (typeof TODO_SEVERITIES)[number];

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const TodoUnit = Type.Object({
  orgUnitId: Id,
  orgUnitName: Type.String(),
  count: Type.Integer({ minimum: 0 }),
  link: Type.String(),
});
export type TodoUnit = Static<typeof TodoUnit>;

export const TodoItem = Type.Object({
  /** one of TODO_KINDS (a string, so an older client still reads a newer server's list) */
  kind: Type.String(),
  /** the role the item is worded for (a head approves and signs, an officer enters) */
  role: Type.Enum([...ROLES]),
  severity: Type.Enum([...TODO_SEVERITIES]),
  count: Type.Integer({ minimum: 0 }),
  /** the sentence in Vietnamese */
  text: Type.String(),
  /** where to do it (a path of the web application); null when there is no page for it yet */
  link: Nullable(Type.String()),
  /** the figures the sentence is made of (a year, a date, a state), for the web's own wording */
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()])),
  /** where most of it is: the units with the largest counts, largest first */
  units: Type.Array(TodoUnit),
});
export type TodoItem = Static<typeof TodoItem>;

export const TodoList = Type.Object({
  /** today in Vietnam (the server's clock) */
  today: DateString,
  items: Type.Array(TodoItem),
});
export type TodoList = Static<typeof TodoList>;
