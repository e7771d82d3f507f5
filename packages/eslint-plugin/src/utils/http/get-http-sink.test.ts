import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { runVisitor } from '../../../test/run-visitor.js';
import type { FunctionNode } from '../ast/is-function-node.js';
import { getHttpSink, isHttpPayloadPosition } from './get-http-sink.js';

function findSinks(code: string, typed = false): string[] {
  const labels: string[] = [];
  runVisitor(
    code,
    (context) => {
      const collect = (node: TSESTree.Node): void => {
        const sink = getHttpSink(node, context);
        if (sink !== undefined) labels.push(`${sink.framework?.name ?? '-'} ${sink.label}`);
      };
      return {
        CallExpression: collect,
        NewExpression: collect,
        AssignmentExpression: collect,
        ':function': (node: FunctionNode) => {
          collect(node);
        },
      };
    },
    { typed },
  );
  return labels;
}

describe('getHttpSink', () => {
  it('finds the response methods of each framework on handler parameters', () => {
    expect(findSinks("app.get('/', (c) => c.json({ ok: true }));")).toEqual(['hono `c.json()`']);
    expect(findSinks("app.get('/', (req, res) => { res.status(500).type('json').send('x'); });")).toEqual(['express `res.send()`']);
    expect(findSinks("app.get('/', (req, res) => res.render('page', { a: 1 }));")).toEqual(['express `res.render()`']);
    expect(findSinks('fastify.get("/", async (request, reply) => { reply.code(500).send("x"); });')).toEqual([
      'fastify the return value of a Fastify handler',
      'fastify `reply.send()`',
    ]);
    expect(findSinks("router.get('/', async (ctx) => { ctx.throw(400, 'bad'); });")).toEqual(['koa `ctx.throw()`']);
  });

  it('finds response property assignments', () => {
    expect(findSinks('app.use(async (ctx, next) => { ctx.body = 1; ctx.response.body = 2; ctx.status = 500; });')).toEqual([
      'koa `ctx.body`',
      'koa `ctx.response.body`',
    ]);
    expect(findSinks('app.use((err, req, res, next) => { res.locals.message = 1; });')).toEqual(['express `res.locals.message`']);
  });

  it('finds response constructors and factories unless the file declares its own', () => {
    expect(findSinks("new Response('x'); Response.json({}); NextResponse.json({}); new NextResponse('x');")).toEqual([
      'fetch `new Response()`',
      'fetch `Response.json()`',
      'fetch `NextResponse.json()`',
      'fetch `new NextResponse()`',
    ]);
    expect(findSinks("class Response {} new Response('x');")).toEqual([]);
    expect(findSinks("new HTTPException(500, { message: 'x' }); new TRPCError({ code: 'X' });")).toEqual([
      'hono `new HTTPException()`',
      'trpc `new TRPCError()`',
    ]);
  });

  it('ignores receivers that are not handler parameters', () => {
    expect(findSinks('const c = createClient(); c.json({}); const res = await fetch(url); res.json();')).toEqual([]);
    expect(findSinks('function f(socket) { socket.send("x"); }')).toEqual([]);
  });

  it('recognises receivers by their declared types with type information', () => {
    const code = `
import type { Context } from 'hono';
import type { Response } from 'express';
export function a(h: Context) { return h.text('x'); }
export function b(out: Response) { out.status(500).send('x'); }
export function c(res: WebSocket) { res.send('x'); }
`;
    expect(findSinks(code, true)).toEqual(['hono `h.text()`', 'express `out.send()`']);
  });
});

describe('isHttpPayloadPosition', () => {
  const options = { argument: 1, properties: ['message', 'res'], shape: 'options' } as const;

  it('accepts the payload argument and its payload properties only', () => {
    expect(isHttpPayloadPosition(options, 1, ['message'])).toBe(true);
    expect(isHttpPayloadPosition(options, 1, [])).toBe(true);
    expect(isHttpPayloadPosition(options, 1, ['cause'])).toBe(false);
    expect(isHttpPayloadPosition(options, 0, [])).toBe(false);
    expect(isHttpPayloadPosition({ argument: 'all', shape: 'text' }, 3, ['x'])).toBe(true);
  });
});
