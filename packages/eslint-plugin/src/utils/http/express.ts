import { createHttpFramework } from './create-http-framework.js';

const json = { argument: 0, shape: 'json' } as const;
const text = { argument: 0, shape: 'text' } as const;

/**
 * Express, and the Node `http.ServerResponse` and Next.js `NextApiResponse` it shares its shape
 * with: handlers answer through `res.send/json/jsonp/end/write`, also after `res.status(…)` and
 * similar chains; `res.render(view, data)` and `res.locals` feed templates; middleware with four
 * parameters `(err, req, res, next)` handles errors.
 *
 * @example
 * express.chainMethodNames.has('status'); // true
 */
export const express = createHttpFramework({
  name: 'express',
  title: 'Express',
  modules: ['express', 'router', 'next'],
  receiver: {
    names: ['res', 'response'],
    types: ['Response', 'ServerResponse', 'NextApiResponse'],
    typeModules: ['express', 'express-serve-static-core', 'http', 'node:http', 'next'],
  },
  responseMethods: { send: json, json, jsonp: json, end: text, write: text, render: { argument: 1, shape: 'json' } },
  chainMethods: [
    'status',
    'type',
    'contentType',
    'set',
    'header',
    'append',
    'cookie',
    'clearCookie',
    'vary',
    'location',
    'links',
    'attachment',
    'setHeader',
    'writeHead',
  ],
  responseProperties: { locals: json, 'locals.*': json },
  errorHooks: [
    { registeredBy: 'use', arity: 4, error: 0, receiver: 2 },
    { arity: 4, error: 0, receiver: 2 },
  ],
  routeMethods: ['get', 'post', 'put', 'patch', 'delete', 'options', 'head', 'all'],
});
