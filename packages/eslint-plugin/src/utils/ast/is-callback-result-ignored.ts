import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { express } from '../http/express.js';
import { fastify } from '../http/fastify.js';
import { hono } from '../http/hono.js';
import { koa } from '../http/koa.js';
import type { FunctionNode } from './is-function-node.js';

// Callers that throw the callback's result away, or only test it for truthiness (where a missing
// result and `false` agree): events, timers, effects, test blocks, array predicates.
const IGNORING_CALLEES = new Set([
  'forEach', 'on', 'once', 'addListener', 'prependListener', 'addEventListener', 'use', 'finally',
  'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'nextTick', 'useEffect', 'useLayoutEffect',
  'describe', 'it', 'test', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll',
  'filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'some', 'every',
]);
// Route handlers: Express, Koa and Fastify handlers answer through a response object and their
// result is ignored (or serialised as is); a Hono handler's result must be a response.
const ROUTE_METHODS = new Set([express, fastify, koa, hono].flatMap((framework) => framework.routeMethods ?? []));

function getCalleeName(callee: TSESTree.Expression): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier) {
    return callee.property.name;
  }
  return undefined;
}

function isPath(argument: TSESTree.CallExpressionArgument | undefined): boolean {
  return (
    argument?.type === AST_NODE_TYPES.TemplateLiteral ||
    (argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string')
  );
}

/**
 * Whether `node` is a callback whose result its caller throws away or only tests for truthiness,
 * judged from the call it is passed to: an event, timer or effect handler, a `forEach` or
 * `filter`/`find`/`some` callback, a `map` callback whose results are filtered right after, an
 * Express, Fastify, Koa or Hono route handler registered with a path (`app.get('/orders', handler)`,
 * whose result the framework ignores or requires to be a response),
 * a `new Promise` executor, a `new Proxy` trap or a JSX handler.
 *
 * @param node - a function
 * @example
 * isCallbackResultIgnored(handler); // true for app.post('/orders', (req, res) => { … })
 */
export function isCallbackResultIgnored(node: FunctionNode): boolean {
  let { parent } = node;
  if (parent.type === AST_NODE_TYPES.JSXExpressionContainer) return true;
  // A trap of `new Proxy(target, { get(…) { … } })` answers for every property: any result goes.
  if (parent.type === AST_NODE_TYPES.Property && parent.value === node && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    const handler = parent.parent;
    parent = handler.parent;
    return (
      parent.type === AST_NODE_TYPES.NewExpression &&
      parent.arguments[1] === handler &&
      getCalleeName(parent.callee) === 'Proxy'
    );
  }
  if (parent.type !== AST_NODE_TYPES.CallExpression && parent.type !== AST_NODE_TYPES.NewExpression) return false;
  if (!(parent.arguments as readonly TSESTree.Node[]).includes(node)) return false;
  const name = getCalleeName(parent.callee);
  if (name === undefined) return false;
  if (parent.type === AST_NODE_TYPES.NewExpression) return name === 'Promise';
  return IGNORING_CALLEES.has(name) || (ROUTE_METHODS.has(name) && isPath(parent.arguments[0])) || isFilteredMap(parent, name);
}

/** `items.map((item) => { if (!ok) return; return … }).filter(Boolean)`: missing results are dropped right after. */
function isFilteredMap(call: TSESTree.CallExpression, name: string): boolean {
  const member = call.parent;
  return (
    (name === 'map' || name === 'flatMap') &&
    member.type === AST_NODE_TYPES.MemberExpression &&
    member.object === call &&
    member.property.type === AST_NODE_TYPES.Identifier &&
    member.property.name === 'filter' &&
    member.parent.type === AST_NODE_TYPES.CallExpression
  );
}
