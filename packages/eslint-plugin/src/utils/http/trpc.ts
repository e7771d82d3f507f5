import { createHttpFramework } from './create-http-framework.js';

/**
 * tRPC: the `message` of a `TRPCError` reaches the client through the default error formatter,
 * and what a procedure resolver (`.query(fn)`, `.mutation(fn)`) returns is sent as its result.
 *
 * @example
 * trpc.constructors?.TRPCError; // { argument: 0, properties: ['message'], shape: 'options' }
 */
export const trpc = createHttpFramework({
  name: 'trpc',
  title: 'tRPC',
  modules: ['@trpc/server'],
  constructors: { TRPCError: { argument: 0, properties: ['message'], shape: 'options' } },
  returnsResponse: { argument: 0, shape: 'json' },
  routeMethods: ['query', 'mutation', 'subscription'],
});
