import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getLocalFunction } from '../ast/get-local-function.js';
import { getPropertyName } from '../ast/get-static-name.js';
import { isFunctionNode, type FunctionNode } from '../ast/is-function-node.js';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';
import type { HttpFramework, HttpFrameworkName } from './create-http-framework.js';
import { getHttpFrameworks } from './get-http-frameworks.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A route registration found in a file. */
export interface HttpRoute {
  framework: HttpFrameworkName;
  /** `get`, `post`, … as written; `query`/`mutation`/`subscription` for tRPC; `GET`, … for Next.js. */
  method: string;
  /** The static path (`/payments/:id`), the tRPC procedure's key, or `undefined` when computed. */
  path: string | undefined;
  /** The handlers written inline or declared in the same file, middleware first. */
  handlers: FunctionNode[];
  /** The registering call, or the exported function of a Next.js route handler. */
  node: TSESTree.Node;
}

const importsByProgram = new WeakMap<TSESTree.Program, ReadonlySet<HttpFrameworkName>>();
const ERROR_NAME = /^_?(?:e|err|error|ex|exception)$/iu;

/**
 * The HTTP frameworks a file imports (or requires at the top level), from each framework's `modules`.
 *
 * @param program - the file's root node
 * @example
 * getImportedHttpFrameworks(context.sourceCode.ast).has('fastify');
 */
export function getImportedHttpFrameworks(program: TSESTree.Program): ReadonlySet<HttpFrameworkName> {
  const cached = importsByProgram.get(program);
  if (cached !== undefined) return cached;
  const specifiers: string[] = [];
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) specifiers.push(statement.source.value);
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const { init } of statement.declarations) {
        const call = init === null ? undefined : skipExpressionWrappers(init);
        if (
          call?.type === AST_NODE_TYPES.CallExpression &&
          call.callee.type === AST_NODE_TYPES.Identifier &&
          call.callee.name === 'require' &&
          call.arguments[0]?.type === AST_NODE_TYPES.Literal &&
          typeof call.arguments[0].value === 'string'
        ) {
          specifiers.push(call.arguments[0].value);
        }
      }
    }
  }
  const found = new Set<HttpFrameworkName>();
  for (const framework of getHttpFrameworks()) {
    if (specifiers.some((specifier) => framework.modules.some((name) => specifier === name || specifier.startsWith(`${name}/`)))) {
      found.add(framework.name);
    }
  }
  importsByProgram.set(program, found);
  return found;
}

function getStaticString(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node?.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function resolveFunction(node: TSESTree.Node, context: Context): FunctionNode | undefined {
  return getLocalFunction(node, context.sourceCode);
}

function getParameterNames(handler: FunctionNode): string[] {
  return handler.params.map((parameter) => {
    const binding = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
    return binding.type === AST_NODE_TYPES.Identifier ? binding.name : '';
  });
}

/** Guesses the framework of an `app.<method>(path, handler)` call from the file's imports, then the handler's parameters. */
function guessFramework(method: string, handlers: readonly FunctionNode[], context: Context): HttpFramework | undefined {
  const candidates = getHttpFrameworks().filter((framework) => framework.routeMethods?.includes(method) === true);
  const imported = getImportedHttpFrameworks(context.sourceCode.ast);
  const importedCandidates = candidates.filter((framework) => imported.has(framework.name));
  if (importedCandidates.length === 1) return importedCandidates[0];

  const last = handlers.at(-1);
  if (last === undefined) return undefined;
  const names = getParameterNames(last);
  // `request.get(url, (err, res, body) => …)` is an HTTP client's callback, not a handler.
  if (ERROR_NAME.test(names[0] ?? '') && names.length < 4) return undefined;
  const byName = (name: HttpFrameworkName): HttpFramework | undefined => candidates.find((framework) => framework.name === name);
  if (names.includes('reply')) return byName('fastify');
  if (names.slice(1).some((name) => name === 'res' || name === 'response')) return byName('express');
  if (names[0] === 'c') return byName('hono');
  if (names[0] === 'ctx' || names[0] === 'context') return imported.has('hono') ? byName('hono') : byName('koa');
  return undefined;
}

function isProcedureChain(node: TSESTree.Node): boolean {
  let current = skipExpressionWrappers(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.Identifier) return /procedure$/iu.test(current.name);
    if (current.type === AST_NODE_TYPES.MemberExpression) {
      if (/procedure$/iu.test(getPropertyName(current) ?? '')) return true;
      current = skipExpressionWrappers(current.object);
      continue;
    }
    if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
      if (['input', 'output', 'meta'].includes(getPropertyName(current.callee) ?? '')) return true;
      current = skipExpressionWrappers(current.callee.object);
      continue;
    }
    return false;
  }
}

