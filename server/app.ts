import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyInstance, type FastifyReply } from 'fastify';
import { refuseNulBytes } from './platform/http/nul-bytes';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { ConfigError, type Config } from './config';
import type { Db } from './db/database';
import { MODULES } from './modules';
import { auditRoutes } from './platform/audit/audit.routes';
import { referenceRoutes } from './platform/reference/reference.routes';
import { authRoutes } from './platform/auth/auth.routes';
import { calendarRoutes } from './platform/calendar/calendar.routes';
import { errorHandler } from './platform/http/error-handler';
import { createGuard } from './platform/http/guard';
import { t } from './platform/http/i18n';
import { securityHeaders } from './platform/http/security-headers';
import { systemRoutes } from './platform/http/system.routes';
import type { ModuleManifest } from './platform/modules/manifest';
import { buildModules, checkRoutePolicies, type BuiltModules } from './platform/modules/registry';
import type { RoutePolicy } from './platform/permissions/policy';
import { createPlatformServices, type PlatformServices } from './platform/services';
import { checkSettingEnv } from './platform/settings/settings.registry';
import { settingsRoutes } from './platform/settings/settings.routes';
import { systemClock, type Clock } from './platform/time';

export const APP_VERSION = process.env.npm_package_version ?? '0.1.0';

export interface AppOptions {
  config: Config;
  db: Db;
  clock?: Clock;
  /** Overrides the pino logger (tests pass false). */
  logger?: boolean;
  /** The business modules (default: server/modules/index.ts); a test may add a throwaway one. */
  modules?: readonly ModuleManifest<any>[];
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type ServicesOf<M> = M extends ModuleManifest<infer S> ? S : never;
/** The platform's services and every listed module's, by name. */
export type Services = PlatformServices & UnionToIntersection<ServicesOf<(typeof MODULES)[number]>>;

/** Builds the platform's services, then each module's from its manifest, in list order. */
export function createServices(
  db: Db,
  clock: Clock,
  dataDir: string,
  opts: { smtp?: Config['smtp']; modules?: readonly ModuleManifest<any>[]; settingEnv?: Config['settingEnv']; outbox?: Config['outbox'] } = {},
): { services: Services; built: BuiltModules } {
  const platform = createPlatformServices(db, clock, { dataDir, smtp: opts.smtp, settingEnv: opts.settingEnv, outbox: opts.outbox });
  const built = buildModules(opts.modules ?? MODULES, platform);
  // Settings supplied by the environment are known only once every module has registered its own.
  const envProblems = checkSettingEnv(opts.settingEnv ?? {});
  if (envProblems.length) throw new ConfigError(`Invalid configuration / 配置无效:\n${envProblems.join('\n')}`);
  return { services: built.services as Services, built };
}

export interface RouteEntry {
  method: string;
  url: string;
  policy: RoutePolicy | undefined;
}

export async function buildApp(
  opts: AppOptions,
): Promise<{ app: FastifyInstance; services: Services; built: BuiltModules; routes: RouteEntry[]; setShuttingDown(): void }> {
  const { config, db } = opts;
  const clock = opts.clock ?? systemClock;
  const { services, built } = createServices(db, clock, config.dataDir, {
    smtp: config.smtp,
    modules: opts.modules,
    settingEnv: config.settingEnv,
    outbox: config.outbox,
  });
  let shuttingDown = false;

  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], remove: true },
          },
    // A list of balancer addresses: only their X-Forwarded-For is believed.
    trustProxy: config.trustProxy ? true : config.trustedProxies?.length ? config.trustedProxies : false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    },
    bodyLimit: 2 * 1024 * 1024,
    // A log line per request costs more than a cached read; errors are still logged, and LOG_LEVEL=debug
    // brings the request lines back (docs/performance.md).
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
  });
  // The route inventory: the test suite checks that every /api route declares a permission policy.
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) routes.push({ method, url: r.url, policy: r.config?.policy });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Guanxi CRM API 客户关系管理系统接口', version: APP_VERSION, description: 'See docs/api.md for the conventions.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gx_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.decorateRequest('lang', 'zh-CN');
  app.decorateRequest('actor', null);
  // Settings are read at most once per request (settings.service.ts); the memo closes with the answer.
  const settingsMemos = new WeakMap<object, { close(): void }>();
  app.addHook('onRequest', (req, _reply, done) => void settingsMemos.set(req, services.settings.perRequest(done)));
  app.addHook('onResponse', (req, _reply, done) => (settingsMemos.get(req)?.close(), done()));
  app.addHook('onRequestAbort', (req, done) => (settingsMemos.get(req)?.close(), done()));
  app.addHook('onRequest', createGuard({ db: db.kysely, auth: services.auth, audit: services.audit, publicApiDocs: config.publicApiDocs ?? false }));
  app.addHook('preValidation', refuseNulBytes);
  app.addHook('onSend', securityHeaders);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await systemRoutes(app, { db, version: APP_VERSION, isShuttingDown: () => shuttingDown });
  await authRoutes(app, { auth: services.auth, db: db.kysely, clientAddressTrusted: config.trustProxy || (config.trustedProxies?.length ?? 0) > 0 });
  await settingsRoutes(app, services.settings);
  await auditRoutes(app, db.kysely, services.reference);
  await referenceRoutes(app, services.reference);
  await calendarRoutes(app, services.calendar);
  for (const { manifest, services: own, ctx } of built.byModule.values()) await manifest.routes?.(app, own, ctx);
  checkRoutePolicies(routes);

  // The web app: hashed assets from dist/web, and index.html for every other non-API path (client routing).
  const indexHtml = path.join(config.webDistDir, 'index.html');
  const hasWeb = fs.existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webDistDir,
      prefix: '/',
      index: false,
      cacheControl: false,
      setHeaders: (res, filePath) => {
        // Vite puts content hashes in asset names, so those may be cached for good.
        const hashed = filePath.startsWith(path.join(config.webDistDir, 'assets') + path.sep);
        res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  const sendIndex = (reply: FastifyReply) =>
    hasWeb
      ? reply.header('cache-control', 'no-cache').sendFile('index.html', config.webDistDir)
      : reply
          .type('text/html; charset=utf-8')
          .send('<!doctype html><meta charset="utf-8"><title>Guanxi CRM</title><p>前端尚未构建：请运行 npm run build。 The web app is not built: run npm run build.</p>');
  // The entry page: the static handler would refuse "/" as a directory.
  app.get('/', (_req, reply) => sendIndex(reply));
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET') {
      return reply.status(404).send({ error: { code: 'not_found', message: t(req.lang, 'error.route_not_found'), fields: [] } });
    }
    return sendIndex(reply);
  });

  return { app, services, built, routes, setShuttingDown: () => (shuttingDown = true) };
}
