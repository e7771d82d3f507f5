import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { isMessageLike } from './is-message-like.js';

/**
 * What a value can be at run time, as bit flags: a set of kinds is their bitwise or. Literal
 * booleans and strings written in the code are told apart from computed ones because a literal
 * `false` or `'not found'` next to data is a sentinel, while a computed boolean or string is data.
 */
export const ValueKind = {
  /** A boolean that may be either `true` or `false`. */
  Boolean: 1,
  /** The literal `true`. */
  True: 2,
  /** The literal `false`. */
  False: 4,
  Null: 8,
  /** `undefined`, `void …`, or a `void` type. */
  Undefined: 16,
  /** A string computed at run time (`String(x)`, `typeof x`, `.join()`), or a `string` type. */
  String: 32,
  /** A message written in the code: a string or template literal that reads like one (see `isMessageLike`). */
  StringLiteral: 64,
  Number: 128,
  BigInt: 256,
  /** Objects, arrays, class instances, JSX. */
  Object: 512,
  Function: 1024,
  /** A type parameter: whatever the caller passes in. */
  Generic: 2048,
  /** Some part of the value could not be classified (and must not be guessed). */
  Unknown: 4096,
  /** A string literal type that is a token (`'retry'`, `'NOT_FOUND'`): a discriminant, not open text. */
  StringToken: 8192,
  /**
   * Known to be truthy, of a class the syntax cannot tell: `x` in `if (!x) return …; return x;`.
   * Always comes with `Unknown`.
   */
  Truthy: 16384,
} as const;

/** Every boolean kind. */
export const BOOLEAN_KINDS = ValueKind.Boolean | ValueKind.True | ValueKind.False;
/** `null` and `undefined`. */
export const ABSENT_KINDS = ValueKind.Null | ValueKind.Undefined;
/** Every string kind. */
export const STRING_KINDS = ValueKind.String | ValueKind.StringLiteral | ValueKind.StringToken;

/** Classifies a leaf the syntax cannot (an identifier, a call); returns `ValueKind.Unknown` when it cannot either. */
export type LeafClassifier = (expression: TSESTree.Expression) => number;

const unclassified: LeafClassifier = () => ValueKind.Unknown;

const COMPARISON_OPERATORS = new Set(['==', '!=', '===', '!==', '<', '<=', '>', '>=', 'in', 'instanceof']);
// Maps, not object literals: any identifier may be looked up, `constructor` and `toString` included.
const GLOBAL_CONVERSIONS: ReadonlyMap<string, number> = new Map([
  ['String', ValueKind.String],
  ['Number', ValueKind.Number],
  ['parseInt', ValueKind.Number],
  ['parseFloat', ValueKind.Number],
  ['Boolean', ValueKind.Boolean],
  ['BigInt', ValueKind.BigInt],
  ['isNaN', ValueKind.Boolean],
  ['isFinite', ValueKind.Boolean],
]);
const STATIC_METHODS: ReadonlyMap<string, ReadonlyMap<string, number>> = new Map([
  [
    'Number',
    new Map<string, number>([
      ['isInteger', ValueKind.Boolean],
      ['isFinite', ValueKind.Boolean],
      ['isNaN', ValueKind.Boolean],
      ['isSafeInteger', ValueKind.Boolean],
      ['parseInt', ValueKind.Number],
      ['parseFloat', ValueKind.Number],
    ]),
  ],
  [
    'Array',
    new Map<string, number>([
      ['isArray', ValueKind.Boolean],
      ['from', ValueKind.Object],
      ['of', ValueKind.Object],
    ]),
  ],
  [
    'Object',
    new Map<string, number>([
      ['keys', ValueKind.Object],
      ['values', ValueKind.Object],
      ['entries', ValueKind.Object],
      ['fromEntries', ValueKind.Object],
      ['is', ValueKind.Boolean],
    ]),
  ],
  ['Date', new Map<string, number>([['now', ValueKind.Number]])],
  [
    'Promise',
    new Map<string, number>([
      ['all', ValueKind.Object],
      ['allSettled', ValueKind.Object],
    ]),
  ],
]);
// Methods whose result kind is a convention strong enough to rely on, whatever the receiver.
const METHOD_RESULTS: ReadonlyMap<string, number> = new Map([
  ['includes', ValueKind.Boolean],
  ['startsWith', ValueKind.Boolean],
  ['endsWith', ValueKind.Boolean],
  ['some', ValueKind.Boolean],
  ['every', ValueKind.Boolean],
  ['toString', ValueKind.String],
  ['toFixed', ValueKind.String],
  ['toUpperCase', ValueKind.String],
  ['toLowerCase', ValueKind.String],
  ['toISOString', ValueKind.String],
  ['trim', ValueKind.String],
  ['join', ValueKind.String],
  ['padStart', ValueKind.String],
  ['padEnd', ValueKind.String],
  ['indexOf', ValueKind.Number],
  ['lastIndexOf', ValueKind.Number],
  ['findIndex', ValueKind.Number],
  ['getTime', ValueKind.Number],
]);
const KEYWORD_TYPES: Partial<Record<AST_NODE_TYPES, number>> = {
  [AST_NODE_TYPES.TSStringKeyword]: ValueKind.String,
  [AST_NODE_TYPES.TSNumberKeyword]: ValueKind.Number,
  [AST_NODE_TYPES.TSBooleanKeyword]: ValueKind.Boolean,
  [AST_NODE_TYPES.TSBigIntKeyword]: ValueKind.BigInt,
  [AST_NODE_TYPES.TSNullKeyword]: ValueKind.Null,
  [AST_NODE_TYPES.TSUndefinedKeyword]: ValueKind.Undefined,
  [AST_NODE_TYPES.TSVoidKeyword]: ValueKind.Undefined,
  [AST_NODE_TYPES.TSObjectKeyword]: ValueKind.Object,
  [AST_NODE_TYPES.TSNeverKeyword]: 0,
};

