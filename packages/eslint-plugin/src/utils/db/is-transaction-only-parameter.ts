import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { DbHandle } from './create-db-library.js';
import type { DbModel } from './create-db-model.js';
import { unwrapExpression } from './get-call-chain.js';

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

function getNameNode(fn: FunctionNode): TSESTree.Identifier | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) {
    const { parent } = fn;
    if (parent.type === AST_NODE_TYPES.ExportNamedDeclaration || parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) return undefined;
    return fn.id ?? undefined;
  }
  const { parent } = fn;
  if (parent.type !== AST_NODE_TYPES.VariableDeclarator || parent.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return parent.parent.parent.type === AST_NODE_TYPES.ExportNamedDeclaration ? undefined : parent.id;
}

/**
 * Whether `fn` is a helper of its file (not exported, used only by calls) whose every call passes
 * a transaction's handle at parameter `index`: whatever the parameter is named or typed, the
 * helper runs inside its callers' transaction.
 *
 * @param fn - a function of the file
 * @param index - a parameter index
 * @param model - the file's database model
 * @param isInTransaction - whether a handle at a call already runs in a transaction
 * @example
 * isTransactionOnlyParameter(createDefaultCategories, 0, model, isInTransaction); // true when only ever called with `tx`
 */
export function isTransactionOnlyParameter(
  fn: FunctionNode,
  index: number,
  model: DbModel,
  isInTransaction: (handle: DbHandle, node: TSESTree.Node) => boolean,
): boolean {
  const name = getNameNode(fn);
  const variable = name === undefined ? undefined : model.findVariable(name);
  const uses = variable?.references.filter((reference) => reference.identifier !== name) ?? [];
  if (uses.length === 0) return false;
  return uses.every(({ identifier }) => {
    const call = identifier.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) return false;
    const argument = call.arguments[index];
    if (argument === undefined || argument.type === AST_NODE_TYPES.SpreadElement) return false;
    const handle = model.getHandle(unwrapExpression(argument));
    return handle !== undefined && isInTransaction(handle, call);
  });
}
