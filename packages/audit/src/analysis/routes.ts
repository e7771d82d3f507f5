import { ts } from 'ts-morph';

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head', 'on']);
const NEXT_HANDLERS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const NEXT_ROUTE_FILE = /(?:^|\/)route\.[cm]?[jt]sx?$/;
const NEXT_PAGES_API = /(?:^|\/)pages\/api\//;

/** A route registration: its label and the expressions that handle it. */
export interface RouteRegistration {
  /** `POST /payments`. */
  label: string;
  /** Handler arguments: inline functions, or references to resolve to functions. */
  handlers: ts.Expression[];
}

function isHandlerCandidate(node: ts.Expression): boolean {
  return (
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isIdentifier(node) ||
    ts.isPropertyAccessExpression(node) ||
    ts.isCallExpression(node)
  );
}

function getPathText(node: ts.Expression | undefined): string | undefined {
  if (node === undefined || !ts.isStringLiteralLike(node)) return undefined;
  return node.text.startsWith('/') || node.text === '*' ? node.text : undefined;
}

/**
 * The route a call registers, for the shapes of Hono, Express, Koa Router and Fastify:
 * `app.post('/payments', …handlers)` and `fastify.route({ method, url, handler })`.
 * The first argument must be a path, and at least one handler must follow it.
 *
 * @param call - a call expression
 * @example
 * getRouteRegistration(call)?.label; // 'POST /payments'
 */
export function getRouteRegistration(call: ts.CallExpression): RouteRegistration | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  if (method === 'route') return getFastifyRoute(call);
  if (!ROUTE_METHODS.has(method)) return undefined;
  const routePath = getPathText(call.arguments[0]);
  if (routePath === undefined) return undefined;
  const handlers = call.arguments.slice(1).filter((argument) => isHandlerCandidate(argument));
  if (handlers.length === 0) return undefined;
  const verb = method === 'del' ? 'DELETE' : method.toUpperCase();
  return { label: `${verb} ${routePath}`, handlers };
}

function getFastifyRoute(call: ts.CallExpression): RouteRegistration | undefined {
  const options = call.arguments[0];
  if (options === undefined || !ts.isObjectLiteralExpression(options)) return undefined;
  let method = 'ROUTE';
  let url: string | undefined;
  const handlers: ts.Expression[] = [];
  for (const property of options.properties) {
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name)) {
      const name = property.name.text;
      if (name === 'method' && ts.isStringLiteralLike(property.initializer)) method = property.initializer.text.toUpperCase();
      if (name === 'url' || name === 'path') url = getPathText(property.initializer);
      if (name === 'handler') handlers.push(property.initializer);
    } else if (ts.isMethodDeclaration(property) && ts.isIdentifier(property.name) && property.name.text === 'handler') {
      // `handler() {}` is a unit itself; the call graph picks it up through its parent object.
      return url === undefined ? undefined : { label: `${method} ${url}`, handlers: [] };
    }
  }
  return url === undefined || handlers.length === 0 ? undefined : { label: `${method} ${url}`, handlers };
}

/**
 * The route label of a Next.js route handler: an exported `GET`/`POST`/… in an
 * app-router `route.ts`, or the default export of a `pages/api/` file.
 *
 * @param node - a function declaration
 * @param relativePath - its file, relative to the audit root
 * @example
 * getNextRouteLabel(declaration, 'app/api/payments/route.ts'); // 'POST /api/payments'
 */
export function getNextRouteLabel(node: ts.FunctionDeclaration, relativePath: string): string | undefined {
  const modifiers = ts.getModifiers(node) ?? [];
  const exported = modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
  if (!exported) return undefined;
  const isDefault = modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
  const name = node.name?.text;
  if (NEXT_ROUTE_FILE.test(relativePath) && name !== undefined && NEXT_HANDLERS.has(name)) {
    return `${name} /${relativePath.replace(/^(?:.*\/)?app\//, '').replace(/\/?route\.[cm]?[jt]sx?$/, '')}`;
  }
  if (NEXT_PAGES_API.test(relativePath) && isDefault) {
    return `ANY /${relativePath.replace(/^(?:.*\/)?pages\//, '').replace(/(?:\/index)?\.[cm]?[jt]sx?$/, '')}`;
  }
  return undefined;
}
