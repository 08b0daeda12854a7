/**
 * Shapes of the everyday edits of people and organisation units: moving a person to another unit with a
 * new post, the posts of a person's career, closing a unit and merging one unit into another.
 */
import { Type, type Static } from 'typebox';
import { DateString, Id, NON_BLANK, Version } from './api';

const Title = Type.String({ minLength: 1, maxLength: 200, pattern: NON_BLANK });

/** A post taken with a move or when a person is added: in the person's (new) unit, from the move's day. */
export const NewPosition = Type.Object(
  {
    title: Title,
    isLeadership: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type NewPosition = Static<typeof NewPosition>;

/**
 * POST /people/:id/moves ("chuyển công tác"): from `effectiveDate` the person works in `orgUnitId`. The
 * open membership and every open post end the day before; the new membership (and post, when given)
 * start on the day. The day may lie in the past (a move recorded late), never in the future, and always
 * after the start of the current membership.
 */
export const PersonMove = Type.Object(
  {
    version: Version,
    orgUnitId: Id,
    effectiveDate: DateString,
    position: Type.Optional(NewPosition),
  },
  { additionalProperties: false },
);
export type PersonMove = Static<typeof PersonMove>;

/** POST /people/:id/positions: a post of the person's career. */
export const PositionCreate = Type.Object(
  {
    orgUnitId: Id,
    title: Title,
    isLeadership: Type.Optional(Type.Boolean()),
    fromDate: DateString,
    toDate: Type.Optional(Type.Union([DateString, Type.Null()])),
  },
  { additionalProperties: false },
);
export type PositionCreate = Static<typeof PositionCreate>;

/** PATCH /people/:id/positions/:positionId: correct a post, or end it (`toDate`). */
export const PositionUpdate = Type.Object(
  { version: Version, ...Type.Partial(PositionCreate).properties },
  { additionalProperties: false },
);
export type PositionUpdate = Static<typeof PositionUpdate>;

/** POST /org-units/:id/close: the unit stops on `validTo` (its last day). It must hold nobody any more. */
export const OrgUnitClose = Type.Object(
  { version: Version, validTo: DateString },
  { additionalProperties: false },
);
export type OrgUnitClose = Static<typeof OrgUnitClose>;

/**
 * POST /org-units/:id/merge: the unit is merged into `targetId` from `effectiveDate`. Its people move to
 * the target (memberships closed the day before, opened on the day), its active sub-units move under the
 * target, and it stops the day before (`validTo`) with `mergedIntoId` set.
 */
export const OrgUnitMerge = Type.Object(
  { version: Version, targetId: Id, effectiveDate: DateString },
  { additionalProperties: false },
);
export type OrgUnitMerge = Static<typeof OrgUnitMerge>;

/** What a merge did. */
export const OrgUnitMergeResult = Type.Object({
  id: Id,
  targetId: Id,
  validTo: DateString,
  peopleMoved: Type.Integer({ minimum: 0 }),
  unitsMoved: Type.Integer({ minimum: 0 }),
  /** leadership posts held in the merged unit, ended the day before (not carried to the target) */
  leadershipEnded: Type.Integer({ minimum: 0 }),
});
export type OrgUnitMergeResult = Static<typeof OrgUnitMergeResult>;
