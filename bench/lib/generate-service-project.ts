// Writes a realistic service-shaped TypeScript project (Hono routes → services → Kysely
// repositories, one module per entity) of about `targetLines` lines, for `npm run bench -- audit`.
// The code varies the way real services do: most writes are in transactions, some are not; most
// catches rethrow, some swallow; some handlers leak errors. Deterministic for a given size.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ENTITIES = [
  'payment', 'order', 'invoice', 'refund', 'customer', 'product', 'shipment', 'coupon', 'ledger', 'wallet',
  'subscription', 'plan', 'transfer', 'account', 'merchant', 'payout', 'dispute', 'charge', 'address', 'review',
];

interface Module {
  name: string;
  table: string;
  pascal: string;
  variant: number;
}

function pascal(name: string): string {
  return name
    .split(/[-_]/u)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function schemasFile(module: Module): string {
  const { pascal: type } = module;
  return `import { z } from 'zod';

export const create${type}Schema = z.object({
  accountId: z.number().int().positive(),
  amount: z.number().int().nonnegative(),
  currency: z.enum(['EUR', 'USD', 'CNY']),
  reference: z.string().min(1).max(64),
  note: z.string().max(500).optional(),
});

export const update${type}Schema = create${type}Schema.partial().extend({
  status: z.enum(['pending', 'active', 'completed', 'cancelled']).optional(),
});

export type Create${type}Input = z.infer<typeof create${type}Schema>;
export type Update${type}Input = z.infer<typeof update${type}Schema>;

export interface ${type} {
  id: number;
  accountId: number;
  amount: number;
  currency: string;
  status: string;
  reference: string;
  createdAt: string;
}

export function to${type}(row: { id: number; account_id: number; amount: number; currency: string; status: string; reference: string; created_at: string }): ${type} {
  return {
    id: row.id,
    accountId: row.account_id,
    amount: row.amount,
    currency: row.currency,
    status: row.status,
    reference: row.reference,
    createdAt: row.created_at,
  };
}
`;
}

function repositoryFile(module: Module): string {
  const { table, pascal: type } = module;
  return `import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { to${type}, type ${type}, type Create${type}Input, type Update${type}Input } from './${module.name}.schemas.js';

type Handle = Kysely<Database> | Transaction<Database>;

export async function find${type}ById(db: Handle, id: number): Promise<${type} | undefined> {
  const row = await db.selectFrom('${table}').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : to${type}(row);
}

export async function list${type}s(db: Handle, accountId: number, limit = 50): Promise<${type}[]> {
  const rows = await db
    .selectFrom('${table}')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => to${type}(row));
}

export async function insert${type}(db: Handle, input: Create${type}Input): Promise<number> {
  const row = await db
    .insertInto('${table}')
    .values({
      account_id: input.accountId,
      amount: input.amount,
      currency: input.currency,
      status: 'pending',
      reference: input.reference,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function update${type}(db: Handle, id: number, input: Update${type}Input): Promise<void> {
  await db
    .updateTable('${table}')
    .set({
      ...(input.amount === undefined ? {} : { amount: input.amount }),
      ...(input.status === undefined ? {} : { status: input.status }),
      ...(input.reference === undefined ? {} : { reference: input.reference }),
    })
    .where('id', '=', id)
    .execute();
}

export async function record${type}Event(db: Handle, id: number, kind: string): Promise<void> {
  await db.insertInto('events').values({ entity: '${table}', entity_id: id, kind, created_at: new Date().toISOString() }).execute();
}

export async function delete${type}(db: Handle, id: number): Promise<void> {
  await db.deleteFrom('${table}').where('id', '=', id).execute();
}
`;
}

function serviceFile(module: Module): string {
  const { pascal: type, variant } = module;
  const transactional = variant % 3 !== 0;
  const create = transactional
    ? `  return db.transaction().execute(async (trx) => {
    const id = await insert${type}(trx, input);
    await record${type}Event(trx, id, 'created');
    return id;
  });`
    : `  const id = await insert${type}(db, input);
  await record${type}Event(db, id, 'created');
  return id;`;
  const swallow = variant % 4 === 1;
  const complete = swallow
    ? `  try {
    await update${type}(db, id, { status: 'completed' });
    await record${type}Event(db, id, 'completed');
    return true;
  } catch (error) {
    return false;
  }`
    : `  try {
    await db.transaction().execute(async (trx) => {
      await update${type}(trx, id, { status: 'completed' });
      await record${type}Event(trx, id, 'completed');
    });
    return true;
  } catch (error) {
    logger.error({ err: error, id }, 'could not complete ${module.name}');
    throw new ${type}Error('could not complete ${module.name}', { cause: error });
  }`;
  return `import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { logger } from '../observability/logger.js';
import { find${type}ById, insert${type}, list${type}s, record${type}Event, update${type} } from './${module.name}.repository.js';
import type { Create${type}Input, ${type} } from './${module.name}.schemas.js';

export class ${type}Error extends Error {
  override name = '${type}Error';
}

export class ${type}NotFoundError extends ${type}Error {
  override name = '${type}NotFoundError';
}

export async function create${type}(db: Kysely<Database>, input: Create${type}Input): Promise<number> {
  if (input.amount <= 0) {
    throw new ${type}Error('amount must be positive');
  }
${create}
}

export async function get${type}(db: Kysely<Database>, id: number): Promise<${type}> {
  const found = await find${type}ById(db, id);
  if (found === undefined) {
    throw new ${type}NotFoundError(\`${module.name} \${id} not found\`);
  }
  return found;
}

export async function ${variant % 5 === 2 ? `find${type}` : `list${type}sFor`}(db: Kysely<Database>, accountId: number) {
${variant % 5 === 2 ? `  const items = await list${type}s(db, accountId, 1);
  if (items.length === 0) return null;
  return items[0]?.status === 'completed';` : `  return list${type}s(db, accountId);`}
}

export async function complete${type}(db: Kysely<Database>, id: number): Promise<boolean> {
  const current = await get${type}(db, id);
  if (current.status === 'completed') {
    return true;
  }
${complete}
}

export async function cancel${type}(db: Kysely<Database>, id: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await find${type}ById(trx, id);
    if (current === undefined) throw new ${type}NotFoundError(\`${module.name} \${id} not found\`);
    await update${type}(trx, id, { status: 'cancelled' });
    await record${type}Event(trx, id, 'cancelled');
  });
}
`;
}

function routesFile(module: Module): string {
  const { pascal: type, variant } = module;
  const leak = variant % 4 === 2;
  const onError = leak
    ? `    return c.json({ error: String(error) }, 500);`
    : `    logger.error({ err: error, requestId: c.get('requestId') }, 'create ${module.name} failed');
    return c.json({ type: 'about:blank', title: 'Internal error', status: 500 }, 500);`;
  return `import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { logger } from '../observability/logger.js';
import { cancel${type}, complete${type}, create${type}, get${type}, ${type}NotFoundError } from './${module.name}.service.js';
import { create${type}Schema } from './${module.name}.schemas.js';

export function create${type}Routes(db: Kysely<Database>) {
  const app = new Hono<{ Variables: { requestId: string } }>();

  app.post('/${module.table}', zValidator('json', create${type}Schema), async (c) => {
    try {
      const id = await create${type}(db, c.req.valid('json'));
      return c.json({ id }, 201);
    } catch (error) {
${onError}
    }
  });

  app.get('/${module.table}/:id', async (c) => {
    try {
      return c.json(await get${type}(db, Number(c.req.param('id'))));
    } catch (error) {
      if (error instanceof ${type}NotFoundError) return c.json({ title: 'Not found', status: 404 }, 404);
      throw error;
    }
  });

  app.post('/${module.table}/:id/complete', async (c) => {
    const done = await complete${type}(db, Number(c.req.param('id')));
    return c.json({ done });
  });

  app.post('/${module.table}/:id/cancel', async (c) => {
    await cancel${type}(db, Number(c.req.param('id')));
    return c.body(null, 204);
  });

  return app;
}
`;
}

function databaseFile(modules: readonly Module[]): string {
  const tables = modules
    .map(
      (module) => `  ${module.table}: {
    id: Generated<number>;
    account_id: number;
    amount: number;
    currency: string;
    status: string;
    reference: string;
    created_at: string;
  };`,
    )
    .join('\n');
  return `import type { Generated } from 'kysely';

export interface Database {
${tables}
  events: {
    id: Generated<number>;
    entity: string;
    entity_id: number;
    kind: string;
    created_at: string;
  };
}
`;
}

const LOGGER = `export interface Logger {
  info(context: object, message: string): void;
  error(context: object, message: string): void;
}

export const logger: Logger = {
  info(context, message) {
    process.stdout.write(JSON.stringify({ level: 'info', message, ...context }) + '\\n');
  },
  error(context, message) {
    process.stderr.write(JSON.stringify({ level: 'error', message, ...context }) + '\\n');
  },
};
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
  },
  include: ['src'],
};

/** What the generator wrote. */
export interface GeneratedProject {
  root: string;
  files: number;
  lines: number;
}

/**
 * Writes the project into `root` (which must exist and be empty) with a `node_modules` link so
 * that hono, kysely and zod types resolve as in a real service.
 *
 * @param root - the target folder
 * @param targetLines - stop adding modules once this many lines are written
 * @param nodeModules - the node_modules folder to link
 * @example
 * generateServiceProject(mkdtempSync(path.join(tmpdir(), 'svc-')), 100_000, 'node_modules');
 */
export function generateServiceProject(root: string, targetLines: number, nodeModules: string): GeneratedProject {
  const write = (file: string, text: string): number => {
    const full = path.join(root, file);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    return text.split('\n').length;
  };
  symlinkSync(nodeModules, path.join(root, 'node_modules'), 'dir');
  write('tsconfig.json', `${JSON.stringify(TSCONFIG, undefined, 2)}\n`);
  let lines = write('src/observability/logger.ts', LOGGER);
  let files = 1;
  const modules: Module[] = [];
  // The database file grows with the modules; estimate its share up front.
  for (let index = 0; lines + modules.length * 9 < targetLines; index += 1) {
    const base = ENTITIES[index % ENTITIES.length] ?? 'item';
    const name = index < ENTITIES.length ? base : `${base}-${Math.floor(index / ENTITIES.length)}`;
    const module: Module = { name, table: `${name.replaceAll('-', '_')}s`, pascal: pascal(name), variant: index };
    modules.push(module);
    lines += write(`src/${name}/${name}.schemas.ts`, schemasFile(module));
    lines += write(`src/${name}/${name}.repository.ts`, repositoryFile(module));
    lines += write(`src/${name}/${name}.service.ts`, serviceFile(module));
    lines += write(`src/${name}/${name}.routes.ts`, routesFile(module));
    files += 4;
  }
  lines += write('src/db/database.ts', databaseFile(modules));
  files += 1;
  return { root, files, lines };
}
