import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { InlineFunctionKind } from './get-max-path-weight.js';

/**
 * The conventional answer for `getInlineKind`: array iteration callbacks (and `pMap`'s mapper) repeat; `.then()`/
 * `.catch()`/`.finally()` callbacks, promise executors and immediately invoked functions run once;
 * any other function is `separate`.
 *
 * @param node - a nested function
 * @example
 * getMaxPathWeight(body, { weight, getInlineKind: getInlineFunctionKind, countRepeats: true });
 */
export function getInlineFunctionKind(node: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression): InlineFunctionKind {
  const { parent } = node;
  if (parent.type === AST_NODE_TYPES.NewExpression) {
    return parent.callee.type === AST_NODE_TYPES.Identifier && parent.callee.name === 'Promise' ? 'once' : 'separate';
  }
  if (parent.type !== AST_NODE_TYPES.CallExpression) return 'separate';
  if (parent.callee === node) return 'once';
  if (!parent.arguments.includes(node)) return 'separate';
  const { callee } = parent;
  // `pMap(items, mapper)` and its kin from sindresorhus's p-* packages: the mapper is the second argument.
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return PROMISE_ITERATORS.has(callee.name) && parent.arguments[1] === node ? 'repeated' : 'separate';
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.property.type !== AST_NODE_TYPES.Identifier) return 'separate';
  const name = callee.property.name;
  if (name === 'then' || name === 'catch' || name === 'finally') return 'once';
  if (REPEATING_METHODS.has(name)) return 'repeated';
  if (name === 'from' && parent.arguments[1] === node) return 'repeated';
  return 'separate';
}

const REPEATING_METHODS = new Set([
  'forEach',
  'map',
  'flatMap',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  // Bluebird, async and lodash collection helpers: `Bluebird.mapSeries(items, fn)`, `async.eachLimit(items, 5, fn)`.
  'each',
  'eachSeries',
  'eachLimit',
  'mapSeries',
  'mapLimit',
]);
const PROMISE_ITERATORS = new Set(['pMap', 'pMapSeries', 'pEachSeries', 'pFilter', 'pFilterSeries', 'pReduce', 'pTimes']);
