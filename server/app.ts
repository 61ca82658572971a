import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Db } from './db/database';
import { customerRoutes } from './modules/customers/customers.routes';
import { createCustomerService } from './modules/customers/customers.service';
import { customerImportRoutes } from './modules/customers/import/import.routes';
import { createMergeService } from './modules/customers/customers.merge';
import { createAttachmentService } from './modules/customers/attachments.service';
import { maintenanceRoutes } from './modules/maintenance/maintenance.routes';
import { createMaintenanceService, moveMaintenanceCustomer } from './modules/maintenance/maintenance.service';
import { individualRoutes } from './modules/individuals/individuals.routes';
import { createIndividualService } from './modules/individuals/individuals.service';
import { orgRoutes } from './modules/org/org.routes';
import { createOrgService } from './modules/org/org.service';
import { auditRoutes } from './platform/audit/audit.routes';
import { createAuditService } from './platform/audit/audit.service';
import { authRoutes } from './platform/auth/auth.routes';
import { createAuthService } from './platform/auth/auth.service';
import { createRateLimiter } from './platform/auth/rate-limit';
import { calendarRoutes } from './platform/calendar/calendar.routes';
import { createCalendarService } from './platform/calendar/calendar.service';
import { errorHandler } from './platform/http/error-handler';
import { createGuard } from './platform/http/guard';
import { t } from './platform/http/i18n';
import { securityHeaders } from './platform/http/security-headers';
import { systemRoutes } from './platform/http/system.routes';
import { createLeases } from './platform/jobs/leases';
import type { RoutePolicy } from './platform/permissions/policy';
import { settingsRoutes } from './platform/settings/settings.routes';
import { createSettingsService } from './platform/settings/settings.service';
import { systemClock, type Clock } from './platform/time';
import { createNotificationService, type SmtpOptions } from './modules/workflow/notifications.service';
import { createReminderService } from './modules/workflow/reminders.service';
import { createTaskService } from './modules/workflow/tasks.service';
import { createTodoService } from './modules/workflow/todo.service';
import { workflowRoutes } from './modules/workflow/workflow.routes';
import { approvalRoutes } from './modules/approvals/approvals.routes';
import { createApprovalService } from './modules/approvals/approvals.service';
import { contractRoutes } from './modules/contracts/contracts.routes';
import { createContractService } from './modules/contracts/contracts.service';
import { developmentRoutes } from './modules/development/development.routes';
import { createDevelopmentService } from './modules/development/development.service';
import { moveDevelopmentCustomer } from './modules/development/records.service';
import { createComplaintAnalysis } from './modules/complaints/complaints.analysis';
import { complaintRoutes } from './modules/complaints/complaints.routes';
import { createComplaintService } from './modules/complaints/complaints.service';
import { surveyRoutes } from './modules/surveys/surveys.routes';
import { createSurveyExportService } from './modules/surveys/surveys.export';
import { createSurveyService, moveSurveyCustomer } from './modules/surveys/surveys.service';

export const APP_VERSION = process.env.npm_package_version ?? '0.1.0';

export interface AppOptions {
  config: Config;
  db: Db;
  clock?: Clock;
  /** Overrides the pino logger (tests pass false). */
  logger?: boolean;
}

