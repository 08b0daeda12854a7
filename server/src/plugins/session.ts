import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Deps } from '../deps';
import { AppError } from '../lib/errors';
import type { Actor } from '../modules/auth/auth.policy';
import { actorForToken } from '../modules/auth/auth.service';

export const SESSION_COOKIE = 'vd_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * What a user whose password an administrator set may still do before choosing their own: see who they
 * are, change the password, look after their sessions, log out.
 */
const PASSWORD_CHANGE_ROUTES = new Set([
  '/api/v1/me',
  '/api/v1/me/password',
  '/api/v1/me/sessions',
  '/api/v1/me/sessions/:id',
  '/api/v1/me/sessions/end-others',
  '/api/v1/auth/login',
  '/api/v1/auth/logout',
]);

/**
 * Sessions in signed HTTP-only cookies, and cross-site request forgery defence: a state-changing request
 * whose Origin is another site (or that a browser marks cross-site) is refused, the cookie is SameSite=Lax,
 * and only JSON bodies are accepted (a cross-site HTML form cannot send one).
 */
async function sessionPlugin(app: FastifyInstance, opts: { deps: Deps }) {
  await app.register(cookie, { secret: opts.deps.config.sessionSecret });
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (request) => {
    if (!SAFE_METHODS.has(request.method)) {
      const origin = request.headers.origin;
      const site = request.headers['sec-fetch-site'];
      let crossOrigin = site === 'cross-site';
      if (origin && origin !== 'null') {
        try {
          crossOrigin ||= new URL(origin).host !== request.headers.host;
        } catch {
          crossOrigin = true;
        }
      } else if (origin === 'null') crossOrigin = true;
      if (crossOrigin) throw new AppError('csrf_rejected', 403);
    }
    // The health check needs no actor, and must answer (503 degraded) even when sessions cannot be read.
    if (request.routeOptions.url === '/api/health') return;
    const raw = request.cookies[SESSION_COOKIE];
    if (!raw) return;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return;
    const actor = await actorForToken(opts.deps, unsigned.value);
    if (actor) {
      request.actor = actor;
      request.sessionToken = unsigned.value;
      const route = request.routeOptions.url;
      if (actor.mustChangePassword && route?.startsWith('/api/v1/') && !PASSWORD_CHANGE_ROUTES.has(route))
        throw new AppError('password_change_required', 403);
    }
  });
}

export const session = fp(sessionPlugin, { name: 'session' });

export function setSessionCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  token: string,
  expiresAt: Date,
) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    signed: true,
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The logged-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 401);
  return request.actor;
}
