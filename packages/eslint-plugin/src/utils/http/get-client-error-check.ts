import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getPropertyName } from '../ast/get-static-name.js';
import type { AtomFact } from '../ast/is-implied-by-branch.js';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';

const isClientStatus = (status: number): boolean => status >= 400 && status < 500;
const FLIPPED: Readonly<Record<string, string>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/**
 * When an elementary test establishes that the error is a client error (4xx), whose message the
 * framework itself would expose: `err.expose` (http-errors, Koa), `status < 500`,
 * `err.statusCode >= 500` (false branch), `status !== 500`, `err.status === 404`. `undefined` when the test says nothing
 * about it.
 *
 * @param node - an elementary test
 * @example
 * isImpliedByBranch(test, outcome, getClientErrorCheck);
 */
export function getClientErrorCheck(node: TSESTree.Expression): AtomFact | undefined {
  const expression = skipExpressionWrappers(node);
  if (expression.type === AST_NODE_TYPES.MemberExpression) return getPropertyName(expression) === 'expose' ? 'whenTrue' : undefined;
  if (expression.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  const flip = expression.left.type === AST_NODE_TYPES.Literal && expression.right.type !== AST_NODE_TYPES.Literal;
  const value = flip ? expression.right : expression.left;
  const limit = flip ? expression.left : expression.right;
  const operator = flip ? (FLIPPED[expression.operator] ?? expression.operator) : expression.operator;
  if (limit.type !== AST_NODE_TYPES.Literal) return undefined;
  if (limit.value === true && value.type === AST_NODE_TYPES.MemberExpression && getPropertyName(value) === 'expose') {
    return operator === '===' || operator === '==' ? 'whenTrue' : undefined;
  }
  if (typeof limit.value !== 'number') return undefined;
  const n = limit.value;
  switch (operator) {
    case '<':
      return n > 400 && n <= 500 ? 'whenTrue' : undefined;
    case '<=':
      return n >= 400 && n < 500 ? 'whenTrue' : undefined;
    case '>=':
      return n === 500 ? 'whenFalse' : undefined;
    case '>':
      return n === 499 ? 'whenFalse' : undefined;
    case '===':
    case '==':
      return n === 500 ? 'whenFalse' : isClientStatus(n) ? 'whenTrue' : undefined;
    case '!==':
    case '!=':
      return n === 500 ? 'whenTrue' : isClientStatus(n) ? 'whenFalse' : undefined;
    default:
      return undefined;
  }
}
