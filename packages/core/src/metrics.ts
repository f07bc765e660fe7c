import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** One Prometheus registry per process, with the platform's own series. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'assay_http_request_duration_seconds',
      help: 'HTTP request latency by route, method and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    jobsFinished: new Counter({
      name: 'assay_jobs_finished_total',
      help: 'Jobs finished by queue, name and outcome',
      labelNames: ['queue', 'name', 'outcome'],
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'assay_job_duration_seconds',
      help: 'Job run time by queue and outcome',
      labelNames: ['queue', 'outcome'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 1800],
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: 'assay_queue_depth',
      help: 'Jobs waiting, by queue and status (from the jobs table)',
      labelNames: ['queue', 'status'],
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
