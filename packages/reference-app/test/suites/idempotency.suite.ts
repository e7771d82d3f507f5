import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateTestDatabase, TestDatabase } from '../support/test-database.js';
import { createTestApp, expectProblem, newKey, type TestApp, type TestUser } from '../support/test-app.js';
import { anyString } from '../support/matchers.js';

/**
 * `Idempotency-Key` on the wallet's effectful routes, per the contract.
 *
 * @param createDatabase - a fresh database per test
 */
export function describeIdempotencySuite(createDatabase: CreateTestDatabase): void {
  describe('idempotency', () => {
    let db: TestDatabase;
    let t: TestApp;
    let ada: TestUser;
    let bob: TestUser;

    beforeEach(async () => {
      db = await createDatabase();
      t = createTestApp(db.database);
      ada = await t.signUp('ada@example.com');
      bob = await t.signUp('bob@example.com');
    });
    afterEach(async () => {
      await db.cleanup();
    });

    const topUp = (user: TestUser, key: string, body: unknown = { amount: 100 }): Promise<Response> =>
      t.json('POST', '/v1/top-ups', body, { ...user.headers, 'idempotency-key': key });

    it('replays the stored status and bytes with Idempotent-Replayed: true and has no second effect', async () => {
      const key = newKey();
      const first = await topUp(ada, key);
      const firstText = await first.text();
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      const again = await topUp(ada, key);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await again.text()).toBe(firstText);
      expect(await t.balance(ada)).toBe(100);
      expect(await t.metrics.registry.getSingleMetricAsString('idempotency_replays_total')).toMatch(/idempotency_replays_total 1$/m);
    });

    it('replays a transfer byte-identically, including for a body with other key order and spacing', async () => {
      await t.topUp(ada, 10_000);
      const key = newKey();
      const first = await t.json('POST', '/v1/transfers', '{"to":"bob@example.com","amount":100}', { ...ada.headers, 'idempotency-key': key });
      const firstText = await first.text();
      const again = await t.json('POST', '/v1/transfers', '{ "amount": 100,  "to": "bob@example.com" }', { ...ada.headers, 'idempotency-key': key });
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.text()).toBe(firstText);
      expect(await t.balance(bob)).toBe(100);
    });

    it('stores the response in the same transaction as the effect', async () => {
      const key = newKey();
      const res = await topUp(ada, key);
      const row = await db.database.db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('user_id', '=', ada.id)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'completed', response_status: 201, response_body: await res.text() });
    });

    it('refuses the same key with another body or path as idempotency_key_reused and does nothing', async () => {
      const key = newKey();
      await topUp(ada, key);
      await expectProblem(await topUp(ada, key, { amount: 999 }), 422, 'idempotency_key_reused');
      await expectProblem(await t.transfer(ada, { to: bob.id, amount: 1 }, key), 422, 'idempotency_key_reused');
      expect(await t.balance(ada)).toBe(100);
      expect(await t.balance(bob)).toBe(0);
      expect(await t.metrics.registry.getSingleMetricAsString('idempotency_conflicts_total')).toMatch(/idempotency_conflicts_total 2$/m);
    });

    it('scopes keys to the authenticated user', async () => {
      const key = newKey();
      expect((await topUp(ada, key)).status).toBe(201);
      const other = await topUp(bob, key, { amount: 7 });
      expect(other.status).toBe(201);
      expect(other.headers.get('idempotent-replayed')).toBeNull();
      expect(await t.balance(bob)).toBe(7);
    });

    it('answers a missing or empty key with idempotency_key_missing and does nothing', async () => {
      await expectProblem(await t.json('POST', '/v1/top-ups', { amount: 100 }, ada.headers), 400, 'idempotency_key_missing');
      await expectProblem(await topUp(ada, ''), 400, 'idempotency_key_missing');
      await expectProblem(await t.json('POST', '/v1/transfers', { to: bob.id, amount: 1 }, ada.headers), 400, 'idempotency_key_missing');
      expect(await t.balance(ada)).toBe(0);
    });

    it('rejects a key longer than 255 characters or with non-visible characters on /headers/idempotency-key', async () => {
      for (const key of ['k'.repeat(256), 'has space', 'tab\there']) {
        const body = await expectProblem(await topUp(ada, key), 400, 'validation_failed');
        expect(body.errors).toEqual([{ pointer: '/headers/idempotency-key', code: 'invalid_format', detail: anyString }]);
      }
      expect((await topUp(ada, 'k'.repeat(255))).status).toBe(201);
    });

    it('does not store validation failures or malformed JSON: the key stays usable', async () => {
      const key = newKey();
      await expectProblem(await topUp(ada, key, { amount: 0 }), 400, 'validation_failed');
      await expectProblem(await topUp(ada, key, '{"amount":'), 400, 'malformed_json');
      const res = await topUp(ada, key, { amount: 50 });
      expect(res.status).toBe(201);
      expect(res.headers.get('idempotent-replayed')).toBeNull();
      expect(await t.balance(ada)).toBe(50);
    });

    it('stores business errors: a replay answers the original 422 even after funds arrived', async () => {
      const key = newKey();
      const first = await t.transfer(ada, { to: bob.id, amount: 100 }, key);
      const firstText = await first.text();
      expect(first.status).toBe(422);
      await t.topUp(ada, 10_000);
      const again = await t.transfer(ada, { to: bob.id, amount: 100 }, key);
      expect(again.status).toBe(422);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.text()).toBe(firstText);
      expect(await t.balance(bob)).toBe(0);
    });

    it('stores a 500 too, and replays it', async () => {
      const failing = createTestApp(db.database, {
        deps: {
          services: {
            ...t.services,
            wallet: { ...t.services.wallet, topUp: () => Promise.reject(new Error('disk on fire')) },
          },
        },
      });
      const key = newKey();
      const first = await failing.json('POST', '/v1/top-ups', { amount: 1 }, { ...ada.headers, 'idempotency-key': key });
      const firstText = await first.text();
      expect(first.status).toBe(500);
      const again = await topUp(ada, key, { amount: 1 });
      expect(again.status).toBe(500);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(await again.text()).toBe(firstText);
    });

    it('has exactly one effect for 10 parallel requests with one key', async () => {
      const key = newKey();
      const results = await Promise.all(Array.from({ length: 10 }, () => topUp(ada, key, { amount: 100 })));
      const statuses = results.map((res) => res.status);
      expect(statuses.every((status) => status === 201 || status === 409)).toBe(true);
      expect(results.filter((res) => res.status === 201 && res.headers.get('idempotent-replayed') === null)).toHaveLength(1);
      for (const res of results.filter((candidate) => candidate.status === 409)) {
        await expectProblem(res, 409, 'idempotency_key_in_use');
      }
      expect(await t.balance(ada)).toBe(100);
      expect(await t.verifyLedger()).toMatchObject({ ok: true, entries: 2 });
    });

    it('answers idempotency_key_in_use while the first request holds the key, and lets a retry take over once its lock expired', async () => {
      const key = newKey();
      const claim = await t.services.idempotency.claim({ userId: ada.id, key, method: 'POST', path: '/v1/top-ups', body: { amount: 100 } });
      expect(claim.outcome).toBe('claimed');
      const busy = await topUp(ada, key);
      expect(busy.headers.get('retry-after')).toBe('1');
      await expectProblem(busy, 409, 'idempotency_key_in_use');
      t.clock.advance(61_000);
      const retried = await topUp(ada, key);
      expect(retried.status).toBe(201);
      expect(await t.balance(ada)).toBe(100);
    });

    it('keeps responses for 24 hours, then forgets the key', async () => {
      const key = newKey();
      await topUp(ada, key);
      t.clock.advance(24 * 3600 * 1000 - 1000);
      ada = await t.relogin(ada);
      const replay = await topUp(ada, key);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      t.clock.advance(2000);
      const fresh = await topUp(ada, key, { amount: 5 });
      expect(fresh.status).toBe(201);
      expect(fresh.headers.get('idempotent-replayed')).toBeNull();
      expect(await t.balance(ada)).toBe(105);
    });
  });
}
