/** The frameworks the HTTP model knows; `fetch` covers the Fetch API `Response` and Next.js. */
export type HttpFrameworkName = 'hono' | 'express' | 'fastify' | 'koa' | 'fetch' | 'trpc';

/**
 * Where a sink's response payload sits, and how a safe replacement for it looks.
 */
export interface HttpPayload {
  /** The argument that reaches the client, or `'all'` when every argument may (Koa's `ctx.throw`). */
  argument: number | 'all';
  /**
   * Only these properties of an object argument reach the client (Hono's `HTTPException` options
   * `{ message, res }`); omitted means the whole argument does.
   */
  properties?: readonly string[];
  /** What a generic replacement should be: a string, a JSON body or constructor options. */
  shape: 'text' | 'json' | 'options';
  /** Passing the error object itself is a rethrow, not a leak (Koa's `ctx.throw(err)`). */
  allowsRawError?: boolean;
}

/**
 * A framework's error hook: a function the framework calls with the error of a failed request.
 * Recognised either by how it is registered (`app.onError(fn)`) or, for hooks defined apart from
 * their registration, by its parameters (`(err, req, res, next)`).
 */
export interface HttpErrorHookShape {
  /** The method that registers the hook (`onError`, `setErrorHandler`, `use`); omitted: shape only. */
  registeredBy?: string;
  /** The exact number of parameters the hook must declare (Express error middleware: 4). */
  arity?: number;
  /** The fewest parameters a registered hook declares (other libraries have a `setErrorHandler(cb)` too). */
  minArity?: number;
  /** Index of the error parameter. */
  error: number;
  /** Index of the response receiver parameter, if the hook gets one. */
  receiver?: number;
}

/** A framework as data: what its handlers receive, which calls send a response, which register hooks and routes. */
export interface HttpFrameworkDescriptor {
  name: HttpFrameworkName;
  /** The framework's name as people write it (`Hono`, `tRPC`), for messages. */
  title: string;
  /** Import specifiers that bring the framework in (used to attribute routes). */
  modules: readonly string[];
  /**
   * The object a handler responds through (Hono `c`, Express `res`): the parameter names that
   * identify it without type information, and the declared type names (from `modules`) with it.
   */
  receiver?: { names: readonly string[]; types: readonly string[]; typeModules: readonly string[] };
  /** `receiver.method(payload)`: methods that send their argument to the client. */
  responseMethods?: Readonly<Record<string, HttpPayload>>;
  /** Methods that return the receiver itself, so `res.status(500).json(…)` is still a response. */
  chainMethods?: readonly string[];
  /** `receiver.<path> = payload`: property paths whose assignment sends (Koa `body`); `*` matches any name. */
  responseProperties?: Readonly<Record<string, HttpPayload>>;
  /** `new Name(…)`: constructors whose arguments end up in a response. */
  constructors?: Readonly<Record<string, HttpPayload>>;
  /** `Object.method(…)`: static factories of responses (`Response.json`). */
  staticMethods?: Readonly<Record<string, Readonly<Record<string, HttpPayload>>>>;
  /** The value a route handler returns is serialised as the response (Fastify, tRPC procedures). */
  returnsResponse?: HttpPayload;
  /** Error hooks of the framework. */
  errorHooks?: readonly HttpErrorHookShape[];
  /** Route registration methods: `app.get(path, handler)`. */
  routeMethods?: readonly string[];
}

/** A framework descriptor with its lookups prepared; every member of the descriptor is kept. */
export interface HttpFramework extends HttpFrameworkDescriptor {
  /** The receiver parameter names as a set. */
  receiverNames: ReadonlySet<string>;
  /** The chain methods as a set. */
  chainMethodNames: ReadonlySet<string>;
}

/**
 * Prepares a framework descriptor for lookups. Descriptors are plain data so that the audit and
 * the rules read the same facts about a framework.
 *
 * @param descriptor - the framework as data
 * @example
 * export const koa = createHttpFramework({ name: 'koa', modules: ['koa'], responseProperties: { body: { argument: 0, shape: 'json' } } });
 */
export function createHttpFramework(descriptor: HttpFrameworkDescriptor): HttpFramework {
  return Object.freeze({
    ...descriptor,
    receiverNames: new Set(descriptor.receiver?.names),
    chainMethodNames: new Set(descriptor.chainMethods),
  });
}
