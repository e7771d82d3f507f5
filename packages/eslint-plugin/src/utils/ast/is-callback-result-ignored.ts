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
 * `filter`/`find`/`some` callback, a `map` callback whose results are filtered right after (or
 * after `.flat()`), an
 * Express, Fastify, Koa or Hono route handler registered with a path (`app.get('/orders', handler)`,
 * whose result the framework ignores or requires to be a response),
 * a `new Promise` executor, a `new Proxy` trap, a JSX handler or a tagged template's interpolation
 * (styled-components, `css`).
 *
 * @param node - a function
 * @example
 * isCallbackResultIgnored(handler); // true for app.post('/orders', (req, res) => { … })
 */
export function isCallbackResultIgnored(node: FunctionNode): boolean {
  let { parent } = node;
  if (parent.type === AST_NODE_TYPES.JSXExpressionContainer) return true;
  // styled.div`${(p) => !p.compact && 'margin: 0;'}`: the tag decides what each result means (false renders nothing).
  if (parent.type === AST_NODE_TYPES.TemplateLiteral && parent.parent.type === AST_NODE_TYPES.TaggedTemplateExpression) {
    return true;
  }
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

/** Whether a call's result reaches a `filter` through `.flat()` calls, flattened at least once when `flat`. */
function reachesFilter(call: TSESTree.CallExpression, flat: boolean): boolean {
  let flattened = !flat;
  for (let current = call; ; ) {
    const member = current.parent;
    if (
      member.type !== AST_NODE_TYPES.MemberExpression ||
      member.object !== current ||
      member.property.type !== AST_NODE_TYPES.Identifier ||
      member.parent.type !== AST_NODE_TYPES.CallExpression ||
      member.parent.callee !== member
    ) {
      return false;
    }
    if (member.property.name === 'filter') return flattened;
    if (member.property.name !== 'flat') return false;
    flattened = true;
    current = member.parent;
  }
}

/** The map call whose callback returns `call` as its result (`rows.map((row) => row.items.map(…))`). */
function getOuterMap(call: TSESTree.CallExpression): TSESTree.CallExpression | undefined {
  let callback: TSESTree.Node | undefined;
  if (call.parent.type === AST_NODE_TYPES.ArrowFunctionExpression && call.parent.body === call) callback = call.parent;
  else if (call.parent.type === AST_NODE_TYPES.ReturnStatement) callback = call.parent.parent.parent;
  const outer = callback?.parent;
  return outer?.type === AST_NODE_TYPES.CallExpression && (outer.arguments as readonly TSESTree.Node[]).includes(callback as TSESTree.Node)
    ? outer
    : undefined;
}

/**
 * `items.map((item) => { if (!ok) return; return … }).filter(Boolean)`: missing results are dropped
 * right after, or after `.flat()` spreads them out of the arrays an outer `map` (or a `flatMap`) made.
 */
function isFilteredMap(call: TSESTree.CallExpression, name: string): boolean {
  if (name !== 'map' && name !== 'flatMap') return false;
  if (reachesFilter(call, false)) return true;
  const outer = getOuterMap(call);
  const outerName = outer && getCalleeName(outer.callee);
  if (outer === undefined || (outerName !== 'map' && outerName !== 'flatMap')) return false;
  return reachesFilter(outer, outerName === 'map');
}
