import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPostgresTestDatabase } from '../support/pg-database.js';
import type { TestDatabase } from '../support/test-database.js';
import { createTestApp, expectProblem, type TestApp } from '../support/test-app.js';

// PostgreSQL only: a trigger makes the first attempts of a transfer fail the way PostgreSQL
// aborts transactions under contention (40001, 40P01). Sequences are not transactional, so the
// trigger can count attempts that were rolled back.
describe('transaction retry on PostgreSQL', () => {
  let db: TestDatabase;
  let t: TestApp;

  async function failFirstTransferInserts(times: number, errcode: string): Promise<void> {
    await sql`create sequence transfer_attempts`.execute(db.database.db);
    await sql
      .raw(
        `create function fail_transfer_attempts() returns trigger language plpgsql as $$
         begin
           if nextval('transfer_attempts') <= ${String(times)} then
             raise exception 'injected failure' using errcode = '${errcode}';
           end if;
           return new;
         end $$`,
      )
      .execute(db.database.db);
    await sql`create trigger fail_transfer_attempts before insert on transfers for each row execute function fail_transfer_attempts()`.execute(
      db.database.db,
    );
  }

  beforeEach(async () => {
    db = await createPostgresTestDatabase();
    t = createTestApp(db.database);
  });
  afterEach(async () => {
    await db.cleanup();
  });

  for (const [errcode, name] of [
    ['40001', 'a serialization failure'],
    ['40P01', 'a deadlock'],
  ] as const) {
    it(`re-runs the whole transfer after ${name} and commits it exactly once`, async () => {
      const ada = await t.signUp('ada@example.com');
      const bob = await t.signUp('bob@example.com');
      await t.topUp(ada, 1000);
      await failFirstTransferInserts(2, errcode);
      const res = await t.transfer(ada, { to: bob.id, amount: 100 });
      expect(res.status).toBe(201);
      expect(await t.balance(ada)).toBe(1000 - 175);
      expect(await t.balance(bob)).toBe(100);
      const transfers = await db.database.db.selectFrom('transfers').select('id').execute();
      expect(transfers).toHaveLength(1);
      expect(await t.verifyLedger()).toMatchObject({ ok: true, entries: 2 + 3 });
    });
  }

  it('gives up after 4 attempts with a generic 500, and nothing is half-done', async () => {
    const ada = await t.signUp('ada@example.com');
    const bob = await t.signUp('bob@example.com');
    await t.topUp(ada, 1000);
    await failFirstTransferInserts(4, '40001');
    await expectProblem(await t.transfer(ada, { to: bob.id, amount: 100 }), 500, 'internal_error');
    expect(await t.balance(ada)).toBe(1000);
    expect(await t.verifyLedger()).toMatchObject({ ok: true, entries: 2 });
  });
});
