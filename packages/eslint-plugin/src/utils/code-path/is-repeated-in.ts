import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getInlineFunctionKind } from './get-inline-function-kind.js';

/**
 * Whether `node` may run several times for one run of `boundary`: it sits in a loop, or in a
 * repeated callback (`.map()`, `.forEach()`), between itself and `boundary`.
 *
 * @param node - any node inside `boundary`
 * @param boundary - the function (or expression) that bounds the search
 * @example
 * isRepeatedIn(writeCall, fn); // true inside `for (const item of items) { … }`
 */
export function isRepeatedIn(node: TSESTree.Node, boundary: TSESTree.Node): boolean {
  for (let current = node.parent; current != null && current !== boundary; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return true;
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
        if (getInlineFunctionKind(current) === 'repeated') return true;
        break;
      default:
    }
  }
  return false;
}

/**
 * Whether `node` runs as part of evaluating `boundary`, not in a callback that runs on its own
 * (an event handler, a function passed elsewhere).
 *
 * @param node - any node inside `boundary`
 * @param boundary - the expression being evaluated
 * @example
 * isRunInline(queryCall, promiseAllArgument); // true inside `items.map((item) => …)`
 */
export function isRunInline(node: TSESTree.Node, boundary: TSESTree.Node): boolean {
  for (let current = node.parent; current != null && current !== boundary; current = current.parent) {
    if ((current.type === AST_NODE_TYPES.ArrowFunctionExpression || current.type === AST_NODE_TYPES.FunctionExpression) && getInlineFunctionKind(current) === 'separate') {
      return false;
    }
  }
  return true;
}
