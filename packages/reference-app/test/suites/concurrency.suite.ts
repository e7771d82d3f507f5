import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateTestDatabase, TestDatabase } from '../support/test-database.js';
import { createTestApp, expectProblem, type TestApp, type TestUser } from '../support/test-app.js';

async function feeBalance(t: TestApp): Promise<number> {
  const row = await t.database.db.selectFrom('accounts').select('balance').where('id', '=', 'acc_fee_CNY').executeTakeFirstOrThrow();
  return row.balance;
}

/**
 * Money under concurrent load: covered debits, lock order, retries, and the ledger afterwards.
 *
 * @param createDatabase - a fresh database per test
 */
export function describeConcurrencySuite(createDatabase: CreateTestDatabase): void {
  describe('concurrency', () => {
    let db: TestDatabase;

    beforeEach(async () => {
      db = await createDatabase();
    });
    afterEach(async () => {
      await db.cleanup();
    });

    for (const fee of [1, 75]) {
      it(`lets exactly the affordable number of 50 concurrent transfers of 10 (fee ${String(fee)}) from 100 through`, async () => {
        const t = createTestApp(db.database, { env: { TRANSFER_FEE: String(fee) } });
        const ada = await t.signUp('ada@example.com');
        const bob = await t.signUp('bob@example.com');
        await t.topUp(ada, 100);
        const results = await Promise.all(Array.from({ length: 50 }, () => t.transfer(ada, { to: bob.id, amount: 10 })));
        const affordable = Math.floor(100 / (10 + fee));
        expect(results.filter((res) => res.status === 201)).toHaveLength(affordable);
        const refused = results.filter((res) => res.status !== 201);
        expect(refused).toHaveLength(50 - affordable);
        for (const res of refused) {
          await expectProblem(res, 422, 'insufficient_funds');
        }
        expect(await t.balance(ada)).toBe(100 - affordable * (10 + fee));
        expect(await t.balance(bob)).toBe(affordable * 10);
        expect(await feeBalance(t)).toBe(affordable * fee);
        expect(await t.verifyLedger()).toMatchObject({ ok: true, imbalance: 0, negativeBalances: 0, cachedBalanceMismatches: 0 });
      });
    }

    it('runs transfers A→B and B→A concurrently without a 500, and conserves money', async () => {
      const t = createTestApp(db.database, { env: { TRANSFER_FEE: '1' } });
      const ada = await t.signUp('ada@example.com');
      const bob = await t.signUp('bob@example.com');
      await t.topUp(ada, 1000);
      await t.topUp(bob, 1000);
      const requests: Promise<Response>[] = [];
      for (let index = 0; index < 25; index += 1) {
        requests.push(t.transfer(ada, { to: bob.id, amount: 10 }), t.transfer(bob, { to: ada.id, amount: 10 }));
      }
      const statuses = (await Promise.all(requests)).map((res) => res.status);
      expect(statuses.filter((status) => status !== 201)).toEqual([]);
      expect(await t.balance(ada)).toBe(1000 - 25);
      expect(await t.balance(bob)).toBe(1000 - 25);
      expect(await feeBalance(t)).toBe(50);
      expect(await t.verifyLedger()).toMatchObject({ ok: true });
    });

    it('keeps every invariant for any batch of concurrent transfers and top-ups', async () => {
      const t = createTestApp(db.database, { env: { TRANSFER_FEE: '3' } });
      const users: TestUser[] = [];
      for (const name of ['ada', 'bob', 'cy']) {
        users.push(await t.signUp(`${name}@example.com`));
      }
      const operation = fc.oneof(
        fc.record({ kind: fc.constant('top-up' as const), user: fc.nat(2), amount: fc.integer({ min: 1, max: 50 }) }),
        fc.record({ kind: fc.constant('transfer' as const), from: fc.nat(2), to: fc.nat(2), amount: fc.integer({ min: 1, max: 80 }) }),
      );
      let toppedUp = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 20 }), async (batch) => {
          const results = await Promise.all(
            batch.map(async (op) => {
              if (op.kind === 'top-up') {
                const res = await t.topUp(users[op.user] as TestUser, op.amount);
                if (res.status === 201) {
                  toppedUp += op.amount;
                }
                return res.status;
              }
              const res = await t.transfer(users[op.from] as TestUser, { to: (users[op.to] as TestUser).id, amount: op.amount });
              return res.status;
            }),
          );
          expect(results.every((status) => [201, 400, 422].includes(status))).toBe(true);
          const balances = await Promise.all(users.map((user) => t.balance(user)));
          expect(balances.every((balance) => balance >= 0)).toBe(true);
          expect(balances.reduce((sum, balance) => sum + balance, 0) + (await feeBalance(t))).toBe(toppedUp);
          expect(await t.verifyLedger()).toMatchObject({ ok: true });
        }),
        { numRuns: 15, seed: 7 },
      );
    });
  });
}
