// Child process of `npm run bench -- app`: a bare Hono server to compare the reference app with.
// `get`: GET / returning a small JSON object. `post`: POST / parsing a JSON body and running one
// SQLite transaction that inserts one payment row and two ledger rows, on a database opened by the
// app's own `createSqliteDatabase` (WAL, synchronous=NORMAL, its checkpoint interval, page cache and
// prepared-statement cache), so the ratio isolates the app's own work (auth, validation,
// idempotency, ledger checks, logging, metrics) and not a cheaper or dearer database setup.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { sql, type Kysely } from 'kysely';
import { createSqliteDatabase } from '../../packages/reference-app/src/db/database.ts';

interface BenchDb {
  payments: { id: string; amount: number; currency: string; created_at: string };
  ledger_entries: { id: string; payment_id: string; account_id: string; amount: number };
}

const kind = process.argv[2];
const app = new Hono();

if (kind === 'get') {
  app.get('/', (c) => c.json({ status: 'ok', service: 'bare' }));
} else {
  // The folder is bench/app.ts's, which removes it after the run; run alone, it is left in the temp dir.
  const dataDir = process.env.BENCH_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'faultline-bench-'));
  const database = createSqliteDatabase(path.join(dataDir, 'bare.db'));
  // Its own two tables on the app's connection setup; the app's schema is not migrated here.
  const db = database.db as unknown as Kysely<BenchDb>;
  await sql`create table payments (id text primary key, amount integer not null, currency text not null, created_at text not null)`.execute(db);
  await sql`create table ledger_entries (id text primary key, payment_id text not null, account_id text not null, amount integer not null)`.execute(db);
  let counter = 0;
  app.post('/', async (c) => {
    const body = await c.req.json<{ amount: number }>();
    counter += 1;
    const id = `p${String(counter)}`;
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('payments').values({ id, amount: body.amount, currency: 'CNY', created_at: new Date().toISOString() }).execute();
      await trx
        .insertInto('ledger_entries')
        .values([
          { id: `${id}a`, payment_id: id, account_id: 'a', amount: -body.amount },
          { id: `${id}b`, payment_id: id, account_id: 'b', amount: body.amount },
        ])
        .execute();
    });
    return c.json({ id, amount: body.amount }, 201);
  });
}

app.get('/ready', (c) => c.text('ok'));
serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0) });
