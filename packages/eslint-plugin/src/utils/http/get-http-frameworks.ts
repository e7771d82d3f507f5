import type { HttpFramework, HttpFrameworkName } from './create-http-framework.js';
import { express } from './express.js';
import { fastify } from './fastify.js';
import { fetch } from './fetch.js';
import { hono } from './hono.js';
import { koa } from './koa.js';
import { trpc } from './trpc.js';

const ALL: readonly HttpFramework[] = [hono, express, fastify, koa, fetch, trpc];

/**
 * The framework descriptors the HTTP model knows, optionally narrowed to some names.
 *
 * @param names - the frameworks to return (default: all, in a fixed order)
 * @example
 * for (const framework of getHttpFrameworks()) console.log(framework.name);
 */
export function getHttpFrameworks(names?: readonly HttpFrameworkName[]): readonly HttpFramework[] {
  return names === undefined ? ALL : ALL.filter((framework) => names.includes(framework.name));
}
