import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getStaticName } from '../ast/get-static-name.js';
import { isFunctionNode } from '../ast/is-function-node.js';
import { visitDescendants } from '../ast/visit-descendants.js';
import type { CallClassifier, ErrorHandler } from './get-handler-outcome.js';
import { isTerminatorCall } from './is-terminator-call.js';

// Statements after which the one path through the body goes on or leaves: no branch, no jump.
const STRAIGHT_LINE = new Set<string>([
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.VariableDeclaration,
  AST_NODE_TYPES.EmptyStatement,
]);
// What could throw, run later, or pass something on without a call: every one sends the handler to the full analysis.
const UNDECIDED = new Set<string>([
  AST_NODE_TYPES.ThrowStatement,
  AST_NODE_TYPES.YieldExpression,
  AST_NODE_TYPES.ClassExpression,
  AST_NODE_TYPES.ClassDeclaration,
]);

/**
 * Whether a handler certainly swallows its error, with nothing else to report, known from one
 * walk of its body: the body runs straight through (no branch, loop, `try` or jump), never
 * mentions the caught error's name, nests no function, throws nothing, and calls no reporter and
 * nothing that ends the process or request. `catch (error) { return E.left(NOT_FOUND) }` and
 * `.catch(() => null)` are decided here; the full path analysis (`getHandlerOutcome`) would
 * reach the same answer — one path, on which nothing can carry, test or report the error — at
 * several times the cost. `false` means "not decided here", not "handled".
 *
 * @param handler - the handler; its binding must be absent or a plain name
 * @param visitorKeys - `context.sourceCode.visitorKeys`
 * @param calls - the call classifier built from the configured reporters
 * @example
 * if (isSwallowedOutright(handler, sourceCode.visitorKeys, calls)) report(handler);
 */
export function isSwallowedOutright(
  handler: ErrorHandler,
  visitorKeys: TSESLint.SourceCode['visitorKeys'],
  calls: CallClassifier,
): boolean {
  const { body, binding } = handler;
  if (binding !== null && binding.type !== AST_NODE_TYPES.Identifier) return false;
  if (body.type === AST_NODE_TYPES.BlockStatement && !body.body.every((statement) => STRAIGHT_LINE.has(statement.type))) {
    return false;
  }
  const name = binding?.name;
  let decided = true;
  visitDescendants(body, visitorKeys, (node) => {
    if (!decided) return false;
    if (UNDECIDED.has(node.type) || isFunctionNode(node)) decided = false;
    else if (node.type === AST_NODE_TYPES.Identifier) decided = node.name !== name;
    else if (node.type === AST_NODE_TYPES.CallExpression) decided = !calls.isReporting(node) && !isTerminatorCall(node);
    else if (node.type === AST_NODE_TYPES.AssignmentExpression) decided = getStaticName(node.left) !== 'process.exitCode';
    return decided;
  });
  return decided;
}
