import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { createNodeIndex, type NodeIndex } from '../utils/ast/create-node-index.js';
import { getPropertyName } from '../utils/ast/get-static-name.js';
import { isFunctionNode } from '../utils/ast/is-function-node.js';
import { isNoopFunctionReference } from '../utils/ast/is-noop-function-reference.js';
import { skipExpressionWrappers } from '../utils/ast/skip-expression-wrappers.js';
import { visitDescendants } from '../utils/ast/visit-descendants.js';
import { createRule } from '../utils/create-rule.js';
import { getCauseLosingThrows } from '../utils/errors/get-cause-losing-throws.js';
import { getCauseOptionIndex } from '../utils/errors/get-cause-option-index.js';
import { getEscapingPromiseReturns } from '../utils/errors/get-escaping-promise-returns.js';
import { getHandlerBinding } from '../utils/errors/get-handler-binding.js';
import {
  DEFAULT_ALLOWED_THROWING_CALLS,
  DEFAULT_REPORTERS,
  getHandlerMatchers,
  type HandlerMatchers,
} from '../utils/errors/get-handler-matchers.js';
import { type ErrorHandler, getHandlerOutcome } from '../utils/errors/get-handler-outcome.js';
import { getPassErrorFix } from '../utils/errors/get-pass-error-fix.js';
import { getRejectionCallback } from '../utils/errors/get-rejection-callback.js';
import { getRethrowFix } from '../utils/errors/get-rethrow-fix.js';
import { isBodyReadFallback } from '../utils/errors/is-body-read-fallback.js';
import { isParserFallback } from '../utils/errors/is-parser-fallback.js';
import { isRejectionObservedElsewhere } from '../utils/errors/is-rejection-observed-elsewhere.js';
import { isSettledWithoutThrow } from '../utils/errors/is-settled-without-throw.js';
import { isSwallowedOutright } from '../utils/errors/is-swallowed-outright.js';
import { isUserNotificationCallee } from '../utils/errors/is-user-notification-callee.js';
import { getOptionsBagFix } from '../utils/fix/get-options-bag-fix.js';
import { getLogMethodLevel } from '../utils/logging/get-log-call-level.js';
import type { CarryingOptions } from '../utils/taint/is-carrying-value.js';
import { getTypeServices } from '../utils/types/get-type-services.js';

export type Options = [
  {
    reporters?: string[];
    allowEmptyWithComment?: boolean;
    allowedThrowingCalls?: string[];
  },
];
export type MessageIds =
  | 'swallowedError'
  | 'reportedWithoutError'
  | 'causeLost'
  | 'returnedPromiseEscapes'
  | 'rethrowError'
  | 'passError'
  | 'addCause'
  | 'awaitPromise';

// What the handler analysis looks at (see getHandlerOutcome) and `causeLost` checks.
const RECORDED = new Set<string>([
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.AssignmentExpression,
  AST_NODE_TYPES.YieldExpression,
  AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.ThrowStatement,
]);
/** What the rule knows about the file being linted, built on its first handler. */
interface FileState extends HandlerMatchers {
  context: Readonly<TSESLint.RuleContext<MessageIds, Options>>;
  sourceCode: Readonly<TSESLint.SourceCode>;
  allowEmptyWithComment: boolean;
  services: ParserServicesWithTypeInformation | undefined;
}

function createFileState(context: Readonly<TSESLint.RuleContext<MessageIds, Options>>): FileState {
  const options = context.options[0];
  const matchers = getHandlerMatchers(
    options.reporters ?? DEFAULT_REPORTERS,
    options.allowedThrowingCalls ?? DEFAULT_ALLOWED_THROWING_CALLS,
  );
  // Spelled out rather than spread from `matchers`: with the spread, each handler took a third
  // longer in a micro-benchmark, most of it in later reads of this state.
  return {
    context,
    sourceCode: context.sourceCode,
    allowEmptyWithComment: options.allowEmptyWithComment !== false,
    isReporterCallee: matchers.isReporterCallee,
    calls: matchers.calls,
    parsers: matchers.parsers,
    services: getTypeServices(context),
  };
}

