import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { createDbLibrary, type DbHandle, type DbLibraryEnvironment } from './create-db-library.js';
import { getCallChain, getMemberName, unwrapExpression } from './get-call-chain.js';
import { getSqlKind, getSqlText } from './get-sql-kind.js';

const WRITES = new Set(['create', 'bulkCreate', 'update', 'upsert', 'destroy', 'increment', 'decrement', 'restore', 'truncate', 'findOrCreate', 'save']);
const READS = new Set(['findAll', 'findOne', 'findByPk', 'findAndCountAll', 'count', 'max', 'min', 'sum']);
// Static model methods (`User.create(…)`); instance methods (`user.save()`) are only recognised
// when their options name a transaction, since any object may have `save` or `update`.
const MODEL_WRITES = new Set(['create', 'bulkCreate', 'update', 'upsert', 'destroy', 'increment', 'decrement', 'restore', 'truncate', 'findOrCreate']);
const MODEL_NAME = /^[A-Z][A-Za-z\d]*$/u;
const INSTANCE_NAME = /^sequelize$/iu;

/** The value of the `transaction` option among a call's arguments (`{ transaction }`, `{ transaction: t }`). */
function getTransactionOption(args: readonly TSESTree.CallExpressionArgument[]): TSESTree.Expression | undefined {
  for (const argument of args) {
    if (argument.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const property of argument.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
      const name = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : String(property.key.value);
      if (name === 'transaction' && property.value.type !== AST_NODE_TYPES.AssignmentPattern && property.value.type !== AST_NODE_TYPES.ObjectPattern && property.value.type !== AST_NODE_TYPES.ArrayPattern) {
        return property.value as TSESTree.Expression;
      }
    }
  }
  return undefined;
}

/** The Sequelize instance: a handle the model knows, or a name like `sequelize`/`this.sequelize`. */
function getInstanceHandle(node: TSESTree.Expression, environment: DbLibraryEnvironment): DbHandle | undefined {
  const known = environment.getHandle(node);
  if (known?.libraries.includes('sequelize') === true) return known;
  const expression = unwrapExpression(node);
  const name = expression.type === AST_NODE_TYPES.Identifier ? expression.name : expression.type === AST_NODE_TYPES.MemberExpression ? getMemberName(expression) : undefined;
  if (name === undefined || !INSTANCE_NAME.test(name) || (known !== undefined && known.libraries.length > 0)) return undefined;
  const made = known ?? environment.getReceiverHandle(node);
  return made && { ...made, libraries: ['sequelize'], evidence: known?.evidence ?? 'name' };
}

/** The handle a query runs through when its options name a transaction: that transaction. */
function getOptionHandle(value: TSESTree.Expression, environment: DbLibraryEnvironment): DbHandle | undefined {
  const known = environment.getHandle(value);
  if (known !== undefined) return known;
  const made = environment.getReceiverHandle(value);
  if (made === undefined) return undefined;
  // `options.transaction` handed on from a parameter: whichever transaction the caller passes.
  const { root } = getCallChain(unwrapExpression(value));
  const isParameter = made.isParameter || (root.type === AST_NODE_TYPES.Identifier && environment.getHandle(root) === undefined && value.type === AST_NODE_TYPES.MemberExpression);
  return { ...made, kind: isParameter ? 'either' : 'transaction', libraries: ['sequelize'], isParameter };
}

/**
 * Sequelize (https://sequelize.org): static model calls `User.create|update|destroy|bulkCreate|
 * upsert|increment(…)`, `sequelize.query('INSERT …')`, any of these (and instance `save`/
 * `update`/`destroy`) with a `{ transaction }` option, which runs them through that transaction,
 * and managed transactions `sequelize.transaction(async (transaction) => …)`.
 *
 * @example
 * sequelize.getQuery(getCallChain(node), environment)?.operation; // 'write' for User.create({ name }, { transaction })
 */
export const sequelize = createDbLibrary({
  name: 'sequelize',
  modules: /^(?:sequelize|sequelize-typescript|@sequelize\/core)$/u,
  typeNames: {
    Sequelize: { kind: 'database' },
    Transaction: { kind: 'transaction' },
  },
  typePackages: /sequelize/u,
  transactionParameterName: 'transaction',
  queryMethods: [...WRITES, ...READS, 'query'],

  getQuery(chain, environment) {
    const last = chain.steps.at(-1);
    if (last?.kind !== 'method' || last.name === undefined) return undefined;
    const option = getTransactionOption(last.args);
    if (last.name === 'query') {
      const instance = getInstanceHandle(last.object, environment);
      if (instance === undefined) return undefined;
      const [first] = last.args;
      const text = first === undefined || first.type === AST_NODE_TYPES.SpreadElement ? undefined : getSqlText(first);
      const kind = text === undefined ? undefined : getSqlKind(text);
      const handle = option === undefined ? instance : getOptionHandle(option, environment);
      if (handle === undefined || kind === 'begin' || kind === 'commit' || kind === 'rollback') return undefined;
      return { operation: kind === 'write' ? 'write' : kind === 'read' ? 'read' : 'other', handle, method: 'query' };
    }
    const isWrite = WRITES.has(last.name);
    if (!isWrite && !READS.has(last.name)) return undefined;
    if (option !== undefined) {
      const handle = getOptionHandle(option, environment);
      return handle && { operation: isWrite ? 'write' : 'read', handle, method: last.name };
    }
    const model = unwrapExpression(last.object);
    if (model.type !== AST_NODE_TYPES.Identifier || !MODEL_NAME.test(model.name) || !environment.isImported('sequelize')) return undefined;
    if (isWrite && !MODEL_WRITES.has(last.name)) return undefined;
    // A model class is no connection to its type (`typeof User`), yet every model runs on the
    // default one: one handle for all of them.
    const handle: DbHandle = environment.getHandle(model) ?? {
      node: model,
      kind: 'database',
      key: 'sequelize',
      libraries: ['sequelize'],
      role: 'client',
      evidence: 'shape',
      generic: false,
      isParameter: false,
    };
    return { operation: isWrite ? 'write' : 'read', handle: { ...handle, key: 'sequelize', libraries: ['sequelize'] }, method: last.name };
  },

  getTransaction(call, chain, environment) {
    const last = chain.steps.at(-1);
    if (last?.kind !== 'method' || last.name !== 'transaction' || last.node !== call) return undefined;
    const callback = last.args.find(
      (argument): argument is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression =>
        argument.type === AST_NODE_TYPES.ArrowFunctionExpression || argument.type === AST_NODE_TYPES.FunctionExpression,
    );
    if (callback === undefined) return undefined;
    const handle = getInstanceHandle(last.object, environment);
    return handle && { handle, callback, batch: undefined };
  },

  getHandleOrigin(node) {
    if (node.type !== AST_NODE_TYPES.NewExpression) return undefined;
    const callee = unwrapExpression(node.callee);
    return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Sequelize' ? { kind: 'database', role: 'client' } : undefined;
  },
});
