import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getAppendStatementFix } from '../fix/get-append-statement-fix.js';
import type { ErrorHandler } from './get-handler-outcome.js';

/**
 * A fix that makes a handler end by rethrowing: `throw name;` replaces a final `return`, `break`
 * or `continue` (which would leave it unreachable), is appended otherwise, and becomes the whole
 * body of an expression-bodied callback (`() => null` → `(error) => { throw error; }` together
 * with the binding's fix).
 *
 * @param fixer - the suggestion's fixer
 * @param sourceCode - the rule context's source code
 * @param handler - the handler to fix
 * @param name - the caught error's name (see `getHandlerBinding`)
 * @example
 * fix: (fixer) => [...binding.declare(fixer), getRethrowFix(fixer, sourceCode, handler, binding.name)]
 */
export function getRethrowFix(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  handler: ErrorHandler,
  name: string,
): TSESLint.RuleFix {
  const { body } = handler;
  const statement = `throw ${name};`;
  if (body.type !== AST_NODE_TYPES.BlockStatement) {
    // From after `=>` to the end of the arrow, so that `() => ({})` loses its parentheses too.
    const arrow = sourceCode.getTokenBefore(body, { filter: (token) => token.value === '=>' });
    const start = arrow ? sourceCode.getTokenAfter(arrow)?.range[0] ?? body.range[0] : body.range[0];
    return fixer.replaceTextRange([start, handler.node.range[1]], `{ ${statement} }`);
  }
  const last = body.body.at(-1);
  if (
    last?.type === AST_NODE_TYPES.ReturnStatement ||
    last?.type === AST_NODE_TYPES.BreakStatement ||
    last?.type === AST_NODE_TYPES.ContinueStatement
  ) {
    return fixer.replaceText(last, statement);
  }
  return getAppendStatementFix(fixer, sourceCode, body, statement);
}