function reportSwallowed({ context, sourceCode }: FileState, handler: ErrorHandler): void {
  const binding = getHandlerBinding(sourceCode, handler);
  // The handler's head: `catch (e)`, `(e) =>` (even before a parenthesised body), `function (e)`.
  const before =
    handler.node.type === AST_NODE_TYPES.ArrowFunctionExpression
      ? sourceCode.getTokenBefore(handler.body, { filter: (token) => token.value === '=>' })
      : sourceCode.getTokenBefore(handler.body);
  context.report({
    loc: { start: handler.node.loc.start, end: (before ?? handler.node).loc.end },
    messageId: 'swallowedError',
    suggest: binding && [
      {
        messageId: 'rethrowError',
        data: { name: binding.name },
        fix: (fixer) => [...binding.declare(fixer), getRethrowFix(fixer, sourceCode, handler, binding.name)],
      },
    ],
  });
}

function reportWithoutError({ context, sourceCode }: FileState, handler: ErrorHandler, call: TSESTree.CallExpression): void {
  const binding = getHandlerBinding(sourceCode, handler);
  // `toast.error(…)` shows its argument to the user: handing it the error would leak it to them.
  const pass = binding && !isUserNotificationCallee(call.callee) ? getPassErrorFix(sourceCode, call, binding.name) : undefined;
  context.report({
    node: call,
    messageId: 'reportedWithoutError',
    suggest: binding &&
      pass && [
        {
          messageId: 'passError',
          data: { name: binding.name },
          fix: (fixer) => [...binding.declare(fixer), pass(fixer)],
        },
      ],
  });
}

/** `causeLost`: new errors thrown by the handler itself without the caught one. */
function checkThrows(state: FileState, handler: ErrorHandler, index: NodeIndex, carrying: CarryingOptions): void {
  const { context, sourceCode } = state;
  for (const thrown of getCauseLosingThrows(handler, index, carrying)) {
    const binding = getHandlerBinding(sourceCode, handler);
    const optionsIndex = getCauseOptionIndex(thrown, state.services);
    const addCause =
      binding && optionsIndex !== undefined
        ? getOptionsBagFix(sourceCode, thrown, optionsIndex, 'cause', binding.name)
        : undefined;
    context.report({
      node: thrown,
      messageId: 'causeLost',
      data: { name: binding?.name ?? 'error' },
      suggest: binding &&
        addCause && [
          {
            messageId: 'addCause',
            data: { name: binding.name },
            fix: (fixer) => [...binding.declare(fixer), addCause(fixer)],
          },
        ],
    });
  }
}

/** A `catch` that answers a parser's failure on bad input with a fallback value (see `isParserFallback`). */
function isParserFallbackHandler({ sourceCode, parsers }: FileState, handler: ErrorHandler): boolean {
  return handler.node.type === AST_NODE_TYPES.CatchClause && isParserFallback(sourceCode, handler.node, parsers);
}

function check(state: FileState, handler: ErrorHandler): void {
  const { sourceCode, calls } = state;
  const { body } = handler;
  if (body.type === AST_NODE_TYPES.BlockStatement && body.body.length === 0) {
    const explained = state.allowEmptyWithComment && sourceCode.getCommentsInside(body).length > 0;
    if (!explained) reportSwallowed(state, handler);
    return;
  }
  if (isSettledWithoutThrow(sourceCode, handler, calls)) return;
  if (isSwallowedOutright(handler, sourceCode.visitorKeys, calls)) {
    if (!isParserFallbackHandler(state, handler)) reportSwallowed(state, handler);
    return;
  }
  // One walk collects what the analysis looks at; it then looks regions up by range.
  const index = createNodeIndex();
  visitDescendants(body, sourceCode.visitorKeys, (node) => {
    if (RECORDED.has(node.type)) index.add(node);
    return true;
  });
  const outcome = getHandlerOutcome(sourceCode, handler, calls, index);
  const isSuspect = outcome.swallowed || outcome.reportsWithoutError.length > 0;
  if (isSuspect && !isParserFallbackHandler(state, handler)) {
    if (outcome.swallowed) reportSwallowed(state, handler);
    for (const call of outcome.reportsWithoutError) reportWithoutError(state, handler, call);
  }
  checkThrows(state, handler, index, calls.carrying(outcome.references, false));
}

