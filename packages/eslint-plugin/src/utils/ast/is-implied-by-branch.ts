import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { skipExpressionWrappers } from './skip-expression-wrappers.js';

/**
 * When an elementary test (an atom: a comparison, a call, an `instanceof`) establishes the fact a
 * caller is after: only when it is true, only when it is false, or either way (for example
 * `status >= 500` says something about `status` in both branches).
 */
export type AtomFact = 'whenTrue' | 'whenFalse' | 'always';

/**
 * Whether taking the `outcome` branch of `test` establishes a fact, given which atoms establish it.
 * Looks through `!`, `&&`, `||`, `,` and TypeScript wrappers: in `if (!(e instanceof A)) throw e`
 * the fall-through (false) branch knows `e instanceof A`; in `if (a || b)` the true branch knows
 * the fact only when both `a` and `b` establish it.
 *
 * @param test - the condition of an `if`, loop or conditional expression
 * @param outcome - the branch taken: true for the consequent
 * @param getAtomFact - when an atom establishes the fact, `undefined` for never
 * @example
 * isImpliedByBranch(ifStatement.test, false, (atom) => (isErrorTest(atom) ? 'whenTrue' : undefined));
 */
export function isImpliedByBranch(
  test: TSESTree.Expression,
  outcome: boolean,
  getAtomFact: (atom: TSESTree.Expression) => AtomFact | undefined,
): boolean {
  const node = skipExpressionWrappers(test);
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
    return isImpliedByBranch(node.argument, !outcome, getAtomFact);
  }
  if (node.type === AST_NODE_TYPES.SequenceExpression) {
    const last = node.expressions.at(-1);
    return last !== undefined && isImpliedByBranch(last, outcome, getAtomFact);
  }
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator !== '??') {
    const left = isImpliedByBranch(node.left, outcome, getAtomFact);
    // `a && b` true means both held; `a || b` false means both failed: either side suffices.
    if ((node.operator === '&&') === outcome) return left || isImpliedByBranch(node.right, outcome, getAtomFact);
    return left && isImpliedByBranch(node.right, outcome, getAtomFact);
  }
  const fact = getAtomFact(node);
  return fact === 'always' || fact === (outcome ? 'whenTrue' : 'whenFalse');
}
