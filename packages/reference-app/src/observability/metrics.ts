import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The service's Prometheus metrics, on a registry of their own (one per app, so tests never share
 * counters). Names and labels follow the HTTP contract.
 *
 * @example
 * metrics.httpRequests.inc({ method: 'GET', route: '/v1/balance', status_class: '2xx' });
 */
export interface Metrics {
  readonly registry: Registry;
  /** `http_requests_total{method,route,status_class}` */
  readonly httpRequests: Counter<'method' | 'route' | 'status_class'>;
  /** `http_request_duration_seconds{method,route,status_class}` */
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status_class'>;
  /** `app_errors_total{code}`: every problem answered, by code. */
  readonly appErrors: Counter<'code'>;
  /** `gateway_calls_total{channel,outcome}`: recorded by the gateway client. */
  readonly gatewayCalls: Counter<'channel' | 'outcome'>;
  /** `circuit_breaker_state{channel}`: 0 closed, 1 open, 2 half-open. */
  readonly circuitBreakerState: Gauge<'channel'>;
  /** `idempotency_replays_total`: stored responses replayed. */
  readonly idempotencyReplays: Counter;
  /** `idempotency_conflicts_total`: keys in use (409) or reused with another request (422). */
  readonly idempotencyConflicts: Counter;
}

/**
 * Creates the metrics on a fresh registry.
 *
 * @param options - `collectProcessMetrics` (default false) adds Node's default metrics
 * @example
 * const metrics = createMetrics({ collectProcessMetrics: true });
 * const text = await metrics.registry.metrics();
 */
export function createMetrics(options: { readonly collectProcessMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.collectProcessMetrics === true) {
    collectDefaultMetrics({ register: registry });
  }
  return {
    registry,
    httpRequests: new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status class.',
      labelNames: ['method', 'route', 'status_class'],
      registers: [registry],
    }),
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration in seconds, by method, route pattern and status class.',
      labelNames: ['method', 'route', 'status_class'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    appErrors: new Counter({
      name: 'app_errors_total',
      help: 'Problem responses, by error code.',
      labelNames: ['code'],
      registers: [registry],
    }),
    gatewayCalls: new Counter({
      name: 'gateway_calls_total',
      help: 'Payment gateway calls, by channel and outcome.',
      labelNames: ['channel', 'outcome'],
      registers: [registry],
    }),
    circuitBreakerState: new Gauge({
      name: 'circuit_breaker_state',
      help: 'Circuit breaker state per channel: 0 closed, 1 open, 2 half-open.',
      labelNames: ['channel'],
      registers: [registry],
    }),
    idempotencyReplays: new Counter({
      name: 'idempotency_replays_total',
      help: 'Stored responses replayed for a repeated idempotency key.',
      registers: [registry],
    }),
    idempotencyConflicts: new Counter({
      name: 'idempotency_conflicts_total',
      help: 'Idempotency keys refused: still in use (409) or reused for another request (422).',
      registers: [registry],
    }),
  };
}