function getTrpcRoute(call: TSESTree.CallExpression, method: string, context: Context): HttpRoute | undefined {
  const resolver = call.arguments[0] === undefined ? undefined : resolveFunction(call.arguments[0], context);
  if (resolver === undefined || call.callee.type !== AST_NODE_TYPES.MemberExpression || !isProcedureChain(call.callee.object)) {
    return undefined;
  }
  const property = call.parent.type === AST_NODE_TYPES.Property ? call.parent : undefined;
  const path = property === undefined || property.computed ? undefined : getStaticString(property.key) ?? (property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined);
  return { framework: 'trpc', method, path, handlers: [resolver], node: call };
}

function getFastifyRouteOptions(call: TSESTree.CallExpression, context: Context): HttpRoute | undefined {
  const options = call.arguments[0];
  if (options?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const read = (key: string): TSESTree.Node | undefined => {
    const found = options.properties.find(
      (property): property is TSESTree.Property =>
        property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === key,
    );
    return found?.value;
  };
  const handlerNode = read('handler');
  const handler = handlerNode === undefined ? undefined : resolveFunction(handlerNode, context);
  if (handler === undefined) return undefined;
  return {
    framework: 'fastify',
    method: getStaticString(read('method'))?.toLowerCase() ?? 'route',
    path: getStaticString(read('url')) ?? getStaticString(read('path')),
    handlers: [handler],
    node: call,
  };
}

function getNextRoute(node: TSESTree.Node): HttpRoute | undefined {
  const methods = getHttpFrameworks(['fetch'])[0]?.routeMethods ?? [];
  if (node.type === AST_NODE_TYPES.FunctionDeclaration && node.id !== null && methods.includes(node.id.name)) {
    if (node.parent.type !== AST_NODE_TYPES.ExportNamedDeclaration) return undefined;
    return { framework: 'fetch', method: node.id.name, path: undefined, handlers: [node], node };
  }
  if (
    node.type === AST_NODE_TYPES.VariableDeclarator &&
    node.id.type === AST_NODE_TYPES.Identifier &&
    methods.includes(node.id.name) &&
    node.init !== null &&
    node.parent.parent.type === AST_NODE_TYPES.ExportNamedDeclaration
  ) {
    const init = skipExpressionWrappers(node.init);
    return isFunctionNode(init) ? { framework: 'fetch', method: node.id.name, path: undefined, handlers: [init], node } : undefined;
  }
  return undefined;
}

/**
 * The route a node registers, if any: `app.get('/x', handler)` (Hono, Express, Fastify,
 * koa-router), `app.on('GET', '/x', handler)` and `app.openapi(route, handler)` (Hono),
 * `fastify.route({ method, url, handler })`, a tRPC procedure `publicProcedure.input(s).mutation(fn)`,
 * or a Next.js route handler `export async function POST(request) {}`.
 *
 * A call counts only when its path is static and starts with `/` (or the file imports a framework
 * with that method) and at least one handler is a function, so that HTTP clients such as
 * `axios.get('/x', config)` are not routes. The framework comes from the file's imports when they
 * decide it, otherwise from the handler's parameter names.
 *
 * @param node - a call expression, function declaration or variable declarator
 * @param context - the rule context
 * @example
 * CallExpression(node) { const route = getHttpRoute(node, context); if (route) routes.push(route); }
 */
export function getHttpRoute(node: TSESTree.Node, context: Context): HttpRoute | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression) return getNextRoute(node);
  if (node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = getPropertyName(node.callee);
  if (method === undefined) return undefined;
  if (method === 'query' || method === 'mutation' || method === 'subscription') return getTrpcRoute(node, method, context);
  if (method === 'route') return getFastifyRouteOptions(node, context);

  const pathIndex = method === 'on' ? 1 : 0;
  const pathNode = node.arguments[pathIndex];
  const path = getStaticString(pathNode);
  const handlerNodes = node.arguments.slice(pathIndex + 1);
  if (pathNode === undefined || handlerNodes.length === 0) return undefined;
  const handlers = handlerNodes.map((argument) => resolveFunction(argument, context)).filter((handler) => handler !== undefined);
  if (handlers.length === 0) return undefined;
  if (method !== 'openapi' && path !== undefined && !path.startsWith('/') && path !== '*') return undefined;
  const framework = guessFramework(method, handlers, context);
  if (framework === undefined) return undefined;
  if (path === undefined && method !== 'openapi' && !getImportedHttpFrameworks(context.sourceCode.ast).has(framework.name)) return undefined;
  return { framework: framework.name, method, path, handlers, node };
}
