import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import {
  ABSENT_KINDS,
  BOOLEAN_KINDS,
  getExpressionValueKinds,
  type LeafClassifier,
  STRING_KINDS,
  ValueKind,
} from '../utils/ast/get-expression-value-kinds.js';
import { getBindingValueKinds } from '../utils/ast/get-binding-value-kinds.js';
import { getFunctionHeadLoc } from '../utils/ast/get-function-head-loc.js';
import { hasWrittenResultContract } from '../utils/ast/has-written-result-contract.js';
import { isCallbackResultIgnored } from '../utils/ast/is-callback-result-ignored.js';
import { isEarlyExitReturn } from '../utils/ast/is-early-exit-return.js';
import { isEndUnreachableByConvention } from '../utils/ast/is-end-unreachable-by-convention.js';
import type { FunctionNode } from '../utils/ast/is-function-node.js';
import { isOverloadImplementation } from '../utils/ast/is-overload-implementation.js';
import { createRule } from '../utils/create-rule.js';
import { getDeclaredValueKinds } from '../utils/types/get-declared-value-kinds.js';
import { getTypeServices } from '../utils/types/get-type-services.js';
import { getTypeValueKinds } from '../utils/types/get-type-value-kinds.js';
import { hasExternalResultContract } from '../utils/types/has-external-result-contract.js';

/** The classes a function's results are sorted into. */
export type ValueClass = 'boolean' | 'absent' | 'string' | 'number' | 'bigint' | 'object' | 'function';

export type Options = [
  {
    allowNullable?: boolean;
    checkAnnotations?: boolean;
    allowedMixes?: [ValueClass, ValueClass][];
  },
];
export type MessageIds =
  | 'triState'
  | 'sentinelMixed'
  | 'errorStringMixed'
  | 'implicitUndefined'
  | 'nullableMixed'
  | 'ambiguousAnnotation';

const CLASS_KINDS: Readonly<Record<ValueClass, number>> = {
  boolean: BOOLEAN_KINDS,
  absent: ABSENT_KINDS,
  string: STRING_KINDS,
  number: ValueKind.Number,
  bigint: ValueKind.BigInt,
  object: ValueKind.Object,
  function: ValueKind.Function,
};
const VALUE_CLASSES = Object.keys(CLASS_KINDS) as ValueClass[];
const DATA_KINDS = STRING_KINDS | ValueKind.Number | ValueKind.BigInt | ValueKind.Object | ValueKind.Function;
const SENTINEL_KINDS = ValueKind.True | ValueKind.False;
const OPEN_STRING_KINDS = ValueKind.String | ValueKind.StringLiteral;
const ENTITY_OR_NUMBER_KINDS = ValueKind.Number | ValueKind.BigInt | ValueKind.Object | ValueKind.Function;
const NON_STRING_KINDS = BOOLEAN_KINDS | ENTITY_OR_NUMBER_KINDS;
/** A path that hands back nothing: a bare `return;` or the end of the body. Not a `ValueKind`. */
const IMPLICIT = 1 << 20;
/** Some `return` has an argument. Not a `ValueKind`. */
const RETURNED = 1 << 21;
const VALUE_KINDS = ~(ABSENT_KINDS | IMPLICIT | RETURNED);
/** Results beside which what a returned name is may make a problem: a sentinel, a message, nothing. */
const NAMED_MIX_KINDS = SENTINEL_KINDS | ValueKind.StringLiteral | ABSENT_KINDS | IMPLICIT;
/** The problems of a function's results, most specific first: a function gets one report. */
const RESULT_PROBLEMS = ['triState', 'sentinelMixed', 'errorStringMixed', 'nullableMixed', 'implicitUndefined'] as const;

type ResultProblem = (typeof RESULT_PROBLEMS)[number];

interface Frame {
  upper: Frame | undefined;
  returns: TSESTree.ReturnStatement[];
  /** The kinds of every `return` so far, plus `RETURNED` once one returns a value. */
  kinds: number;
  /**
   * How many of the code path's current segments are reachable (ESLint starts and ends reachable
   * segments with their own events): the end of the body is reachable when one is.
   */
  reachableSegments: number;
}

