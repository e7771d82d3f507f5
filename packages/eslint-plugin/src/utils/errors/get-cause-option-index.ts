import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getStaticName } from '../ast/get-static-name.js';
import { getParameterIndexWithProperty } from '../types/get-parameter-index-with-property.js';

// Constructors known to take `{ cause }` without type information, by argument index.
const KNOWN_INDEX: Readonly<Record<string, number>> = {
  Error: 1,
  TypeError: 1,
  RangeError: 1,
  ReferenceError: 1,
  SyntaxError: 1,
  URIError: 1,
  EvalError: 1,
  AggregateError: 2,
  HTTPException: 1,
};

/**
 * Where a new error's constructor (or factory) takes an options bag with `cause`: from the resolved
 * signature when types are available (custom classes taking `ErrorOptions`), else for the built-in
 * error classes and Hono's `HTTPException`. `undefined` when unknown.
 *
 * @param node - the `new X(…)` or `createError(…)` expression
 * @param services - parser services with a program, when the file is linted with types
 * @example
 * getCauseOptionIndex(parse("new Error('x')")); // 1
 */
export function getCauseOptionIndex(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  services?: ParserServicesWithTypeInformation,
): number | undefined {
  const typed = services && getParameterIndexWithProperty(services, node, 'cause');
  if (typed !== undefined || node.type !== AST_NODE_TYPES.NewExpression) return typed;
  const className = getStaticName(node.callee)?.split('.').at(-1) ?? '';
  return Object.hasOwn(KNOWN_INDEX, className) ? KNOWN_INDEX[className] : undefined;
}
