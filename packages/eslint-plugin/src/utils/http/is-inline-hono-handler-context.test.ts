import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { runVisitor } from '../../../test/run-visitor.js';
import { getTypeServices } from '../types/get-type-services.js';
import { isTypeDeclaredIn } from '../types/is-type-declared-in.js';
import { hono } from './hono.js';
import { isHttpReceiver } from './is-http-receiver.js';
import { isInlineHonoHandlerContext } from './is-inline-hono-handler-context.js';
import { koa } from './koa.js';

/** For each `<name>.json(…)` call: whether its receiver is an inline Hono context, and what isHttpReceiver says for Hono and Koa. */
function inspect(code: string, typed = true): string[] {
  const answers: string[] = [];
  runVisitor(
    code,
    (context) => ({
      CallExpression(node: TSESTree.CallExpression) {
        const { callee } = node;
        if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return;
        if (callee.property.type !== AST_NODE_TYPES.Identifier || callee.property.name !== 'json') return;
        const services = getTypeServices(context);
        const inline = services !== undefined && isInlineHonoHandlerContext(callee.object, context, services);
        // The syntactic answer must be the one the type gives.
        if (inline && !isTypeDeclaredIn(services.program.getTypeChecker(), services.getTypeAtLocation(callee.object), ['Context'], ['hono'])) {
          answers.push('type disagrees');
        }
        answers.push(`${String(inline)} hono:${String(isHttpReceiver(callee.object, hono, context, 'json'))} koa:${String(isHttpReceiver(callee.object, koa, context))}`);
      },
    }),
    { typed },
  );
  return answers;
}

describe('isInlineHonoHandlerContext', () => {
  it('recognises the first parameter of a handler written inline on a new Hono()', () => {
    const code = `
import { Hono } from 'hono';
const app = new Hono<{ Variables: { id: string } }>();
app.get('/a', (c) => c.json({}));
app.post('/b', async (ctx, next) => { await next(); return ctx.json({}); });
app.on('GET', '/c', function (c) { return c.json({}); });
`;
    expect(inspect(code)).toEqual(['true hono:true koa:false', 'true hono:true koa:false', 'true hono:true koa:false']);
  });

  it('answers as the types do when the handler is not inline on a Hono app', () => {
    const code = `
import { Hono, type Context } from 'hono';
const app = new Hono();
const handler = (c: Context) => c.json({});
app.get('/a', handler);
app.get('/b', (c: Context) => c.json({}));
app.use((c) => c.json({}));
let other = new Hono();
other.get('/c', (c) => c.json({}));
class Router { get(path: string, handler: (c: { json(body: object): void }) => void): void {} }
const router = new Router();
router.get('/d', (c) => c.json({}));
`;
    expect(inspect(code)).toEqual([
      'false hono:true koa:false',
      'false hono:true koa:false',
      'false hono:true koa:false',
      'false hono:true koa:false',
      'false hono:true koa:false',
    ]);
  });

  it('leaves the names to decide without type information', () => {
    const code = `
import { Hono } from 'hono';
const app = new Hono();
app.get('/a', (ctx) => ctx.json({}));
`;
    expect(inspect(code, false)).toEqual(['false hono:true koa:true']);
  });
});
