import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getFreshName } from '../fix/get-fresh-name.js';
import type { ErrorHandler } from './get-handler-outcome.js';

/** The name a fix can use for the caught error, and the edits that bind it if the handler does not. */
export interface HandlerBinding {
  name: string;
  /** Edits that add the binding (`catch {` → `catch (error) {`); none when it exists. */
  declare: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];
}

/**
 * The handler's own name for the caught error, or — for `catch {` and `() => …` callbacks — a
 * fresh name (`error`, or `caughtError` if `error` is taken) with the edit that declares it.
 * `undefined` for destructured bindings, which have no name for the whole error.
 *
 * @param sourceCode - the rule context's source code
 * @param handler - the handler a fix is for
 * @example
 * const binding = getHandlerBinding(sourceCode, handler);
 * fix: (fixer) => [...binding.declare(fixer), fixer.insertTextAfter(last, `throw ${binding.name};`)]
 */
export function getHandlerBinding(
  sourceCode: Readonly<TSESLint.SourceCode>,
  handler: ErrorHandler,
): HandlerBinding | undefined {
  const { binding, node } = handler;
  if (binding?.type === AST_NODE_TYPES.Identifier) return { name: binding.name, declare: () => [] };
  if (binding) return undefined;
  const name = getFreshName(sourceCode, node, ['error', 'caughtError']);
  if (node.type === AST_NODE_TYPES.CatchClause) {
    const keyword = sourceCode.getFirstToken(node);
    return keyword ? { name, declare: (fixer) => [fixer.insertTextAfter(keyword, ` (${name})`)] } : undefined;
  }
  // A callback without parameters: put the name between its empty parentheses.
  for (let token = sourceCode.getFirstToken(node); token && token.range[1] <= node.body.range[0]; ) {
    const next = sourceCode.getTokenAfter(token);
    if (token.value === '(' && next?.value === ')') {
      const opening = token;
      return { name, declare: (fixer) => [fixer.insertTextAfter(opening, name)] };
    }
    token = next;
  }
  return undefined;
}
