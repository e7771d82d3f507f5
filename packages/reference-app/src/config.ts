import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { MAX_AMOUNT } from './domain/money.js';

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  DATABASE_URL: z.string().min(1).default('./data/faultline.db'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TOKEN_TTL_SECONDS: z.coerce.number().int().min(1).max(30 * 24 * 3600).default(3600),
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  DEFAULT_CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an upper-case ISO 4217 code')
    .default('CNY'),
  TRANSFER_FEE: z.coerce.number().int().min(0).max(MAX_AMOUNT).default(75),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  ORDER_FREIGHT: z.coerce.number().int().min(0).max(MAX_AMOUNT).default(1000),
  GATEWAY_URL: z.url({ protocol: /^https?$/ }).optional(),
  GATEWAY_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(1).max(60_000).default(2000),
  BREAKER_HALF_OPEN_MS: z.coerce.number().int().min(1).max(3_600_000).default(10_000),
  RECONCILE_AFTER_MS: z.coerce.number().int().min(0).max(86_400_000).default(5000),
  RECONCILE_INTERVAL_MS: z.coerce.number().int().min(10).max(86_400_000).default(5000),
  SENTRY_DSN: z.url().optional(),
  ALERT_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
});

/** Log levels pino accepts. */
export type LogLevel = (typeof logLevels)[number];

/**
 * Everything the service can be configured with. Built by {@link loadConfig} from the
 * environment; tests build one with {@link parseConfig} and override fields.
 *
 * @example
 * const config: AppConfig = { ...parseConfig({ NODE_ENV: 'test' }), transferFee: 0 };
 */
export interface AppConfig {
  readonly env: 'development' | 'test' | 'production';
  /** `PORT`, default 3000 (0 picks a free port). */
  readonly port: number;
  /** `DATABASE_URL`: a SQLite path, `:memory:`, or `postgres://…`; default `./data/faultline.db`. */
  readonly databaseUrl: string;
  /** `JWT_SECRET` (HS256 key). */
  readonly jwtSecret: string;
  /** True when `JWT_SECRET` was unset and a random one was generated for this process. */
  readonly jwtSecretGenerated: boolean;
  /** `TOKEN_TTL_SECONDS`, default 3600. */
  readonly tokenTtlSeconds: number;
  /** `ADMIN_TOKEN`; admin routes do not exist when unset. */
  readonly adminToken: string | undefined;
  /** `DEFAULT_CURRENCY`, default `CNY`. */
  readonly defaultCurrency: string;
  /** `TRANSFER_FEE` in minor units, default 75. */
  readonly transferFee: number;
  /** `LOG_LEVEL`, default `info`. */
  readonly logLevel: LogLevel;
  /** scrypt cost parameter N (a power of two). Not an environment setting; tests lower it. */
  readonly passwordHashCost: number;
  /** How long a stored idempotent response is kept, seconds (contract: ≥ 24 h). */
  readonly idempotencyTtlSeconds: number;
  /** How long an unfinished idempotency claim blocks its key before another request may take it over. */
  readonly idempotencyLockSeconds: number;
  /** Largest accepted request body in bytes (contract: 1 MiB). */
  readonly bodyLimitBytes: number;
  /** Failed logins per email within {@link AppConfig.loginWindowSeconds} before `rate_limited`. */
  readonly maxFailedLogins: number;
  /** Sliding window of the failed-login limit, seconds. */
  readonly loginWindowSeconds: number;
  /** `ORDER_FREIGHT` in minor units, default 1000. */
  readonly orderFreight: number;
  /** `GATEWAY_URL`; unset → `main.ts` starts the gateway simulator on another port. */
  readonly gatewayUrl: string | undefined;
  /** `GATEWAY_WEBHOOK_SECRET` (HMAC key of gateway webhooks); generated when unset outside production. */
  readonly gatewayWebhookSecret: string;
  /** `GATEWAY_TIMEOUT_MS`: deadline of one gateway attempt, default 2000. */
  readonly gatewayTimeoutMs: number;
  /** `BREAKER_HALF_OPEN_MS`: how long an open breaker waits before a trial call, default 10000. */
  readonly breakerHalfOpenMs: number;
  /** First and longest backoff between gateway attempts, ms. Not environment settings; tests lower them. */
  readonly gatewayRetryDelayMs: { readonly initial: number; readonly max: number };
  /** `RECONCILE_AFTER_MS`: age of a `processing` payment before the reconciler asks, default 5000. */
  readonly reconcileAfterMs: number;
  /** `RECONCILE_INTERVAL_MS`: how often the reconciler runs in `main.ts`, default 5000. */
  readonly reconcileIntervalMs: number;
  /** `SENTRY_DSN`: error tracking of 5xx and unexpected errors when set. */
  readonly sentryDsn: string | undefined;
  /** `ALERT_WEBHOOK_URL`: Slack-compatible alerts when set. */
  readonly alertWebhookUrl: string | undefined;
}