/** A template is a message when its written words are: `${a}-${b}` is a key, `no user ${id}` a message. */
function getTemplateKinds(node: TSESTree.TemplateLiteral): number {
  const text = node.quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw).join('0');
  return isMessageLike(text) ? ValueKind.StringLiteral : ValueKind.String;
}

/** The part of `kinds` that survives `kinds ?? …` on the left. */
function keepNonNullish(kinds: number): number {
  return kinds & ~ABSENT_KINDS;
}

/** The part of `kinds` that survives `kinds || …` on the left: only truthy values pass. */
function keepTruthy(kinds: number): number {
  const kept = kinds & ~(ABSENT_KINDS | ValueKind.False);
  return kept & ValueKind.Boolean ? (kept & ~ValueKind.Boolean) | ValueKind.True : kept;
}

/** The part of `kinds` that survives `kinds && …` on the left: only falsy values pass, and no object is falsy. */
function keepFalsy(kinds: number): number {
  const kept = kinds & ~(ValueKind.Object | ValueKind.Function | ValueKind.True);
  // A falsy boolean is `false`; a falsy string is `''`, data rather than a message.
  const booleans = kept & ValueKind.Boolean ? (kept & ~ValueKind.Boolean) | ValueKind.False : kept;
  return booleans & ValueKind.StringLiteral ? (booleans & ~ValueKind.StringLiteral) | ValueKind.String : booleans;
}

/**
 * The kinds `expression` has when it is truthy (`truthy`) or falsy: what passes `expression || …`
 * or `expression && …`. Nested logic is followed, so the `0` of `list.length && ok` does not pass
 * `(list.length && ok) || …`: that whole left side is truthy only as `ok`.
 */
function getBranchKinds(expression: TSESTree.Expression, truthy: boolean, classify: LeafClassifier): number {
  if (expression.type === AST_NODE_TYPES.LogicalExpression && expression.operator !== '??') {
    const right = getBranchKinds(expression.right, truthy, classify);
    // `a && b` is truthy only as a truthy `b`; `a || b` is falsy only as a falsy `b`.
    if ((expression.operator === '&&') === truthy) return right;
    return getBranchKinds(expression.left, truthy, classify) | right;
  }
  if (expression.type === AST_NODE_TYPES.ConditionalExpression) {
    return getBranchKinds(expression.consequent, truthy, classify) | getBranchKinds(expression.alternate, truthy, classify);
  }
  const kinds = getExpressionValueKinds(expression, classify);
  return truthy ? keepTruthy(kinds) : keepFalsy(kinds);
}

