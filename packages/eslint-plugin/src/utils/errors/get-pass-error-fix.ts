import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getPropertyName } from '../ast/get-static-name.js';
import { isFunctionNode } from '../ast/is-function-node.js';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';
import { visitDescendants } from '../ast/visit-descendants.js';
import { getOptionsBagFix } from '../fix/get-options-bag-fix.js';

/**
 * A fix that hands the caught error to a reporting call that omits it: `name.message` anywhere in
 * the arguments (`{ error: e.message }`) becomes `name`; otherwise the last object literal
 * (pino's `logger.error({ orderId }, 'msg')`, winston's `logger.error('msg', { orderId })`) gains
 * `err: name`, or `name` is appended as the last argument.
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
  let message: TSESTree.MemberExpression | undefined;
  for (const argument of call.arguments) {
    visitDescendants(argument, sourceCode.visitorKeys, (node) => {
      if (message || isFunctionNode(node)) return false;
      if (
        node.type === AST_NODE_TYPES.MemberExpression &&
        getPropertyName(node) === 'message' &&
        sourceCode.getText(skipExpressionWrappers(node.object)) === name
      ) {
        message = node;
      }
      return true;
    });
  }
  const found = message;
  if (found) return (fixer) => fixer.replaceText(found, name);
  const metadata = call.arguments.findLast((argument) => argument.type === AST_NODE_TYPES.ObjectExpression);
  if (metadata) return getOptionsBagFix(sourceCode, call, call.arguments.indexOf(metadata), 'err', name);
  const last = call.arguments.at(-1);
  if (last) return (fixer) => fixer.insertTextAfter(last, `, ${name}`);
  const closing = sourceCode.getLastToken(call);
  return closing?.value === ')' ? (fixer) => fixer.insertTextBefore(closing, name) : undefined;
}
