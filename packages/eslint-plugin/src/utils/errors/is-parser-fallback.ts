import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getPropertyName, getStaticName } from '../ast/get-static-name.js';
import { isFunctionNode } from '../ast/is-function-node.js';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';
import { visitDescendants } from '../ast/visit-descendants.js';
import { getLogMethodLevel } from '../logging/get-log-call-level.js';

// Calls that cannot fail on a parser's result, so that a `try` around
// `new URL(s).hostname.toLowerCase()` still has the parser as its only throwing call.
const PURE_METHODS = new Set([
  'toString',
  'toLowerCase',
  'toUpperCase',
  'trim',
  'trimStart',
  'trimEnd',
  'slice',
  'substring',
  'split',
  'replace',
  'replaceAll',
  'startsWith',
  'endsWith',
  'includes',
  'indexOf',
  'padStart',
  'padEnd',
  'at',
  'join',
  'has',
  'get',
]);
const PURE_FUNCTIONS = new Set(['String', 'Number', 'Boolean', 'Array.isArray', 'Number.isNaN', 'Number.isFinite']);

/** `new Intl.NumberFormat(locale).format(n)`: a method of what a parser constructs is part of it, unless given a callback. */
function isMethodOfParsed(call: TSESTree.CallExpression, callee: TSESTree.Expression, parsers: ReadonlySet<string>): boolean {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = skipExpressionWrappers(callee.object);
  return (
    object.type === AST_NODE_TYPES.NewExpression &&
    parsers.has(getStaticName(object.callee) ?? '') &&
    !call.arguments.some(isFunctionNode)
  );
}

function isFallbackStatement(statement: TSESTree.Statement): boolean {
  return (
    statement.type === AST_NODE_TYPES.ReturnStatement ||
    statement.type === AST_NODE_TYPES.VariableDeclaration ||
    (statement.type === AST_NODE_TYPES.ExpressionStatement &&
      statement.expression.type === AST_NODE_TYPES.AssignmentExpression)
  );
}

/** `console.warn('Invalid JSON, using defaults')`: a note beside the fallback, at any level. */
function isLogStatement(statement: TSESTree.Statement): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const call = skipExpressionWrappers(statement.expression);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = skipExpressionWrappers(call.callee);
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : undefined;
  // `log` is a level too (`info`), so every console and logger method is covered.
  return method !== undefined && getLogMethodLevel(method) !== undefined;
}

/**
 * What a `try` block calls: only the parsers (and pure calls on their results), something else, or
 * nothing. The first call that is not a parser settles it: the rest of the block is not walked.
 */
function getCallKind(
  block: TSESTree.BlockStatement,
  visitorKeys: TSESLint.SourceCode['visitorKeys'],
  parsers: ReadonlySet<string>,
): 'parsers' | 'other' | 'none' {
  let kind: 'parsers' | 'other' | 'none' = 'none';
  visitDescendants(block, visitorKeys, (node) => {
    if (kind === 'other') return false;
    if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
      const callee = skipExpressionWrappers(node.callee);
      if (node.type === AST_NODE_TYPES.CallExpression && isMethodOfParsed(node, callee, parsers)) return true;
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : undefined;
      const name = getStaticName(callee) ?? '';
      // An awaited `get` is I/O (`await redis.get(key)`), not a lookup in a parsed value.
      const isPure = (method !== undefined && PURE_METHODS.has(method) && node.parent.type !== AST_NODE_TYPES.AwaitExpression) || PURE_FUNCTIONS.has(name);
      if (!isPure) kind = parsers.has(name) ? 'parsers' : 'other';
    }
    return kind !== 'other' && !isFunctionNode(node);
  });
  return kind;
}

/**
 * Whether a `catch` only supplies a fallback for a parser that failed on bad input: its `try`
 * block calls nothing but the given throwing parsers (and string/collection methods on their
 * results, not awaited, or any method of an object a parser constructs), and the catch body returns
 * or assigns a fallback, perhaps beside a log line. `try { return JSON.parse(raw) } catch
 * { return undefined }` is an answer, not a swallowed failure.
 *
 * @param sourceCode - the rule context's source code
 * @param clause - the catch clause
 * @param parsers - dotted callee names of the parsers (`JSON.parse`, `URL` for `new URL`)
 * @example
 * isParserFallback(sourceCode, clause, new Set(['JSON.parse', 'URL']));
 */
export function isParserFallback(
  sourceCode: Readonly<TSESLint.SourceCode>,
  clause: TSESTree.CatchClause,
  parsers: ReadonlySet<string>,
): boolean {
  // The catch body first: it is small, while the `try` block may be a whole function.
  const statements = clause.body.body;
  if (!statements.some(isFallbackStatement) || !statements.every((statement) => isFallbackStatement(statement) || isLogStatement(statement))) {
    return false;
  }
  return getCallKind(clause.parent.block, sourceCode.visitorKeys, parsers) === 'parsers';
}
