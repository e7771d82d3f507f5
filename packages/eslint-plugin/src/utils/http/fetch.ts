import { createHttpFramework } from './create-http-framework.js';

const json = { argument: 0, shape: 'json' } as const;
const text = { argument: 0, shape: 'text' } as const;

/**
 * The Fetch API and Next.js: `new Response(body)`, `Response.json(data)`, `new NextResponse(body)`
 * and `NextResponse.json(data)` build responses; Next.js route handlers are the exported `GET`,
 * `POST`, … functions of a `route.ts`.
 *
 * @example
 * fetch.staticMethods?.Response?.json; // { argument: 0, shape: 'json' }
 */
export const fetch = createHttpFramework({
  name: 'fetch',
  title: 'Fetch API',
  modules: ['next/server', 'undici', 'node-fetch'],
  constructors: { Response: text, NextResponse: text },
  staticMethods: { Response: { json }, NextResponse: { json } },
  routeMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'],
});
