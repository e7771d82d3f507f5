import type { Hook } from '@hono/zod-openapi';
import type { z } from 'zod';
import { ValidationError, type FieldError } from '../errors/app-error.js';
import type { AppEnv } from './app-env.js';

type Issue = z.core.$ZodIssue;

const targetPrefixes: Readonly<Record<string, string>> = {
  json: '',
  query: '/query',
  param: '/params',
  header: '/headers',
  form: '',
  cookie: '/cookies',
};

function escapePointerSegment(segment: PropertyKey): string {
  return String(segment).replaceAll('~', '~0').replaceAll('/', '~1');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) {
      return undefined;
    }
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function unit(origin: string, count: number | bigint): string {
  const noun = origin === 'string' ? 'character' : origin === 'array' || origin === 'set' ? 'item' : undefined;
  if (noun === undefined) {
    return String(count);
  }
  return `${String(count)} ${noun}${count === 1 || count === 1n ? '' : 's'}`;
}

/** A zod type name as a noun with its article: `an integer`, `an object`, `a number`. */
function describeType(expected: string): string {
  const noun = expected === 'int' ? 'integer' : expected;
  return `${/^[aeiou]/u.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * Our own user-safe sentence for a zod issue. Zod's messages can echo the input, so they are
 * never used — except for `custom` issues, whose messages the service writes itself.
 */
function describe(issue: Issue, missing: boolean): { code: string; detail: string } {
  if (missing) {
    return { code: 'required', detail: 'This field is required.' };
  }
  switch (issue.code) {
    case 'invalid_type':
      return { code: issue.code, detail: `Expected ${describeType(issue.expected)}.` };
    case 'too_small':
      return { code: issue.code, detail: `Must be at least ${unit(issue.origin, issue.minimum)}.` };
    case 'too_big':
      return { code: issue.code, detail: `Must be at most ${unit(issue.origin, issue.maximum)}.` };
    case 'invalid_format':
      return { code: issue.code, detail: issue.format === 'email' ? 'Must be an email address.' : `Must match the ${issue.format} format.` };
    case 'invalid_value':
      return { code: issue.code, detail: `Must be one of: ${issue.values.map((value) => JSON.stringify(value)).join(', ')}.` };
    case 'unrecognized_keys':
      return { code: issue.code, detail: `Unknown field(s): ${issue.keys.join(', ')}.` };
    case 'custom':
      return { code: 'invalid', detail: issue.message };
    default:
      return { code: issue.code, detail: 'This value is invalid.' };
  }
}

/**
 * Maps zod issues to field errors with JSON pointers (`/amount`, `/query/limit`,
 * `/headers/idempotency-key`).
 *
 * @param issues - from a failed parse
 * @param target - what was parsed (`json`, `query`, `header`, …)
 * @param data - the parsed input, to tell a missing field from a wrong one
 * @example
 * toFieldErrors(result.error.issues, 'json', body);
 */
export function toFieldErrors(issues: readonly Issue[], target: string, data: unknown): FieldError[] {
  const prefix = targetPrefixes[target] ?? '';
  return issues.map((issue) => {
    const path = issue.path.map(escapePointerSegment).join('/');
    const pointer = path === '' ? prefix || '/' : `${prefix}/${path}`;
    const missing = issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined;
    return { pointer, ...describe(issue, missing) };
  });
}

/**
 * The `defaultHook` of every OpenAPIHono sub-app: a failed validation throws a
 * {@link ValidationError}, which the error handler answers as `validation_failed` (never with
 * zod's raw output).
 *
 * @param result - the validator's result (`@hono/zod-validator` also passes the input as `data`)
 * @example
 * new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
 */
export const validationHook: Hook<unknown, AppEnv, string, undefined> = (result) => {
  if (!result.success) {
    const data: unknown = 'data' in result ? result.data : undefined;
    throw new ValidationError(toFieldErrors(result.error.issues, result.target, data));
  }
  return undefined;
};
