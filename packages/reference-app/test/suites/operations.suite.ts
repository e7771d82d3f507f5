import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorCatalog, errorCodes, toProblemSlug } from '../../src/errors/error-catalog.js';
import type { CreateTestDatabase, TestDatabase } from '../support/test-database.js';
import { ADMIN_TOKEN, createTestApp, expectProblem, type TestApp } from '../support/test-app.js';

/**
 * Probes, metrics, OpenAPI, docs, problem types, request ids, 404/405 and the admin ledger check.
 *
 * @param createDatabase - a fresh database per test
 */
export function describeOperationsSuite(createDatabase: CreateTestDatabase): void {
  describe('operations', () => {
    let db: TestDatabase;
    let t: TestApp;

    beforeEach(async () => {
      db = await createDatabase();
      t = createTestApp(db.database);
    });
    afterEach(async () => {
      await db.cleanup();
    });

    it('answers /healthz and /readyz with ok while the database answers', async () => {
      const health = await t.app.request('/healthz');
      expect([health.status, await health.json()]).toEqual([200, { status: 'ok' }]);
      const ready = await t.app.request('/readyz');
      expect([ready.status, await ready.json()]).toEqual([200, { status: 'ok' }]);
    });

    it('answers /readyz with a 503 problem once the database is gone, while /healthz stays up', async () => {
      await db.database.close();
      await expectProblem(await t.app.request('/readyz'), 503, 'service_unavailable');
      expect((await t.app.request('/healthz')).status).toBe(200);
    });

    it('exposes the contract metrics with route patterns, not raw paths', async () => {
      const user = await t.signUp('ada@example.com');
      await t.app.request('/v1/transfers?limit=5', { headers: user.headers });
      await t.app.request('/v1/balance');
      await t.app.request('/no/such/path');
      const res = await t.app.request('/metrics');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await res.text();
      for (const name of [
        'http_requests_total',
        'http_request_duration_seconds',
        'app_errors_total',
        'gateway_calls_total',
        'circuit_breaker_state',
        'idempotency_replays_total',
        'idempotency_conflicts_total',
      ]) {
        expect(text).toContain(`# TYPE ${name} `);
      }
      expect(text).toContain('http_requests_total{method="POST",route="/v1/auth/register",status_class="2xx"} 1');
      expect(text).toContain('http_requests_total{method="GET",route="/v1/transfers",status_class="2xx"} 1');
      expect(text).toContain('http_requests_total{method="GET",route="/v1/balance",status_class="4xx"} 1');
      expect(text).toContain('http_requests_total{method="GET",route="unmatched",status_class="4xx"} 1');
      expect(text).toContain('app_errors_total{code="unauthorized"} 1');
      expect(text).toMatch(/http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/v1\/balance",status_class="4xx"\} \d/);
    });

    it('serves an OpenAPI 3.1 document of every /v1 route, and the docs page', async () => {
      const res = await t.app.request('/openapi.json');
      expect(res.status).toBe(200);
      const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
      expect(doc.openapi).toBe('3.1.0');
      const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
      expect(operations).toEqual(
        expect.arrayContaining([
          'POST /v1/auth/register',
          'POST /v1/auth/login',
          'GET /v1/balance',
          'POST /v1/top-ups',
          'POST /v1/transfers',
          'GET /v1/transfers',
          'GET /v1/admin/ledger/verify',
        ]),
      );
      const served = new Set(
        t.app.routes
          .filter((route) => route.path.startsWith('/v1') && route.method !== 'ALL')
          .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`),
      );
      expect([...served].sort()).toEqual(operations.sort());
      const docs = await t.app.request('/docs');
      expect(docs.status).toBe(200);
      expect(await docs.text()).toContain('/openapi.json');
    });

    it('describes every problem type at /problems/{slug}, and 404s an unknown one', async () => {
      for (const code of errorCodes) {
        const res = await t.app.request(`/problems/${toProblemSlug(code)}`);
        expect(await res.json()).toEqual({ type: `/problems/${toProblemSlug(code)}`, code, ...errorCatalog[code] });
      }
      await expectProblem(await t.app.request('/problems/no-such-problem'), 404, 'not_found');
    });

    it('keeps a well-formed inbound X-Request-Id and replaces anything else', async () => {
      const kept = await t.app.request('/healthz', { headers: { 'x-request-id': 'abc_DEF-123=' } });
      expect(kept.headers.get('x-request-id')).toBe('abc_DEF-123=');
      for (const bad of ['has space', 'x'.repeat(256), 'semi;colon']) {
        const res = await t.app.request('/nope', { headers: { 'x-request-id': bad } });
        const id = res.headers.get('x-request-id');
        expect(id).not.toBe(bad);
        expect(id).toMatch(/^[A-Za-z0-9_=-]{1,255}$/);
        expect(((await res.json()) as { requestId: string }).requestId).toBe(id);
      }
    });

    it('answers an unknown path with a 404 problem and a wrong method with a 405 problem and Allow', async () => {
      await expectProblem(await t.app.request('/v1/nothing-here'), 404, 'not_found');
      const wrong = await t.app.request('/v1/balance', { method: 'DELETE' });
      expect(wrong.headers.get('allow')).toBe('GET, HEAD');
      await expectProblem(wrong, 405, 'method_not_allowed');
      const both = await t.app.request('/v1/transfers', { method: 'PUT' });
      expect(both.headers.get('allow')).toBe('GET, HEAD, POST');
      await expectProblem(both, 405, 'method_not_allowed');
    });

    it('sets secure headers', async () => {
      const res = await t.app.request('/healthz');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    });

    describe('GET /v1/admin/ledger/verify', () => {
      it('reports a consistent ledger to the admin token', async () => {
        const res = await t.app.request('/v1/admin/ledger/verify', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
        expect([res.status, await res.json()]).toEqual([
          200,
          { ok: true, accounts: 2, entries: 0, imbalance: 0, negativeBalances: 0, cachedBalanceMismatches: 0 },
        ]);
      });

      it('detects a cached balance that drifted from the entries, and an unbalanced movement', async () => {
        const ada = await t.signUp('ada@example.com');
        await t.topUp(ada, 100);
        await db.database.db.updateTable('accounts').set({ balance: 90 }).where('user_id', '=', ada.id).execute();
        expect(await t.verifyLedger()).toMatchObject({ ok: false, imbalance: 0, cachedBalanceMismatches: 1 });
        await db.database.db.deleteFrom('ledger_entries').where('account_id', '=', 'acc_funding_CNY').execute();
        expect(await t.verifyLedger()).toMatchObject({ ok: false, imbalance: 100, cachedBalanceMismatches: 2 });
      });

      it("refuses a user's token, a wrong token and no token as unauthorized", async () => {
        const ada = await t.signUp('ada@example.com');
        for (const headers of [ada.headers, { authorization: 'Bearer wrong-token-0123456789' }, {}]) {
          await expectProblem(await t.app.request('/v1/admin/ledger/verify', { headers }), 401, 'unauthorized');
        }
      });

      it('does not exist when ADMIN_TOKEN is unset', async () => {
        const noAdmin = createTestApp(db.database, { config: { adminToken: undefined } });
        const res = await noAdmin.app.request('/v1/admin/ledger/verify', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
        await expectProblem(res, 404, 'not_found');
      });
    });
  });
}
