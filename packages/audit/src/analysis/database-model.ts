import { ts } from 'ts-morph';

/** One database write found at a call. */
export interface DatabaseWrite {
  operation: 'insert' | 'update' | 'delete' | 'upsert' | 'write';
  /** The table or model written, when the call names it literally. */
  table: string | undefined;
}

/**
 * What the audit needs to know about database libraries, on TypeScript compiler nodes: which
 * calls write, which calls name a table, and which calls open a transaction scope.
 */
export interface DatabaseModel {
  /** The write a call performs, or `undefined` when it does not write. */
  getWrite(call: ts.CallExpression): DatabaseWrite | undefined;
  /** The table or model a call reads or writes, when it names one. */
  getTable(call: ts.CallExpression): string | undefined;
  /** The arguments that run inside the transaction the call opens; `undefined` when it opens none. */
  getTransactionScope(call: ts.CallExpression): readonly ts.Node[] | undefined;
  /** Whether the call starts a transaction by hand (`BEGIN`, `startTransaction()`) for the rest of its function. */
  isManualTransactionStart(call: ts.CallExpression): boolean;
}

const KYSELY_WRITES: Readonly<Record<string, DatabaseWrite['operation']>> = {
  insertInto: 'insert',
  replaceInto: 'upsert',
  updateTable: 'update',
  deleteFrom: 'delete',
  mergeInto: 'upsert',
};
const KYSELY_READS = new Set(['selectFrom']);
const PRISMA_WRITES: Readonly<Record<string, DatabaseWrite['operation']>> = {
  create: 'insert',
  createMany: 'insert',
  createManyAndReturn: 'insert',
  update: 'update',
  updateMany: 'update',
  upsert: 'upsert',
  delete: 'delete',
  deleteMany: 'delete',
};
const PRISMA_READS = new Set(['findMany', 'findFirst', 'findFirstOrThrow', 'findUnique', 'findUniqueOrThrow', 'count', 'aggregate', 'groupBy']);
const KNEX_WRITES: Readonly<Record<string, DatabaseWrite['operation']>> = {
  insert: 'insert',
  update: 'update',
  del: 'delete',
  delete: 'delete',
  increment: 'update',
  decrement: 'update',
  upsert: 'upsert',
};
const DRIZZLE_WRITES: Readonly<Record<string, DatabaseWrite['operation']>> = {
  insert: 'insert',
  update: 'update',
  delete: 'delete',
};
const SQL_RUNNERS = new Set(['query', 'execute', 'exec', 'run', 'none', 'one', 'many', 'any', 'oneOrNone', 'manyOrNone', 'raw', 'executeQuery']);
const DB_HANDLE_NAME = /(?:^|[^a-z])(?:db|tx|trx|knex|prisma|client|conn|connection|pool|database|manager|sql|em)$/i;
const SQL_WRITE = /^\s*(insert|update|delete|merge|replace|upsert)\b/i;
const SQL_TABLE = /\b(?:into|update|from|join|table)\s+["'`]?([a-z_][\w.]*)/gi;
const TRANSACTION_START = /^\s*(?:begin|start\s+transaction)\b/i;

function getMethodName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

function getReceiver(call: ts.CallExpression): ts.Expression | undefined {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
}

function getNameText(node: ts.Expression): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (node.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  return undefined;
}

function isDatabaseHandle(node: ts.Expression): boolean {
  const name = getNameText(node);
  return name !== undefined && DB_HANDLE_NAME.test(name);
}

function getStringArgument(call: ts.CallExpression, index = 0): string | undefined {
  const argument = call.arguments[index];
  return argument !== undefined && ts.isStringLiteralLike(argument) ? argument.text : undefined;
}

/** `'payments as p'` → `payments`; `'public.payments'` → `payments`. */
function cleanTableName(name: string): string {
  const bare = name.trim().split(/\s+/)[0] ?? name;
  return bare.split('.').pop() ?? bare;
}

function getSqlText(call: ts.CallExpression): string | undefined {
  const first = call.arguments[0];
  if (first === undefined) return undefined;
  if (ts.isStringLiteralLike(first)) return first.text;
  if (ts.isTemplateExpression(first)) return first.head.text + first.templateSpans.map((span) => span.literal.text).join(' ');
  return undefined;
}

function getSqlTables(text: string): string | undefined {
  for (const match of text.matchAll(SQL_TABLE)) {
    const name = match[1];
    if (name !== undefined) return cleanTableName(name);
  }
  return undefined;
}

/** `knex('orders')` at the root of a call chain: its table. */
function getKnexTable(receiver: ts.Expression): string | undefined {
  let current: ts.Expression = receiver;
  while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) {
    current = current.expression.expression;
  }
  if (ts.isCallExpression(current) && ts.isIdentifier(current.expression) && DB_HANDLE_NAME.test(current.expression.text)) {
    const table = getStringArgument(current);
    return table === undefined ? undefined : cleanTableName(table);
  }
  return undefined;
}

