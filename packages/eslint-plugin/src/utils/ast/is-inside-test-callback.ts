import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getCallChain } from '../db/get-call-chain.js';

// Test-framework calls whose callbacks set up fixtures and assertions.
const TEST_CALLS = new Set(['describe', 'it', 'test', 'beforeEach', 'beforeAll', 'afterEach', 'afterAll', 'bench']);

/**
 * Whether a node sits in a callback of a test-framework call (`describe`, `it`, `test`,
 * `beforeEach`…, including `it.each(…)(…)` and `test.skip(…)`), where several writes in a row
 * are fixtures, not business logic.
 *
 * @param node - any node
 * @example
 * if (isInsideTestCallback(fn)) return;
 */
export function isInsideTestCallback(node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node = node; current.type !== AST_NODE_TYPES.Program; current = current.parent) {
    const parent: TSESTree.Node = current.parent;
    if (parent.type !== AST_NODE_TYPES.CallExpression || parent.callee === current) continue;
    const callee = getCallChain(parent.callee);
    if (callee.root.type === AST_NODE_TYPES.Identifier && TEST_CALLS.has(callee.root.name)) return true;
  }
  return false;
}
