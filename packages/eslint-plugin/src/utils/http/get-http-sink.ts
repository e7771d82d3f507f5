import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils, TSESLint } from '@typescript-eslint/utils';
import { getPropertyName } from '../ast/get-static-name.js';
import { isFunctionNode, type FunctionNode } from '../ast/is-function-node.js';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';
import type { HttpFramework, HttpPayload } from './create-http-framework.js';
import { getErrorHook } from './get-error-hook.js';
import { getHttpFrameworks } from './get-http-frameworks.js';
import { getHttpRoute } from './get-http-route.js';
import { getHttpReceiverBase, isHttpReceiver } from './is-http-receiver.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A place where a value is sent to an HTTP client. */
export interface HttpSink {
  /** The framework whose API sends; `undefined` for an application's own client-facing error class. */
  framework: HttpFramework | undefined;
  /** How the sink reads in a message, code in backticks: "`c.json()`", "`ctx.body`", "the return value of a Fastify handler". */
  label: string;
  /** The sending node: the call, the `new` expression, the assignment, or the handler whose return value is sent. */
  node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.AssignmentExpression | FunctionNode;
  /** Which part of the node reaches the client. */
  payload: HttpPayload;
}

/** Whether `name` is the global (or an imported) class rather than one declared in this file. */
function isGlobalOrImported(identifier: TSESTree.Identifier, context: Context): boolean {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
  return variable === null || variable.defs.every((definition) => definition.type === TSESLint.Scope.DefinitionType.ImportBinding);
}

function getCallSink(node: TSESTree.CallExpression, context: Context): HttpSink | undefined {
  const callee = skipExpressionWrappers(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = getPropertyName(callee);
  if (method === undefined) return undefined;
  const object = skipExpressionWrappers(callee.object);
  for (const framework of getHttpFrameworks()) {
    const payload = framework.responseMethods?.[method];
    if (payload !== undefined && Object.hasOwn(framework.responseMethods ?? {}, method) && isHttpReceiver(object, framework, context, method)) {
      const base = getHttpReceiverBase(object, framework);
      return { framework, label: `\`${base?.name ?? 'response'}.${method}()\``, node, payload };
    }
    if (object.type === AST_NODE_TYPES.Identifier && framework.staticMethods !== undefined && Object.hasOwn(framework.staticMethods, object.name)) {
      const staticPayload = framework.staticMethods[object.name]?.[method];
      if (staticPayload !== undefined && isGlobalOrImported(object, context)) {
        return { framework, label: `\`${object.name}.${method}()\``, node, payload: staticPayload };
      }
    }
  }
  return undefined;
}

function getNewSink(node: TSESTree.NewExpression, context: Context): HttpSink | undefined {
  const callee = skipExpressionWrappers(node.callee);
  const name =
    callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : undefined;
  if (name === undefined) return undefined;
  for (const framework of getHttpFrameworks()) {
    const payload = framework.constructors !== undefined && Object.hasOwn(framework.constructors, name) ? framework.constructors[name] : undefined;
    if (payload === undefined) continue;
    if (callee.type === AST_NODE_TYPES.Identifier && !isGlobalOrImported(callee, context)) return undefined;
    return { framework, label: `\`new ${name}()\``, node, payload };
  }
  return undefined;
}

function getAssignmentSink(node: TSESTree.AssignmentExpression, context: Context): HttpSink | undefined {
  const names: string[] = [];
  let current = skipExpressionWrappers(node.left);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    names.unshift(getPropertyName(current) ?? '*');
    current = skipExpressionWrappers(current.object);
  }
  if (current.type !== AST_NODE_TYPES.Identifier || names.length === 0) return undefined;
  const receiver = current;
  const path = names.join('.');
  const wildcard = [...names.slice(0, -1), '*'].join('.');
  for (const framework of getHttpFrameworks()) {
    const properties = framework.responseProperties ?? {};
    const key = Object.hasOwn(properties, path) ? path : Object.hasOwn(properties, wildcard) ? wildcard : undefined;
    const payload = key === undefined ? undefined : properties[key];
    if (payload !== undefined && isHttpReceiver(receiver, framework, context, names[0])) {
      return { framework, label: `\`${receiver.name}.${path}\``, node, payload };
    }
  }
  return undefined;
}

function getReturnSink(fn: FunctionNode, context: Context): HttpSink | undefined {
  const registration = fn.parent.type === AST_NODE_TYPES.CallExpression ? getHttpRoute(fn.parent, context) : undefined;
  for (const framework of getHttpFrameworks()) {
    const payload = framework.returnsResponse;
    if (payload === undefined) continue;
    const isHandler =
      (registration?.framework === framework.name && registration.handlers.at(-1) === fn) ||
      fn.params.some((parameter) => parameter.type === AST_NODE_TYPES.Identifier && isHttpReceiver(parameter, framework, context)) ||
      getErrorHook(fn, context)?.framework === framework;
    if (isHandler) return { framework, label: `the return value of a ${framework.title} ${framework.name === 'trpc' ? 'procedure' : 'handler'}`, node: fn, payload };
  }
  return undefined;
}

/**
 * The HTTP sink a node is, if any:
 * - a call: a response method on a recognised receiver (`c.json(x)`, `res.status(500).send(x)`,
 *   `reply.code(500).send(x)`, `ctx.throw(500, msg)`) or a static factory (`Response.json(x)`,
 *   `NextResponse.json(x)`);
 * - a `new` expression: `new Response(body)`, `new NextResponse(body)`,
 *   `new HTTPException(status, { message })`, `new TRPCError({ message })` (unless the class is
 *   declared in the file);
 * - an assignment to a response property: `ctx.body = x`, `ctx.response.body = x`, `res.locals.x = y`;
 * - a function whose return value is the response: a Fastify handler or error handler, a tRPC procedure.
 *
 * Which part of the node reaches the client is in `payload`; see {@link isHttpPayloadPosition}.
 *
 * @param node - a call, `new` expression, assignment or function
 * @param context - the rule context
 * @example
 * const sink = getHttpSink(call, context);
 * if (sink && isHttpPayloadPosition(sink.payload, index, [])) report(sink.label);
 */
export function getHttpSink(node: TSESTree.Node, context: Context): HttpSink | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression:
      return getCallSink(node, context);
    case AST_NODE_TYPES.NewExpression:
      return getNewSink(node, context);
    case AST_NODE_TYPES.AssignmentExpression:
      return getAssignmentSink(node, context);
    default:
      return isFunctionNode(node) ? getReturnSink(node, context) : undefined;
  }
}

/**
 * Whether a value at argument `argument` of a sink, under the object property path `path`, is part
 * of its payload: `{ message }` of an `HTTPException`'s options is, `{ cause }` is not.
 *
 * @param payload - the sink's payload
 * @param argument - the argument index (0 for an assigned or returned value; `undefined` after a spread)
 * @param path - the property names from the argument down to the value (empty: the whole argument)
 * @example
 * isHttpPayloadPosition({ argument: 1, properties: ['message'], shape: 'options' }, 1, ['cause']); // false
 */
export function isHttpPayloadPosition(payload: HttpPayload, argument: number | undefined, path: readonly string[]): boolean {
  if (argument !== undefined && payload.argument !== 'all' && payload.argument !== argument) return false;
  const [first] = path;
  return payload.properties === undefined || first === undefined || first === '...' || payload.properties.includes(first);
}
