import type { ServiceModule } from './service-module.js';

/**
 * `<module>.events.ts`: the module's outbox event payloads and a consumer that dispatches them.
 *
 * @param module - the module
 * @example
 * write(`src/${module.name}/${module.name}.events.ts`, eventsFile(module));
 */
export function eventsFile(module: ServiceModule): string {
  const { pascal: type, camel } = module;
  return `import type { Logger } from '../observability/logger.js';

export type ${type}Event =
  | { type: '${module.name}.created'; id: number; accountId: number }
  | { type: '${module.name}.completed'; id: number }
  | { type: '${module.name}.cancelled'; id: number; reason: string }
  | { type: '${module.name}.failed'; id: number; attempts: number };

export interface ${type}EventHandlers {
  created?: (event: Extract<${type}Event, { type: '${module.name}.created' }>) => Promise<void>;
  completed?: (event: Extract<${type}Event, { type: '${module.name}.completed' }>) => Promise<void>;
  cancelled?: (event: Extract<${type}Event, { type: '${module.name}.cancelled' }>) => Promise<void>;
  failed?: (event: Extract<${type}Event, { type: '${module.name}.failed' }>) => Promise<void>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function parse${type}Event(topic: string, payload: unknown): ${type}Event | undefined {
  if (!isRecord(payload) || typeof payload.id !== 'number') return undefined;
  switch (topic) {
    case '${module.name}.created':
      return typeof payload.accountId === 'number' ? { type: topic, id: payload.id, accountId: payload.accountId } : undefined;
    case '${module.name}.completed':
      return { type: topic, id: payload.id };
    case '${module.name}.cancelled':
      return { type: topic, id: payload.id, reason: typeof payload.reason === 'string' ? payload.reason : 'unknown' };
    case '${module.name}.failed':
      return { type: topic, id: payload.id, attempts: typeof payload.attempts === 'number' ? payload.attempts : 0 };
    default:
      return undefined;
  }
}

export async function dispatch${type}Event(event: ${type}Event, handlers: ${type}EventHandlers, logger: Logger): Promise<boolean> {
  switch (event.type) {
    case '${module.name}.created':
      if (handlers.created === undefined) return false;
      await handlers.created(event);
      return true;
    case '${module.name}.completed':
      if (handlers.completed === undefined) return false;
      await handlers.completed(event);
      return true;
    case '${module.name}.cancelled':
      if (handlers.cancelled === undefined) return false;
      await handlers.cancelled(event);
      return true;
    case '${module.name}.failed':
      if (handlers.failed === undefined) return false;
      logger.warn({ ${camel}Id: event.id, attempts: event.attempts }, '${module.name} failed');
      await handlers.failed(event);
      return true;
  }
}

export function describe${type}Event(event: ${type}Event): string {
  switch (event.type) {
    case '${module.name}.created':
      return \`${module.name} \${String(event.id)} created for account \${String(event.accountId)}\`;
    case '${module.name}.completed':
      return \`${module.name} \${String(event.id)} completed\`;
    case '${module.name}.cancelled':
      return \`${module.name} \${String(event.id)} cancelled: \${event.reason}\`;
    case '${module.name}.failed':
      return \`${module.name} \${String(event.id)} failed after \${String(event.attempts)} attempts\`;
  }
}
`;
}
