import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, Id, ReadErrors, WriteErrors } from '../../../../contract/api';
import {
  LockedAccountList,
  PasswordChange,
  PasswordReset,
  PasswordResetResult,
  SessionList,
  SessionsEnded,
  UserCreate,
  UserCreated,
  UserDetail,
  UserList,
  UserListQuery,
  UserStateChange,
  UserUpdate,
} from '../../../../contract/users';
import type { Deps } from '../../deps';
import { clearSessionCookie, requireActor } from '../../plugins/session';
import * as account from './account.service';
import * as service from './users.service';

const IdParams = Type.Object({ id: Id });
/** Changing one's password counts as a password attempt: too many wrong ones answer 429. */
const PasswordErrors = { ...WriteErrors, 429: ErrorResponse } as const;

export const userRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  // --- an administrator's user administration (their unit subtree) -------------------------------------
  app.get(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Người dùng trong phạm vi',
        querystring: UserListQuery,
        response: { 200: UserList, ...ReadErrors },
      },
    },
    async (request) => service.listUsers(deps, requireActor(request), request.query),
  );
  app.get(
    '/api/v1/users/locked',
    {
      schema: {
        tags: ['users'],
        summary: 'Tài khoản bị khóa tạm thời vì đăng nhập sai nhiều lần',
        response: { 200: LockedAccountList, ...ReadErrors },
      },
    },
    async (request) => service.listLockedAccounts(deps, requireActor(request)),
  );
  app.get(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Một người dùng',
        params: IdParams,
        response: { 200: UserDetail, ...ReadErrors },
      },
    },
    async (request) => service.getUser(deps, requireActor(request), request.params.id),
  );
  app.post(
    '/api/v1/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Tạo người dùng',
        body: UserCreate,
        response: { 201: UserCreated, ...WriteErrors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createUser(deps, requireActor(request), request.body)),
  );
  app.patch(
    '/api/v1/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Sửa họ tên, đơn vị, vai trò',
        params: IdParams,
        body: UserUpdate,
        response: { 200: UserDetail, ...WriteErrors },
      },
    },
    async (request) => service.updateUser(deps, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/users/:id/deactivate',
    {
      schema: {
        tags: ['users'],
        summary: 'Vô hiệu hóa tài khoản (mọi phiên đăng nhập kết thúc)',
        params: IdParams,
        body: UserStateChange,
        response: { 200: UserDetail, ...WriteErrors },
      },
    },
    async (request) =>
      service.setUserDisabled(deps, requireActor(request), request.params.id, true, request.body.version),
  );
  app.post(
    '/api/v1/users/:id/reactivate',
    {
      schema: {
        tags: ['users'],
        summary: 'Kích hoạt lại tài khoản',
        params: IdParams,
        body: UserStateChange,
        response: { 200: UserDetail, ...WriteErrors },
      },
    },
    async (request) =>
      service.setUserDisabled(deps, requireActor(request), request.params.id, false, request.body.version),
  );
  app.post(
    '/api/v1/users/:id/password',
    {
      schema: {
        tags: ['users'],
        summary: 'Đặt lại mật khẩu (mọi phiên đăng nhập của người dùng kết thúc)',
        params: IdParams,
        body: PasswordReset,
        response: { 200: PasswordResetResult, ...WriteErrors },
      },
    },
    async (request) => service.resetPassword(deps, requireActor(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/users/:id/unlock',
    {
      schema: {
        tags: ['users'],
        summary: 'Mở khóa tài khoản bị khóa tạm thời',
        params: IdParams,
        response: { 204: Type.Null(), ...WriteErrors },
      },
    },
    async (request, reply) => {
      await service.unlockUser(deps, requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  // --- everyone's own account ---------------------------------------------------------------------------
  app.get(
    '/api/v1/me/sessions',
    {
      schema: {
        tags: ['auth'],
        summary: 'Các phiên đăng nhập của tôi',
        response: { 200: SessionList, ...ReadErrors },
      },
    },
    async (request) => account.listMySessions(deps, requireActor(request), request.sessionToken),
  );
  app.delete(
    '/api/v1/me/sessions/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đăng xuất một phiên của tôi',
        params: IdParams,
        response: { 204: Type.Null(), ...WriteErrors },
      },
    },
    async (request, reply) => {
      const { current } = await account.endMySession(
        deps,
        requireActor(request),
        request.sessionToken,
        request.params.id,
      );
      if (current) clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/v1/me/sessions/end-others',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đăng xuất các phiên khác của tôi',
        response: { 200: SessionsEnded, ...WriteErrors },
      },
    },
    async (request) => account.endMyOtherSessions(deps, requireActor(request), request.sessionToken),
  );
  app.post(
    '/api/v1/me/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu của tôi (các phiên khác kết thúc)',
        body: PasswordChange,
        response: { 200: SessionsEnded, ...PasswordErrors },
      },
    },
    async (request) =>
      account.changeMyPassword(deps, requireActor(request), request.sessionToken, request.body),
  );
};
