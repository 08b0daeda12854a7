/**
 * User administration (an administrator's, within their unit subtree) and each user's own account: their
 * sessions and their password. Served by server/src/modules/users/users.routes.ts.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { Id, NON_BLANK, Offset, Version } from './api';
import { ROLES } from './vocabulary';

const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const RoleName = Type.Enum([...ROLES]);

/** Shortest password a user or an administrator may set. */
export const PASSWORD_MIN_LENGTH = 8;
const Password = Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: 200 });
/** a-z, 0-9 and _ . - (upper case is accepted and stored in lower case) */
export const USERNAME_PATTERN = '^[A-Za-z0-9_.-]{3,50}$';
const FullName = Type.String({ minLength: 1, maxLength: 200, pattern: NON_BLANK });
/** At least one role, each once. */
const Roles = Type.Array(RoleName, { minItems: 1, maxItems: ROLES.length, uniqueItems: true });

export const USER_STATES = ['active', 'disabled'] as const;
export type UserState = (typeof USER_STATES)[number];

export const UserSummary = Type.Object({
  id: Id,
  username: Type.String(),
  fullName: Type.String(),
  roles: Type.Array(RoleName),
  orgUnitId: Id,
  orgUnitName: Type.String(),
  disabled: Type.Boolean(),
  /** an administrator set the password: the user must choose their own at the next login */
  mustChangePassword: Type.Boolean(),
  lastLoginAt: Nullable(Timestamp),
  createdAt: Timestamp,
  version: Type.Integer(),
});
export type UserSummary = Static<typeof UserSummary>;

export const UserDetail = Type.Object({
  ...UserSummary.properties,
  updatedAt: Timestamp,
  passwordChangedAt: Nullable(Timestamp),
  /** sessions still open */
  activeSessions: Type.Integer({ minimum: 0 }),
  /** too many failed logins: refused until this time (an administrator may unlock earlier) */
  lockedUntil: Nullable(Timestamp),
});
export type UserDetail = Static<typeof UserDetail>;

export const UserListQuery = Type.Object(
  {
    /** name or user name, accents optional */
    q: Type.Optional(Type.String({ maxLength: 200 })),
    /** the unit's subtree */
    orgUnitId: Type.Optional(Id),
    role: Type.Optional(RoleName),
    state: Type.Optional(Type.Enum([...USER_STATES])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
    offset: Type.Optional(Offset),
  },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;

export const UserList = Type.Object({ items: Type.Array(UserSummary), total: Type.Integer({ minimum: 0 }) });
export type UserList = Static<typeof UserList>;

export const UserCreate = Type.Object(
  {
    username: Type.String({ pattern: USERNAME_PATTERN, minLength: 3, maxLength: 50 }),
    fullName: FullName,
    orgUnitId: Id,
    roles: Roles,
    /** the initial password; when absent the server generates one and answers it once */
    password: Type.Optional(Password),
    /** the user must choose their own password at the first login (default true) */
    mustChangePassword: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type UserCreate = Static<typeof UserCreate>;

export const UserCreated = Type.Object({
  user: UserDetail,
  /** the generated password, shown this once (null when the administrator chose it) */
  temporaryPassword: Nullable(Type.String()),
});
export type UserCreated = Static<typeof UserCreated>;

export const UserUpdate = Type.Object(
  {
    version: Version,
    fullName: Type.Optional(FullName),
    orgUnitId: Type.Optional(Id),
    roles: Type.Optional(Roles),
  },
  { additionalProperties: false },
);
export type UserUpdate = Static<typeof UserUpdate>;

/** Deactivate or reactivate: the version the administrator saw. */
export const UserStateChange = Type.Object({ version: Version }, { additionalProperties: false });

export const PasswordReset = Type.Object(
  {
    /** the new password; when absent the server generates a temporary one and answers it once */
    password: Type.Optional(Password),
  },
  { additionalProperties: false },
);
export type PasswordReset = Static<typeof PasswordReset>;

export const PasswordResetResult = Type.Object({
  user: UserDetail,
  temporaryPassword: Nullable(Type.String()),
  /** the user's sessions that were ended */
  sessionsEnded: Type.Integer({ minimum: 0 }),
});
export type PasswordResetResult = Static<typeof PasswordResetResult>;

export const LockedAccount = Type.Object({
  userId: Id,
  username: Type.String(),
  fullName: Type.String(),
  orgUnitName: Type.String(),
  failedAttempts: Type.Integer(),
  lockedUntil: Timestamp,
});
export type LockedAccount = Static<typeof LockedAccount>;
export const LockedAccountList = Type.Object({ items: Type.Array(LockedAccount) });

/** One of the user's own open sessions. */
export const SessionInfo = Type.Object({
  id: Id,
  /** the session this request came with */
  current: Type.Boolean(),
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  /** when it ends unless used again (never after `absoluteExpiresAt`) */
  expiresAt: Timestamp,
  /** when it ends however much it is used */
  absoluteExpiresAt: Timestamp,
  userAgent: Nullable(Type.String()),
  ip: Nullable(Type.String()),
});
export type SessionInfo = Static<typeof SessionInfo>;
export const SessionList = Type.Object({ items: Type.Array(SessionInfo) });
export type SessionList = Static<typeof SessionList>;

export const SessionsEnded = Type.Object({ ended: Type.Integer({ minimum: 0 }) });
export type SessionsEnded = Static<typeof SessionsEnded>;

export const PasswordChange = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Password,
  },
  { additionalProperties: false },
);
export type PasswordChange = Static<typeof PasswordChange>;
