import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

// Calls that never return, by name: a body ending in one does not fall off its end.
const NEVER_RETURNING = /^(?:exit|assertNever|assertUnreachable|unreachable|exhaustive|invariant|panic|fail|throw)/iu;

function getCalleeName(callee: TSESTree.Expression): string {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier) {
    return callee.property.name;
  }
  return '';
}

function leaves(statements: readonly TSESTree.Statement[]): boolean {
  const last = statements.at(-1);
  const final = last?.type === AST_NODE_TYPES.BlockStatement ? last.body.at(-1) : last;
  return final?.type === AST_NODE_TYPES.ReturnStatement || final?.type === AST_NODE_TYPES.ThrowStatement;
}

/** Whether a statement never completes normally: it returns, throws or calls something that never returns, on every path. */
function ends(statement: TSESTree.Statement | null | undefined): boolean {
  switch (statement?.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
      return true;
    case AST_NODE_TYPES.ExpressionStatement:
      return (
        statement.expression.type === AST_NODE_TYPES.CallExpression &&
        NEVER_RETURNING.test(getCalleeName(statement.expression.callee))
      );
    case AST_NODE_TYPES.BlockStatement:
      return ends(statement.body.at(-1));
    case AST_NODE_TYPES.IfStatement:
      return ends(statement.consequent) && ends(statement.alternate);
    case AST_NODE_TYPES.SwitchStatement:
      // With a `default`, and every case leaving (or falling through to the next), no path passes the switch.
      return (
        statement.cases.some((clause) => clause.test === null) &&
        statement.cases.every((clause) => clause.consequent.length === 0 || ends(clause.consequent.at(-1)))
      );
    case AST_NODE_TYPES.TryStatement:
      return (ends(statement.block) && (!statement.handler || ends(statement.handler.body))) || ends(statement.finalizer);
    default:
      return false;
  }
}

/**
 * Whether the end of a function body, although code paths reach it, is not reached in practice by
 * a convention code paths cannot see: every path of its last statement ends in a `return`, a
 * `throw` or a call that never returns (`process.exit(1)` at the end of a `catch`,
 * `default: assertNever(value)`, `throwNotFound()`), or it ends in a `switch` without `default` whose cases
 * all leave — TypeScript's way of walking every member of a union. With types, TypeScript knows
 * whether such a `switch` is exhaustive, so it is left to them.
 *
 * @param body - a function body
 * @param hasTypes - whether the caller asks TypeScript about the end (a `switch` is then not presumed exhaustive)
 * @example
 * isEndUnreachableByConvention(fn.body, false); // true when it ends with `assertNever(kind);`
 */
export function isEndUnreachableByConvention(body: TSESTree.BlockStatement, hasTypes: boolean): boolean {
  const last = body.body.at(-1);
  if (ends(last)) return true;
  return (
    !hasTypes &&
    last?.type === AST_NODE_TYPES.SwitchStatement &&
    last.cases.length > 0 &&
    last.cases.every((clause) => clause.test !== null && (clause.consequent.length === 0 || leaves(clause.consequent)))
  );
}
