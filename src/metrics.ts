import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { httpErrors } from './errors.js';

/**
 * Prometheus metrics at /metrics: process metrics and request durations by route. Readable from
 * loopback only, or with `Authorization: Bearer TRIBUNE_METRICS_TOKEN` from elsewhere.
 */
export function installMetrics(app: FastifyInstance, token: string | undefined): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'tribune_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    // The route pattern, not the URL, so label cardinality stays bounded.
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', async (request, reply) => {
    const loopback = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(request.socket.remoteAddress ?? '');
    const authorised = token !== undefined && request.headers.authorization === `Bearer ${token}`;
    if (!loopback && !authorised) throw httpErrors.raise('FORBIDDEN', 'Metrics are readable from loopback or with the metrics token.');
    return reply.type(registry.contentType).send(await registry.metrics());
  });
  return registry;
}
