import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { skipExpressionWrappers } from './skip-expression-wrappers.js';

/**
 * The dotted name of an identifier or member chain (`console.error`, `this.logger.error`,
 * `Sentry.captureException`), looking through TypeScript wrappers, optional chaining and literal
 * computed keys (`logger['error']`). `undefined` when a part is not static (`loggers[level]`,
 * `getLogger().error` — call results have no name).
 *
 * @param node - the expression to name, typically a call's callee
 * @example
 * getStaticName(call.callee); // 'console.error' for console?.error(e)
 */
export function getStaticName(node: TSESTree.Expression | TSESTree.Super): string | undefined {
  // Built right to left by concatenation: rules ask this of nearly every call they see, and most
  // callees are one identifier or one member, so no array is worth allocating.
  let name: string | undefined;
  let current: TSESTree.Expression | TSESTree.Super = node;
  for (;;) {
    if (current.type === AST_NODE_TYPES.Super) return undefined;
    current = skipExpressionWrappers(current);
    if (current.type === AST_NODE_TYPES.Identifier || current.type === AST_NODE_TYPES.ThisExpression) {
      const head = current.type === AST_NODE_TYPES.Identifier ? current.name : 'this';
      return name === undefined ? head : `${head}.${name}`;
    }
    if (current.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const property = getPropertyName(current);
    if (property === undefined) return undefined;
    name = name === undefined ? property : `${property}.${name}`;
    current = current.object;
  }
}

/**
 * The name of a member expression's property when it is static: `b` for `a.b`, `a['b']`,
 * ``a[`b`]`` and `#b` for `a.#b`.
 *
 * @param node - a member expression
 * @example
 * getPropertyName(call.callee) === 'catch';
 */
export function getPropertyName(node: TSESTree.MemberExpression): string | undefined {
  const { property } = node;
  if (property.type === AST_NODE_TYPES.PrivateIdentifier) return `#${property.name}`;
  if (!node.computed) return property.type === AST_NODE_TYPES.Identifier ? property.name : undefined;
  if (property.type === AST_NODE_TYPES.Literal && typeof property.value === 'string') return property.value;
  if (property.type === AST_NODE_TYPES.TemplateLiteral && property.expressions.length === 0) {
    return property.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}
