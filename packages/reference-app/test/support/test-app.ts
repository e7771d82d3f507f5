import { Writable } from 'node:stream';
import { expect } from 'vitest';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApp, type AppDeps } from '../../src/app.js';
import { parseConfig, type AppConfig } from '../../src/config.js';
import type { Database } from '../../src/db/database.js';
import type { Clock } from '../../src/domain/clock.js';
import { createIdGenerator } from '../../src/domain/ids.js';
import type { AppEnv } from '../../src/middleware/app-env.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics, type Metrics } from '../../src/observability/metrics.js';
import { createServices, type Services } from '../../src/services/services.js';
import { anyString } from './matchers.js';

/** A clock that stands still until told to move. */
export interface TestClock extends Clock {
  advance(ms: number): void;
  set(date: Date): void;
}

/**
 * @param start - the first instant; default 2025-01-01T00:00:00Z
 */
export function createTestClock(start = new Date('2025-01-01T00:00:00.000Z')): TestClock {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    set: (date) => {
      now = date.getTime();
    },
  };
}

/** The admin token of test apps. */
export const ADMIN_TOKEN = 'test-admin-token-0123456789';
/** The JWT secret of test apps. */
export const JWT_SECRET = 'test-jwt-secret-0123456789abcdefghijklmnop';

/**
 * A test configuration: the defaults of the contract, a known JWT secret and admin token, and a
 * cheap scrypt cost so registering hundreds of users stays fast.
 *
 * @param env - environment overrides
 * @param overrides - field overrides
 */
export function testConfig(env: Record<string, string> = {}, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    ...parseConfig({ NODE_ENV: 'test', JWT_SECRET, ADMIN_TOKEN, ...env }),
    passwordHashCost: 1024,
    ...overrides,
  };
}

/** One app on one database, with its clock, captured logs and helpers. */
export interface TestApp {
  readonly app: OpenAPIHono<AppEnv>;
  readonly database: Database;
  readonly clock: TestClock;
  readonly config: AppConfig;
  readonly services: Services;
  readonly metrics: Metrics;
  /** Every log line written so far, raw. */
  readonly logs: string[];
  /** `app.request` with a JSON body. */
  json(method: string, path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Registers a user and logs in; returns its id, email and auth header. */
  signUp(email: string, password?: string): Promise<TestUser>;
  /** Logs an existing user in again (a fresh token at the clock's current time). */
  relogin(user: TestUser): Promise<TestUser>;
  /** Tops up through the HTTP API with a fresh idempotency key. */
  topUp(user: TestUser, amount: number): Promise<Response>;
  /** Transfers through the HTTP API with a fresh idempotency key. */
  transfer(user: TestUser, body: Record<string, unknown>, key?: string): Promise<Response>;
  /** The available balance of a user, over HTTP. */
  balance(user: TestUser): Promise<number>;
  /** `GET /v1/admin/ledger/verify`. */
  verifyLedger(): Promise<Record<string, unknown>>;
}

/** A registered, logged-in user. */
export interface TestUser {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly token: string;
  readonly headers: Record<string, string>;
}

let keyCounter = 0;

/**
 * A fresh idempotency key.
 *
 * @param prefix - readable prefix
 */
export function newKey(prefix = 'key'): string {
  keyCounter += 1;
  return `${prefix}-${String(process.pid)}-${String(Date.now())}-${String(keyCounter)}`;
}

/**
 * Builds an app on `database` with a fixed clock and a log capture.
 *
 * @param database - a migrated, seeded database
 * @param options - config env/overrides, clock, extra deps
 */
export function createTestApp(
  database: Database,
  options: {
    readonly env?: Record<string, string>;
    readonly config?: Partial<AppConfig>;
    readonly clock?: TestClock;
    readonly deps?: Partial<AppDeps>;
  } = {},
): TestApp {
  const clock = options.clock ?? createTestClock();
  const config = testConfig(options.env, options.config);
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  const logger = createLogger({ level: 'debug', destination });
  const ids = createIdGenerator(() => clock.now().getTime());
  const metrics = createMetrics();
  const services = createServices({ database, clock, ids, config, logger });
  const app = createApp({ database, clock, ids, logger, config, metrics, services, ...options.deps });

  async function json(method: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return app.request(path, {
      method,
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async function login(id: string, email: string, password: string): Promise<TestUser> {
    const res = await json('POST', '/v1/auth/login', { email, password });
    if (res.status !== 200) {
      throw new Error(`login ${email}: ${String(res.status)} ${await res.text()}`);
    }
    const { accessToken } = (await res.json()) as { accessToken: string };
    return { id, email, password, token: accessToken, headers: { authorization: `Bearer ${accessToken}` } };
  }

  async function signUp(email: string, password = 'correct horse battery'): Promise<TestUser> {
    const registered = await json('POST', '/v1/auth/register', { email, password });
    if (registered.status !== 201) {
      throw new Error(`register ${email}: ${String(registered.status)} ${await registered.text()}`);
    }
    const { user } = (await registered.json()) as { user: { id: string; email: string } };
    return login(user.id, user.email, password);
  }

  return {
    app,
    database,
    clock,
    config,
    services,
    metrics,
    logs,
    json,
    signUp,
    relogin: (user) => login(user.id, user.email, user.password),
    topUp: (user, amount) => json('POST', '/v1/top-ups', { amount }, { ...user.headers, 'idempotency-key': newKey('topup') }),
    transfer: (user, body, key = newKey('transfer')) => json('POST', '/v1/transfers', body, { ...user.headers, 'idempotency-key': key }),
    async balance(user) {
      const res = await app.request('/v1/balance', { headers: user.headers });
      const body = (await res.json()) as { available: number };
      return body.available;
    },
    async verifyLedger() {
      const res = await app.request('/v1/admin/ledger/verify', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      return (await res.json()) as Record<string, unknown>;
    },
  };
}

/**
 * Asserts the shape every problem response must have and returns its body.
 *
 * @param res - a response
 * @param status - the expected status
 * @param code - the expected code
 */
export async function expectProblem(res: Response, status: number, code: string): Promise<Record<string, unknown>> {
  const text = await res.text();
  expect({ status: res.status, contentType: res.headers.get('content-type'), text }).toMatchObject({
    status,
    contentType: 'application/problem+json',
  });
  const body = JSON.parse(text) as Record<string, unknown>;
  const requestId = res.headers.get('x-request-id');
  expect(requestId).toBeTruthy();
  expect(body).toMatchObject({
    type: `/problems/${code.replaceAll('_', '-')}`,
    title: anyString,
    status,
    detail: anyString,
    instance: `urn:request:${String(requestId)}`,
    code,
    requestId,
  });
  return body;
}