const DATA_CLASS_MASKS = [BOOLEAN_KINDS, STRING_KINDS, ValueKind.Number, ValueKind.BigInt, ValueKind.Object, ValueKind.Function];

/** How many classes of data (booleans included) `kinds` spans. */
function countDataClasses(kinds: number): number {
  let classes = 0;
  for (const mask of DATA_CLASS_MASKS) if (kinds & mask) classes += 1;
  return classes;
}

function hasBothBooleans(kinds: number): boolean {
  return (kinds & ValueKind.Boolean) !== 0 || (kinds & SENTINEL_KINDS) === SENTINEL_KINDS;
}

/** Constructors and setters have no result a caller reads; render functions mix JSX with `null` and `false` by design. */
function hasNoComparableResult(node: FunctionNode, results: readonly (TSESTree.Expression | null)[]): boolean {
  const { parent } = node;
  if (parent.type === AST_NODE_TYPES.MethodDefinition && (parent.kind === 'constructor' || parent.kind === 'set')) {
    return true;
  }
  if (parent.type === AST_NODE_TYPES.Property && parent.kind === 'set') return true;
  return results.some((result) => result !== null && isJsx(result));
}

/** `any`, `unknown`, or a promise of one. */
function isOpenType(annotation: TSESTree.TypeNode): boolean {
  if (annotation.type === AST_NODE_TYPES.TSAnyKeyword || annotation.type === AST_NODE_TYPES.TSUnknownKeyword) return true;
  const [settled] = annotation.type === AST_NODE_TYPES.TSTypeReference ? (annotation.typeArguments?.params ?? []) : [];
  return (
    annotation.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    annotation.typeName.name === 'Promise' &&
    settled !== undefined &&
    isOpenType(settled)
  );
}

function isAmbient(node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.TSModuleDeclaration && current.declare) return true;
    if (
      (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.TSInterfaceDeclaration) &&
      current.declare
    ) {
      return true;
    }
  }
  return false;
}

function isJsx(expression: TSESTree.Expression): boolean {
  switch (expression.type) {
    case AST_NODE_TYPES.JSXElement:
    case AST_NODE_TYPES.JSXFragment:
      return true;
    case AST_NODE_TYPES.ConditionalExpression:
      return isJsx(expression.consequent) || isJsx(expression.alternate);
    case AST_NODE_TYPES.LogicalExpression:
      return isJsx(expression.right);
    default:
      return false;
  }
}

/** A result that may combine kinds by itself: `a ? b : c`, `a ?? b`, `a || b`, `a?.b`, `Promise.resolve(…)`. */
function isComposite(expression: TSESTree.Expression): boolean {
  let current = expression;
  while (
    current.type === AST_NODE_TYPES.AwaitExpression ||
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression
  ) {
    current = current.type === AST_NODE_TYPES.AwaitExpression ? current.argument : current.expression;
  }
  return (
    current.type === AST_NODE_TYPES.ConditionalExpression ||
    current.type === AST_NODE_TYPES.LogicalExpression ||
    current.type === AST_NODE_TYPES.ChainExpression ||
    // `Promise.resolve(a ? b : null)` settles to whatever its argument is.
    (current.type === AST_NODE_TYPES.CallExpression &&
      current.callee.type === AST_NODE_TYPES.MemberExpression &&
      current.callee.property.type === AST_NODE_TYPES.Identifier &&
      current.callee.property.name === 'resolve')
  );
}

function isCall(expression: TSESTree.Expression): boolean {
  let current = expression.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression;
  if (current.type === AST_NODE_TYPES.ChainExpression) current = current.expression;
  return current.type === AST_NODE_TYPES.CallExpression;
}

function formatClasses(kinds: number): string {
  const names: string[] = [];
  if (kinds & ValueKind.Object) names.push('object');
  if (kinds & ValueKind.Function) names.push('function');
  if (kinds & STRING_KINDS) names.push('string');
  if (kinds & ValueKind.Number) names.push('number');
  if (kinds & ValueKind.BigInt) names.push('bigint');
  if (hasBothBooleans(kinds)) names.push('boolean');
  else if (kinds & ValueKind.True) names.push('true');
  else if (kinds & ValueKind.False) names.push('false');
  if (kinds & ValueKind.Generic || (kinds & ValueKind.Truthy && !(kinds & DATA_KINDS))) names.push('T');
  if (kinds & ValueKind.Null) names.push('null');
  if (kinds & (ValueKind.Undefined | IMPLICIT)) names.push('undefined');
  return names.join(' | ');
}

