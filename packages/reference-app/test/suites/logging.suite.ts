import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateTestDatabase, TestDatabase } from '../support/test-database.js';
import { ADMIN_TOKEN, JWT_SECRET, createTestApp, newKey, type TestApp } from '../support/test-app.js';
import { anyNumber, containing, objectContaining } from '../support/matchers.js';

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  userId?: string;
  route?: string;
  method?: string;
  status?: number;
  code?: string;
  durationMs?: number;
  err?: { stack?: string };
}

/**
 * What the service writes to its logs: one line per request with context, errors with stacks,
 * and never a password, token or authorization header.
 *
 * @param createDatabase - a fresh database per test
 */
export function describeLoggingSuite(createDatabase: CreateTestDatabase): void {
  describe('logs', () => {
    let db: TestDatabase;
    let t: TestApp;

    beforeEach(async () => {
      db = await createDatabase();
      t = createTestApp(db.database);
    });
    afterEach(async () => {
      await db.cleanup();
    });

    const lines = (): LogLine[] => t.logs.map((line) => JSON.parse(line) as LogLine);

    it('never contains a password, a token, a secret or an authorization header', async () => {
      const password = 'pw-Sup3r-Secret-Value';
      t.app.get('/test/fail', () => {
        throw new Error('failure while handling a request');
      });
      const ada = await t.signUp('ada@example.com', password);
      const bob = await t.signUp('bob@example.com', 'pw-Another-Secret-Value');
      await t.json('POST', '/v1/auth/login', { email: 'ada@example.com', password: 'pw-Wrong-Secret-Value' });
      await t.topUp(ada, 1000);
      await t.transfer(ada, { to: bob.id, amount: 10, note: 'lunch' });
      await t.app.request('/v1/transfers', { headers: ada.headers });
      await t.verifyLedger();
      await t.app.request('/v1/balance', { headers: { authorization: 'Bearer pw-Forged-Token-Value' } });
      await t.app.request('/test/fail', { headers: ada.headers });
      await t.json('POST', '/v1/top-ups', { amount: 1, password }, { ...ada.headers, 'idempotency-key': newKey(), cookie: 'session=pw-Cookie-Value' });

      const all = t.logs.join('\n');
      expect(t.logs.length).toBeGreaterThan(10);
      for (const secret of ['pw-', ada.token, bob.token, ADMIN_TOKEN, JWT_SECRET, 'Bearer', 'session=']) {
        expect(all).not.toContain(secret);
      }
      expect(all.toLowerCase()).not.toContain('authorization');
    });

    it('writes one line per request with request id, user id, route pattern, status, code and duration', async () => {
      const ada = await t.signUp('ada@example.com');
      t.logs.length = 0;
      const res = await t.app.request('/v1/transfers?limit=2', { headers: { ...ada.headers, 'x-request-id': 'req-log-1' } });
      await t.app.request('/v1/balance', { headers: { 'x-request-id': 'req-log-2' } });
      expect(res.status).toBe(200);
      const requests = lines().filter((line) => line.msg === 'request completed');
      expect(requests).toEqual([
        objectContaining({ level: 30, requestId: 'req-log-1', userId: ada.id, method: 'GET', route: '/v1/transfers', status: 200, durationMs: anyNumber }),
        objectContaining({ level: 30, requestId: 'req-log-2', method: 'GET', route: '/v1/balance', status: 401, code: 'unauthorized' }),
      ]);
    });

    it('logs an unexpected error at error level with the request context and the stack', async () => {
      t.app.get('/test/fail', () => {
        throw new TypeError('cannot read properties of undefined');
      });
      const ada = await t.signUp('ada@example.com');
      await t.app.request('/test/fail', { headers: { ...ada.headers, 'x-request-id': 'req-fail-1' } });
      const failures = lines().filter((line) => line.level === 50);
      expect(failures).toEqual([
        objectContaining({
          msg: 'request failed',
          requestId: 'req-fail-1',
          method: 'GET',
          route: '/test/fail',
          code: 'internal_error',
          status: 500,
          err: objectContaining({ stack: containing('TypeError: cannot read properties of undefined') }),
        }),
      ]);
    });
  });
}
