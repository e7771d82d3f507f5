import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getInlineFunctionKind } from '../code-path/get-inline-function-kind.js';

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/**
 * Creates a lookup of the function a node belongs to: the nearest enclosing function that does not
 * run inline (array callbacks and `.then()` callbacks belong to the function around them), or
 * `null` at module level. Answers are remembered along the way, so asking for every call of a
 * file costs one walk up per call at most.
 *
 * @example
 * const getOwner = createOwnerLookup();
 * getOwner(call.parent); // the FunctionDeclaration around `items.map((item) => db.insertInto(…))`
 */
export function createOwnerLookup(): (node: TSESTree.Node) => FunctionNode | null {
  const owners = new Map<TSESTree.Node, FunctionNode | null>();
  return (start: TSESTree.Node): FunctionNode | null => {
    const path: TSESTree.Node[] = [];
    let owner: FunctionNode | null = null;
    for (let node: TSESTree.Node = start; ; node = node.parent) {
      const known = owners.get(node);
      if (known !== undefined) {
        owner = known;
        break;
      }
      path.push(node);
      if (node.type === AST_NODE_TYPES.Program) break;
      if (
        node.type === AST_NODE_TYPES.FunctionDeclaration ||
        ((node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression) &&
          getInlineFunctionKind(node) === 'separate')
      ) {
        owner = node;
        break;
      }
    }
    for (const node of path) owners.set(node, owner);
    return owner;
  };
}
