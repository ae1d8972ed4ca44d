import { z } from 'zod';
import { checkReadiness, findBacklog } from '../../app/ops/check-readiness';
import type { Metrics } from '../../app/platform/metrics';
import { safeEqual } from '../../app/secrets';
import { AppError } from '../../app/errors/app-error';
import type { ZodApp } from './route-app';
import type { Deps } from '../../app/deps';

export const healthRoutes = (app: ZodApp, deps: Deps, metrics: Metrics): void => {
  app.get(
    '/healthz',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['operations'],
        summary: 'Liveness',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['operations'],
        summary: 'Readiness: database reachable and migrated',
        response: {
          200: z.object({
            ready: z.boolean(),
            database: z.enum(['ok', 'down']),
            migrations: z.object({ applied: z.number(), expected: z.number() }),
          }),
          503: z.object({
            ready: z.boolean(),
            database: z.enum(['ok', 'down']),
            migrations: z.object({ applied: z.number(), expected: z.number() }),
          }),
        },
      },
    },
    async (_request, reply) => {
      const r = await checkReadiness(deps);
      return reply.code(r.ready ? 200 : 503).send(r);
    },
  );

  app.get(
    '/metrics',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['operations'],
        summary: 'Prometheus metrics (Bearer METRICS_TOKEN when set)',
        hide: false,
      },
    },
    async (request, reply) => {
      const token = deps.config.metricsToken;
      if (token) {
        const sent = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
        if (!safeEqual(sent, token)) throw new AppError('UNAUTHENTICATED');
      }
      const backlog = await findBacklog(deps).catch(() => undefined);
      if (backlog) {
        metrics.backlog.reset();
        for (const [status, n] of Object.entries(backlog.jobs))
          metrics.backlog.set({ queue: 'jobs', status }, n);
        for (const [status, n] of Object.entries(backlog.outbox))
          metrics.backlog.set({ queue: 'outbox', status }, n);
      }
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
};
