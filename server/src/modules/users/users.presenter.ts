import type { Role } from '../../../../contract/vocabulary';
import type { SessionInfo, UserDetail, UserSummary } from '../../../../contract/users';
import type { PlacedUser, SessionRow, UserRow } from './users.repository';

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

export function toUserSummary(u: PlacedUser): UserSummary {
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    roles: u.roles as Role[],
    orgUnitId: u.orgUnitId,
    orgUnitName: u.orgUnitName,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: isoOrNull(u.lastLoginAt),
    createdAt: iso(u.createdAt),
    version: u.version,
  };
}

export function toUserDetail(
  u: PlacedUser,
  extra: { activeSessions: number; lockedUntil: Date | null },
): UserDetail {
  return {
    ...toUserSummary(u),
    updatedAt: iso(u.updatedAt),
    passwordChangedAt: isoOrNull(u.passwordChangedAt),
    activeSessions: extra.activeSessions,
    lockedUntil: isoOrNull(extra.lockedUntil),
  };
}

/**
 * What the audit log keeps of an account: the fields an administrator changes, never the password hash
 * (nor anything derived from the password).
 */
export function toAuditUser(u: UserRow) {
  return {
    username: u.username,
    fullName: u.fullName,
    roles: u.roles,
    orgUnitId: u.orgUnitId,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    version: u.version,
  };
}

export function toSessionInfo(s: SessionRow, currentTokenHash: string | null): SessionInfo {
  return {
    id: s.id,
    current: s.tokenHash === currentTokenHash,
    createdAt: iso(s.createdAt),
    lastSeenAt: iso(s.lastSeenAt),
    expiresAt: iso(s.idleExpiresAt < s.expiresAt ? s.idleExpiresAt : s.expiresAt),
    absoluteExpiresAt: iso(s.expiresAt),
    userAgent: s.userAgent,
    ip: s.ip,
  };
}