/** `sql\`INSERT …\`.execute(db)` (Kysely) and `db.execute(sql\`…\`)` (Drizzle): the SQL text. */
function getTaggedSql(call: ts.CallExpression): string | undefined {
  const receiver = getReceiver(call);
  const candidate = receiver !== undefined && ts.isTaggedTemplateExpression(receiver) ? receiver : call.arguments[0];
  if (candidate === undefined || !ts.isTaggedTemplateExpression(candidate)) return undefined;
  const template = candidate.template;
  return ts.isNoSubstitutionTemplateLiteral(template)
    ? template.text
    : template.head.text + template.templateSpans.map((span) => span.literal.text).join(' ');
}

function getWrite(call: ts.CallExpression): DatabaseWrite | undefined {
  const method = getMethodName(call);
  const receiver = getReceiver(call);
  if (method === undefined || receiver === undefined) return undefined;

  const kysely = KYSELY_WRITES[method];
  if (kysely !== undefined) {
    const table = getStringArgument(call);
    return { operation: kysely, table: table === undefined ? undefined : cleanTableName(table) };
  }
  const prisma = PRISMA_WRITES[method];
  if (prisma !== undefined && ts.isPropertyAccessExpression(receiver) && isDatabaseHandle(receiver.expression)) {
    return { operation: prisma, table: receiver.name.text };
  }
  const knex = KNEX_WRITES[method];
  if (knex !== undefined) {
    const table = getKnexTable(receiver);
    if (table !== undefined) return { operation: knex, table };
  }
  const drizzle = DRIZZLE_WRITES[method];
  if (drizzle !== undefined && isDatabaseHandle(receiver)) {
    const table = call.arguments[0];
    return { operation: drizzle, table: table !== undefined && ts.isIdentifier(table) ? table.text : undefined };
  }
  if (SQL_RUNNERS.has(method)) {
    const text = getSqlText(call) ?? getTaggedSql(call);
    const verb = text === undefined ? undefined : SQL_WRITE.exec(text)?.[1]?.toLowerCase();
    if (text !== undefined && verb !== undefined) {
      const operation = verb === 'merge' || verb === 'replace' ? 'upsert' : (verb as DatabaseWrite['operation']);
      return { operation, table: getSqlTables(text) };
    }
  }
  return undefined;
}

function getTable(call: ts.CallExpression): string | undefined {
  const write = getWrite(call);
  if (write !== undefined) return write.table;
  const method = getMethodName(call);
  const receiver = getReceiver(call);
  if (method === undefined || receiver === undefined) return undefined;
  if (KYSELY_READS.has(method)) {
    const table = getStringArgument(call);
    return table === undefined ? undefined : cleanTableName(table);
  }
  if (PRISMA_READS.has(method) && ts.isPropertyAccessExpression(receiver) && isDatabaseHandle(receiver.expression)) {
    return receiver.name.text;
  }
  if (SQL_RUNNERS.has(method)) {
    const text = getSqlText(call) ?? getTaggedSql(call);
    return text === undefined ? undefined : getSqlTables(text);
  }
  return getKnexTable(receiver);
}

/** Finds `.transaction()` in a chain such as `db.transaction().setIsolationLevel('serializable').execute(cb)`. */
function hasTransactionInChain(node: ts.Expression): boolean {
  let current: ts.Expression = node;
  while (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) {
    if (current.expression.name.text === 'transaction') return true;
    current = current.expression.expression;
  }
  return false;
}

function getTransactionScope(call: ts.CallExpression): readonly ts.Node[] | undefined {
  const method = getMethodName(call);
  const receiver = getReceiver(call);
  if (method === undefined || receiver === undefined) return undefined;
  // Kysely: db.transaction().execute(async (trx) => …)
  if (method === 'execute' && hasTransactionInChain(receiver)) return call.arguments;
  // Prisma: prisma.$transaction(async (tx) => …) or prisma.$transaction([a, b])
  if (method === '$transaction') return call.arguments;
  // knex, Drizzle, Sequelize, TypeORM: handle.transaction(async (trx) => …)
  if (method === 'transaction' && call.arguments.some((argument) => ts.isArrowFunction(argument) || ts.isFunctionExpression(argument))) {
    return call.arguments;
  }
  return undefined;
}

function isManualTransactionStart(call: ts.CallExpression): boolean {
  const method = getMethodName(call);
  if (method === 'startTransaction' || method === 'beginTransaction') return true;
  if (method === undefined || !SQL_RUNNERS.has(method)) return false;
  const text = getSqlText(call) ?? getTaggedSql(call);
  return text !== undefined && TRANSACTION_START.test(text);
}

/**
 * The audit's database model: Kysely first, then Prisma, knex, Drizzle and raw SQL clients (pg,
 * mysql2, better-sqlite3), recognised by call shape so that it works without type information.
 *
 * @example
 * const write = databaseModel.getWrite(callExpression); // { operation: 'insert', table: 'orders' }
 */
export const databaseModel: DatabaseModel = { getWrite, getTable, getTransactionScope, isManualTransactionStart };