/** Builds the services once; each route module receives only what it needs. */
export function createServices(db: Db, clock: Clock, dataDir: string, opts: { smtp?: SmtpOptions | null } = {}) {
  const k = db.kysely;
  const audit = createAuditService(clock);
  const settings = createSettingsService({ db: k, audit, clock });
  const rateLimiter = createRateLimiter(k, clock);
  const auth = createAuthService({ db: k, audit, settings, rateLimiter, clock });
  const calendar = createCalendarService({ db: k, audit, settings, clock });
  const org = createOrgService({ db: k, audit, settings, clock });
  const leases = createLeases(k, clock);
  const customers = createCustomerService({ db: k, kind: db.kind, audit, clock });
  const merge = createMergeService({ db: k, kind: db.kind, audit, customers });
  const attachments = createAttachmentService({ db: k, audit, settings, clock, dataDir });
  const individuals = createIndividualService({ db: k, audit, clock });
  // Workflow (issue 4 §2–4): every module that creates work for people goes through these.
  const notifications = createNotificationService({ db: k, clock, settings, smtp: opts.smtp });
  const reminders = createReminderService({ db: k, clock, notifications });
  const tasks = createTaskService({ db: k, clock, audit, calendar, settings, notifications, reminders });
  const todo = createTodoService({ db: k });
  todo.register(tasks.ownProvider);
  todo.register(tasks.teamProvider);
  // Approval engine (issue 4 §1): document modules below register their types with it.
  const approvals = createApprovalService({ db: k, audit, clock, notifications });
  todo.register(approvals.todoProvider);
  // Contracts (issue 4 §7): above the signer's authority a contract goes to the director's approval.
  const contracts = createContractService({ db: k, audit, clock, attachments, approvals, notifications, reminders, settings });
  approvals.registerType(contracts.approvalHandler);
  // Development (issue 4 §6): development plans go department head → 经理办公会 (chain 'development_plan').
  const development = createDevelopmentService({ db: k, audit, clock, settings, customers, approvals });
  approvals.registerType(development.plans.handler);
  // Maintenance plans (issue 4 §5, docs/regulations.md §7): manager review → director approval (chain 'maintenance_plan').
  const maintenance = createMaintenanceService({
    db: k,
    audit,
    clock,
    approvals,
    tasks,
    completeTask: async (trx, ctx, taskId, note) => {
      await tasks.complete(ctx, taskId, { note, version: (await tasks.get(taskId, trx)).version }, trx);
    },
  });
  approvals.registerType(maintenance.approvalHandler);
  // Satisfaction surveys (issue 5 points 8–12, docs/regulations.md §11): improvement plans go to leadership (chain 'survey_improvement').
  const surveys = createSurveyService({ db: k, audit, clock, settings, customers, approvals, tasks, rateLimiter });
  approvals.registerType(surveys.approvalHandler);
  todo.register(surveys.todoProvider);
  const surveyExports = createSurveyExportService({ surveys, audit, clock, db: k });
  // Complaints (issue 5 points 1–7, docs/regulations.md §10): opinions → supervising leader, extensions → leaders; deadlines in working days.
  const complaints = createComplaintService({ db: k, audit, clock, settings, calendar, approvals, notifications, reminders, rateLimiter });
  approvals.registerType(complaints.opinionHandler);
  approvals.registerType(complaints.extensionHandler);
  todo.register(complaints.todoProvider);
  const complaintAnalysis = createComplaintAnalysis({ db: k, calendar, clock, audit });
  // A merge (查重) keeps every record that points at the merged customer (issue 3 §7).
  merge.onMerge(async (trx, mergedId, survivorId) => {
    await trx.updateTable('contracts').set({ customer_id: survivorId }).where('customer_id', '=', mergedId).execute();
  });
  merge.onMerge(moveMaintenanceCustomer);
  merge.onMerge(moveDevelopmentCustomer);
  merge.onMerge(moveSurveyCustomer);
  merge.onMerge(complaints.moveCustomer);
  return { audit, settings, rateLimiter, auth, calendar, org, leases, customers, merge, attachments, individuals, notifications, reminders, tasks, todo, approvals, contracts, development, maintenance, surveys, surveyExports, complaints, complaintAnalysis };
}
export type Services = ReturnType<typeof createServices>;

export interface RouteEntry {
  method: string;
  url: string;
  policy: RoutePolicy | undefined;
}

export async function buildApp(
  opts: AppOptions,
): Promise<{ app: FastifyInstance; services: Services; routes: RouteEntry[]; setShuttingDown(): void }> {
  const { config, db } = opts;
  const clock = opts.clock ?? systemClock;
  const services = createServices(db, clock, config.dataDir, { smtp: config.smtp });
  let shuttingDown = false;

  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: { paths: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], remove: true },
          },
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    },
    bodyLimit: 2 * 1024 * 1024,
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
  app.addHook('onRequest', createGuard({ db: db.kysely, auth: services.auth, audit: services.audit }));
  app.addHook('onSend', securityHeaders);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await systemRoutes(app, { db, version: APP_VERSION, isShuttingDown: () => shuttingDown });
  await authRoutes(app, { auth: services.auth, db: db.kysely });
  await orgRoutes(app, services.org);
  await settingsRoutes(app, services.settings);
  await auditRoutes(app, db.kysely);
  await calendarRoutes(app, services.calendar);
  await customerRoutes(app, { customers: services.customers, merge: services.merge, attachments: services.attachments });
  await customerImportRoutes(app, { db, clock, customers: services.customers, audit: services.audit });
  await individualRoutes(app, services.individuals);
  await workflowRoutes(app, { notifications: services.notifications, tasks: services.tasks, todo: services.todo });
  await approvalRoutes(app, services.approvals);
  await contractRoutes(app, { contracts: services.contracts, approvals: services.approvals });
  await developmentRoutes(app, services.development);
  await maintenanceRoutes(app, { maintenance: services.maintenance, clock });
  await surveyRoutes(app, { surveys: services.surveys, exports: services.surveyExports, settings: services.settings });
  await complaintRoutes(app, { complaints: services.complaints, analysis: services.complaintAnalysis, clock });

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

  return { app, services, routes, setShuttingDown: () => (shuttingDown = true) };
}
