import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getMemberName, unwrapExpression } from './get-call-chain.js';

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/**
 * The name a function is called by: its own, its variable's, its method's or property's.
 *
 * @param fn - a function
 * @example
 * getFunctionName(arrowIn('const insertOrder = async () => …')); // 'insertOrder'
 */
export function getFunctionName(fn: FunctionNode): string | undefined {
  if (fn.id !== null) return fn.id.name;
  const { parent } = fn;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (
    (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition || parent.type === AST_NODE_TYPES.Property) &&
    !parent.computed &&
    parent.key.type === AST_NODE_TYPES.Identifier
  ) {
    return parent.key.name;
  }
  if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    return getMemberName(parent.left);
  }
  return undefined;
}

/**
 * The name a call's callee goes by: `f` in `f()`, `this.f()` and `x.y.f()`.
 *
 * @param call - a call
 * @example
 * getCalleeName(parse('this.orders.insert(trx, o)')); // 'insert'
 */
export function getCalleeName(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  return callee.type === AST_NODE_TYPES.MemberExpression ? getMemberName(callee) : undefined;
}
