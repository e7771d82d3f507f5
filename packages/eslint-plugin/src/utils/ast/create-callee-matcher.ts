import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getPropertyName, getStaticName } from './get-static-name.js';
import { skipExpressionWrappers } from './skip-expression-wrappers.js';

/**
 * Compiles callee patterns into a predicate: `console.error` matches that exact dotted callee,
 * `reportError` a bare call, and `*.error` any member call whose property is `error`, whatever its
 * object (`logger.error`, `this.log.error`, `getLogger().error`). Matching is case-sensitive.
 *
 * @param patterns - the patterns, typically from a rule option
 * @example
 * const isReporter = createCalleeMatcher(['*.error', 'reportError']);
 * isReporter(call.callee); // true for c.var.logger?.error(…)
 */
export function createCalleeMatcher(patterns: readonly string[]): (callee: TSESTree.Expression) => boolean {
  const anyObject = new Set<string>();
  const exact = new Set<string>();
  for (const pattern of patterns) {
    if (pattern.startsWith('*.')) anyObject.add(pattern.slice(2));
    else exact.add(pattern);
  }
  return (callee) => {
    const node = skipExpressionWrappers(callee);
    if (anyObject.size > 0 && node.type === AST_NODE_TYPES.MemberExpression) {
      const property = getPropertyName(node);
      if (property !== undefined && anyObject.has(property)) return true;
    }
    if (exact.size === 0) return false;
    const name = getStaticName(node);
    return name !== undefined && exact.has(name);
  };
}
