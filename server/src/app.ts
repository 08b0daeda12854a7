import { existsSync } from 'node:fs';
import path from 'node:path';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyReply, type FastifyServerOptions } from 'fastify';
import type { Deps } from './deps';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { documentRoutes } from './modules/documents/documents.routes';
import { calendarRoutes } from './modules/calendar/calendar.routes';
import { eligibilityRoutes } from './modules/eligibility/eligibility.routes';
import { evidenceRoutes } from './modules/evidence/evidence.routes';
import { healthRoutes } from './modules/health/health.routes';
import { jobHandlers } from './modules/jobs/job-handlers';
import { VerdictKeeper } from './modules/eligibility/verdicts.keeper';
import { jobRoutes } from './modules/jobs/jobs.routes';
import { JobWorker, type JobHandlers, type JobWorkerOptions } from './modules/jobs/jobs.worker';
import { orgUnitRoutes } from './modules/org-units/org-units.routes';
import { peopleRoutes } from './modules/people/people.routes';
import { todoRoutes } from './modules/todo/todo.routes';
import { userRoutes } from './modules/users/users.routes';
import { peopleExportRoutes } from './modules/people/people-export.routes';
import { ratingsImportRoutes } from './modules/ratings-import/ratings-import.routes';
import { registerErrorHandler } from './plugins/errors';
import { session } from './plugins/session';
import { malformedText, normaliseStrings, validatorCompiler } from './plugins/validation';
import { AppError } from './lib/errors';
import { ERROR_MESSAGES } from '../../contract/errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the route answers without a session (login, public pages); every other /api/v1 route needs one */
    public?: boolean;
  }
}

export interface AppOptions {
  logger?: FastifyServerOptions['logger'];
  /** serve the built web application from deps.config.webDist when it exists */
  serveWeb?: boolean;
  /**
   * The background job worker: built with the app (`app.jobWorker`) but started by its owner
   * (main.ts, or a test that wants jobs to run); `app.close()` stops it and gives its job back.
   */
  jobs?: { handlers?: JobHandlers; worker?: Partial<JobWorkerOptions> };
}

declare module 'fastify' {
  interface FastifyInstance {
    jobWorker: JobWorker;
    verdictKeeper: VerdictKeeper;
  }
}

/** A hop count means: believe that many proxies nearest to us. */
function trustProxyOption(value: boolean | number | string | undefined) {
  if (typeof value === 'number') return (_address: string, hop: number) => hop < value;
  return value ?? false;
}

/** Build the application: plugins and modules registered explicitly, in order. */
export async function buildApp(deps: Deps, opts: AppOptions = {}) {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1024 * 1024,
    // Behind a reverse proxy that terminates HTTPS, X-Forwarded-* are believed only from the proxies named
    // in TRUST_PROXY; then request.protocol is 'https' and the session cookie is Secure.
    trustProxy: trustProxyOption(deps.config.trustProxy),
    routerOptions: { maxParamLength: 100 },
    // Errors raised before routing (a malformed percent-encoding) answer in the one error format.
    frameworkErrors: (error, _request, reply) => {
      const code = error.code === 'FST_ERR_BAD_URL' ? 'bad_url' : 'validation_failed';
      void (reply as FastifyReply).status(400).send({ code, message: ERROR_MESSAGES[code] });
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // Only JSON bodies: a cross-site HTML form can send text/plain, never application/json.
  app.removeContentTypeParser('text/plain');
  app.addHook('preValidation', async (request) => {
    // Who before what: a request without a session learns nothing about the shape it should have sent.
    if (!request.actor && request.url.startsWith('/api/v1/') && !request.routeOptions.config.public) {
      throw new AppError('unauthenticated', 401);
    }
    const bad = [
      ...malformedText(request.params, 'params'),
      ...malformedText(request.query, 'query'),
      ...malformedText(request.body),
    ];
    if (bad.length > 0) {
      throw new AppError(
        'invalid_text',
        400,
        undefined,
        bad.map((path) => ({ path, message: ERROR_MESSAGES.invalid_text })),
      );
    }
    if (request.body !== undefined) request.body = normaliseStrings(request.body);
    if (request.query) request.query = normaliseStrings(request.query) as typeof request.query;
  });
  const webDist = deps.config.webDist;
  const serveWeb = Boolean(opts.serveWeb) && existsSync(path.join(webDist, 'index.html'));
  registerErrorHandler(app, { spaFallback: serveWeb });

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        // antd writes its styles at run time
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'frame-ancestors': ["'none'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'upgrade-insecure-requests': null,
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    // the API docs page (swagger-ui) loads its own inline scripts; it sets its own CSP below
    crossOriginEmbedderPolicy: false,
    hsts: false,
  });
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
        { name: 'documents', description: 'Văn bản PDF có số và sổ văn bản' },
        {
          name: 'calendar',
          description: 'Lịch làm việc: ngày nghỉ lễ, Tết, ngày làm bù; tính ngày làm việc',
        },
        { name: 'jobs', description: 'Công việc nền: tiến độ, tệp kết quả, hủy' },
        { name: 'audit', description: 'Nhật ký hoạt động và chuỗi băm toàn vẹn' },
        { name: 'todo', description: 'Việc cần làm của người dùng theo vai trò' },
        { name: 'users', description: 'Quản trị người dùng: tài khoản, vai trò, mật khẩu, mở khóa' },
      ],
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'vd_session' } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(session, { deps });

  await app.register(healthRoutes, { deps });
  await app.register(authRoutes, { deps });
  await app.register(orgUnitRoutes, { deps });
  await app.register(peopleRoutes, { deps });
  await app.register(peopleExportRoutes, { deps });
  await app.register(evidenceRoutes, { deps }); // parses multipart (in its own plugin)
  await app.register(ratingsImportRoutes, { deps }); // parses multipart (in its own plugin)
  await app.register(eligibilityRoutes, { deps });
  await app.register(documentRoutes, { deps });
  await app.register(calendarRoutes, { deps });
  await app.register(jobRoutes, { deps });
  await app.register(auditRoutes, { deps });
  await app.register(todoRoutes, { deps });
  await app.register(userRoutes, { deps });

  const worker = new JobWorker(deps, opts.jobs?.handlers ?? jobHandlers, {
    log: app.log,
    ...opts.jobs?.worker,
  });
  app.decorate('jobWorker', worker);
  app.addHook('onClose', async () => worker.stop());
  // keeps the stored eligibility verdicts current; started by the process owner, like the worker
  const keeper = new VerdictKeeper(deps, { log: app.log });
  app.decorate('verdictKeeper', keeper);
  app.addHook('onClose', async () => keeper.stop());

  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      // scripts/build.mjs writes .br and .gz beside each file (web/vite.config.ts); nothing is compressed per request
      preCompressed: true,
      globIgnore: ['**/*.br', '**/*.gz'], // chosen by preCompressed, never asked for by name
      cacheControl: false,
      setHeaders: (reply, file) => void reply.header('cache-control', webCacheControl(webDist, file)),
    });
  }
  return app;
}

/** Vite's output folder of content-hashed files: a name changes whenever its content does. */
const HASHED_ASSETS = 'assets';

/**
 * How long a browser keeps a file of the web application: hashed assets for a year without asking again;
 * everything else (index.html, which names the current assets; the icon) is checked on every use.
 */
export function webCacheControl(webDist: string, file: string): string {
  const relative = path.relative(webDist, file).split(path.sep);
  return relative.length > 1 && relative[0] === HASHED_ASSETS
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}