function getLiteralKinds(node: TSESTree.Literal): number {
  if ('regex' in node) return ValueKind.Object;
  if ('bigint' in node) return ValueKind.BigInt;
  switch (typeof node.value) {
    case 'string':
      return isMessageLike(node.value) ? ValueKind.StringLiteral : ValueKind.String;
    case 'number':
      return ValueKind.Number;
    case 'boolean':
      return node.value ? ValueKind.True : ValueKind.False;
    default:
      return ValueKind.Null;
  }
}

function getCallKinds(node: TSESTree.CallExpression, classify: LeafClassifier): number {
  const { callee } = node;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return GLOBAL_CONVERSIONS.get(callee.name) ?? classify(node);
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) {
    return classify(node);
  }
  const method = callee.property.name;
  if (callee.object.type === AST_NODE_TYPES.Identifier) {
    const owner = callee.object.name;
    if (owner === 'Math') return ValueKind.Number;
    if (owner === 'Promise' && method === 'resolve') {
      const [value] = node.arguments;
      if (value === undefined) return ValueKind.Undefined;
      return value.type === AST_NODE_TYPES.SpreadElement ? classify(node) : getExpressionValueKinds(value, classify);
    }
    // A rejected promise never produces a value, like a throw.
    if (owner === 'Promise' && method === 'reject') return 0;
    const result = STATIC_METHODS.get(owner)?.get(method);
    if (result !== undefined) return result;
  }
  return METHOD_RESULTS.get(method) ?? classify(node);
}

function getBinaryKinds(node: TSESTree.BinaryExpression, classify: LeafClassifier): number {
  if (COMPARISON_OPERATORS.has(node.operator)) return ValueKind.Boolean;
  if (node.left.type === AST_NODE_TYPES.PrivateIdentifier) return classify(node);
  const left = getExpressionValueKinds(node.left, classify);
  const right = getExpressionValueKinds(node.right, classify);
  if (node.operator === '+') {
    // One string operand makes the sum a string; one written in the code makes it a message.
    if ((left | right) & ValueKind.StringLiteral) return ValueKind.StringLiteral;
    if (left === ValueKind.String || right === ValueKind.String) return ValueKind.String;
    if (left === ValueKind.Number && right === ValueKind.Number) return ValueKind.Number;
    if (left === ValueKind.BigInt && right === ValueKind.BigInt) return ValueKind.BigInt;
    return classify(node);
  }
  // Arithmetic mixing number and bigint throws, so one known operand decides; unknown operands
  // give a number (or a bigint: numeric data either way, never a string, boolean or nothing).
  if (left === ValueKind.BigInt || right === ValueKind.BigInt) return ValueKind.BigInt;
  if (left === ValueKind.Number || right === ValueKind.Number) return ValueKind.Number;
  const typed = classify(node);
  return typed & ValueKind.Unknown ? ValueKind.Number : typed;
}

function getUnaryKinds(node: TSESTree.UnaryExpression, classify: LeafClassifier): number {
  switch (node.operator) {
    case '!':
    case 'delete':
      return ValueKind.Boolean;
    case 'void':
      return ValueKind.Undefined;
    case 'typeof':
      return ValueKind.String;
    case '+':
      return ValueKind.Number;
    default: {
      // `-x` and `~x` are numeric whatever `x` is (a bigint stays one).
      const operand = getExpressionValueKinds(node.argument, classify);
      if (operand === ValueKind.Number || operand === ValueKind.BigInt) return operand;
      const typed = classify(node);
      return typed & ValueKind.Unknown ? ValueKind.Number : typed;
    }
  }
}

function getAssertionKinds(node: TSESTree.TSAsExpression | TSESTree.TSTypeAssertion, classify: LeafClassifier): number {
  const annotation = node.typeAnnotation;
  const keyword = KEYWORD_TYPES[annotation.type];
  if (keyword !== undefined) return keyword;
  const isConst =
    annotation.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    annotation.typeName.name === 'const';
  const inner = getExpressionValueKinds(node.expression, classify);
  // The asserted type is better information than an unclassified operand.
  return isConst || !(inner & ValueKind.Unknown) ? inner : classify(node);
}

