import type { ServiceModule } from './service-module.js';

const MONEY = `export type Currency = 'EUR' | 'USD' | 'GBP' | 'CNY' | 'JPY';

/** An amount in integer minor units (cents), never a float. */
export interface Money {
  amountMinor: number;
  currency: Currency;
}

export class CurrencyMismatchError extends Error {
  override name = 'CurrencyMismatchError';
}

export function money(amountMinor: number, currency: Currency): Money {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(\`not an integer amount: \${String(amountMinor)}\`);
  return { amountMinor, currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(\`\${a.currency} and \${b.currency}\`);
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amountMinor + b.amountMinor, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amountMinor - b.amountMinor, a.currency);
}

/** Applies a rate in basis points, rounding half away from zero. */
export function applyBasisPoints(amount: Money, basisPoints: number): Money {
  const raw = (amount.amountMinor * basisPoints) / 10_000;
  return money(Math.sign(raw) * Math.round(Math.abs(raw)), amount.currency);
}

/** Splits an amount into parts proportional to the weights; the remainder goes to the first parts. */
export function allocate(amount: Money, weights: readonly number[]): Money[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total <= 0) throw new RangeError('weights must add up to more than zero');
  const shares = weights.map((weight) => Math.floor((amount.amountMinor * weight) / total));
  let remainder = amount.amountMinor - shares.reduce((sum, share) => sum + share, 0);
  for (let index = 0; remainder > 0; index = (index + 1) % shares.length) {
    shares[index] = (shares[index] ?? 0) + 1;
    remainder -= 1;
  }
  return shares.map((share) => money(share, amount.currency));
}

export function compare(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.amountMinor === b.amountMinor ? 0 : a.amountMinor < b.amountMinor ? -1 : 1;
}

export function isPositive(amount: Money): boolean {
  return amount.amountMinor > 0;
}

const DIGITS: Record<Currency, number> = { EUR: 2, USD: 2, GBP: 2, CNY: 2, JPY: 0 };

export function format(amount: Money): string {
  const digits = DIGITS[amount.currency];
  const major = amount.amountMinor / 10 ** digits;
  return \`\${major.toFixed(digits)} \${amount.currency}\`;
}

export function sum(amounts: readonly Money[], currency: Currency): Money {
  return amounts.reduce((total, amount) => add(total, amount), money(0, currency));
}
`;

const CLOCK = `export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date): Clock {
  return { now: () => new Date(at.getTime()) };
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

export function startOfDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function isBefore(a: Date, b: Date): boolean {
  return a.getTime() < b.getTime();
}
`;

const PAGINATION = `export interface PageRequest {
  limit: number;
  cursor: number | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: number | null;
}

export const MAX_PAGE_SIZE = 200;

export function toPageRequest(query: { limit?: string | undefined; cursor?: string | undefined }): PageRequest {
  const limit = query.limit === undefined ? 50 : Number.parseInt(query.limit, 10);
  const cursor = query.cursor === undefined ? null : Number.parseInt(query.cursor, 10);
  return {
    limit: Number.isNaN(limit) ? 50 : Math.min(Math.max(limit, 1), MAX_PAGE_SIZE),
    cursor: cursor === null || Number.isNaN(cursor) ? null : cursor,
  };
}

export function toPage<T extends { id: number }>(rows: T[], request: PageRequest): Page<T> {
  const items = rows.slice(0, request.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > request.limit && last !== undefined ? last.id : null };
}
`;

const RETRY = `export interface RetryOptions {
  attempts: number;
  baseDelayMs: number;
  isTransient: (error: unknown) => boolean;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function backoffDelay(attempt: number, baseDelayMs: number): number {
  const exponential = baseDelayMs * 2 ** Math.min(attempt, 10);
  return Math.round(exponential / 2 + (exponential / 2) * ((attempt * 7919) % 100) / 100);
}

export async function retry<T>(operation: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  let attempt = 0;
  for (;;) {
    try {
      return await operation(attempt);
    } catch (error) {
      attempt += 1;
      if (attempt >= options.attempts || !options.isTransient(error)) throw error;
      await sleep(backoffDelay(attempt, options.baseDelayMs));
    }
  }
}
`;

const LOGGER = `export type LogContext = Record<string, unknown>;

export interface Logger {
  info(context: LogContext, message: string): void;
  warn(context: LogContext, message: string): void;
  error(context: LogContext, message: string): void;
  child(bindings: LogContext): Logger;
}

export function createLogger(bindings: LogContext = {}): Logger {
  const write = (level: string, context: LogContext, message: string) => {
    const line = JSON.stringify({ level, time: new Date().toISOString(), message, ...bindings, ...context });
    (level === 'error' ? process.stderr : process.stdout).write(\`\${line}\\n\`);
  };
  return {
    info: (context, message) => {
      write('info', context, message);
    },
    warn: (context, message) => {
      write('warn', context, message);
    },
    error: (context, message) => {
      write('error', context, message);
    },
    child: (more) => createLogger({ ...bindings, ...more }),
  };
}

export const logger = createLogger({ service: 'generated' });
`;

