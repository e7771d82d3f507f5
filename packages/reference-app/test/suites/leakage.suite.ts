import { HTTPException } from 'hono/http-exception';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DependencyError } from '../../src/errors/app-error.js';
import { errorCatalog } from '../../src/errors/error-catalog.js';
import type { CreateTestDatabase, TestDatabase } from '../support/test-database.js';
import { createTestApp, expectProblem, newKey, type TestApp, type TestUser } from '../support/test-app.js';
import { anyString, containing } from '../support/matchers.js';

/** Text that must never reach a client: stacks, SQL, driver and library names, paths, secrets. */
const internals =
  /\bat [\w.<>]+ \(|\n\s+at |stack|select |insert |update |delete from|sqlite|better-sqlite3|postgres|kysely|driver|destroyed|node_modules|\/work\/|\.ts:\d|hunter2|4111|ECONNREFUSED|syntaxerror|unexpected token|position \d/i;

async function expectSafeProblem(res: Response, status: number, code: string): Promise<void> {
  const clone = res.clone();
  const body = await expectProblem(res, status, code);
  expect(await clone.text()).not.toMatch(internals);
  if (status >= 500) {
    expect(body.detail).toBe(errorCatalog[code as keyof typeof errorCatalog].description);
  }
}

function chunkedBody(totalBytes: number, chunkBytes = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) {
        controller.close();
        return;
      }
      const size = Math.min(chunkBytes, totalBytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
}

/**
 * Nothing internal reaches a client: forced database failures, thrown non-errors, internal
 * messages, malformed and oversized bodies.
 *
 * @param createDatabase - a fresh database per test
 */
export function describeLeakageSuite(createDatabase: CreateTestDatabase): void {
  describe('no leakage', () => {
    let db: TestDatabase;
    let t: TestApp;
    let ada: TestUser;

    beforeEach(async () => {
      db = await createDatabase();
      t = createTestApp(db.database);
      ada = await t.signUp('ada@example.com');
    });
    afterEach(async () => {
      await db.cleanup();
    });

    it('answers every route with a generic problem once the database is closed', async () => {
      await db.database.close();
      const admin = { authorization: `Bearer ${t.config.adminToken ?? ''}` };
      const key = { 'idempotency-key': newKey() };
      await expectSafeProblem(await t.json('POST', '/v1/auth/register', { email: 'new@example.com', password: 'correct horse' }), 500, 'internal_error');
      await expectSafeProblem(await t.json('POST', '/v1/auth/login', { email: 'ada@example.com', password: ada.password }), 500, 'internal_error');
      await expectSafeProblem(await t.app.request('/v1/balance', { headers: ada.headers }), 500, 'internal_error');
      await expectSafeProblem(await t.json('POST', '/v1/top-ups', { amount: 1 }, { ...ada.headers, ...key }), 500, 'internal_error');
      await expectSafeProblem(await t.json('POST', '/v1/transfers', { to: 'bob@example.com', amount: 1 }, { ...ada.headers, ...key }), 500, 'internal_error');
      await expectSafeProblem(await t.app.request('/v1/transfers', { headers: ada.headers }), 500, 'internal_error');
      await expectSafeProblem(await t.app.request('/v1/admin/ledger/verify', { headers: admin }), 500, 'internal_error');
      await expectSafeProblem(await t.app.request('/readyz'), 503, 'service_unavailable');
    });

    it('answers thrown strings, objects and internal messages with a generic 500 and logs them', async () => {
      // A fresh app: routes can only be added before the first request builds the router.
      t = createTestApp(db.database);
      t.app.get('/test/throw-string', () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the point of the test: a non-Error thrown by buggy code
        throw 'postgres://app:hunter2@db.internal/prod';
      });
      t.app.get('/test/throw-object', () => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the point of the test: a non-Error thrown by buggy code
        throw { secret: 'hunter2', card: '4111111111111111' };
      });
      t.app.get('/test/reject-string', async () => {
        await Promise.resolve();
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the point of the test: a non-Error thrown by buggy code
        throw 'ECONNREFUSED 10.0.0.5:5432';
      });
      t.app.get('/test/throw-sql', () => {
        throw new Error("SQLITE_ERROR: near \"FROM\": syntax error in SELECT * FROM users WHERE password = 'hunter2'", {
          cause: new Error('at /work/main/src/db.ts:12'),
        });
      });
      t.app.get('/test/throw-dependency', () => {
        throw new DependencyError('gateway_unavailable', 'upstream said: card 4111111111111111 refused by 10.0.0.5', { retryAfterSeconds: 7 });
      });
      t.app.get('/test/throw-http-exception', () => {
        throw new HTTPException(415, { message: 'better-sqlite3 internal detail' });
      });
      for (const path of ['/test/throw-string', '/test/throw-object', '/test/reject-string', '/test/throw-sql']) {
        await expectSafeProblem(await t.app.request(path), 500, 'internal_error');
      }
      const dependency = await t.app.request('/test/throw-dependency');
      expect(dependency.headers.get('retry-after')).toBe('7');
      await expectSafeProblem(dependency, 503, 'gateway_unavailable');
      await expectSafeProblem(await t.app.request('/test/throw-http-exception'), 415, 'unsupported_media_type');

      const errors = t.logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.level === 50);
      expect(errors).toHaveLength(5);
      expect(errors[0]).toMatchObject({ route: '/test/throw-string', method: 'GET', code: 'internal_error', requestId: anyString });
      expect(errors[2]).toMatchObject({ route: '/test/reject-string', thrownValue: "'ECONNREFUSED 10.0.0.5:5432'" });
      expect(errors[3]).toMatchObject({ route: '/test/throw-sql', err: { message: containing('SQLITE_ERROR') } });
    });

    it('does not echo the parser message for malformed JSON nor the input in validation details', async () => {
      await expectSafeProblem(await t.json('POST', '/v1/auth/login', '{"email": "a@example.com", "password": hunter2}'), 400, 'malformed_json');
      const res = await t.json('POST', '/v1/top-ups', { amount: '<script>hunter2</script>' }, { ...ada.headers, 'idempotency-key': newKey() });
      const text = await res.clone().text();
      await expectProblem(res, 400, 'validation_failed');
      expect(text).not.toContain('hunter2');
      expect(text).not.toContain('script');
    });

    it('refuses a body over 1 MiB by Content-Length with payload_too_large', async () => {
      const big = JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(1024 * 1024) });
      await expectSafeProblem(await t.json('POST', '/v1/auth/register', big), 413, 'payload_too_large');
      const exactly = `{"amount":1${' '.repeat(1024 * 1024 - 12)}}`;
      expect(exactly.length).toBe(1024 * 1024);
      const fits = await t.json('POST', '/v1/top-ups', exactly, { ...ada.headers, 'idempotency-key': newKey() });
      expect(fits.status).toBe(201);
    });

    it('refuses a chunked body over 1 MiB (no Content-Length) with payload_too_large', async () => {
      const request = new Request('http://localhost/v1/auth/register', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        body: chunkedBody(1024 * 1024 + 1),
        duplex: 'half',
      });
      await expectSafeProblem(await t.app.request(request), 413, 'payload_too_large');
      const small = new Request('http://localhost/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new Blob([JSON.stringify({ email: 'ada@example.com', password: ada.password })]).stream(),
        duplex: 'half',
      });
      expect((await t.app.request(small)).status).toBe(200);
    });
  });
}