/**
 * What `expression` can evaluate to, read from its syntax: literals, templates, operators,
 * well-known conversions, and the branches of `?:`, `??`, `||` and `&&`. Whatever the syntax does
 * not tell (an identifier, most calls) goes to `classify`, which by default gives up with
 * `ValueKind.Unknown`; pass one backed by the type checker to sharpen the answer. Promises are not
 * looked through: `await` is, and a classifier may resolve awaited types.
 *
 * @param expression - the expression to classify
 * @param classify - classifies leaves the syntax cannot (default: `ValueKind.Unknown`)
 * @example
 * getExpressionValueKinds(parse('found ?? false')); // ValueKind.Unknown | ValueKind.False
 */
export function getExpressionValueKinds(expression: TSESTree.Expression, classify: LeafClassifier = unclassified): number {
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
      return getLiteralKinds(expression);
    case AST_NODE_TYPES.TemplateLiteral:
      return getTemplateKinds(expression);
    case AST_NODE_TYPES.Identifier:
      if (expression.name === 'undefined') return ValueKind.Undefined;
      if (expression.name === 'NaN' || expression.name === 'Infinity') return ValueKind.Number;
      return classify(expression);
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.JSXElement:
    case AST_NODE_TYPES.JSXFragment:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.ImportExpression:
      return ValueKind.Object;
    case AST_NODE_TYPES.NewExpression:
      // A promise settles to something else; every other constructor makes an object.
      return expression.callee.type === AST_NODE_TYPES.Identifier && expression.callee.name === 'Promise'
        ? classify(expression)
        : ValueKind.Object;
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.ClassExpression:
      return ValueKind.Function;
    case AST_NODE_TYPES.UnaryExpression:
      return getUnaryKinds(expression, classify);
    case AST_NODE_TYPES.BinaryExpression:
      return getBinaryKinds(expression, classify);
    case AST_NODE_TYPES.LogicalExpression: {
      const right = getExpressionValueKinds(expression.right, classify);
      if (expression.operator === '??') return keepNonNullish(getExpressionValueKinds(expression.left, classify)) | right;
      return getBranchKinds(expression.left, expression.operator === '||', classify) | right;
    }
    case AST_NODE_TYPES.ConditionalExpression:
      return (
        getExpressionValueKinds(expression.consequent, classify) |
        getExpressionValueKinds(expression.alternate, classify)
      );
    case AST_NODE_TYPES.SequenceExpression: {
      const last = expression.expressions.at(-1);
      return last === undefined ? classify(expression) : getExpressionValueKinds(last, classify);
    }
    case AST_NODE_TYPES.UpdateExpression:
      return ValueKind.Number;
    case AST_NODE_TYPES.AssignmentExpression:
      return expression.operator === '=' ? getExpressionValueKinds(expression.right, classify) : classify(expression);
    case AST_NODE_TYPES.AwaitExpression:
      return getExpressionValueKinds(expression.argument, classify);
    case AST_NODE_TYPES.CallExpression:
      return getCallKinds(expression, classify);
    case AST_NODE_TYPES.MemberExpression:
      return !expression.computed &&
        expression.property.type === AST_NODE_TYPES.Identifier &&
        expression.property.name === 'length'
        ? ValueKind.Number
        : classify(expression);
    case AST_NODE_TYPES.ChainExpression: {
      const inner = getExpressionValueKinds(expression.expression, classify);
      // The chain short-circuits to undefined; a classifier's answer for the whole chain says so itself.
      return inner & ValueKind.Unknown ? classify(expression) : inner | ValueKind.Undefined;
    }
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return getAssertionKinds(expression, classify);
    case AST_NODE_TYPES.TSNonNullExpression: {
      const inner = getExpressionValueKinds(expression.expression, classify);
      return inner & ValueKind.Unknown ? classify(expression) : inner & ~ABSENT_KINDS;
    }
    case AST_NODE_TYPES.TSSatisfiesExpression:
      return getExpressionValueKinds(expression.expression, classify);
    default:
      return classify(expression);
  }
}
