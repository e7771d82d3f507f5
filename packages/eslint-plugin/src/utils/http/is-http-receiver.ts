import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils, TSESLint } from '@typescript-eslint/utils';
import { getPropertyName } from '../ast/get-static-name.js';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';
import { getTypeServices } from '../types/get-type-services.js';
import { isAnyOrUnknownType } from '../types/is-any-or-unknown-type.js';
import { isTypeDeclaredIn } from '../types/is-type-declared-in.js';
import type { HttpFramework } from './create-http-framework.js';
import { isInlineHonoHandlerContext } from './is-inline-hono-handler-context.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * The identifier a response is sent through, looking through the framework's chain methods and
 * TypeScript wrappers: `res` for `res.status(500).type('json')`, `c` for `(c as Context)`.
 *
 * @param node - the object of a sink call such as `res.status(500)` in `res.status(500).json(x)`
 * @param framework - whose chain methods to look through
 * @example
 * getHttpReceiverBase(call.callee.object, express)?.name; // 'res'
 */
export function getHttpReceiverBase(node: TSESTree.Node, framework: HttpFramework): TSESTree.Identifier | undefined {
  let current = skipExpressionWrappers(node);
  while (
    current.type === AST_NODE_TYPES.CallExpression &&
    current.callee.type === AST_NODE_TYPES.MemberExpression &&
    framework.chainMethodNames.has(getPropertyName(current.callee) ?? '')
  ) {
    current = skipExpressionWrappers(current.callee.object);
  }
  return current.type === AST_NODE_TYPES.Identifier ? current : undefined;
}

function isParameter(identifier: TSESTree.Identifier, context: Context): boolean {
  const variable = ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
  return variable?.defs.some((definition) => definition.type === TSESLint.Scope.DefinitionType.Parameter) === true;
}

/**
 * Whether `node` is the object a framework's handler responds through (Hono `Context`, Express
 * `Response`, `FastifyReply`, Koa `Context`).
 *
 * Without type information the receiver is a parameter of an enclosing function named as the
 * framework's handlers name it (`c`, `ctx`, `context`, `res`, `response`, `reply`). With type
 * information its declared type decides: the framework's type from the framework's module
 * whatever the name; a name match whose type is known is rejected when the type lacks `member`
 * or comes from another library or the platform (a DOM `WebSocket`); `any` and `unknown` fall
 * back to the names. A Hono handler written inline on a `new Hono()` is recognised without asking
 * for its parameter's type.
 *
 * @param node - the candidate receiver, possibly a chain such as `res.status(500)`
 * @param framework - the framework to test against
 * @param context - the rule context
 * @param member - the method or property used on the receiver (`json`, `body`), checked on known types
 * @example
 * isHttpReceiver(call.callee.object, hono, context, 'json');
 */
export function isHttpReceiver(node: TSESTree.Node, framework: HttpFramework, context: Context, member?: string): boolean {
  const { receiver } = framework;
  if (receiver === undefined) return false;
  const base = getHttpReceiverBase(node, framework);
  if (base === undefined) return false;
  const named = framework.receiverNames.has(base.name) && isParameter(base, context);
  const services = getTypeServices(context);
  if (services === undefined) return named;
  // What the type would say, without resolving the route registration's overloads.
  if (isInlineHonoHandlerContext(base, context, services)) return framework.name === 'hono';

  const type = services.getTypeAtLocation(base);
  if (isAnyOrUnknownType(type)) return named;
  const checker = services.program.getTypeChecker();
  if (isTypeDeclaredIn(checker, type, receiver.types, receiver.typeModules)) return true;
  if (!named || (member !== undefined && type.getProperty(member) === undefined)) return false;
  // A library's or the platform's own type (a WebSocket's `send`) is not this framework's
  // receiver; a type of the project's may wrap one.
  const declarations = type.getSymbol()?.getDeclarations() ?? [];
  return !declarations.some((declaration) => {
    const file = declaration.getSourceFile();
    return file.fileName.includes('/node_modules/') || services.program.isSourceFileDefaultLibrary(file);
  });
}