export default createRule<Options, MessageIds>({
  name: 'consistent-return-type',
  meta: {
    type: 'problem',
    docs: {
      description: "Require a function's results to mean one thing: no tri-state booleans, sentinels or error strings next to data",
      recommended: 'recommended',
    },
    messages: {
      triState:
        "This function returns `{{classes}}`: callers cannot tell a missing result from `false`. Return one shape (a discriminated union such as `{ status: 'missing' } | { status: 'paid' }`) or throw a typed error for the missing case.",
      sentinelMixed:
        'This function returns `{{classes}}`: `{{sentinel}}` stands in for a missing or failed result next to real data. Return `null` for a lookup that finds nothing, return a discriminated union, or throw a typed error.',
      errorStringMixed:
        'This function returns `{{classes}}`: a message string comes back where data is expected, so callers must test its type to find the failure. Throw a typed error or return a discriminated union such as `{ ok: false, error }`.',
      implicitUndefined:
        "Some paths of this function return a value and others return nothing. Return a value on every path (`null` for 'not found'), throw, or declare `| undefined` in the return type.",
      nullableMixed:
        'This function returns `{{classes}}`: a missing result is mixed with data. Throw a typed error when nothing is found or return a discriminated union.',
      ambiguousAnnotation:
        'The declared return type `{{type}}` mixes `{{classes}}`, so callers must guess what each value means. Declare a discriminated union, `T | null` for a lookup, or throw a typed error instead.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowNullable: {
            type: 'boolean',
            description: 'Accept `T | null` and `T | undefined` results for object, string and number `T` (the lookup idiom).',
          },
          checkAnnotations: {
            type: 'boolean',
            description: 'Report declared return types that encode the same ambiguity (`boolean | null`, `T | false`, `T | string`).',
          },
          allowedMixes: {
            type: 'array',
            description: 'Pairs of value classes that may be mixed, such as `[["boolean", "absent"]]`.',
            items: {
              type: 'array',
              items: { type: 'string', enum: VALUE_CLASSES },
              minItems: 2,
              maxItems: 2,
            },
          },
        },
      },
    ],
    defaultOptions: [{ allowNullable: true, checkAnnotations: true, allowedMixes: [] }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const allowNullable = options.allowNullable !== false;
    const checkAnnotations = options.checkAnnotations !== false;
    // For each class, the kinds it may be mixed with.
    const allowedWith: Record<ValueClass, number> = { boolean: 0, absent: 0, string: 0, number: 0, bigint: 0, object: 0, function: 0 };
    for (const [first, second] of options.allowedMixes ?? []) {
      allowedWith[first] |= CLASS_KINDS[second];
      allowedWith[second] |= CLASS_KINDS[first];
    }
    const services = getTypeServices(context);
    const compilerOptions = services?.program.getCompilerOptions();
    const strictNullChecks = compilerOptions?.strictNullChecks ?? compilerOptions?.strict ?? false;
    const isDeclarationFile = /\.d\.[cm]?ts$/u.test(context.filename);
    // Without types, returned names are read from their declarations (where the results may mix);
    // with types, the checker knows better.
    const classifySyntax: LeafClassifier | undefined = services ? undefined : getBindingValueKinds;
    let frame: Frame | undefined;

    function classifyByType(expression: TSESTree.Expression): number {
      if (!services) return ValueKind.Unknown;
      const kinds = getTypeValueKinds(services.program.getTypeChecker(), services.getTypeAtLocation(expression));
      if (kinds & (ValueKind.Generic | ValueKind.Unknown)) return ValueKind.Unknown;
      // A full boolean beside data, or three kinds of data, is a polymorphic value (JSON, a
      // setting), not a sentinel beside a result.
      return (kinds & ValueKind.Boolean && kinds & DATA_KINDS) || countDataClasses(kinds) >= 3 ? ValueKind.Unknown : kinds;
    }

    /** Types first; where they tell nothing (`any`), what the syntax proves still holds. */
    function classifyTyped(expression: TSESTree.Expression): number {
      const kinds = classifyByType(expression);
      return kinds & ValueKind.Unknown ? getBindingValueKinds(expression) : kinds;
    }

    function hasResultProblem(problem: ResultProblem, kinds: number): boolean {
      // Results of three classes of data or more are one polymorphic value (a default by field
      // type: `''`, `0`, `false`, `null`), not a sentinel or a message beside a result.
      if (problem !== 'implicitUndefined' && problem !== 'nullableMixed' && countDataClasses(kinds) >= 3) return false;
      switch (problem) {
        case 'triState':
          return hasBothBooleans(kinds) && (kinds & (ABSENT_KINDS | IMPLICIT)) !== 0 && !(allowedWith.boolean & ABSENT_KINDS);
        case 'sentinelMixed':
          // A sentinel is one literal: `true` and `false` both beside data make a flag-or-options
          // value (`ssl: boolean | TlsOptions`). `return true` / `return 'Email is required'` is an
          // error message beside a success flag. `if (!x) return false; return x;` stands `false` in
          // for whatever `x` is when it is truthy.
          return (
            (kinds & SENTINEL_KINDS) !== 0 &&
            !hasBothBooleans(kinds) &&
            ((kinds & DATA_KINDS & ~allowedWith.boolean) !== 0 ||
              ((kinds & ValueKind.False) !== 0 && (kinds & ValueKind.Truthy) !== 0 && !allowedWith.boolean)) &&
            !(kinds & ValueKind.StringLiteral && !(kinds & ENTITY_OR_NUMBER_KINDS) && !(allowedWith.string & BOOLEAN_KINDS))
          );
        case 'errorStringMixed':
          return (kinds & ValueKind.StringLiteral) !== 0 && (kinds & NON_STRING_KINDS & ~allowedWith.string) !== 0;
        case 'nullableMixed':
          return !allowNullable && (kinds & ABSENT_KINDS) !== 0 && (kinds & DATA_KINDS & ~allowedWith.absent) !== 0;
        case 'implicitUndefined':
          // An explicit `undefined` elsewhere says that nothing is a deliberate result.
          return (kinds & IMPLICIT) !== 0 && (kinds & VALUE_KINDS) !== 0 && !(kinds & ValueKind.Undefined);
      }
    }

    /** Reports a declared return type whose kinds encode an ambiguity. */
    function checkAnnotation(annotation: TSESTree.TypeNode, kinds: number): void {
      const data = kinds & (DATA_KINDS | ValueKind.Generic);
      const entities = kinds & (ValueKind.Object | ValueKind.Function);
      let problem: boolean;
      if (hasBothBooleans(kinds)) {
        problem = (kinds & ABSENT_KINDS) !== 0 && !data && !(allowedWith.boolean & ABSENT_KINDS);
      } else if (kinds & SENTINEL_KINDS) {
        problem = (data & ~allowedWith.boolean) !== 0;
      } else if (kinds & OPEN_STRING_KINDS && entities && !(kinds & (ValueKind.Number | ValueKind.BigInt | ValueKind.Generic))) {
        // Tokens (`'retry'`) beside an object discriminate it; open text (`string`, prose) does not.
        problem = (entities & ~allowedWith.string) !== 0;
      } else {
        problem = !allowNullable && (kinds & ABSENT_KINDS) !== 0 && (data & DATA_KINDS & ~allowedWith.absent) !== 0;
      }
      if (problem) {
        context.report({
          node: annotation,
          messageId: 'ambiguousAnnotation',
          data: { type: sourceCode.getText(annotation), classes: formatClasses(kinds) },
        });
      }
    }

    function checkContract(node: TSESTree.Node, returnType: TSESTree.TSTypeAnnotation | undefined): void {
      const annotation = returnType?.typeAnnotation;
      if (!checkAnnotations || !annotation || annotation.type === AST_NODE_TYPES.TSTypePredicate) return;
      // Ambient declarations describe code written elsewhere (a library, a global): not this file's design.
      if (isDeclarationFile || isAmbient(node)) return;
      const declared = getDeclaredValueKinds(node, annotation, services);
      if (!(declared & ValueKind.Unknown)) checkAnnotation(annotation, declared);
    }

    /** With types: TypeScript agrees that the end of the body is reached (the inferred result includes `undefined`). */
    function isEndReachedByType(node: FunctionNode): boolean {
      if (!services || !strictNullChecks) return true;
      const checker = services.program.getTypeChecker();
      const signature = checker.getSignatureFromDeclaration(services.esTreeNodeToTSNodeMap.get(node));
      if (!signature) return true;
      return (getTypeValueKinds(checker, signature.getReturnType()) & (ValueKind.Undefined | ValueKind.Unknown)) !== 0;
    }

    /** The kinds of one result, with types for what the syntax leaves open when `typed`. */
    function getResultKinds(argument: TSESTree.Expression | null, typed: boolean): number {
      if (argument === null) return IMPLICIT;
      const kinds = getExpressionValueKinds(argument, classifySyntax);
      return typed && kinds & ValueKind.Unknown ? getExpressionValueKinds(argument, classifyTyped) : kinds;
    }

    function isNothingAccepted(node: FunctionNode, results: readonly (TSESTree.Expression | null)[], typed: boolean): boolean {
      const values = results.filter(
        (argument): argument is TSESTree.Expression => argument !== null && (getResultKinds(argument, typed) & VALUE_KINDS) !== 0,
      );
      // `return res.status(400).json(…)` early, `res.json(…)` at the end: the return only stops the handler.
      if (values.every((argument) => isEarlyExitReturn(argument, node))) return true;
      // A call nothing is known about may well return nothing: do not guess that it returns a value.
      return values.every((argument) => getResultKinds(argument, typed) === ValueKind.Unknown && isCall(argument));
    }

    function findProblem(kinds: number, isAccepted: () => boolean): ResultProblem | undefined {
      for (const problem of RESULT_PROBLEMS) {
        if (hasResultProblem(problem, kinds) && (problem !== 'implicitUndefined' || !isAccepted())) return problem;
      }
      return undefined;
    }

    function check(node: FunctionNode, current: Frame): void {
      const { body } = node;
      const isBlock = body.type === AST_NODE_TYPES.BlockStatement;
      // A lone simple result (`(order) => order.id`) has one kind: nothing to compare it with.
      if (!isBlock && !node.returnType && !isComposite(body)) return;
      // Most functions return one kind of thing: their returns were classified as they were met.
      let all = isBlock ? current.kinds : getExpressionValueKinds(body);
      if (node.generator || (isBlock && !(all & RETURNED))) return;
      all &= ~RETURNED;
      const annotation = node.returnType?.typeAnnotation;
      // `: any` and `: unknown` declare that the results may be anything (a default by field type).
      if (annotation?.type === AST_NODE_TYPES.TSTypePredicate || (annotation && isOpenType(annotation))) return;
      // A declared return type is the contract: TypeScript holds every result to it, so when it can
      // be read it is judged instead of the results (unless annotations are not checked).
      if (annotation && checkAnnotations && !isOverloadImplementation(node)) {
        const declared = getDeclaredValueKinds(node, annotation, services);
        if (!(declared & ValueKind.Unknown)) {
          checkAnnotation(annotation, declared);
          return;
        }
      }

      const results: (TSESTree.Expression | null)[] = isBlock ? current.returns.map((each) => each.argument) : [body];
      // An annotated function cannot fall off its end unnoticed: TypeScript rejects it.
      const mayFallOff = isBlock && !annotation && current.reachableSegments > 0;
      // Types sharpen only what the syntax left open, only where no declared type holds the
      // results already, and only where the function itself may mix kinds: a lone result passed
      // through from elsewhere (`return repo.find(id)`) carries the mix of the code it comes from,
      // reported there, and a callback's lone result is whatever its library passes on.
      const [single] = results;
      const typed =
        services !== undefined &&
        !annotation &&
        (results.length > 1 ||
          mayFallOff ||
          (single != null && isComposite(single) && node.parent.type !== AST_NODE_TYPES.CallExpression));
      // Whatever the results, some functions are not judged by them; asking first spares the
      // type queries, which are the costly part.
      const isExcluded = (): boolean =>
        hasNoComparableResult(node, results) ||
        isOverloadImplementation(node) ||
        isCallbackResultIgnored(node) ||
        hasWrittenResultContract(node);
      const refine = typed && (all & ValueKind.Unknown) !== 0;
      if (refine) {
        if (isExcluded()) return;
        all = 0;
        for (const argument of results) all |= getResultKinds(argument, true);
      } else if (
        classifySyntax &&
        all & ValueKind.Unknown &&
        all & NAMED_MIX_KINDS &&
        (results.length > 1 || mayFallOff || (single != null && isComposite(single)))
      ) {
        // Names are looked up only where results may mix with a sentinel, a message or nothing:
        // most functions return one thing, and names alone rarely make a problem.
        all = 0;
        for (const argument of results) all |= getResultKinds(argument, false);
      }

      let accepted: boolean | undefined = annotation ? true : undefined;
      const isAccepted = (): boolean => (accepted ??= isNothingAccepted(node, results, typed));
      let problem = findProblem(all, isAccepted);
      // The end of the body counts when code paths reach it, no convention says otherwise and
      // TypeScript agrees (an exhaustive `switch`, a `never` call); ask only when it changes the verdict.
      if (mayFallOff && problem !== 'triState') {
        const withEnd = findProblem(all | IMPLICIT, isAccepted);
        if (withEnd !== problem && !isEndUnreachableByConvention(body) && isEndReachedByType(node)) {
          problem = withEnd;
          all |= IMPLICIT;
        }
      }
      if (problem === undefined || (!refine && isExcluded())) return;
      if (services && hasExternalResultContract(services, node)) return;

      // Report where the problem first shows, reading the results in order.
      let seen = 0;
      let at: TSESTree.Node | undefined;
      for (const [index, argument] of results.entries()) {
        seen |= getResultKinds(argument, typed);
        if (hasResultProblem(problem, seen)) {
          at = isBlock ? current.returns[index] : body;
          break;
        }
      }
      context.report({
        node: at ?? node,
        ...(at === undefined ? { loc: getFunctionHeadLoc(node, sourceCode) } : {}),
        messageId: problem,
        data: { classes: formatClasses(all), sentinel: all & ValueKind.False ? 'false' : 'true' },
      });
    }

    return {
      onCodePathStart(): void {
        frame = { upper: frame, returns: [], kinds: 0, reachableSegments: 0 };
      },
      onCodePathEnd(): void {
        frame = frame?.upper;
      },
      onCodePathSegmentStart(): void {
        if (frame) frame.reachableSegments += 1;
      },
      onCodePathSegmentEnd(): void {
        if (frame) frame.reachableSegments -= 1;
      },
      ReturnStatement(node): void {
        if (!frame) return;
        frame.returns.push(node);
        frame.kinds |= node.argument ? getExpressionValueKinds(node.argument) | RETURNED : IMPLICIT;
      },
      // Contracts without a body (abstract and optional methods, interface members): what
      // implementations are held to is reviewed where it is written. Overload signatures are not
      // contracts of this kind: each states one case.
      TSEmptyBodyFunctionExpression(node): void {
        const { parent } = node;
        const isContract =
          parent.type === AST_NODE_TYPES.TSAbstractMethodDefinition ||
          (parent.type === AST_NODE_TYPES.MethodDefinition && parent.optional);
        if (isContract) checkContract(node, node.returnType);
      },
      TSMethodSignature(node): void {
        checkContract(node, node.returnType);
      },
      'ArrowFunctionExpression:exit'(node: TSESTree.ArrowFunctionExpression): void {
        if (frame) check(node, frame);
      },
      'FunctionDeclaration:exit'(node: TSESTree.FunctionDeclaration): void {
        if (frame) check(node, frame);
      },
      'FunctionExpression:exit'(node: TSESTree.FunctionExpression): void {
        if (frame) check(node, frame);
      },
    };
  },
});
