// `npm run bench -- app [--duration S] [--connections N]`: throughput and p99 latency of the
// reference app on SQLite — GET /v1/balance and POST /v1/transfers (a unique idempotency key per
// request) — next to two bare Hono baselines measured in the same run: a GET returning JSON, and a
// POST running one SQLite transaction (one payment row, two ledger rows) on a database opened by the
// app's own createSqliteDatabase, so both share every SQLite setting. Every server runs in its
// own process; autocannon drives it from this one. The app runs from its build (what `npm start`
// runs; the bench builds it first), the two small baselines through tsx. The ledger is verified
// after the load.
// Targets (issue 7): POST /v1/transfers ≥ 5,000 req/s with p99 < 25 ms, ≥ half of the bare POST.
// On a shared machine absolute numbers swing with its load: compare ratios within one run, and
// repeat. Where a transfer's time goes: docs/reference-app/architecture.md#performance.
// Issue 8 adds POST /v1/orders and an order + wallet payment sequence (stock checked after the load).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import BetterSqlite3 from 'better-sqlite3';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { duration: { type: 'string', default: '10' }, connections: { type: 'string', default: '50' } },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const adminToken = 'bench-admin-token-0123456789';

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
}

/** A port that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

/** Whether the URL answers 2xx; a refused connection (still starting) is a plain "not yet". */
async function isReady(url: string): Promise<boolean> {
  try {
    const res = await fetch(url);
    return res.ok;
  } catch (error) {
    const code = error instanceof TypeError ? (error.cause as { code?: unknown } | undefined)?.code : undefined;
    if (code === 'ECONNREFUSED') {
      return false;
    }
    throw error;
  }
}

/** Every server started, so none outlives a run that fails. */
const children: ChildProcess[] = [];

/**
 * Spawns a server on a free port and resolves once `readyPath` answers. Its stdout (the app logs
 * every request) goes to /dev/null: a pipe read by this busy process would throttle the server.
 */
async function startServer(args: readonly string[], env: Record<string, string>, readyPath: string): Promise<Started> {
  const port = await freePort();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const url = `http://127.0.0.1:${String(port)}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with ${String(child.exitCode)} before listening`);
    }
    if (await isReady(`${url}${readyPath}`)) {
      return { child, url };
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('server did not start within 30 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function stopServer(started: Started): Promise<void> {
  return new Promise((resolve) => {
    started.child.removeAllListeners('exit');
    started.child.once('exit', () => {
      resolve();
    });
    started.child.kill('SIGTERM');
  });
}

interface Measured {
  readonly name: string;
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
}

async function measure(name: string, options: autocannon.Options): Promise<Measured> {
  process.stderr.write(`measuring ${name} (${String(connections)} connections, ${String(duration)} s)…\n`);
  // Warm-up (JIT, SQLite page cache, connection pools), not counted.
  await autocannon({ connections, duration: 2, ...options });
  const result = await autocannon({ connections, duration, ...options });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function call(url: string, init: RequestInit): Promise<unknown> {
  const res = await fetch(url, init);
  if (!res.ok) {
    throw new Error(`${init.method ?? 'GET'} ${url} → ${String(res.status)} ${await res.text()}`);
  }
  return res.json();
}

// The app is measured from its build, so build the current sources first (output to stderr).
const build = spawnSync('npm', ['run', 'build', '--workspace', '@faultline/reference-app'], { cwd: root, stdio: ['ignore', process.stderr, 'inherit'] });
if (build.status !== 0) {
  throw new Error('npm run build -w @faultline/reference-app failed');
}

// Every folder this run creates (the bare POST's database, the app's) is removed when it ends,
// however it ends: a thrown error and Ctrl-C both pass through 'exit'.
const dataDirs: string[] = [];
const makeDataDir = (prefix: string): string => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  dataDirs.push(dir);
  return dir;
};
process.once('exit', () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
  }
  for (const dir of dataDirs) {
    rmSync(dir, { recursive: true, force: true });
  }
});
process.once('SIGINT', () => {
  process.exit(130);
});

const results: Measured[] = [];

// --- Baselines ---------------------------------------------------------------------------------
const bareGet = await startServer(['--import', 'tsx', 'bench/lib/app-baselines.ts', 'get'], {}, '/');
results.push(await measure('bare Hono GET (JSON)', { url: `${bareGet.url}/` }));
await stopServer(bareGet);

