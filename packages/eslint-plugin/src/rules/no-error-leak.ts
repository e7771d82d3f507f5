import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { getBranchConditions } from '../utils/ast/get-branch-conditions.js';
import { getEnvironmentCheck } from '../utils/ast/get-environment-check.js';
import { getLocalFunction } from '../utils/ast/get-local-function.js';
import { getPropertyName } from '../utils/ast/get-static-name.js';
import { isFunctionNode, type FunctionNode } from '../utils/ast/is-function-node.js';
import { isImpliedByBranch, type AtomFact } from '../utils/ast/is-implied-by-branch.js';
import { skipExpressionWrappers } from '../utils/ast/skip-expression-wrappers.js';
import { isTestModule } from '../utils/ast/is-test-module.js';
import { createRule } from '../utils/create-rule.js';
import { createSafeErrorGuard } from '../utils/errors/create-safe-error-guard.js';
import { createGenericResponseFix } from '../utils/http/create-generic-response-fix.js';
import { getClientErrorCheck } from '../utils/http/get-client-error-check.js';
import { isClientErrorClassName } from '../utils/http/is-client-error-class-name.js';
import { getErrorHook } from '../utils/http/get-error-hook.js';
import type { HttpPayload } from '../utils/http/create-http-framework.js';
import { getHttpFrameworks } from '../utils/http/get-http-frameworks.js';
import { getImportedHttpFrameworks } from '../utils/http/get-http-route.js';
import { getHttpSink, isHttpPayloadPosition, type HttpSink } from '../utils/http/get-http-sink.js';
import { isHttpReceiver } from '../utils/http/is-http-receiver.js';
import {
  createTaintTracker,
  type TaintFlow,
  type TaintSource,
  type TaintTracker,
  type TaintedVariable,
} from '../utils/taint/create-taint-tracker.js';
import { getRejectionHandler } from '../utils/taint/get-rejection-handler.js';
import { getTypeServices } from '../utils/types/get-type-services.js';
import { hasBaseTypeNamed } from '../utils/types/has-base-type-named.js';

export type Options = [
  {
    safeProperties?: string[];
    sanitizers?: string[];
    safeErrorClasses?: string[];
    allowClientErrors?: boolean;
    allowInDevelopment?: boolean;
  },
];
export type MessageIds = 'errorLeak' | 'useGenericMessage';

// Read on the error, these always carry internals, whatever the error's class or status.
const ALWAYS_INTERNAL = new Set(['stack', 'cause']);
const HOOK_REGISTRATIONS = new Set(['onError', 'setErrorHandler', 'use']);
const CLIENT_ERROR_PAYLOAD: HttpPayload = { argument: 'all', properties: ['message'], shape: 'text', allowsRawError: true };

