import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { createDbLibrary, type DbLibraryEnvironment } from './create-db-library.js';
import { getCallChain, type CallChain, type ChainStep, unwrapExpression } from './get-call-chain.js';
import { getSqlKind, getSqlText } from './get-sql-kind.js';

const WRITE_STARTERS = new Set(['insertInto', 'replaceInto', 'updateTable', 'deleteFrom', 'mergeInto']);
const READ_STARTERS = new Set(['selectFrom', 'selectNoFrom']);
const CTE_STARTERS = new Set(['with', 'withRecursive', 'withMaterialized', 'withNotMaterialized']);
const EXECUTORS = new Set(['execute', 'executeTakeFirst', 'executeTakeFirstOrThrow', 'stream']);
const TRANSACTION_MODIFIERS = new Set(['setIsolationLevel', 'setAccessMode']);
const DERIVATIONS = new Set(['withSchema', 'withPlugin', 'withoutPlugins', 'withTables']);
// Builders kept in variables (`let query = db.updateTable(…); query = query.where(…)`) are followed
// this many variables deep.
const MAX_BUILDER_VARIABLES = 3;

function isStarter(step: ChainStep): boolean {
  return (
    step.kind === 'method' &&
    step.name !== undefined &&
    (WRITE_STARTERS.has(step.name) || READ_STARTERS.has(step.name) || CTE_STARTERS.has(step.name))
  );
}

/** The chain with builders kept in variables spliced in front of it. */
function getBuilderChain(chain: CallChain, environment: DbLibraryEnvironment): CallChain {
  let current = chain;
  for (let depth = 0; depth < MAX_BUILDER_VARIABLES; depth += 1) {
    if (current.steps.some(isStarter) || current.root.type !== AST_NODE_TYPES.Identifier) return current;
    const initializer = environment.getInitializer(current.root);
    if (initializer === undefined) return current;
    const inner = getCallChain(initializer);
    if (inner.steps.length === 0) return current;
    current = { root: inner.root, steps: [...inner.steps, ...current.steps] };
  }
  return current;
}

function isSqlTag(node: TSESTree.Expression): boolean {
  const tag = unwrapExpression(node);
  return tag.type === AST_NODE_TYPES.Identifier && tag.name === 'sql';
}

/**
 * Kysely (https://kysely.dev): `insertInto`/`updateTable`/`deleteFrom`/`replaceInto`/`mergeInto`
 * chains executed with `execute*()`, `` sql`…`.execute(db) `` classified by its leading keyword,
 * `db.transaction().execute(async (trx) => …)` (with `setIsolationLevel`/`setAccessMode`), and
 * controlled transactions `db.startTransaction().execute()` … `trx.commit().execute()`.
 *
 * @example
 * kysely.getQuery(getCallChain(node), environment)?.operation; // 'write' for db.insertInto('t')…execute()
 */
export const kysely = createDbLibrary({
  name: 'kysely',
  modules: /^kysely(?:$|\/|-)|^@kysely\//u,
  typeNames: {
    Kysely: { kind: 'database' },
    Transaction: { kind: 'transaction' },
    ControlledTransaction: { kind: 'transaction' },
  },
  typePackages: /^kysely/u,
  transactionParameterName: 'trx',
  queryMethods: ['insertInto', 'replaceInto', 'updateTable', 'deleteFrom', 'mergeInto', 'selectFrom', 'selectNoFrom', 'with', 'withRecursive', 'withMaterialized', 'withNotMaterialized', 'execute', 'executeTakeFirst', 'executeTakeFirstOrThrow', 'stream'],

  getQuery(chain, environment) {
    const last = chain.steps.at(-1);
    if (last?.kind !== 'method' || last.name === undefined || !EXECUTORS.has(last.name)) return undefined;
    const [first] = chain.steps;
    // sql`…`.execute(db) and sql.raw('…').execute(db)
    if (
      first !== undefined &&
      ((chain.steps.length === 2 && first.kind === 'tag' && first.name === undefined && isSqlTag(first.object)) ||
        (chain.steps.length === 2 && first.kind === 'method' && first.name === 'raw' && isSqlTag(first.object)))
    ) {
      const argument = last.args[0];
      if (argument === undefined || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
      const handle = environment.getReceiverHandle(argument);
      if (handle === undefined) return undefined;
      const text = getSqlText(first.kind === 'tag' ? first.node : (first.args[0] ?? first.node));
      const kind = text === undefined ? 'other' : getSqlKind(text);
      return { operation: kind === 'read' || kind === 'write' ? kind : 'other', handle, method: 'sql' };
    }
    const builder = getBuilderChain(chain, environment);
    const start = builder.steps.findIndex(isStarter);
    const starter = builder.steps[start];
    if (starter?.name === undefined) return undefined;
    const handle = environment.getReceiverHandle(starter.object);
    if (handle === undefined) return undefined;
    const writer = builder.steps.find(
      (step, index) => index >= start && step.kind === 'method' && step.name !== undefined && WRITE_STARTERS.has(step.name),
    );
    return { operation: writer ? 'write' : 'read', handle, method: writer?.name ?? starter.name };
  },

  getTransaction(call, chain, environment) {
    const last = chain.steps.at(-1);
    if (last?.kind !== 'method' || last.name !== 'execute' || last.node !== call) return undefined;
    const start = chain.steps.findIndex((step) => step.kind === 'method' && step.name === 'transaction');
    const opener = chain.steps[start];
    if (opener === undefined || opener.args.length > 0) return undefined;
    const between = chain.steps.slice(start + 1, -1);
    if (!between.every((step) => step.kind === 'method' && step.name !== undefined && TRANSACTION_MODIFIERS.has(step.name))) {
      return undefined;
    }
    const handle = environment.getReceiverHandle(opener.object);
    const callback = last.args[0];
    if (
      handle === undefined ||
      (callback?.type !== AST_NODE_TYPES.ArrowFunctionExpression && callback?.type !== AST_NODE_TYPES.FunctionExpression)
    ) {
      return undefined;
    }
    return { handle, callback, batch: undefined };
  },

  getTransactionControl(chain, environment) {
    const last = chain.steps.at(-1);
    if (last?.kind !== 'method' || last.name !== 'execute' || last.args.length > 0) return undefined;
    const opener = chain.steps.find((step) => step.kind === 'method' && step.name === 'startTransaction');
    if (opener !== undefined) {
      const handle = environment.getReceiverHandle(opener.object);
      return handle && { action: 'begin', handle, returnsHandle: true };
    }
    const ender = chain.steps.at(-2);
    if (chain.steps.length !== 2 || ender?.kind !== 'method' || (ender.name !== 'commit' && ender.name !== 'rollback')) {
      return undefined;
    }
    const handle = environment.getHandle(ender.object);
    return handle?.kind === 'transaction' ? { action: ender.name, handle, returnsHandle: false } : undefined;
  },

  getHandleOrigin(node) {
    if (node.type === AST_NODE_TYPES.NewExpression) {
      const callee = unwrapExpression(node.callee);
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Kysely') return { kind: 'database', role: 'client' };
    }
    return undefined;
  },

  getDerivedHandle(chain, environment) {
    const last = chain.steps.at(-1);
    if (last?.kind !== 'method' || last.name === undefined || !DERIVATIONS.has(last.name)) return undefined;
    const base = environment.getHandle(last.object);
    return base && { base, role: base.role };
  },

  wrapInTransaction: (handle, parameter) => ({
    open: `await ${handle}.transaction().execute(async (${parameter}) => {`,
    close: '});',
  }),
});
