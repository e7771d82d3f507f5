import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getPropertyName } from '../ast/get-static-name.js';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';

/** Log levels, coarsened to what alerting distinguishes. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug';

const METHOD_LEVELS: Readonly<Record<string, LogLevel>> = {
  fatal: 'fatal',
  critical: 'fatal',
  crit: 'fatal',
  emerg: 'fatal',
  alert: 'fatal',
  error: 'error',
  exception: 'error',
  warn: 'warn',
  warning: 'warn',
  info: 'info',
  notice: 'info',
  http: 'info',
  log: 'info',
  debug: 'debug',
  trace: 'debug',
  verbose: 'debug',
  silly: 'debug',
  dir: 'debug',
  table: 'debug',
};

function getLevelName(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of node.properties) {
    if (
      property.type === AST_NODE_TYPES.Property &&
      !property.computed &&
      property.key.type === AST_NODE_TYPES.Identifier &&
      property.key.name === 'level'
    ) {
      return getLevelName(property.value);
    }
  }
  return undefined;
}

/**
 * The level a logging method name stands for (`warn` → `'warn'`, `trace` → `'debug'`), or
 * `undefined` for names that are not log levels.
 *
 * @param method - a method name such as `error` or `verbose`
 * @example
 * getLogMethodLevel('silly'); // 'debug'
 */
export function getLogMethodLevel(method: string): LogLevel | undefined {
  return Object.hasOwn(METHOD_LEVELS, method) ? METHOD_LEVELS[method] : undefined;
}

/**
 * The level a call logs at, judged by its shape: the method name of `console.*`, pino, winston,
 * bunyan and friends (`logger.warn(…)`, `this.log.debug(…)`), the level argument of winston's
 * `logger.log('error', …)` / `logger.log({ level: 'error', … })`, or `debug(…)` from the `debug`
 * package. `undefined` when the call does not look like logging.
 *
 * @param call - any call
 * @example
 * getLogCallLevel(parse("logger.log('warn', 'retrying', err)")); // 'warn'
 */
export function getLogCallLevel(call: TSESTree.CallExpression): LogLevel | undefined {
  const callee = skipExpressionWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === 'debug' ? 'debug' : undefined;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const method = getPropertyName(callee);
  if (method === undefined) return undefined;
  if (method === 'log') {
    const level = getLevelName(call.arguments[0]);
    if (level !== undefined && getLogMethodLevel(level) !== undefined) return getLogMethodLevel(level);
  }
  return getLogMethodLevel(method);
}
