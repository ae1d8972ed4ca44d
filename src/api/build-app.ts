import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Deps } from '../app/deps';
import { createMetrics, type Metrics } from '../app/platform/metrics';
import './fastify-types';
import { registerErrorHandling, sendError } from './errors/error-handler';
import { registerAuthentication } from './plugins/authenticate.hook';
import { registerIdempotency } from './plugins/idempotency.hook';
import { adminOpsRoutes } from './routes/admin-ops.route';
import { adverseEventRoutes } from './routes/adverse-events.route';
import { apiTokenRoutes } from './routes/api-tokens.route';
import { auditRoutes } from './routes/audit.route';
import { authRoutes } from './routes/auth.route';
import { batchRoutes } from './routes/batches.route';
import { batchCaseRoutes } from './routes/batch-cases.route';
import { recallRoutes } from './routes/recalls.route';
import { regulatorSamplingRoutes } from './routes/regulator-samplings.route';
import { batchSignalRoutes } from './routes/batch-signals.route';
import { calendarRoutes } from './routes/calendar.route';
import { compensationApprovalRoutes } from './routes/compensation-approvals.route';
import { compensationLedgerRoutes } from './routes/compensation-ledger.route';
import { investigationRoutes } from './routes/investigation.route';
import { compensationRoutes } from './routes/compensation.route';
import { costAllocationRoutes } from './routes/cost-allocation.route';
import { customerRoutes } from './routes/customers.route';
import { departmentRoutes } from './routes/departments.route';
import { evidenceMultipartOptions, evidenceRoutes } from './routes/evidence.route';
import { healthRoutes } from './routes/health.route';
import { policyRoutes } from './routes/policies.route';
import { complaintRoutes } from './routes/complaints.route';
import { loadWeb } from './web/serve-web';
import { capaActionRoutes } from './routes/capa-actions.route';
import { complaintTimelineRoutes } from './routes/complaint-timeline.route';
import { disposalRoutes } from './routes/disposals.route';
import { eightDReportRoutes } from './routes/eight-d-reports.route';
import { dashboardRoutes } from './routes/dashboard.route';
import { portalRoutes } from './routes/portal.route';
import { presetRoutes } from './routes/presets.route';
import { productRoutes } from './routes/products.route';
import { qrCodeRoutes } from './routes/qr-codes.route';
import { asZodApp, type RouteModule } from './routes/route-app';
import { shipmentRoutes } from './routes/shipments.route';
import { userRoutes } from './routes/users.route';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Route modules of the API, in the order they appear in the OpenAPI document. */
export const ROUTE_MODULES: readonly RouteModule[] = [
  authRoutes,
  userRoutes,
  departmentRoutes,
  apiTokenRoutes,
  auditRoutes,
  adminOpsRoutes,
  customerRoutes,
  productRoutes,
  batchRoutes,
  qrCodeRoutes,
  shipmentRoutes,
  complaintRoutes,
  complaintTimelineRoutes,
  dashboardRoutes,
  evidenceRoutes,
  portalRoutes,
  calendarRoutes,
  policyRoutes,
  presetRoutes,
  compensationRoutes,
  compensationApprovalRoutes,
  costAllocationRoutes,
  compensationLedgerRoutes,
  batchCaseRoutes,
  recallRoutes,
  regulatorSamplingRoutes,
  batchSignalRoutes,
  investigationRoutes,
  adverseEventRoutes,
  capaActionRoutes,
  eightDReportRoutes,
  disposalRoutes,
];

/** One registered route with what it requires: the access-control matrix test enumerates these. */
export type RouteEntry = {
  readonly method: string;
  readonly url: string;
  readonly auth: 'public' | 'required';
  readonly permission: string | undefined;
  /** The route's zod schemas (body, params, querystring, …): the fuzz tests generate requests from them. */
  readonly schema: RouteSchemas | undefined;
  /** The route's own body limit in bytes, when it differs from the app's (bulk imports). */
  readonly bodyLimit: number | undefined;
};

