import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, LoginBody, Me } from '../../../../contract/api';
import type { Deps } from '../../deps';
import { clearSessionCookie, requireActor, setSessionCookie } from '../../plugins/session';
import * as auth from './auth.service';

export const authRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Đăng nhập',
        body: LoginBody,
        response: {
          200: Me,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
          413: ErrorResponse,
          415: ErrorResponse,
          429: ErrorResponse,
          500: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      const { token, me, expiresAt } = await auth.login(deps, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(reply, request, token, expiresAt);
      return me;
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Đăng xuất',
        response: {
          204: Type.Null(),
          403: ErrorResponse,
          413: ErrorResponse,
          415: ErrorResponse,
          500: ErrorResponse,
        },
      },
    },
    async (request, reply) => {
      if (request.sessionToken) await auth.logout(deps, request.sessionToken);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Người dùng hiện tại',
        response: { 200: Me, 401: ErrorResponse, 500: ErrorResponse },
      },
    },
    async (request) => auth.toMe(requireActor(request)),
  );
};
