import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/** A test whose outcome is known wherever a node runs. */
export interface BranchCondition {
  test: TSESTree.Expression;
  /** The test's value there: true inside an `if`'s consequent, false after `if (test) return;`. */
  outcome: boolean;
}

function alwaysExits(statement: TSESTree.Statement | null | undefined): boolean {
  switch (statement?.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ContinueStatement:
    case AST_NODE_TYPES.BreakStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.some((inner) => alwaysExits(inner));
    case AST_NODE_TYPES.IfStatement:
      return alwaysExits(statement.consequent) && alwaysExits(statement.alternate);
    default:
      return false;
  }
}

function getStatementList(node: TSESTree.Node): readonly TSESTree.Node[] | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.StaticBlock:
      return node.body;
    case AST_NODE_TYPES.SwitchCase:
      return node.consequent;
    default:
      return undefined;
  }
}

/**
 * The test that holds in a `switch` case's statements: `discriminant === test`, or with cases
 * falling through into it, `discriminant === a || discriminant === b`. None when `default` is
 * among them. The expressions are built here and are not part of the tree: their operands are.
 */
function getCaseTest(switchCase: TSESTree.SwitchCase): TSESTree.Expression | undefined {
  const { parent } = switchCase;
  const index = parent.cases.indexOf(switchCase);
  let start = index;
  while (start > 0 && parent.cases[start - 1]?.consequent.length === 0) start -= 1;
  let test: TSESTree.Expression | undefined;
  for (const { test: value } of parent.cases.slice(start, index + 1)) {
    if (value === null) return undefined;
    const { range, loc } = value;
    const equality = { type: AST_NODE_TYPES.BinaryExpression, operator: '===', left: parent.discriminant, right: value, range, loc, parent };
    test = (test === undefined ? equality : { type: AST_NODE_TYPES.LogicalExpression, operator: '||', left: test, right: equality, range, loc, parent }) as
      | TSESTree.BinaryExpression
      | TSESTree.LogicalExpression;
  }
  return test;
}

/**
 * The tests known to hold (or fail) where `node` runs, innermost first, up to `root`: the tests of
 * the `if` statements and `?:` expressions it sits in a branch of, the left side of `&&`/`||` it is
 * the right side of, the `switch` case it is in (as `discriminant === test`), and the tests of
 * earlier `if` statements in an enclosing block whose branch always leaves
 * (`if (!(e instanceof A)) throw e;` makes `e instanceof A` true for what follows).
 * Syntactic only: assignments between the test and the node are not considered.
 *
 * @param node - where the conditions should hold
 * @param root - the outermost node to look in (a function or the program)
 * @example
 * getBranchConditions(reference, fn).some(({ test, outcome }) => isImpliedByBranch(test, outcome, isDevCheck));
 */
export function getBranchConditions(node: TSESTree.Node, root: TSESTree.Node): BranchCondition[] {
  const conditions: BranchCondition[] = [];
  let child = node;
  while (child !== root && child.parent != null) {
    const parent: TSESTree.Node = child.parent;
    if (parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== child) {
      conditions.push({ test: parent.test, outcome: parent.consequent === child });
    } else if (parent.type === AST_NODE_TYPES.IfStatement && parent.test !== child) {
      conditions.push({ test: parent.test, outcome: parent.consequent === child });
    } else if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === child && parent.operator !== '??') {
      conditions.push({ test: parent.left, outcome: parent.operator === '&&' });
    } else {
      if (parent.type === AST_NODE_TYPES.SwitchCase && parent.test !== child) {
        const test = getCaseTest(parent);
        if (test !== undefined) conditions.push({ test, outcome: true });
      }
      const list = getStatementList(parent);
      for (const statement of list ?? []) {
        if (statement === child) break;
        if (statement.type !== AST_NODE_TYPES.IfStatement) continue;
        const consequentExits = alwaysExits(statement.consequent);
        const alternateExits = alwaysExits(statement.alternate);
        if (consequentExits !== alternateExits) conditions.push({ test: statement.test, outcome: alternateExits });
      }
    }
    child = parent;
  }
  return conditions;
}
