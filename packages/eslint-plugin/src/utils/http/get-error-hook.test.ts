import { describe, expect, it } from 'vitest';
import { runVisitor } from '../../../test/run-visitor.js';
import type { FunctionNode } from '../ast/is-function-node.js';
import { getErrorHook } from './get-error-hook.js';

function findHooks(code: string): string[] {
  const hooks: string[] = [];
  runVisitor(code, (context) => ({
    ':function'(node: FunctionNode) {
      const hook = getErrorHook(node, context);
      if (hook !== undefined) hooks.push(`${hook.framework.name} ${context.sourceCode.getText(hook.error)}`);
    },
  }));
  return hooks;
}

describe('getErrorHook', () => {
  it('recognises hooks by their registration', () => {
    expect(findHooks('app.onError((e, c) => c.text("x"));')).toEqual(['hono e']);
    expect(findHooks('fastify.setErrorHandler(async (e, request) => ({}));')).toEqual(['fastify e']);
    // xterm's parser has a setErrorHandler too; Fastify's handlers take the request as well.
    expect(findHooks('parser.setErrorHandler((state) => state);')).toEqual([]);
    expect(findHooks('app.use((a, b, c, d) => {});')).toEqual(['express a']);
  });

  it('recognises hooks declared apart from their registration by their parameters', () => {
    expect(findHooks('export function handleError(err, req, res, next) {}')).toEqual(['express err']);
    expect(findHooks('export const handleError = (e, req, res, next) => {};')).toEqual(['express e']);
    expect(findHooks('export const onError = (error: Error, c: Context) => c.json({});')).toEqual(['hono error: Error']);
    expect(findHooks('export const onError = (thrown: AppError, c) => c.json({});')).toEqual(['hono thrown: AppError']);
    expect(findHooks('export function onFailure(error, request, reply) {}')).toEqual(['fastify error']);
  });

  it('ignores middleware, callbacks and three-parameter Express handlers', () => {
    expect(findHooks('app.use((req, res, next) => next()); items.reduce((e, c) => e + c, 0);')).toEqual([]);
    expect(findHooks('request.get(url, (err, res, body) => {});')).toEqual([]);
  });
});
