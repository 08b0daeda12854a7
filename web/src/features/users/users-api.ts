/** Calls of the user administration and own-account API (contract/users.ts). */
import type {
  LockedAccount,
  PasswordResetResult,
  SessionInfo,
  SessionList,
  SessionsEnded,
  UserCreate,
  UserCreated,
  UserDetail,
  UserList,
  UserListQuery,
  UserState,
  UserSummary,
  UserUpdate,
} from '../../../../contract/users';
import { request, withQuery } from '../../lib/api';

export type { LockedAccount, SessionInfo, UserCreate, UserDetail, UserState, UserSummary, UserUpdate };

const userPath = (id: string) => `/v1/users/${encodeURIComponent(id)}`;

export const usersApi = {
  list: (q: UserListQuery, signal?: AbortSignal) =>
    request<UserList>('GET', withQuery('/v1/users', { ...q }), undefined, signal),
  get: (id: string, signal?: AbortSignal) => request<UserDetail>('GET', userPath(id), undefined, signal),
  create: (body: UserCreate) => request<UserCreated>('POST', '/v1/users', body),
  update: (id: string, body: UserUpdate) => request<UserDetail>('PATCH', userPath(id), body),
  deactivate: (id: string, version: number) =>
    request<UserDetail>('POST', `${userPath(id)}/deactivate`, { version }),
  reactivate: (id: string, version: number) =>
    request<UserDetail>('POST', `${userPath(id)}/reactivate`, { version }),
  /** Without a password the server generates a temporary one and answers it this once. */
  resetPassword: (id: string, password?: string) =>
    request<PasswordResetResult>('POST', `${userPath(id)}/password`, password ? { password } : {}),
  locked: (signal?: AbortSignal) =>
    request<{ items: LockedAccount[] }>('GET', '/v1/users/locked', undefined, signal),
  unlock: (id: string) => request<void>('POST', `${userPath(id)}/unlock`),

  mySessions: (signal?: AbortSignal) => request<SessionList>('GET', '/v1/me/sessions', undefined, signal),
  endSession: (id: string) => request<void>('DELETE', `/v1/me/sessions/${encodeURIComponent(id)}`),
  endOtherSessions: () => request<SessionsEnded>('POST', '/v1/me/sessions/end-others'),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<SessionsEnded>('POST', '/v1/me/password', { currentPassword, newPassword }),
};