/** The request schemas a route declared, as registered (zod types under fastify-type-provider-zod). */
export type RouteSchemas = {
  readonly body?: unknown;
  readonly params?: unknown;
  readonly querystring?: unknown;
  readonly headers?: unknown;
  /** Content types the route takes, when not JSON (evidence uploads: multipart/form-data). */
  readonly consumes?: readonly string[];
};

export type BuiltApp = {
  readonly app: FastifyInstance;
  readonly metrics: Metrics;
  readonly routes: readonly RouteEntry[];
};

/**
 * Builds the HTTP application: `/api/v1` routes, errors as `{ error: { code, message, details } }`, OpenAPI 3.1
 * at `/api/openapi.json` with interactive docs at `/api/docs`, `/healthz`, `/readyz`, `/metrics`, and a request id
 * (from `X-Request-Id` when sane) on every log line, response and audit row.
 */
export const buildApp = async (deps: Deps): Promise<BuiltApp> => {
  const metrics = createMetrics();
  const trust = deps.config.trustProxy;
  const app: FastifyInstance = Fastify({
    loggerInstance: deps.log as FastifyBaseLogger,
    bodyLimit: deps.config.bodyLimitBytes,
    // A number means "trust this many proxy hops" (e.g. 1 behind one nginx).
    trustProxy: typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
    // Errors found before routing (a path parameter over maxParamLength, a malformed %-escape) get the error
    // contract too, not Fastify's own body.
    frameworkErrors: (error, request, reply) =>
      sendError(request, reply, 'VALIDATION_FAILED', { reason: error.message }),
  });
  // An empty JSON body is "no body" (clients that always send Content-Type: application/json); the rest is
  // Fastify's own parser, which refuses __proto__ / constructor poisoning.
  const web = loadWeb(deps.config.webDir);
  registerErrorHandling(app, web.fallback);
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (typeof body === 'string' && body.trim() === '') return done(null, undefined);
    return parseJson(request, body.toString(), done);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyCookie);
  // multipart/form-data for evidence uploads: parsed as a stream by the evidence routes, never buffered.
  await app.register(fastifyMultipart, evidenceMultipartOptions(deps.config));
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Closeloop API',
        version: '1',
        description:
          '投诉与售后质量闭环系统 API. Errors are `{ error: { code, message, details } }` (message localised by Accept-Language). ' +
          'Authenticate with the session cookie from POST /api/v1/auth/login (send X-CSRF-Token on writes) or `Authorization: Bearer <API token>`. ' +
          'POST accepts `Idempotency-Key`; PATCH needs `If-Match: "<version>"`; lists use cursor paging (`limit`, `cursor` → `nextCursor`).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cl_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  const routes: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    // The interactive docs (HTML, JS, CSS) are public; what they call is not.
    // So are the web console's hashed assets (the pages themselves are answered by the not-found fallback).
    if (route.url.startsWith('/api/docs') || route.url.startsWith('/assets/'))
      route.config = { ...route.config, auth: 'public' };
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      if (method === 'HEAD') continue;
      routes.push({
        method,
        url: route.url,
        auth: route.config?.auth ?? 'required',
        permission: route.config?.permission,
        schema: route.schema as RouteSchemas | undefined,
        bodyLimit: route.bodyLimit,
      });
    }
  });
  if (deps.config.apiDocs) {
    await app.register(fastifySwaggerUi, {
      routePrefix: '/api/docs',
      uiConfig: { persistAuthorization: false },
    });
  }

  await web.register(app);
  registerAuthentication(app, deps);
  registerIdempotency(app, deps);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    if (request.url.startsWith('/api/v1/')) reply.header('cache-control', 'no-store');
  });
  app.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
  });

  const zodApp = asZodApp(app);
  healthRoutes(zodApp, deps, metrics);
  for (const routes of ROUTE_MODULES) routes(zodApp, deps);
  if (deps.config.apiDocs) {
    app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () =>
      app.swagger(),
    );
  }
  await app.ready();
  return { app, metrics, routes };
};
