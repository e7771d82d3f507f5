import type { ServiceModule } from './service-module.js';

/**
 * `<module>.repository.ts`: the module's Kysely queries; takes the database or a transaction first
 * and maps rows to domain objects.
 *
 * @param module - the module
 * @example
 * write(`src/${module.name}/${module.name}.repository.ts`, repositoryFile(module));
 */
export function repositoryFile(module: ServiceModule): string {
  const { pascal: type, table, child } = module;
  const foreignKey = `${module.name.replaceAll('-', '_')}_id`;
  const loadLines = child === undefined
    ? `  return row === undefined ? undefined : to${type}(row);`
    : `  if (row === undefined) return undefined;
  const lines = await db
    .selectFrom('${child.table}')
    .select(['id', 'position', 'sku', 'description', 'quantity', 'unit_amount_minor', 'tax_rate_bps'])
    .where('${foreignKey}', '=', id)
    .orderBy('position')
    .execute();
  return to${type}(row, lines);`;
  const insertLines = child === undefined
    ? ''
    : `

export async function insert${child.pascal}s(db: Executor, ${module.camel}Id: number, lines: Create${type}Input['lines'], at: Date): Promise<void> {
  if (lines.length === 0) return;
  await db
    .insertInto('${child.table}')
    .values(
      lines.map((line, position) => ({
        ${foreignKey}: ${module.camel}Id,
        position,
        sku: line.sku,
        description: line.description,
        quantity: line.quantity,
        unit_amount_minor: line.unitAmountMinor,
        tax_rate_bps: line.taxRateBps,
        created_at: at,
      })),
    )
    .execute();
}`;
  return `import type { Executor } from '../db/database.js';
import type { PageRequest } from '../lib/pagination.js';
import { to${type} } from './${module.name}.mapper.js';
import type { ${type}, ${type}Filter, ${type}Status } from './${module.name}.model.js';
import type { Create${type}Input, Update${type}Input } from './${module.name}.schemas.js';

const COLUMNS = ['id', 'account_id', 'amount_minor', 'currency', 'status', 'reference', 'note', 'external_id', 'attempts', 'due_at', 'created_at', 'updated_at'] as const;

export async function find${type}ById(db: Executor, id: number): Promise<${type} | undefined> {
  const row = await db.selectFrom('${table}').select(COLUMNS).where('id', '=', id).executeTakeFirst();
${loadLines}
}

export async function lock${type}(db: Executor, id: number): Promise<${type} | undefined> {
  const row = await db.selectFrom('${table}').select(COLUMNS).where('id', '=', id).forUpdate().executeTakeFirst();
  return row === undefined ? undefined : to${type}(row);
}

export async function find${type}ByReference(db: Executor, accountId: number, reference: string): Promise<${type} | undefined> {
  const row = await db
    .selectFrom('${table}')
    .select(COLUMNS)
    .where('account_id', '=', accountId)
    .where('reference', '=', reference)
    .executeTakeFirst();
  return row === undefined ? undefined : to${type}(row);
}

export async function list${type}s(db: Executor, filter: ${type}Filter, page: PageRequest): Promise<${type}[]> {
  let query = db.selectFrom('${table}').select(COLUMNS).where('account_id', '=', filter.accountId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.from !== undefined) query = query.where('created_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('created_at', '<', filter.to);
  if (filter.reference !== undefined) query = query.where('reference', 'like', \`\${filter.reference}%\`);
  if (page.cursor !== null) query = query.where('id', '<', page.cursor);
  const rows = await query.orderBy('id', 'desc').limit(page.limit + 1).execute();
  return rows.map((row) => to${type}(row));
}

export async function listDue${type}s(db: Executor, now: Date, limit: number): Promise<${type}[]> {
  const rows = await db
    .selectFrom('${table}')
    .select(COLUMNS)
    .where('status', 'in', ['pending', 'failed'])
    .where('due_at', '<=', now)
    .where('attempts', '<', 5)
    .orderBy('due_at')
    .limit(limit)
    .execute();
  return rows.map((row) => to${type}(row));
}

export async function count${type}sByStatus(db: Executor, accountId: number) {
  return db
    .selectFrom('${table}')
    .select((eb) => ['status', 'currency', eb.fn.countAll<number>().as('count'), eb.fn.sum<number>('amount_minor').as('total')])
    .where('account_id', '=', accountId)
    .groupBy(['status', 'currency'])
    .execute();
}

export async function insert${type}(db: Executor, input: Create${type}Input, at: Date): Promise<number> {
  const row = await db
    .insertInto('${table}')
    .values({
      account_id: input.accountId,
      amount_minor: input.amountMinor,
      currency: input.currency,
      status: 'draft',
      reference: input.reference,
      note: input.note,
      due_at: input.dueAt,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}${insertLines}

export async function update${type}(db: Executor, id: number, input: Update${type}Input, at: Date): Promise<void> {
  await db
    .updateTable('${table}')
    .set({
      ...(input.amountMinor === undefined ? {} : { amount_minor: input.amountMinor }),
      ...(input.reference === undefined ? {} : { reference: input.reference }),
      ...(input.note === undefined ? {} : { note: input.note }),
      ...(input.dueAt === undefined ? {} : { due_at: input.dueAt }),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

/** Moves the status only from the expected one: false when another request moved it first. */
export async function transition${type}(db: Executor, id: number, from: ${type}Status, to: ${type}Status, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('${table}')
    .set({ status: to, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function record${type}Attempt(db: Executor, id: number, externalId: string | null, at: Date): Promise<void> {
  await db
    .updateTable('${table}')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), external_id: externalId, updated_at: at }))
    .where('id', '=', id)
    .execute();
}

export async function delete${type}(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('${table}').where('id', '=', id).where('status', '=', 'draft').execute();
}
`;
}
