import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { createDbLibrary, type DbHandle, type DbLibraryEnvironment } from './create-db-library.js';
import { type ChainStep, unwrapExpression } from './get-call-chain.js';
import { getSqlKind, getSqlText } from './get-sql-kind.js';

const WRITES = new Set(['insert', 'update', 'del', 'delete', 'increment', 'decrement', 'truncate', 'upsert']);
// `knex.insert(row).into('t')`, `knex.from('t').del()`, `knex.table('t').update(…)`
const TABLE_STEPS = new Set(['into', 'from', 'table']);

function isTableArgument(node: TSESTree.CallExpressionArgument | undefined): boolean {
  if (node === undefined || node.type === AST_NODE_TYPES.SpreadElement) return false;
  const expression = unwrapExpression(node);
  return (
    (expression.type === AST_NODE_TYPES.Literal && typeof expression.value === 'string') ||
    expression.type === AST_NODE_TYPES.TemplateLiteral ||
    expression.type === AST_NODE_TYPES.Identifier ||
    expression.type === AST_NODE_TYPES.MemberExpression ||
    expression.type === AST_NODE_TYPES.ObjectExpression
  );
}

/** `knex('t').update(…).transacting(trx)` runs through `trx`, whatever handle built it. */
function getTransactingHandle(steps: readonly ChainStep[], environment: DbLibraryEnvironment): DbHandle | undefined {
  const transacting = steps.find((step) => step.kind === 'method' && step.name === 'transacting');
  const [argument] = transacting?.kind === 'method' ? transacting.args : [];
  if (argument === undefined || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const value = unwrapExpression(argument);
  const known = environment.getHandle(value);
  if (known !== undefined) return known;
  const made = environment.getReceiverHandle(value);
  return made && { ...made, kind: 'transaction', libraries: ['knex'] };
}

function isKnexHandle(handle: DbHandle): boolean {
  return handle.libraries.length === 0 || handle.libraries.includes('knex');
}

/**
 * knex (https://knexjs.org): `knex('t').insert|update|del|delete|increment|decrement(…)` and
 * `knex.insert(…).into('t')` (thenable: they run when awaited), `knex.raw('…')`,
 * `knex.transaction(async (trx) => …)` and controlled `const trx = await knex.transaction()` …
 * `trx.commit()`.
 *
 * @example
 * knex.getQuery(getCallChain(node), environment)?.operation; // 'write' for trx('orders').insert(o)
 */
export const knex = createDbLibrary({
  name: 'knex',
  modules: /^knex(?:$|\/)/u,
  typeNames: {
    Knex: { kind: 'database' },
    Transaction: { kind: 'transaction' },
  },
  typePackages: /^knex/u,
  transactionParameterName: 'trx',
  queryMethods: [...WRITES, ...TABLE_STEPS, 'raw'],

  getQuery(chain, environment) {
    const { steps } = chain;
    const last = steps.at(-1);
    if (last?.kind !== 'method' && last?.kind !== 'invoke') return undefined;
    // knex.raw('UPDATE …'): only statements that read or write count; `knex.raw('now()')` is a value.
    if (last.kind === 'method' && last.name === 'raw' && steps.length >= 1) {
      const handle = environment.getHandle(last.object);
      const [text] = last.args;
      const sql = text === undefined ? undefined : getSqlText(text);
      const kind = sql === undefined ? undefined : getSqlKind(sql);
      if (handle === undefined || !isKnexHandle(handle) || (kind !== 'read' && kind !== 'write')) return undefined;
      return { operation: kind, handle, method: 'raw' };
    }
    // knex('t')…
    const invokeAt = steps.findIndex((step) => step.kind === 'invoke');
    const invoke = steps[invokeAt];
    let handle: DbHandle | undefined;
    let rest: typeof steps = [];
    if (invoke !== undefined && invokeAt < steps.length - 1 && invoke.args.length === 1 && isTableArgument(invoke.args[0])) {
      handle = environment.getHandle(invoke.object);
      rest = steps.slice(invokeAt + 1);
      if (handle !== undefined && handle.generic && !environment.allowsLooseShapes('knex')) handle = undefined;
    } else if (steps.some((step) => step.kind === 'method' && step.name !== undefined && TABLE_STEPS.has(step.name))) {
      const [first] = steps;
      const start = first?.kind === 'property' ? 1 : 0;
      const starter = steps[start];
      if (starter?.kind === 'method' && environment.allowsLooseShapes('knex')) {
        handle = environment.getHandle(starter.object);
        rest = steps.slice(start);
      }
    }
    if (handle === undefined || !isKnexHandle(handle) || handle.role !== 'client' || rest.length === 0) return undefined;
    handle = getTransactingHandle(rest, environment) ?? handle;
    const writer = rest.find((step) => step.kind === 'method' && step.name !== undefined && WRITES.has(step.name));
    return { operation: writer ? 'write' : 'read', handle, method: writer?.name ?? rest[0]?.name ?? 'select' };
  },

  getTransaction(call, chain, environment) {
    const last = chain.steps.at(-1);
    if (last?.kind !== 'method' || last.name !== 'transaction' || last.node !== call) return undefined;
    const [first] = last.args;
    if (first?.type !== AST_NODE_TYPES.ArrowFunctionExpression && first?.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
    const handle = environment.getHandle(last.object);
    return handle && isKnexHandle(handle) && handle.role === 'client' ? { handle, callback: first, batch: undefined } : undefined;
  },

  getTransactionControl(chain, environment) {
    const last = chain.steps.at(-1);
    if (last?.kind !== 'method' || chain.steps.length !== 1 || (last.name !== 'transaction' && last.name !== 'commit' && last.name !== 'rollback')) {
      return undefined;
    }
    const handle = environment.getHandle(last.object);
    if (handle === undefined || !isKnexHandle(handle) || handle.role !== 'client') return undefined;
    const [first] = last.args;
    if (last.name === 'transaction' && (first === undefined || first.type === AST_NODE_TYPES.ObjectExpression)) {
      return { action: 'begin', handle, returnsHandle: true };
    }
    if ((last.name === 'commit' || last.name === 'rollback') && handle.kind === 'transaction') {
      return { action: last.name, handle, returnsHandle: false };
    }
    return undefined;
  },

  getHandleOrigin(node) {
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrapExpression(node.callee);
    const [config] = node.arguments;
    return callee.type === AST_NODE_TYPES.Identifier &&
      (callee.name === 'knex' || callee.name === 'Knex') &&
      config?.type === AST_NODE_TYPES.ObjectExpression
      ? { kind: 'database', role: 'client' }
      : undefined;
  },

  wrapInTransaction: (handle, parameter) => ({
    open: `await ${handle}.transaction(async (${parameter}) => {`,
    close: '});',
  }),
});
