import { describe, expect, it } from 'vitest';
import { runVisitor } from '../../../test/run-visitor.js';
import { getHttpRoute } from './get-http-route.js';

function findRoutes(code: string): string[] {
  const routes: string[] = [];
  runVisitor(code, (context) => {
    const collect = (node: Parameters<typeof getHttpRoute>[0]): void => {
      const route = getHttpRoute(node, context);
      if (route !== undefined) routes.push(`${route.framework} ${route.method} ${route.path ?? '?'} ${String(route.handlers.length)}`);
    };
    return { CallExpression: collect, FunctionDeclaration: collect, VariableDeclarator: collect };
  });
  return routes;
}

describe('getHttpRoute', () => {
  it('finds Hono routes, including app.on and app.openapi', () => {
    const code = `
import { Hono } from 'hono';
const app = new Hono();
app.get('/payments/:id', (c) => c.json({}));
app.on(['GET', 'POST'], '/hooks', auth, async (c) => c.text('ok'));
app.openapi(createPaymentRoute, async (c) => c.json({}, 201));
`;
    expect(findRoutes(code)).toEqual(['hono get /payments/:id 1', 'hono on /hooks 1', 'hono openapi ? 1']);
  });

  it('finds Express, Fastify and koa-router routes by their handlers without imports', () => {
    expect(findRoutes("app.post('/orders', validate, (req, res) => res.json({}));")).toEqual(['express post /orders 1']);
    expect(findRoutes("fastify.get('/orders', async (request, reply) => ({}));")).toEqual(['fastify get /orders 1']);
    expect(findRoutes("router.del('/orders/:id', async (ctx) => { ctx.body = null; });")).toEqual(['koa del /orders/:id 1']);
    expect(findRoutes("fastify.route({ method: 'POST', url: '/pay', handler: async (request) => ({}) });")).toEqual(['fastify post /pay 1']);
  });

  it('resolves handlers declared in the file', () => {
    expect(findRoutes("import express from 'express';\nconst app = express();\nfunction list(req, res) { res.json([]); }\napp.get(PATHS.list, list);")).toEqual([
      'express get ? 1',
    ]);
  });

  it('finds tRPC procedures and Next.js route handlers', () => {
    const code = `
export const router = t.router({
  pay: protectedProcedure.input(schema).mutation(async ({ input }) => pay(input)),
  status: t.procedure.query(() => 'ok'),
});
export async function GET(request: Request) { return Response.json({}); }
export const POST = async (request: Request) => new Response('x');
`;
    expect(findRoutes(code)).toEqual(['trpc mutation pay 1', 'trpc query status 1', 'fetch GET ? 1', 'fetch POST ? 1']);
  });

  it('does not mistake HTTP clients and other calls for routes', () => {
    const code = `
axios.get('/api/orders', { params });
request.get('/api/orders', (err, res, body) => {});
http.get('http://example.com', (res) => {});
cache.get('key');
z.string().catch('x').query;
`;
    expect(findRoutes(code)).toEqual([]);
  });
});
