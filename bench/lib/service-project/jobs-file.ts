import type { ServiceModule } from './service-module.js';

/**
 * `<module>.jobs.ts`: the background worker that retries due items, calling the gateway when the
 * module has one.
 *
 * @param module - the module
 * @example
 * write(`src/${module.name}/${module.name}.jobs.ts`, jobsFile(module));
 */
export function jobsFile(module: ServiceModule): string {
  const { pascal: type, camel, gateway } = module;
  const upper = module.name.replaceAll('-', '_').toUpperCase();
  const work = gateway
    ? `      const result = await deps.gateway.submit({ reference: item.reference, amountMinor: item.amount.amountMinor, currency: item.amount.currency });
      await deps.db.transaction().execute(async (trx) => {
        await record${type}Attempt(trx, item.id, result.externalId, now);
        await transition${type}(trx, item.id, item.status, result.status === 'accepted' ? 'active' : 'failed', now);
        await recordEvent(trx, '${module.table}', item.id, \`submitted:\${result.status}\`);
      });`
    : `      await deps.db.transaction().execute(async (trx) => {
        await record${type}Attempt(trx, item.id, null, now);
        await transition${type}(trx, item.id, item.status, 'active', now);
        await recordEvent(trx, '${module.table}', item.id, 'activated');
      });`;
  return `import type { Database } from '../db/database.js';
import type { Clock } from '../lib/clock.js';
import { GatewayError } from '../lib/errors.js';
import type { Logger } from '../observability/logger.js';
import { recordEvent } from '../outbox/outbox.repository.js';
${gateway ? `import type { ${type}Gateway } from './${module.name}.gateway.js';\n` : ''}import { next${type}AttemptAt, sort${type}sByPriority, ${upper}_MAX_ATTEMPTS } from './${module.name}.policy.js';
import { listDue${type}s, record${type}Attempt, transition${type}, update${type} } from './${module.name}.repository.js';

export interface ${type}JobDependencies {
  db: Database;
  clock: Clock;
  logger: Logger;${gateway ? `\n  gateway: ${type}Gateway;` : ''}
}

export interface BatchOutcome {
  processed: number;
  succeeded: number;
  retried: number;
  abandoned: number;
}

export async function process${type}Batch(deps: ${type}JobDependencies, size = 25): Promise<BatchOutcome> {
  const now = deps.clock.now();
  const due = sort${type}sByPriority(await listDue${type}s(deps.db, now, size), now);
  const outcome: BatchOutcome = { processed: 0, succeeded: 0, retried: 0, abandoned: 0 };
  for (const item of due) {
    outcome.processed += 1;
    try {
${work}
      outcome.succeeded += 1;
    } catch (error) {
      const transient = error instanceof GatewayError && error.transient;
      const nextAt = transient ? next${type}AttemptAt(item.attempts + 1, now) : null;
      if (nextAt === null || item.attempts + 1 >= ${upper}_MAX_ATTEMPTS) {
        deps.logger.error({ err: error, ${camel}Id: item.id }, 'giving up on ${module.name}');
        await transition${type}(deps.db, item.id, item.status, 'failed', now);
        outcome.abandoned += 1;
      } else {
        deps.logger.warn({ err: error, ${camel}Id: item.id, nextAt: nextAt.toISOString() }, 'will retry ${module.name}');
        await update${type}(deps.db, item.id, { dueAt: nextAt }, now);
        outcome.retried += 1;
      }
    }
  }
  return outcome;
}

export function start${type}Worker(deps: ${type}JobDependencies, intervalMs = 5_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    process${type}Batch(deps)
      .then((outcome) => {
        if (outcome.processed > 0) deps.logger.info({ ...outcome }, '${module.name} batch done');
      })
      .catch((error: unknown) => {
        deps.logger.error({ err: error }, '${module.name} batch failed');
      })
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  return () => {
    clearInterval(timer);
  };
}
`;
}
