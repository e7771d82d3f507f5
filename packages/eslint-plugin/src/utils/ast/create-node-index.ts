import type { TSESTree } from '@typescript-eslint/utils';

/** Nodes recorded during ESLint's traversal, looked up by where they lie. */
export interface NodeIndex {
  /** Records a node. Nodes must arrive in traversal order, as rule listeners see them. */
  add: (node: TSESTree.Node) => void;
  /** The recorded nodes inside `container`'s range (`container` included), in source order. */
  within: (container: TSESTree.Node) => TSESTree.Node[];
}

/**
 * Creates an index that a rule fills from its listeners (`CallExpression(node) { index.add(node) }`)
 * and queries when a region is complete (`'CatchClause:exit'`), so that analysing a region never
 * walks its subtree a second time. Lookups are a binary search on the start offset: listeners see
 * nodes in pre-order, which is sorted by start.
 *
 * @example
 * const calls = createNodeIndex();
 * return {
 *   CallExpression: calls.add,
 *   'CatchClause:exit'(clause) { for (const call of calls.within(clause.body)) check(call); },
 * };
 */
export function createNodeIndex(): NodeIndex {
  const nodes: TSESTree.Node[] = [];
  return {
    add: (node) => {
      nodes.push(node);
    },
    within: (container) => {
      const [start, end] = container.range;
      let low = 0;
      let high = nodes.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((nodes[middle]?.range[0] ?? end) < start) low = middle + 1;
        else high = middle;
      }
      const found: TSESTree.Node[] = [];
      for (let index = low; index < nodes.length; index += 1) {
        const node = nodes[index];
        if (!node || node.range[0] >= end) break;
        if (node.range[1] <= end) found.push(node);
      }
      return found;
    },
  };
}
