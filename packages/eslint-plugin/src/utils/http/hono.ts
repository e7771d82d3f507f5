import { createHttpFramework } from './create-http-framework.js';

/**
 * Hono: handlers receive a `Context` (`c`) and answer with `c.json()`, `c.text()`, `c.html()`,
 * `c.body()` or `c.newResponse()`; `HTTPException`'s `message` and `res` options become the
 * response of the default error handler; `app.onError((err, c) => …)` handles every error.
 *
 * @example
 * hono.responseMethods?.json; // { argument: 0, shape: 'json' }
 */
export const hono = createHttpFramework({
  name: 'hono',
  title: 'Hono',
  modules: ['hono', '@hono/zod-openapi'],
  receiver: { names: ['c', 'ctx', 'context'], types: ['Context'], typeModules: ['hono'] },
  responseMethods: {
    json: { argument: 0, shape: 'json' },
    text: { argument: 0, shape: 'text' },
    html: { argument: 0, shape: 'text' },
    body: { argument: 0, shape: 'text' },
    newResponse: { argument: 0, shape: 'text' },
  },
  constructors: {
    HTTPException: { argument: 1, properties: ['message', 'res'], shape: 'options' },
  },
  errorHooks: [
    { registeredBy: 'onError', error: 0, receiver: 1 },
    { arity: 2, error: 0, receiver: 1 },
  ],
  routeMethods: ['get', 'post', 'put', 'patch', 'delete', 'options', 'all', 'on', 'openapi'],
});
