import { createHttpFramework } from './create-http-framework.js';

/**
 * Fastify: handlers answer with `reply.send(…)` (also after `reply.code(…)`), or by returning a
 * value, which Fastify serialises; `setErrorHandler((error, request, reply) => …)` handles errors.
 *
 * @example
 * fastify.returnsResponse; // { argument: 0, shape: 'json' }
 */
export const fastify = createHttpFramework({
  name: 'fastify',
  title: 'Fastify',
  modules: ['fastify'],
  receiver: { names: ['reply'], types: ['FastifyReply'], typeModules: ['fastify'] },
  responseMethods: { send: { argument: 0, shape: 'json' } },
  chainMethods: ['code', 'status', 'header', 'headers', 'type', 'serializer', 'removeHeader'],
  returnsResponse: { argument: 0, shape: 'json' },
  errorHooks: [
    { registeredBy: 'setErrorHandler', minArity: 2, error: 0, receiver: 2 },
    { arity: 3, error: 0, receiver: 2 },
  ],
  routeMethods: ['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'all', 'route'],
});
