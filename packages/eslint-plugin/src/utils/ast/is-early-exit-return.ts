import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { express } from '../http/express.js';
import { fastify } from '../http/fastify.js';
import type { FunctionNode } from './is-function-node.js';

// `return res.status(400).json(…)`: the methods that send a response through a response object.
const SENDING_METHODS = new Set([
  ...Object.keys(express.responseMethods ?? {}),
  ...Object.keys(fastify.responseMethods ?? {}),
  'redirect',
  'sendStatus',
  'sendFile',
  'download',
]);
const CHAIN_METHODS = new Set([...express.chainMethodNames, ...fastify.chainMethodNames]);
// Continuation callbacks by convention: Express `next`, Node-style `callback`/`cb`/`done`, promise executors.
const CONTINUATIONS = new Set(['next', 'done', 'cb', 'callback', 'resolve', 'reject']);

function getRootName(expression: TSESTree.Expression): string | undefined {
  let current = expression;
  while (current.type === AST_NODE_TYPES.MemberExpression || current.type === AST_NODE_TYPES.CallExpression) {
    current = current.type === AST_NODE_TYPES.MemberExpression ? current.object : current.callee;
  }
  return current.type === AST_NODE_TYPES.Identifier ? current.name : undefined;
}

/**
 * Whether `return <argument>;` only ends the function after a side effect whose result nobody
 * reads: sending a response (`return res.status(400).json(…)`, `return reply.code(404).send()`) or
 * handing over to a continuation (`return next(error)`, `return callback(null, row)`, a parameter
 * called as a function). Express handlers and Node-style callbacks are written this way.
 *
 * @param argument - the returned expression
 * @param node - the function the `return` belongs to
 * @example
 * isEarlyExitReturn(returnStatement.argument, handler); // true for return res.sendStatus(404)
 */
export function isEarlyExitReturn(argument: TSESTree.Expression, node: FunctionNode): boolean {
  const call = argument.type === AST_NODE_TYPES.AwaitExpression ? argument.argument : argument;
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const { callee } = call;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return (
      CONTINUATIONS.has(callee.name) ||
      node.params.some((param) => param.type === AST_NODE_TYPES.Identifier && param.name === callee.name)
    );
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.property.type !== AST_NODE_TYPES.Identifier) return false;
  const method = callee.property.name;
  return (SENDING_METHODS.has(method) || CHAIN_METHODS.has(method)) && getRootName(callee) !== undefined;
}
