import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { getPropertyName } from '../ast/get-static-name.js';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';

const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);

/**
 * Whether `p.catch(…)` / `p.then(…, …)` sits on a side branch: `p` is a variable that is also
 * returned, awaited or handed on elsewhere, so its rejection still reaches someone
 * (`output.catch(tagSpan).finally(done); return output;`). Other `.then`/`.catch`/`.finally`
 * chains on `p` do not count as observing it.
 *
 * @param sourceCode - the rule context's source code
 * @param call - the `.catch(…)` or `.then(…, …)` call
 * @example
 * if (isRejectionObservedElsewhere(sourceCode, call)) return;
 */
export function isRejectionObservedElsewhere(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
): boolean {
  const callee = skipExpressionWrappers(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = skipExpressionWrappers(callee.object);
  if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(receiver), receiver);
  return (variable?.references ?? []).some((reference) => {
    const { identifier } = reference;
    if (identifier === receiver || !reference.isRead()) return false;
    const { parent } = identifier;
    const method =
      parent.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier
        ? getPropertyName(parent)
        : undefined;
    return method === undefined || !PROMISE_METHODS.has(method);
  });
}
