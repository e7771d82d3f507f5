import { scrubText } from './sentry.scrubber.js';

/** What an alert is about; each kind (and key) is rate-limited separately. */
export type AlertKind = 'internal_error' | 'breaker_open';

/** One alert. `key` narrows rate limiting (e.g. the channel of a breaker). */
export interface Alert {
  readonly kind: AlertKind;
  readonly key?: string | undefined;
  readonly summary: string;
  readonly fields?: Readonly<Record<string, string>> | undefined;
}

/** What became of an alert. */
export type AlertDelivery = 'sent' | 'suppressed' | 'failed' | 'disabled';

/** Minimal logger (pino-compatible) for delivery failures. */
export interface AlertLogger {
  warn(object: Record<string, unknown>, message: string): void;
}

/** Posts alerts somewhere humans look. */
export interface AlertNotifier {
  notify(alert: Alert): Promise<AlertDelivery>;
}

/** Options of {@link createAlertNotifier}. */
export interface AlertNotifierOptions {
  /** `ALERT_WEBHOOK_URL` (a Slack incoming webhook or compatible); unset → disabled. */
  readonly url: string | undefined;
  readonly logger: AlertLogger;
  /** Least time between two alerts of the same kind and key; default 60 000 ms. */
  readonly minIntervalMs?: number;
  /** Deadline of one post; default 2000 ms. */
  readonly timeoutMs?: number;
  /** Shown in every message; default `faultline-reference-app`. */
  readonly service?: string;
  /** Clock in milliseconds; default `Date.now`. */
  readonly now?: () => number;
}

interface Window {
  lastSentAt: number;
  suppressed: number;
}

/**
 * Creates the alert hook: Slack-compatible JSON (`text` plus `blocks`) posted to
 * `ALERT_WEBHOOK_URL`, at most one per kind and key per interval (the next one says how many
 * were suppressed), each post with a deadline, failures logged and never thrown — an alert must
 * not turn into another incident.
 *
 * @param options - URL, logger, interval (60 s), timeout (2 s), service name, clock
 * @returns the notifier
 * @example
 * const alerts = createAlertNotifier({ url: config.alertWebhookUrl, logger });
 * await alerts.notify({ kind: 'breaker_open', key: 'card', summary: 'Card gateway breaker opened' });
 */
export function createAlertNotifier(options: AlertNotifierOptions): AlertNotifier {
  const { url, logger } = options;
  const minIntervalMs = options.minIntervalMs ?? 60_000;
  const timeoutMs = options.timeoutMs ?? 2000;
  const service = options.service ?? 'faultline-reference-app';
  const now = options.now ?? Date.now;
  const windows = new Map<string, Window>();

  function admit(id: string): { readonly admitted: boolean; readonly suppressed: number } {
    const at = now();
    const window = windows.get(id);
    if (window !== undefined && at - window.lastSentAt < minIntervalMs) {
      window.suppressed += 1;
      return { admitted: false, suppressed: window.suppressed };
    }
    const suppressed = window?.suppressed ?? 0;
    windows.set(id, { lastSentAt: at, suppressed: 0 });
    return { admitted: true, suppressed };
  }

  function render(alert: Alert, suppressed: number): string {
    const lines = Object.entries(alert.fields ?? {}).map(([name, value]) => `• *${name}*: ${scrubText(value)}`);
    const tail = suppressed > 0 ? `\n_${suppressed} similar alert(s) suppressed since the last one_` : '';
    return `[${service}] ${alert.kind}: ${scrubText(alert.summary)}${lines.length > 0 ? `\n${lines.join('\n')}` : ''}${tail}`;
  }

  return {
    async notify(alert) {
      if (url === undefined) {
        return 'disabled';
      }
      const window = admit(`${alert.kind}:${alert.key ?? ''}`);
      if (!window.admitted) {
        return 'suppressed';
      }
      const text = render(alert, window.suppressed);
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.body?.cancel();
        if (!response.ok) {
          logger.warn({ kind: alert.kind, status: response.status }, 'alert webhook refused the alert');
          return 'failed';
        }
        return 'sent';
      } catch (error) {
        logger.warn({ kind: alert.kind, err: error }, 'alert webhook could not be reached');
        return 'failed';
      }
    },
  };
}
