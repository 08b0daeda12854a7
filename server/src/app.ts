import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { ErrorResponse, Health } from '../../contract/api';
import type { Deps } from './deps';
import { authRoutes } from './modules/auth/auth.routes';
import { eligibilityRoutes } from './modules/eligibility/eligibility.routes';
import { orgUnitRoutes } from './modules/org-units/org-units.routes';
import { peopleRoutes } from './modules/people/people.routes';
import { registerErrorHandler } from './plugins/errors';
import { session } from './plugins/session';
import { normaliseStrings, validatorCompiler } from './plugins/validation';

export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
  /** serve the built web application from deps.config.webDist when it exists */
  serveWeb?: boolean;
}

/** Build the application: plugins and modules registered explicitly, in order. */
export async function buildApp(deps: Deps, opts: AppOptions = {}) {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // Only JSON bodies: a cross-site HTML form can send text/plain, never application/json.
  app.removeContentTypeParser('text/plain');
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined) request.body = normaliseStrings(request.body);
    if (request.query) request.query = normaliseStrings(request.query) as typeof request.query;
  });
  const webDist = deps.config.webDist;
  const serveWeb = Boolean(opts.serveWeb) && existsSync(path.join(webDist, 'index.html'));
  registerErrorHandler(app, { spaFallback: serveWeb });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Vinh Danh API',
        description: 'Thi đua, khen thưởng — emulation and commendation work of a city government',
        version: '0.1.0',
      },
      tags: [
        { name: 'auth', description: 'Đăng nhập, phiên làm việc' },
        { name: 'org-units', description: 'Cơ cấu tổ chức' },
        { name: 'people', description: 'Cán bộ, người lao động' },
        { name: 'records', description: 'Hồ sơ hằng năm: xếp loại, sáng kiến, kỷ luật, khen thưởng' },
        { name: 'eligibility', description: 'Điều kiện khen thưởng theo quy định pháp luật' },
      ],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'vd_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(session, { deps });

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['auth'],
        summary: 'Tình trạng hệ thống',
        response: { 200: Health, 500: ErrorResponse },
      },
    },
    async () => ({ status: 'ok' as const, db: deps.dbKind }),
  );
  await app.register(authRoutes, { deps });
  await app.register(orgUnitRoutes, { deps });
  await app.register(peopleRoutes, { deps });
  await app.register(eligibilityRoutes, { deps });

  if (serveWeb) await app.register(fastifyStatic, { root: webDist, wildcard: false });
  return app;
}
