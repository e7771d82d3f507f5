import type { ErrorReporter } from '../middleware/error-handler.js';
import type { AlertNotifier } from './alert.notifier.js';
import type { ErrorTracker } from './error.tracker.js';

/**
 * Sends every 5xx to error tracking and raises an `internal_error` alert for unexpected errors
 * (the alert carries the route, code and request id — never the error text, which may hold
 * anything). Never throws: the notifier logs its own delivery failures.
 *
 * @param tracker - Sentry or the no-op tracker
 * @param alerts - the alert hook
 * @returns the reporter to pass to `createApp`
 * @example
 * const app = createApp({ ...deps, reportError: createErrorReporter(tracker, alerts) });
 */
export function createErrorReporter(tracker: ErrorTracker, alerts: AlertNotifier): ErrorReporter {
  return (error, report) => {
    tracker.capture(error, report);
    if (report.code === 'internal_error') {
      void alerts.notify({
        kind: 'internal_error',
        summary: `${report.method} ${report.route} answered ${String(report.status)}`,
        fields: { code: report.code, requestId: report.requestId, error: error.name },
      });
    }
  };
}