const barePost = await startServer(['--import', 'tsx', 'bench/lib/app-baselines.ts', 'post'], { BENCH_DATA_DIR: makeDataDir('faultline-bench-bare-') }, '/ready');
results.push(
  await measure('bare Hono POST (1 SQLite tx: 1 payment + 2 ledger rows)', {
    url: `${barePost.url}/`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ amount: 1000 }),
  }),
);
await stopServer(barePost);

// --- The reference app -------------------------------------------------------------------------
const dataDir = makeDataDir('faultline-bench-app-');
const app = await startServer(
  ['packages/reference-app/dist/main.js'],
  {
    NODE_ENV: 'production',
    DATABASE_URL: path.join(dataDir, 'faultline.db'),
    JWT_SECRET: 'bench-jwt-secret-0123456789abcdefghijklmnop',
    ADMIN_TOKEN: adminToken,
    LOG_LEVEL: 'info',
  },
  '/readyz',
);

const users = 10;
const senders: { token: string }[] = [];
const recipientIds: string[] = [];
for (let index = 0; index < users * 2; index += 1) {
  const email = `bench${String(index)}@example.com`;
  const password = 'bench password';
  const registered = (await call(`${app.url}/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })) as { user: { id: string } };
  const { accessToken } = (await call(`${app.url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })) as { accessToken: string };
  if (index < users) {
    await call(`${app.url}/v1/top-ups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}`, 'idempotency-key': `bench-topup-${String(index)}` },
      body: JSON.stringify({ amount: 100_000_000_000 }),
    });
    senders.push({ token: accessToken });
  } else {
    recipientIds.push(registered.user.id);
  }
}

let balanceCounter = 0;
results.push(
  await measure('app GET /v1/balance', {
    url: `${app.url}/v1/balance`,
    requests: [
      {
        setupRequest: (request) => {
          balanceCounter += 1;
          const sender = senders[balanceCounter % users];
          return { ...request, headers: { authorization: `Bearer ${sender?.token ?? ''}` } };
        },
      },
    ],
  }),
);