export default createRule<Options, MessageIds>({
  name: 'no-error-leak',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending what a caught error says to HTTP clients',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      errorLeak:
        'Details of {{source}} reach the client through {{sink}}. Send a generic message with a stable error code instead, and log the error on the server.',
      useGenericMessage: "Send 'Internal Server Error' instead{{logging}}.",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          safeProperties: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Error properties that are safe to send (replaces the default list).',
          },
          sanitizers: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Functions whose result is safe to send whatever error they are given, by name or dotted name (replaces the default list).',
          },
          safeErrorClasses: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Error classes whose messages are written for clients; an error narrowed to one (or a subclass) may be sent (replaces the default list).',
          },
          allowClientErrors: {
            type: 'boolean',
            description:
              'Allow the message of an error known to be a client error: narrowed to a class named like one (`NotFoundError`, `InvalidInputError`, `ApiError`) or checked with `err.expose` or `status < 500`.',
          },
          allowInDevelopment: {
            type: 'boolean',
            description: "Allow leaks inside a development-only branch such as `process.env.NODE_ENV !== 'production'`.",
          },
        },
      },
    ],
    defaultOptions: [
      {
        safeProperties: ['code', 'status', 'statusCode', 'userMessage', 'publicMessage', 'expose'],
        sanitizers: ['toProblem', 'toPublicError', 'toResponse', 'toClientError'],
        safeErrorClasses: ['HTTPException', 'ZodError', 'ValidationError'],
        allowClientErrors: true,
        allowInDevelopment: false,
      },
    ],
  },
  create(context) {
    // Factories, fixtures and setup write and answer on purpose in ways production code must not.
    if (isTestModule(context.filename, context.sourceCode.ast)) return {};
    const [options] = context.options;
    const { sourceCode } = context;
    const safeClasses = new Set(options.safeErrorClasses);
    const allowInDevelopment = options.allowInDevelopment === true;
    const allowClientErrors = options.allowClientErrors !== false;
    const isSafeClassName = (name: string): boolean => safeClasses.has(name) || (allowClientErrors && isClientErrorClassName(name));
    // Built on the first caught error: most files have none, and then the rule does no more work.
    let services: ParserServicesWithTypeInformation | undefined;
    let getSafeErrorFact: ReturnType<typeof createSafeErrorGuard> = () => undefined;
    let tracker: TaintTracker | undefined;
    const tracked = new Set<TSESTree.Node>();
    const reported = new Set<string>();

    function getIdentity(tainted: TaintedVariable): TSESLint.Scope.Variable {
      let current = tainted;
      while (current.alias && current.parent !== undefined) current = current.parent;
      return current.variable;
    }

    function isSafeReference(
      reference: TSESTree.Identifier,
      tainted: TaintedVariable,
      taintedByVariable: ReadonlyMap<TSESLint.Scope.Variable, TaintedVariable>,
    ): boolean {
      const { parent } = reference;
      const property = parent.type === AST_NODE_TYPES.MemberExpression && parent.object === reference ? getPropertyName(parent) : undefined;
      const internal = property !== undefined && ALWAYS_INTERNAL.has(property);
      if (!internal && services !== undefined && hasBaseTypeNamed(services.getTypeAtLocation(reference), isSafeClassName)) return true;

      const identities = new Set<TSESLint.Scope.Variable>();
      for (let current: TaintedVariable | undefined = tainted; current !== undefined; current = current.parent) {
        identities.add(getIdentity(current));
      }
      // The guard's subject may be any alias of the object the reference reads (`const err = e as Error`).
      const isSubject = (node: TSESTree.Node): boolean => {
        if (node.type !== AST_NODE_TYPES.Identifier) return false;
        const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
        if (variable === null) return false;
        const known = taintedByVariable.get(variable);
        return identities.has(known === undefined ? variable : getIdentity(known));
      };
      const getFact = (atom: TSESTree.Expression): AtomFact | undefined => {
        if (allowInDevelopment) {
          const environment = getEnvironmentCheck(atom);
          if (environment !== undefined) return environment === 'development' ? 'whenTrue' : 'whenFalse';
        }
        if (internal) return undefined;
        return getSafeErrorFact(atom, isSubject) ?? (allowClientErrors ? getClientErrorCheck(atom) : undefined);
      };
      return getBranchConditions(reference, tainted.source.root).some(({ test, outcome }) => isImpliedByBranch(test, outcome, getFact));
    }

    /** The error object itself, passed on unchanged (`ctx.throw(err)` rethrows it). */
    function isRawError(flow: TaintFlow): boolean {
      let current = flow.tainted;
      while (current.alias && current.parent !== undefined) current = current.parent;
      return current.parent === undefined && flow.path.length === 0 && skipExpressionWrappers(flow.leaf) === flow.reference;
    }

    function report(flow: TaintFlow, sink: HttpSink): void {
      const key = `${String(flow.leaf.range[0])}:${String(flow.leaf.range[1])}`;
      if (reported.has(key)) return;
      reported.add(key);
      const suggestion = createGenericResponseFix(flow, sink, sourceCode);
      context.report({
        node: flow.leaf,
        messageId: 'errorLeak',
        data: { sink: sink.label, source: flow.tainted.source.description },
        suggest: [{ messageId: 'useGenericMessage', data: { logging: suggestion.logging }, fix: suggestion.fix }],
      });
    }

    /**
     * `new NotFoundError(e.message)`, `new ApiError({ message: e.message })`: an error class whose
     * messages this rule lets through to clients must not be built from what another error says —
     * in HTTP code only, as CLIs and libraries wrap parse errors into `InvalidXError`s for their users.
     */
    function getClientErrorSink(node: TSESTree.Node, source: TaintSource): HttpSink | undefined {
      if (node.type !== AST_NODE_TYPES.NewExpression || !isHttpCode(source)) return undefined;
      const callee = skipExpressionWrappers(node.callee);
      const name =
        callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : undefined;
      if (name === undefined || !isSafeClassName(name) || name === 'ZodError') return undefined;
      return { framework: undefined, label: `\`new ${name}()\``, node, payload: CLIENT_ERROR_PAYLOAD };
    }

    /** A file that imports an HTTP framework, or a source inside a function that gets a response object. */
    function isHttpCode(source: TaintSource): boolean {
      if (getImportedHttpFrameworks(sourceCode.ast).size > 0) return true;
      for (let node: TSESTree.Node | undefined = source.root; node != null; node = node.parent) {
        if (
          isFunctionNode(node) &&
          node.params.some((parameter) =>
            getHttpFrameworks().some((framework) => parameter.type === AST_NODE_TYPES.Identifier && isHttpReceiver(parameter, framework, context)),
          )
        ) {
          return true;
        }
      }
      return false;
    }

    const createTracker = (): TaintTracker => createTaintTracker({
      sourceCode,
      safeProperties: new Set(options.safeProperties),
      sanitizers: new Set(options.sanitizers),
      isSafeReference,
      onEvent(event) {
        const sink = getHttpSink(event.node, context) ?? getClientErrorSink(event.node, event.flow.tainted.source);
        if (sink === undefined) return false;
        const index = event.type === 'argument' ? event.index : 0;
        if (!isHttpPayloadPosition(sink.payload, index, event.flow.path)) return true;
        if (sink.payload.allowsRawError === true && isRawError(event.flow)) return true;
        if (!event.flow.isSafe()) report(event.flow, sink);
        return true;
      },
    });

    /** The function around a node, or the program: how far up guards are looked for. */
    function getEnclosingRoot(node: TSESTree.Node): TSESTree.Node {
      let root: TSESTree.Node = node;
      while (root.parent != null && !isFunctionNode(root)) root = root.parent;
      return root;
    }

    function track(binding: TSESTree.Node | undefined, root: TSESTree.Node, describe: (name: string | undefined) => string): void {
      if (binding === undefined || tracked.has(binding)) return;
      tracked.add(binding);
      const identifier = binding.type === AST_NODE_TYPES.AssignmentPattern ? binding.left : binding;
      if (tracker === undefined) {
        services = getTypeServices(context);
        getSafeErrorFact = createSafeErrorGuard({ sourceCode, services, isSafeClassName });
        tracker = createTracker();
      }
      tracker.track({ binding, root, description: describe(identifier.type === AST_NODE_TYPES.Identifier ? identifier.name : undefined) });
    }

    function trackHook(fn: FunctionNode, registration?: TSESTree.Node): void {
      const hook = getErrorHook(fn, context, registration);
      if (hook !== undefined) {
        track(hook.error, fn, (name) => `the error ${name === undefined ? '' : `\`${name}\` `}of this ${hook.framework.title} error handler`);
      }
    }

    return {
      CatchClause(node) {
        track(node.param ?? undefined, getEnclosingRoot(node), (name) => (name === undefined ? 'the caught error' : `the caught error \`${name}\``));
      },
      CallExpression(node) {
        if (node.callee.type !== AST_NODE_TYPES.MemberExpression) return;
        const handler = getRejectionHandler(node, sourceCode);
        if (handler !== undefined) {
          // Guards around the call hold inside the handler too: `if (isDev) p.catch((e) => …)`.
          track(handler.params[0], getEnclosingRoot(node), (name) =>
            name === undefined ? 'the rejection reason' : `the rejection reason \`${name}\``,
          );
          return;
        }
        if (!HOOK_REGISTRATIONS.has(getPropertyName(node.callee) ?? '')) return;
        for (const argument of node.arguments) {
          if (argument.type !== AST_NODE_TYPES.Identifier) continue;
          const fn = getLocalFunction(argument, sourceCode);
          if (fn !== undefined) trackHook(fn, node);
        }
      },
      'ArrowFunctionExpression, FunctionDeclaration, FunctionExpression'(node: FunctionNode) {
        if (node.params.length >= 1 && node.params.length <= 4) trackHook(node);
      },
    };
  },
});
