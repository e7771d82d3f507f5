import { NodeClient, Scope, defaultStackParser, makeNodeTransport } from '@sentry/node';
import { scrubSentryEvent } from './sentry.scrubber.js';

/** What is known about the request an error happened in. */
export interface ErrorContext {
  /** The HTTP status answered; only 5xx is tracked. */
  readonly status: number;
  readonly code: string;
  readonly requestId?: string | undefined;
  readonly method?: string | undefined;
  /** The route pattern (`/v1/orders/:id`), never the concrete URL. */
  readonly route?: string | undefined;
  readonly userId?: string | undefined;
}

/** Receives server-side failures (5xx and unexpected errors). */
export interface ErrorTracker {
  capture(error: unknown, context: ErrorContext): void;
  /** Waits up to `timeoutMs` for queued events to be sent (shutdown, tests). */
  flush(timeoutMs: number): Promise<boolean>;
}

/** Options of {@link createSentryErrorTracker}. */
export interface SentryErrorTrackerOptions {
  /** `SENTRY_DSN`. */
  readonly dsn: string;
  readonly environment?: string | undefined;
  readonly release?: string | undefined;
}

/**
 * Whether an answer deserves error tracking: 4xx are the client's business and are not sent.
 *
 * @param status - the HTTP status answered
 * @returns `true` for 5xx
 * @example
 * isTrackedStatus(503); // true
 */
export function isTrackedStatus(status: number): boolean {
  return status >= 500;
}

/**
 * A tracker that drops everything (no `SENTRY_DSN`).
 *
 * @returns the no-op tracker
 * @example
 * const tracker = createNoopErrorTracker();
 */
export function createNoopErrorTracker(): ErrorTracker {
  return {
    capture: () => undefined,
    flush: () => Promise.resolve(true),
  };
}

/**
 * Creates a Sentry tracker on its own client and scope, not the SDK's global one, so the app stays
 * a factory (tests build several) and no automatic instrumentation is installed. PII is off and
 * every event goes through {@link scrubSentryEvent}.
 *
 * @param options - DSN, environment, release
 * @returns the tracker
 * @example
 * const tracker = config.sentryDsn ? createSentryErrorTracker({ dsn: config.sentryDsn }) : createNoopErrorTracker();
 */
export function createSentryErrorTracker(options: SentryErrorTrackerOptions): ErrorTracker {
  const client = new NodeClient({
    dsn: options.dsn,
    environment: options.environment,
    release: options.release,
    // Sentry 11 replaced `sendDefaultPii: false` with per-category switches: collect nothing
    // personal, no cookies, headers, bodies or query strings; the scrubber is the second line.
    dataCollection: {
      userInfo: false,
      cookies: false,
      httpHeaders: false,
      httpBodies: [],
      urlQueryParams: false,
    },
    integrations: [],
    stackParser: defaultStackParser,
    transport: makeNodeTransport,
    beforeSend: scrubSentryEvent,
  });
  client.init();
  const root = new Scope();
  root.setClient(client);

  return {
    capture(error, context) {
      if (!isTrackedStatus(context.status)) {
        return;
      }
      const scope = root.clone();
      scope.setTags({ code: context.code, status: String(context.status) });
      if (context.route !== undefined) {
        scope.setTag('route', `${context.method ?? ''} ${context.route}`.trim());
      }
      if (context.requestId !== undefined) {
        scope.setTag('request_id', context.requestId);
      }
      if (context.userId !== undefined) {
        scope.setUser({ id: context.userId });
      }
      scope.captureException(error);
    },
    flush: async (timeoutMs) => client.flush(timeoutMs),
  };
}
