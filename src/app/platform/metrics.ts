import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one process, served at `/metrics`. A registry per process (and per test app). */
export type Metrics = ReturnType<typeof createMetrics>;

export const createMetrics = () => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'closeloop_' });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'closeloop_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    jobsSettled: new Counter({
      name: 'closeloop_jobs_settled_total',
      help: 'Jobs finished by outcome',
      labelNames: ['kind', 'outcome'] as const,
      registers: [registry],
    }),
    outboxSettled: new Counter({
      name: 'closeloop_outbox_events_settled_total',
      help: 'Outbox delivery attempts by outcome',
      labelNames: ['type', 'outcome'] as const,
      registers: [registry],
    }),
    backlog: new Gauge({
      name: 'closeloop_backlog',
      help: 'Rows waiting by queue and status (sampled at scrape time)',
      labelNames: ['queue', 'status'] as const,
      registers: [registry],
    }),
  };
};
