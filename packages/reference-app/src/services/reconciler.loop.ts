import type { Logger } from '../observability/logger.js';
import type { ReconcilerService } from './reconciler.service.js';

/** A running reconciliation loop. */
export interface ReconcilerLoop {
  /** Stops scheduling rounds and waits for the current one to finish. */
  stop(): Promise<void>;
}

/**
 * Runs `reconcileOnce` every `intervalMs`, one round at a time (a slow round delays the next
 * instead of overlapping it). A failed round is logged and the loop goes on.
 *
 * @param reconciler - the reconciler
 * @param options - interval (`RECONCILE_INTERVAL_MS`) and logger
 * @returns the loop
 * @example
 * const loop = startReconcilerLoop(services.reconciler, { intervalMs: config.reconcileIntervalMs, logger });
 * await loop.stop();
 */
export function startReconcilerLoop(reconciler: ReconcilerService, options: { readonly intervalMs: number; readonly logger: Logger }): ReconcilerLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();

  const schedule = (): void => {
    if (stopped) {
      return;
    }
    timer = setTimeout(() => {
      round = reconciler.reconcileOnce().then(
        (report) => {
          if (report.paymentsSettled + report.refundsSettled + report.deferred > 0) {
            options.logger.info(report, 'reconciliation round');
          }
          schedule();
        },
        (error: unknown) => {
          options.logger.error({ err: error }, 'reconciliation round failed');
          schedule();
        },
      );
    }, options.intervalMs);
    timer.unref();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}
