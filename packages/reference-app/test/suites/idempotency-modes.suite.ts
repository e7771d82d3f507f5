import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requireUser } from '../../src/middleware/auth.js';
import { idempotency, type IdempotencyMode } from '../../src/middleware/idempotency.js';
import type { CreateTestDatabase, TestDatabase } from '../support/test-database.js';
import { createTestApp, expectProblem, newKey, type TestApp, type TestUser } from '../support/test-app.js';

/**
 * Both idempotency modes on a route whose work takes a while, so duplicates really overlap.
 *
 * @param createDatabase - a fresh database per test
 */
export function describeIdempotencyModesSuite(createDatabase: CreateTestDatabase): void {
  describe('idempotency modes', () => {
    let db: TestDatabase;
    let t: TestApp;
    let ada: TestUser;
    let effects: number;

    function mount(mode: IdempotencyMode): void {
      t.app.post(
        `/test/${mode}`,
        requireUser(t.services.tokens),
        idempotency({ service: t.services.idempotency, metrics: t.metrics, mode }),
        async (c) => {
          const { amount } = await c.req.json<{ amount: number }>();
          // Slow work (think: a gateway call), then one transaction storing the response.
          await new Promise((resolve) => setTimeout(resolve, 50));
          const result = await t.database.db.transaction().execute(async (trx) => {
            effects += 1;
            const value = { effect: effects, amount };
            await c.var.idempotency.respondWith(201, (v: typeof value) => v).beforeCommit?.(trx, value);
            return value;
          });
          return c.json(result, 201);
        },
      );
    }

    beforeEach(async () => {
      db = await createDatabase();
      t = createTestApp(db.database);
      effects = 0;
      mount('claim-first');
      mount('claim-on-commit');
      ada = await t.signUp('ada@example.com');
    });
    afterEach(async () => {
      await db.cleanup();
    });

    const post = (mode: IdempotencyMode, key: string): Promise<Response> =>
      t.json('POST', `/test/${mode}`, { amount: 1 }, { ...ada.headers, 'idempotency-key': key });

    it('claim-first refuses a duplicate with idempotency_key_in_use while the first is still running', async () => {
      const key = newKey();
      const first = post('claim-first', key);
      await new Promise((resolve) => setTimeout(resolve, 10));
      const duplicate = await post('claim-first', key);
      await expectProblem(duplicate, 409, 'idempotency_key_in_use');
      expect((await first).status).toBe(201);
      const replay = await post('claim-first', key);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(effects).toBe(1);
    });

    it('claim-on-commit lets overlapping duplicates race and answers every loser with the bytes of the winner', async () => {
      const key = newKey();
      const responses = await Promise.all([post('claim-on-commit', key), post('claim-on-commit', key), post('claim-on-commit', key)]);
      const texts = await Promise.all(responses.map((res) => res.text()));
      expect(responses.map((res) => res.status)).toEqual([201, 201, 201]);
      expect(new Set(texts).size).toBe(1);
      expect(responses.filter((res) => res.headers.get('idempotent-replayed') === 'true')).toHaveLength(2);
      const stored = await db.database.db.selectFrom('idempotency_keys').select('response_body').where('key', '=', key).execute();
      expect(stored).toEqual([{ response_body: texts[0] }]);
    });
  });
}