const ERRORS = `/** A failure the client caused; its message is safe to show. */
export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    message: string,
    readonly code: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export class NotFoundError extends DomainError {
  override name = 'NotFoundError';
}

export class ConflictError extends DomainError {
  override name = 'ConflictError';
}

export class GatewayError extends Error {
  override name = 'GatewayError';
  constructor(
    message: string,
    readonly transient: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
`;

const OUTBOX = `import type { Executor } from '../db/database.js';

export async function recordEvent(db: Executor, entity: string, entityId: number, kind: string, payload?: Record<string, unknown>): Promise<void> {
  await db
    .insertInto('events')
    .values({ entity, entity_id: entityId, kind, payload: payload === undefined ? null : JSON.stringify(payload), created_at: new Date() })
    .execute();
}

export async function enqueue(db: Executor, topic: string, payload: Record<string, unknown>): Promise<number> {
  const row = await db
    .insertInto('outbox')
    .values({ topic, payload: JSON.stringify(payload), created_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function claimOutbox(db: Executor, limit: number) {
  return db
    .selectFrom('outbox')
    .select(['id', 'topic', 'payload', 'attempts'])
    .where('published_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function markPublished(db: Executor, id: number): Promise<void> {
  await db.updateTable('outbox').set({ published_at: new Date() }).where('id', '=', id).execute();
}
`;

const CONFIG = `import { z } from 'zod';

const environment = z.object({
  PORT: z.coerce.number().int().positive().default(3000),
  DATABASE_URL: z.string().url(),
  GATEWAY_URL: z.string().url().default('https://gateway.example.com'),
  GATEWAY_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type Config = z.infer<typeof environment>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return environment.parse(env);
}
`;

const REQUEST_ID = `import type { MiddlewareHandler } from 'hono';

export type AppEnv = { Variables: { requestId: string } };

export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('requestId', c.req.header('x-request-id') ?? crypto.randomUUID());
    await next();
    c.header('x-request-id', c.get('requestId'));
  };
}
`;

const ERROR_HANDLER = `import type { ErrorHandler } from 'hono';
import { ConflictError, DomainError, NotFoundError } from '../lib/errors.js';
import { logger } from '../observability/logger.js';
import type { AppEnv } from './request-id.js';

export const errorHandler: ErrorHandler<AppEnv> = (error, c) => {
  const instance = c.req.path;
  if (error instanceof NotFoundError) return c.json({ type: 'about:blank', title: 'Not found', status: 404, code: error.code, instance }, 404);
  if (error instanceof ConflictError) return c.json({ type: 'about:blank', title: 'Conflict', status: 409, code: error.code, instance }, 409);
  if (error instanceof DomainError) return c.json({ type: 'about:blank', title: error.message, status: 422, code: error.code, instance }, 422);
  logger.error({ err: error, requestId: c.get('requestId') }, 'unhandled error');
  return c.json({ type: 'about:blank', title: 'Internal error', status: 500, instance }, 500);
};
`;

/**
 * The service's shared files (lib, config, middleware, observability, outbox), keyed by path.
 *
 * @example
 * for (const [file, text] of Object.entries(SHARED_FILES)) write(file, text);
 */
export const SHARED_FILES: Readonly<Record<string, string>> = {
  'src/lib/money.ts': MONEY,
  'src/lib/clock.ts': CLOCK,
  'src/lib/pagination.ts': PAGINATION,
  'src/lib/retry.ts': RETRY,
  'src/lib/errors.ts': ERRORS,
  'src/observability/logger.ts': LOGGER,
  'src/outbox/outbox.repository.ts': OUTBOX,
  'src/config.ts': CONFIG,
  'src/middleware/request-id.ts': REQUEST_ID,
  'src/middleware/error-handler.ts': ERROR_HANDLER,
};

/**
 * \`src/app.ts\`: mounts every module's routes; the only file that knows them all.
 *
 * @param modules - every module of the project
 * @example
 * write('src/app.ts', appFile(modules));
 */
export function appFile(modules: readonly ServiceModule[]): string {
  const imports = modules.map((module) => `import { create${module.pascal}Routes } from './${module.name}/${module.name}.routes.js';`);
  const mounts = modules.map((module) => `  app.route('/', create${module.pascal}Routes(deps));`);
  return `import { Hono } from 'hono';
import type { Database } from './db/database.js';
import type { Clock } from './lib/clock.js';
import { errorHandler } from './middleware/error-handler.js';
import { requestId, type AppEnv } from './middleware/request-id.js';
${imports.join('\n')}

export interface AppDependencies {
  db: Database;
  clock: Clock;
}

export function createApp(deps: AppDependencies) {
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.onError(errorHandler);
  app.get('/health', (c) => c.json({ ok: true }));
${mounts.join('\n')}
  return app;
}
`;
}