/** The environment is invalid; the message names every bad variable, never its value. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Validates an environment and builds the configuration. Empty strings count as unset. When
 * `JWT_SECRET` is unset outside production a random secret is generated and
 * `jwtSecretGenerated` is set so the caller can warn.
 *
 * @param env - variables to read
 * @throws {ConfigError} when a variable is invalid, or `JWT_SECRET` is unset in production
 * @example
 * const config = parseConfig({ PORT: '0', DATABASE_URL: ':memory:' });
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid environment: ${problems.join('; ')}`);
  }
  const vars = parsed.data;
  if (vars.JWT_SECRET === undefined && vars.NODE_ENV === 'production') {
    throw new ConfigError('Invalid environment: JWT_SECRET: required when NODE_ENV is production');
  }
  if (vars.GATEWAY_WEBHOOK_SECRET === undefined && vars.GATEWAY_URL !== undefined && vars.NODE_ENV === 'production') {
    throw new ConfigError('Invalid environment: GATEWAY_WEBHOOK_SECRET: required with GATEWAY_URL when NODE_ENV is production');
  }
  return {
    env: vars.NODE_ENV,
    port: vars.PORT,
    databaseUrl: vars.DATABASE_URL,
    jwtSecret: vars.JWT_SECRET ?? randomBytes(32).toString('base64url'),
    jwtSecretGenerated: vars.JWT_SECRET === undefined,
    tokenTtlSeconds: vars.TOKEN_TTL_SECONDS,
    adminToken: vars.ADMIN_TOKEN,
    defaultCurrency: vars.DEFAULT_CURRENCY,
    transferFee: vars.TRANSFER_FEE,
    logLevel: vars.LOG_LEVEL,
    passwordHashCost: 16_384,
    idempotencyTtlSeconds: 24 * 3600,
    idempotencyLockSeconds: 60,
    bodyLimitBytes: 1024 * 1024,
    maxFailedLogins: 20,
    loginWindowSeconds: 5 * 60,
    orderFreight: vars.ORDER_FREIGHT,
    gatewayUrl: vars.GATEWAY_URL,
    gatewayWebhookSecret: vars.GATEWAY_WEBHOOK_SECRET ?? randomBytes(32).toString('base64url'),
    gatewayTimeoutMs: vars.GATEWAY_TIMEOUT_MS,
    breakerHalfOpenMs: vars.BREAKER_HALF_OPEN_MS,
    gatewayRetryDelayMs: { initial: 100, max: 1000 },
    reconcileAfterMs: vars.RECONCILE_AFTER_MS,
    reconcileIntervalMs: vars.RECONCILE_INTERVAL_MS,
    sentryDsn: vars.SENTRY_DSN,
    alertWebhookUrl: vars.ALERT_WEBHOOK_URL,
  };
}

/**
 * Reads the configuration from `process.env` — the only place in the service that does.
 *
 * @example
 * const config = loadConfig();
 */
export function loadConfig(): AppConfig {
  return parseConfig(process.env);
}
