import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateTestDatabase, TestDatabase } from '../support/test-database.js';
import { createTestApp, expectProblem, newKey, type TestApp, type TestUser } from '../support/test-app.js';
import { anyString, matching } from '../support/matchers.js';

interface TransferJson {
  id: string;
  from: string;
  to: string;
  amount: number;
  fee: number;
  currency: string;
  status: string;
  note: string | null;
  createdAt: string;
}

/**
 * Balance, top-ups, transfers with the fee, transfer listing, and the ledger behind them.
 *
 * @param createDatabase - a fresh database per test
 */
export function describeWalletSuite(createDatabase: CreateTestDatabase): void {
  describe('wallet', () => {
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

    describe('GET /v1/balance', () => {
      it("returns the caller's account, currency and available balance", async () => {
        await t.topUp(ada, 12_345);
        const res = await t.app.request('/v1/balance', { headers: ada.headers });
        expect(res.status).toBe(200);
        expect(await res.json()).toEqual({ accountId: matching(/^acc_/), currency: 'CNY', available: 12_345 });
      });
    });

    describe('POST /v1/top-ups', () => {
      it('credits the wallet from the funding account and returns the balance after', async () => {
        await t.topUp(ada, 500);
        const res = await t.topUp(ada, 1000);
        expect(res.status).toBe(201);
        expect(await res.json()).toEqual({ id: matching(/^tu_/), amount: 1000, currency: 'CNY', balance: 1500 });
        expect(await t.verifyLedger()).toEqual({ ok: true, accounts: 4, entries: 4, imbalance: 0, negativeBalances: 0, cachedBalanceMismatches: 0 });
      });

      it('accepts the bounds 1 and 10^12 and rejects 0, negatives, fractions, 10^12 + 1 and strings', async () => {
        expect((await t.topUp(ada, 1)).status).toBe(201);
        expect((await t.topUp(ada, 1_000_000_000_000)).status).toBe(201);
        for (const amount of [0, -5, 1.5, 1_000_000_000_001, '100', null]) {
          const res = await t.json('POST', '/v1/top-ups', { amount }, { ...ada.headers, 'idempotency-key': newKey() });
          const body = await expectProblem(res, 400, 'validation_failed');
          expect(body.errors).toEqual([{ pointer: '/amount', code: anyString, detail: anyString }]);
        }
        expect(await t.balance(ada)).toBe(1_000_000_000_001);
      });

      it('answers a body that is not an object on the pointer / with an article that fits', async () => {
        for (const [body, expected] of [[[1], 'an object'], ['100', 'an object'], [{ amount: [1] }, 'a number']] as const) {
          const res = await t.json('POST', '/v1/top-ups', body, { ...ada.headers, 'idempotency-key': newKey() });
          const problem = await expectProblem(res, 400, 'validation_failed');
          expect(problem.errors).toEqual([{ pointer: Array.isArray(body) || typeof body === 'string' ? '/' : '/amount', code: 'invalid_type', detail: `Expected ${expected}.` }]);
        }
      });

      it('requires a bearer token', async () => {
        const res = await t.json('POST', '/v1/top-ups', { amount: 1 }, { 'idempotency-key': newKey() });
        await expectProblem(res, 401, 'unauthorized');
      });
    });

    describe('POST /v1/transfers', () => {
      it('moves the amount to the recipient and the fee to the platform in one unit', async () => {
        await t.topUp(ada, 10_000);
        const res = await t.transfer(ada, { to: 'bob@example.com', amount: 1000, note: 'Dinner' });
        expect(res.status).toBe(201);
        expect(await res.json()).toEqual({
          id: matching(/^tr_/),
          from: ada.id,
          to: bob.id,
          amount: 1000,
          fee: 75,
          currency: 'CNY',
          status: 'completed',
          note: 'Dinner',
          createdAt: '2025-01-01T00:00:00.000Z',
        });
        expect(await t.balance(ada)).toBe(10_000 - 1075);
        expect(await t.balance(bob)).toBe(1000);
        const fee = await db.database.db.selectFrom('accounts').select('balance').where('id', '=', 'acc_fee_CNY').executeTakeFirstOrThrow();
        expect(fee.balance).toBe(75);
        expect(await t.verifyLedger()).toMatchObject({ ok: true, entries: 5 });
      });

      it('finds the recipient by email in any case or by user id, and reports a null note when omitted', async () => {
        await t.topUp(ada, 10_000);
        const byEmail = await t.transfer(ada, { to: 'BOB@Example.com', amount: 10 });
        expect(((await byEmail.json()) as TransferJson).to).toBe(bob.id);
        const byId = await t.transfer(ada, { to: bob.id, amount: 10 });
        expect((await byId.json()) as TransferJson).toMatchObject({ to: bob.id, note: null });
      });

      it('uses the configured fee, and no fee leg when it is zero', async () => {
        const free = createTestApp(db.database, { env: { TRANSFER_FEE: '0' } });
        await free.topUp(ada, 100);
        const res = await free.transfer(ada, { to: bob.id, amount: 100 });
        expect((await res.json()) as TransferJson).toMatchObject({ amount: 100, fee: 0 });
        expect(await free.balance(ada)).toBe(0);
        expect(await free.verifyLedger()).toMatchObject({ ok: true, entries: 4 });
      });

      it('answers an unknown recipient with not_found and changes nothing', async () => {
        await t.topUp(ada, 10_000);
        await expectProblem(await t.transfer(ada, { to: 'nobody@example.com', amount: 10 }), 404, 'not_found');
        await expectProblem(await t.transfer(ada, { to: 'usr_missing', amount: 10 }), 404, 'not_found');
        expect(await t.balance(ada)).toBe(10_000);
      });

      it('refuses a transfer to oneself as validation_failed on /to', async () => {
        await t.topUp(ada, 10_000);
        const body = await expectProblem(await t.transfer(ada, { to: 'ADA@example.com', amount: 10 }), 400, 'validation_failed');
        expect(body.errors).toEqual([{ pointer: '/to', code: 'self_transfer', detail: anyString }]);
      });

      it('answers insufficient_funds when the balance does not cover amount + fee, and changes nothing', async () => {
        await t.topUp(ada, 1074);
        await expectProblem(await t.transfer(ada, { to: bob.id, amount: 1000 }), 422, 'insufficient_funds');
        expect(await t.balance(ada)).toBe(1074);
        expect(await t.balance(bob)).toBe(0);
        expect(await t.verifyLedger()).toMatchObject({ ok: true, entries: 2 });
        const exact = await t.transfer(ada, { to: bob.id, amount: 999 });
        expect(exact.status).toBe(201);
        expect(await t.balance(ada)).toBe(0);
      });

      it('checks validation first, then the recipient, then the funds', async () => {
        await expectProblem(await t.transfer(ada, { to: 'nobody@example.com', amount: 0 }), 400, 'validation_failed');
        await expectProblem(await t.transfer(ada, { to: 'nobody@example.com', amount: 10 }), 404, 'not_found');
        await expectProblem(await t.transfer(ada, { to: bob.id, amount: 10 }), 422, 'insufficient_funds');
      });

      it('rejects a missing recipient, a note over 200 characters and an out-of-range amount', async () => {
        const body = await expectProblem(await t.transfer(ada, { amount: 1_000_000_000_001, note: 'x'.repeat(201) }), 400, 'validation_failed');
        expect((body.errors as { pointer: string }[]).map((error) => error.pointer).sort()).toEqual(['/amount', '/note', '/to']);
        const ok = await t.topUp(ada, 1000);
        expect(ok.status).toBe(201);
        expect((await t.transfer(ada, { to: bob.id, amount: 1, note: 'x'.repeat(200) })).status).toBe(201);
      });
    });

    describe('GET /v1/transfers', () => {
      async function page(user: TestUser, query: string): Promise<{ data: TransferJson[]; nextCursor: string | null }> {
        const res = await t.app.request(`/v1/transfers${query}`, { headers: user.headers });
        expect(res.status).toBe(200);
        return (await res.json()) as { data: TransferJson[]; nextCursor: string | null };
      }

      it("lists the caller's sent and received transfers, newest first, and nobody else's", async () => {
        const carol = await t.signUp('carol@example.com');
        await t.topUp(ada, 10_000);
        await t.topUp(bob, 10_000);
        await t.topUp(carol, 10_000);
        const ids: string[] = [];
        for (const [from, to] of [
          [ada, bob],
          [bob, ada],
          [carol, bob],
          [ada, carol],
        ] as const) {
          t.clock.advance(1000);
          const res = await t.transfer(from, { to: to.id, amount: 1 });
          ids.push(((await res.json()) as TransferJson).id);
        }
        const list = await page(ada, '');
        expect(list.data.map((transfer) => transfer.id)).toEqual([ids[3], ids[1], ids[0]]);
        expect(list.nextCursor).toBeNull();
        expect((await page(bob, '')).data.map((transfer) => transfer.id)).toEqual([ids[2], ids[1], ids[0]]);
      });

      it('pages with limit and cursor, breaking ties in time by id, and ends with a null cursor', async () => {
        await t.topUp(ada, 100_000);
        const created: TransferJson[] = [];
        for (let index = 0; index < 7; index += 1) {
          // Two transfers per instant: the order among equal timestamps must still be total.
          if (index % 2 === 0) {
            t.clock.advance(1000);
          }
          created.push((await (await t.transfer(ada, { to: bob.id, amount: 1 })).json()) as TransferJson);
        }
        const expected = [...created]
          .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1))
          .map((transfer) => transfer.id);
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const query: string = cursor === null ? '?limit=3' : `?limit=3&cursor=${encodeURIComponent(cursor)}`;
          const result = await page(ada, query);
          seen.push(...result.data.map((transfer) => transfer.id));
          cursor = result.nextCursor;
          pages += 1;
        } while (cursor !== null && pages < 10);
        expect(pages).toBe(3);
        expect(seen).toEqual(expected);
        expect((await page(ada, '')).data).toHaveLength(7);
      });

      it('returns an empty page with a null cursor when there is nothing', async () => {
        expect(await page(ada, '')).toEqual({ data: [], nextCursor: null });
      });

      it('rejects a limit outside 1–100 or not a number, and a cursor it did not issue', async () => {
        for (const query of ['?limit=0', '?limit=101', '?limit=abc', '?limit=1.5']) {
          const res = await t.app.request(`/v1/transfers${query}`, { headers: ada.headers });
          const body = await expectProblem(res, 400, 'validation_failed');
          expect(body.errors).toEqual([{ pointer: '/query/limit', code: anyString, detail: anyString }]);
        }
        for (const cursor of ['not-a-cursor', Buffer.from('2025-01-01|').toString('base64url')]) {
          const res = await t.app.request(`/v1/transfers?cursor=${cursor}`, { headers: ada.headers });
          const body = await expectProblem(res, 400, 'validation_failed');
          expect(body.errors).toEqual([{ pointer: '/query/cursor', code: 'invalid', detail: anyString }]);
        }
        expect((await t.app.request('/v1/transfers?limit=100', { headers: ada.headers })).status).toBe(200);
      });
    });
  });
}
