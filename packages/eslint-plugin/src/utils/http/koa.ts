import { createHttpFramework } from './create-http-framework.js';

/**
 * Koa (and koa-router): middleware answers by assigning `ctx.body` (or `ctx.response.body`) and
 * fails a request with `ctx.throw(status, message)`. Errors are handled by a middleware that wraps
 * `await next()` in `try`/`catch`, so Koa has no dedicated error hook here.
 *
 * @example
 * koa.responseProperties?.body; // { argument: 0, shape: 'json' }
 */
export const koa = createHttpFramework({
  name: 'koa',
  title: 'Koa',
  modules: ['koa', '@koa/router', 'koa-router'],
  receiver: {
    names: ['ctx', 'context'],
    types: ['Context', 'ParameterizedContext', 'ExtendableContext', 'DefaultContext', 'RouterContext'],
    typeModules: ['koa', '@koa/router', 'koa-router'],
  },
  responseMethods: { throw: { argument: 'all', shape: 'text', allowsRawError: true } },
  responseProperties: { body: { argument: 0, shape: 'json' }, 'response.body': { argument: 0, shape: 'json' } },
  routeMethods: ['get', 'post', 'put', 'patch', 'delete', 'del', 'options', 'head', 'all'],
});
