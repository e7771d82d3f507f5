import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getCaughtErrorReferences } from './get-caught-error-references.js';
import type { CallClassifier, ErrorHandler } from './get-handler-outcome.js';
import { isHandledUpFront } from './is-handled-up-front.js';

// Aliases are not needed to see the binding itself reported.
const NO_ALIASING = { isCarryingError: () => false, isErrorTest: () => false };

/**
 * Whether a handler has nothing to report, known without walking its body: it reports its own
 * binding before anything can branch or leave, and its text has no `throw` (so no `causeLost`).
 * The commonest handler, `catch (e) { logger.error(e); … }`, is settled this way.
 *
 * @param sourceCode - the rule context's source code
 * @param handler - the handler
 * @param calls - the call classifier built from the configured reporters
 * @example
 * if (isSettledWithoutThrow(sourceCode, handler, calls)) return;
 */
export function isSettledWithoutThrow(
  sourceCode: Readonly<TSESLint.SourceCode>,
  handler: ErrorHandler,
  calls: CallClassifier,
): boolean {
  const { body, binding } = handler;
  if (sourceCode.text.slice(body.range[0], body.range[1]).includes('throw')) return false;
  return isHandledUpFront(body, calls.isReporting, () =>
    // The up-front statements are the body's own, where nothing can shadow a plain binding.
    binding?.type === AST_NODE_TYPES.Identifier
      ? calls.carryingName(binding.name)
      : calls.carrying(getCaughtErrorReferences(sourceCode, binding, handler.node, [], NO_ALIASING), false),
  );
}