let transferCounter = 0;
results.push(
  await measure('app POST /v1/transfers', {
    url: `${app.url}/v1/transfers`,
    method: 'POST',
    requests: [
      {
        setupRequest: (request) => {
          transferCounter += 1;
          const sender = senders[transferCounter % users];
          return {
            ...request,
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${sender?.token ?? ''}`,
              'idempotency-key': `bench-transfer-${String(transferCounter)}`,
            },
            body: JSON.stringify({ to: recipientIds[transferCounter % users], amount: 100 }),
          };
        },
      },
    ],
  }),
);

// --- Orders and wallet payments (issue 8) ------------------------------------------------------
const initialStock = 1_000_000_000;
const product = (await call(`${app.url}/v1/admin/products`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
  body: JSON.stringify({ sku: 'BENCH-1', name: 'Bench product', price: 1000, stock: initialStock }),
})) as { id: string };
const orderBody = JSON.stringify({ items: [{ productId: product.id, quantity: 1 }] });
let ordersCreated = 0;
let paymentsSucceeded = 0;
let orderCounter = 0;
/** One `POST /v1/orders` with a fresh key; counts the orders created so stock can be checked. */
const orderRequest: autocannon.Request = {
  method: 'POST',
  path: '/v1/orders',
  setupRequest: (request, context) => {
    orderCounter += 1;
    const sender = senders[orderCounter % users];
    (context as { token?: string }).token = sender?.token ?? '';
    return {
      ...request,
      method: 'POST',
      path: '/v1/orders',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sender?.token ?? ''}`, 'idempotency-key': `bench-order-${String(orderCounter)}` },
      body: orderBody,
    };
  },
  onResponse: (status, body, context) => {
    if (status === 201) {
      ordersCreated += 1;
      (context as { orderId?: string }).orderId = (JSON.parse(body) as { id: string }).id;
    }
  },
};
results.push(await measure('app POST /v1/orders', { url: app.url, requests: [orderRequest] }));

let paymentCounter = 0;
results.push(
  await measure('app order + wallet payment (2 requests)', {
    url: app.url,
    requests: [
      orderRequest,
      {
        method: 'POST',
        setupRequest: (request, context) => {
          paymentCounter += 1;
          const { token, orderId } = context as { token?: string; orderId?: string };
          return {
            ...request,
            method: 'POST',
            path: `/v1/orders/${orderId ?? 'missing'}/payments`,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}`, 'idempotency-key': `bench-pay-${String(paymentCounter)}` },
            body: JSON.stringify({ channel: 'wallet' }),
          };
        },
        onResponse: (status) => {
          if (status === 201) {
            paymentsSucceeded += 1;
          }
        },
      },
    ],
  }),
);

const ledger = (await call(`${app.url}/v1/admin/ledger/verify`, { headers: { authorization: `Bearer ${adminToken}` } })) as {
  ok: boolean;
  entries: number;
};
await stopServer(app);

// Requests still in flight when a run ends are committed but never seen by autocannon, so the
// order invariants are checked in the database itself once the server has stopped.
const sqlite = new BetterSqlite3(path.join(dataDir, 'faultline.db'), { readonly: true });
const stock = sqlite.prepare('select stock from products where id = ?').get(product.id) as { stock: number };
const reserved = sqlite
  .prepare("select coalesce(sum(i.quantity), 0) as total from order_items i join orders o on o.id = i.order_id where i.product_id = ? and o.status <> 'cancelled'")
  .get(product.id) as { total: number };
const orderCount = sqlite.prepare('select count(*) as count from orders').get() as { count: number };
const paid = sqlite
  .prepare(
    "select count(*) as orders, (select count(*) from payments where status = 'succeeded') as payments, (select coalesce(sum(amount), 0) from payments where status = 'succeeded') as amount, (select balance from accounts where id = 'acc_sales_CNY') as sales from orders where status = 'paid'",
  )
  .get() as { orders: number; payments: number; amount: number; sales: number };
sqlite.close();
const stockOk = stock.stock + reserved.total === initialStock && stock.stock >= 0;
const paymentsOk = paid.orders === paid.payments && paid.amount === paid.sales;

// --- Report -------------------------------------------------------------------------------------
const byName = new Map(results.map((result) => [result.name, result]));
const ratio = (a: string, b: string): string => {
  const numerator = byName.get(a)?.requestsPerSecond ?? 0;
  const denominator = byName.get(b)?.requestsPerSecond ?? 1;
  return (numerator / denominator).toFixed(2);
};
console.log('');
console.table(
  results.map((result) => ({
    benchmark: result.name,
    'req/s': result.requestsPerSecond,
    'p99 ms': result.p99Ms,
    'non-2xx': result.non2xx,
    errors: result.errors,
  })),
);
console.log(`GET /v1/balance     / bare GET  = ${ratio('app GET /v1/balance', 'bare Hono GET (JSON)')}`);
console.log(`POST /v1/transfers  / bare POST = ${ratio('app POST /v1/transfers', 'bare Hono POST (1 SQLite tx: 1 payment + 2 ledger rows)')}`);
console.log(`POST /v1/orders     / bare POST = ${ratio('app POST /v1/orders', 'bare Hono POST (1 SQLite tx: 1 payment + 2 ledger rows)')}`);
const checkout = byName.get('app order + wallet payment (2 requests)');
console.log(`checkouts (order + wallet payment) per second: ${String(Math.round((checkout?.requestsPerSecond ?? 0) / 2))}`);
console.log(`transfers issued: ${String(transferCounter)}; ledger after the load: ${JSON.stringify(ledger)}`);
console.log(
  `orders: ${String(orderCount.count)} in the database (${String(ordersCreated)} answered 201 within the runs); stock ${String(initialStock)} → ${String(stock.stock)}, reserved ${String(reserved.total)} (${stockOk ? 'adds up' : 'DOES NOT ADD UP'})`,
);
console.log(
  `wallet payments: ${String(paid.payments)} succeeded (${String(paymentsSucceeded)} answered 201 within the runs) for ${String(paid.orders)} paid orders; sales account ${String(paid.sales)} = Σ payments ${String(paid.amount)} (${paymentsOk ? 'ok' : 'MISMATCH'})`,
);
if (!ledger.ok) {
  console.error('LEDGER DOES NOT VERIFY');
  process.exitCode = 1;
}
if (!stockOk || !paymentsOk) {
  console.error('ORDER OR PAYMENT INVARIANTS DO NOT HOLD');
  process.exitCode = 1;
}
