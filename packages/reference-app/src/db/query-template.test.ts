import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteDatabase, type Database } from './database.js';
import { migrateToLatest } from './migrate.js';
import { createQueryTemplate } from './query-template.js';

const opened: Database[] = [];

async function openDatabase(): Promise<Database> {
  const database = createSqliteDatabase(':memory:');
  opened.push(database);
  await migrateToLatest(database);
  return database;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((database) => database.close()));
});

describe('createQueryTemplate', () => {
  it('builds the query once and runs it with each call’s values', async () => {
    const { db } = await openDatabase();
    let builds = 0;
    const insertUser = createQueryTemplate((handle, id: string, email: string, name: string | null) => {
      builds += 1;
      return handle.insertInto('users').values({ id, email, name, password_hash: 'x', created_at: '2025-01-01T00:00:00.000Z' });
    });
    const findUser = createQueryTemplate((handle, id: string) => handle.selectFrom('users').select(['id', 'email', 'name']).where('id', '=', id));

    await insertUser(db, 'usr_1', 'a@example.com', 'Ann');
    await insertUser(db, 'usr_2', 'b@example.com', null);

    expect(builds).toBe(1);
    expect((await findUser(db, 'usr_2')).rows).toEqual([{ id: 'usr_2', email: 'b@example.com', name: null }]);
    expect((await findUser(db, 'usr_1')).rows).toEqual([{ id: 'usr_1', email: 'a@example.com', name: 'Ann' }]);
  });

  it('binds a value used twice in both places, and runs inside a transaction', async () => {
    const { db } = await openDatabase();
    const insertUser = createQueryTemplate((handle, id: string) =>
      handle.insertInto('users').values({ id, email: id, name: null, password_hash: 'x', created_at: '2025-01-01T00:00:00.000Z' }),
    );
    await db.transaction().execute(async (trx) => {
      await insertUser(trx, 'usr_3');
    });
    expect(await db.selectFrom('users').select(['id', 'email']).execute()).toEqual([{ id: 'usr_3', email: 'usr_3' }]);
  });

  it('serves each database from its own compilation', async () => {
    const first = await openDatabase();
    const second = await openDatabase();
    const countUsers = createQueryTemplate((handle, email: string) =>
      handle.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count')).where('email', '=', email),
    );
    await second.db.insertInto('users').values({ id: 'usr_4', email: 'c@example.com', name: null, password_hash: 'x', created_at: '2025-01-01T00:00:00.000Z' }).execute();

    expect((await countUsers(first.db, 'c@example.com')).rows).toEqual([{ count: 0 }]);
    expect((await countUsers(second.db, 'c@example.com')).rows).toEqual([{ count: 1 }]);
  });
});
