import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * Visits `root` and its descendants depth-first in source order, without recursion (generated
 * files nest deeper than the call stack allows). `visit` returns whether to descend into the
 * node's children (`false` for nested functions, typically).
 *
 * @param root - where to start (visited first)
 * @param visitorKeys - `context.sourceCode.visitorKeys`
 * @param visit - called for each node; returns `false` to prune its subtree
 * @example
 * visitDescendants(block, context.sourceCode.visitorKeys, (node) => !isFunctionNode(node));
 */
export function visitDescendants(
  root: TSESTree.Node,
  visitorKeys: TSESLint.SourceCode['visitorKeys'],
  visit: (node: TSESTree.Node) => boolean,
): void {
  const stack: TSESTree.Node[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!visit(node)) continue;
    const keys = visitorKeys[node.type] ?? [];
    for (let keyIndex = keys.length - 1; keyIndex >= 0; keyIndex -= 1) {
      const child = (node as unknown as Record<string, unknown>)[keys[keyIndex] ?? ''];
      if (Array.isArray(child)) {
        for (let index = child.length - 1; index >= 0; index -= 1) {
          const item: unknown = child[index];
          if (isNode(item)) stack.push(item);
        }
      } else if (isNode(child)) {
        stack.push(child);
      }
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
