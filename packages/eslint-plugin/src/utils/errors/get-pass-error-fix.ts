import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getPropertyName } from '../ast/get-static-name.js';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';
import { getOptionsBagFix } from '../fix/get-options-bag-fix.js';

/**
 * A fix that hands the caught error to a reporting call that omits it: `name.message` becomes
 * `name`, a leading object (pino style, `logger.error({ orderId }, 'msg')`) gains `err: name`,
 * otherwise `name` is appended as the last argument.
 *
 * @param sourceCode - the rule context's source code
 * @param call - the reporting call
 * @param name - the caught error's name
 * @example
 * const fix = getPassErrorFix(sourceCode, call, 'error'); // logger.error('failed') → logger.error('failed', error)
 */
export function getPassErrorFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  name: string,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
  const message = call.arguments.find((argument) => {
    const inner = skipExpressionWrappers(argument);
    return (
      inner.type === AST_NODE_TYPES.MemberExpression &&
      getPropertyName(inner) === 'message' &&
      sourceCode.getText(skipExpressionWrappers(inner.object)) === name
    );
  });
  if (message) return (fixer) => fixer.replaceText(message, name);
  if (call.arguments[0]?.type === AST_NODE_TYPES.ObjectExpression) {
    return getOptionsBagFix(sourceCode, call, 0, 'err', name);
  }
  const last = call.arguments.at(-1);
  if (last) return (fixer) => fixer.insertTextAfter(last, `, ${name}`);
  const closing = sourceCode.getLastToken(call);
  return closing?.value === ')' ? (fixer) => fixer.insertTextBefore(closing, name) : undefined;
}
