import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

const SKIPPED_KEYS = new Set(['parent', 'loc', 'range', 'type', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'decorators']);

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Every call and tagged template under a node, nested functions included (a batch's array, a
 * callback's body).
 *
 * @param node - any node
 * @example
 * getNestedCalls(batchArray).some((call) => model.isWrite(call));
 */
export function getNestedCalls(node: TSESTree.Node): (TSESTree.CallExpression | TSESTree.TaggedTemplateExpression)[] {
  const calls: (TSESTree.CallExpression | TSESTree.TaggedTemplateExpression)[] = [];
  const stack: TSESTree.Node[] = [node];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.TaggedTemplateExpression) calls.push(current);
    for (const key of Object.keys(current)) {
      if (SKIPPED_KEYS.has(key)) continue;
      const value = (current as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) stack.push(item);
      } else if (isNode(value)) {
        stack.push(value);
      }
    }
  }
  return calls;
}