/** `returnedPromiseEscapes` (typed): `return promise` in a `try` whose catch would handle its rejection. */
function checkReturnedPromises(
  { context, sourceCode }: FileState,
  clause: TSESTree.CatchClause,
  services: ParserServicesWithTypeInformation,
): void {
  for (const argument of getEscapingPromiseReturns(sourceCode, clause, services)) {
    const fn = sourceCode.getAncestors(argument).findLast(isFunctionNode);
    context.report({
      node: argument,
      messageId: 'returnedPromiseEscapes',
      suggest: fn?.async
        ? [{ messageId: 'awaitPromise', fix: (fixer) => fixer.insertTextBefore(argument, 'await ') }]
        : [],
    });
  }
}

function checkCatchClause(state: FileState, node: TSESTree.CatchClause): void {
  check(state, { node, body: node.body, binding: node.param });
  if (state.services) checkReturnedPromises(state, node, state.services);
}

function checkRejectionCall(state: FileState, node: TSESTree.CallExpression): void {
  const { context, sourceCode } = state;
  const callback = getRejectionCallback(node, state.services);
  if (!callback || isRejectionObservedElsewhere(sourceCode, node) || isBodyReadFallback(sourceCode, node, callback, state.services)) {
    return;
  }
  if (
    callback.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    callback.type === AST_NODE_TYPES.FunctionExpression
  ) {
    check(state, { node: callback, body: callback.body, binding: callback.params[0] ?? null });
    return;
  }
  // `.catch(console.log)`, `.catch(noop)`: logged below warning level, or dropped.
  const inner = skipExpressionWrappers(callback);
  const logMethod = inner.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(inner) : undefined;
  const level = logMethod === undefined ? undefined : getLogMethodLevel(logMethod);
  const isQuiet = (level === 'info' || level === 'debug') && !state.isReporterCallee(inner);
  if (isQuiet || isNoopFunctionReference(sourceCode, callback, state.allowEmptyWithComment)) {
    context.report({ node: callback, messageId: 'swallowedError' });
  }
}

export default createRule<Options, MessageIds>({
  name: 'no-swallowed-error',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow error handlers that let the caught error vanish without a trace',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      swallowedError:
        'The caught error vanishes on some path through this handler. Rethrow it, pass it on (return it, `next(error)`), report it with the error object (`logger.error({ err })`), or test for the specific failure you expect before ignoring it.',
      reportedWithoutError:
        'This call reports the failure without the error object, so its stack, cause and driver fields are lost. Pass the caught error itself.',
      causeLost:
        'This new error drops the one that was caught. Pass it along as `{ cause: {{name}} }` (or as an argument) so its stack and cause survive.',
      returnedPromiseEscapes:
        'This promise is returned without `await`, so its rejection bypasses the `catch` of this `try`. Write `return await`.',
      rethrowError: 'Rethrow the caught error (`throw {{name}};`).',
      passError: 'Pass `{{name}}` to the reporter.',
      addCause: 'Add `cause: {{name}}` to the new error.',
      awaitPromise: 'Await the promise inside the `try`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          reporters: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Calls that report an error when given the error object: `*.name` matches any member call with that method, `a.b` a dotted callee, `name` a bare call. Replaces the default list.',
          },
          allowEmptyWithComment: {
            type: 'boolean',
            description: 'Allow a handler whose body is empty but for a comment explaining why.',
          },
          allowedThrowingCalls: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Calls that throw only on bad input (`JSON.parse`, `new URL`): a `try` whose only calls are these may fall back to a value in its `catch`.',
          },
        },
      },
    ],
    defaultOptions: [
      {
        reporters: DEFAULT_REPORTERS,
        allowEmptyWithComment: true,
        allowedThrowingCalls: DEFAULT_ALLOWED_THROWING_CALLS,
      },
    ],
  },
  create(context) {
    // Nothing is read from the context, not even the options, until the first handler: most files
    // have none, and the rule must stay cheap per keystroke.
    let state: FileState | undefined;
    const getState = (): FileState => (state ??= createFileState(context));
    const onRejectionCall = (node: TSESTree.CallExpression): void => {
      checkRejectionCall(getState(), node);
    };
    return {
      CatchClause(node) {
        checkCatchClause(getState(), node);
      },
      // Selectors, so that ESLint calls the rule only for `.catch(…)` / `.then(…)`, not for every call.
      'CallExpression[callee.property.name=/^(?:catch|then)$/]': onRejectionCall,
      'CallExpression[callee.property.value=/^(?:catch|then)$/]': onRejectionCall,
    };
  },
});
