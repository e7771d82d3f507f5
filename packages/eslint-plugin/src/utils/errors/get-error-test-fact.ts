import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { AtomFact } from '../ast/is-implied-by-branch.js';
import { getPropertyName, getStaticName } from '../ast/get-static-name.js';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';
import { type CaughtErrorReferences, isReference } from './get-caught-error-references.js';

// Tests every error passes or that only normalise it: they single out no expected failure.
const GENERIC_CLASSES = new Set(['Error', 'Object', 'globalThis.Error']);
const GENERIC_PREDICATES = /^(?:isError|isNativeError|isErrorLike|isObject|isRecord|isString|isArray)$/u;
const UNINFORMATIVE_FIELDS = new Set(['message', 'stack']);
const EQUALITY = new Set(['===', '==']);
const INEQUALITY = new Set(['!==', '!=']);
const ORDERING = new Set(['<', '<=', '>', '>=']);

function isNullish(node: TSESTree.Expression | TSESTree.PrivateIdentifier): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && node.value === null) ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') ||
    (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void')
  );
}

/**
 * Whether an expression reads the caught error: the binding or an alias, one of its fields
 * (`e.code`, `e?.response?.status`), a call on it (`e.message.includes('x')`) or over it
 * (`getStatus(e)`).
 *
 * @param node - any expression
 * @param references - from `getCaughtErrorReferences`
 * @example
 * isErrorSubject(parse('(error as AxiosError).response?.status'), references); // true
 */
export function isErrorSubject(
  node: TSESTree.Expression | TSESTree.PrivateIdentifier | TSESTree.SpreadElement,
  references: CaughtErrorReferences,
): boolean {
  if (node.type === AST_NODE_TYPES.PrivateIdentifier || node.type === AST_NODE_TYPES.SpreadElement) return false;
  const inner = skipExpressionWrappers(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Identifier:
      return isReference(references, inner);
    case AST_NODE_TYPES.MemberExpression:
      return isErrorSubject(inner.object, references);
    case AST_NODE_TYPES.CallExpression:
      return (
        (inner.callee.type === AST_NODE_TYPES.MemberExpression && isErrorSubject(inner.callee.object, references)) ||
        inner.arguments.some((argument) => isErrorSubject(argument, references))
      );
    case AST_NODE_TYPES.AwaitExpression:
      return isErrorSubject(inner.argument, references);
    default:
      return false;
  }
}

function getCallFact(node: TSESTree.CallExpression, references: CaughtErrorReferences): AtomFact | undefined {
  const { callee } = node;
  const name =
    callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : getStaticName(callee);
  if (name !== undefined && GENERIC_PREDICATES.test(name)) return undefined;
  return isErrorSubject(node, references) ? 'whenTrue' : undefined;
}

/**
 * When an elementary test singles out an expected failure of the caught error — "handling a named
 * expected failure is deliberate": `e instanceof NotFound`, `e.code === 'P2002'`,
 * `isNotFound(e)`, `axios.isAxiosError(e)`, `'code' in e`, `if (e.response)` (true branch: its
 * false branch is every other error); `e.code !== 'ENOENT'` (false branch); `e.status >= 500`
 * (both: each side names a range of statuses). Tests every error passes (`e instanceof Error`,
 * `typeof e`, `e == null`, `e.message` truthiness) single out nothing.
 *
 * @param atom - a test without `!`, `&&`, `||` (see `isImpliedByBranch`)
 * @param references - from `getCaughtErrorReferences`
 * @example
 * isImpliedByBranch(test, true, (atom) => getErrorTestFact(atom, references));
 */
export function getErrorTestFact(atom: TSESTree.Expression, references: CaughtErrorReferences): AtomFact | undefined {
  switch (atom.type) {
    case AST_NODE_TYPES.Identifier:
      return references.tests.has(atom) || references.parts.has(atom) ? 'whenTrue' : undefined;
    case AST_NODE_TYPES.MemberExpression: {
      const field = getPropertyName(atom);
      return field !== undefined && !UNINFORMATIVE_FIELDS.has(field) && isErrorSubject(atom, references)
        ? 'whenTrue'
        : undefined;
    }
    case AST_NODE_TYPES.CallExpression:
      return getCallFact(atom, references);
    case AST_NODE_TYPES.BinaryExpression:
      return getBinaryFact(atom, references);
    default:
      return undefined;
  }
}

function getBinaryFact(atom: TSESTree.BinaryExpression, references: CaughtErrorReferences): AtomFact | undefined {
  const { left, right, operator } = atom;
  if (operator === 'instanceof') {
    const className = getStaticName(right);
    return isErrorSubject(left, references) && (className === undefined || !GENERIC_CLASSES.has(className))
      ? 'whenTrue'
      : undefined;
  }
  if (operator === 'in') {
    const key = left.type === AST_NODE_TYPES.Literal ? left.value : undefined;
    return isErrorSubject(right, references) && !(typeof key === 'string' && UNINFORMATIVE_FIELDS.has(key))
      ? 'whenTrue'
      : undefined;
  }
  const isTypeof = (side: typeof left): boolean =>
    side.type === AST_NODE_TYPES.UnaryExpression && side.operator === 'typeof';
  if (isTypeof(left) || isTypeof(right)) return undefined;
  const compared =
    (isErrorSubject(left, references) && !isNullish(right)) ||
    (isErrorSubject(right, references) && !isNullish(left));
  if (!compared) return undefined;
  if (EQUALITY.has(operator)) return 'whenTrue';
  if (INEQUALITY.has(operator)) return 'whenFalse';
  return ORDERING.has(operator) ? 'always' : undefined;
}
