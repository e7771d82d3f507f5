import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getExpressionValueKinds, type LeafClassifier, ValueKind } from '../utils/ast/get-expression-value-kinds.js';
import { getBindingValueKinds } from '../utils/ast/get-binding-value-kinds.js';
import { getFunctionHeadLoc } from '../utils/ast/get-function-head-loc.js';
import { hasNoComparableResult } from '../utils/ast/has-no-comparable-result.js';
import { hasWrittenResultContract } from '../utils/ast/has-written-result-contract.js';
import { isAmbient } from '../utils/ast/is-ambient.js';
import { isCallbackResultIgnored } from '../utils/ast/is-callback-result-ignored.js';
import { isCompositeResult } from '../utils/ast/is-composite-result.js';
import { isEarlyExitReturn } from '../utils/ast/is-early-exit-return.js';
import { isEndUnreachableByConvention } from '../utils/ast/is-end-unreachable-by-convention.js';
import type { FunctionNode } from '../utils/ast/is-function-node.js';
import { isOpenTypeAnnotation } from '../utils/ast/is-open-type-annotation.js';
import { isOverloadImplementation } from '../utils/ast/is-overload-implementation.js';
import { createRule } from '../utils/create-rule.js';
import {
  hasResultProblem,
  isAmbiguousDeclaration,
  RESULT_PROBLEMS,
  type ResultPolicy,
  type ResultProblem,
} from '../utils/results/get-result-problem.js';
import {
  CLASS_KINDS,
  countDataClasses,
  DATA_KINDS,
  formatClasses,
  hasBothBooleans,
  IMPLICIT,
  NAMED_MIX_KINDS,
  RETURNED,
  VALUE_CLASSES,
  type ValueClass,
  VALUE_KINDS,
} from '../utils/results/result-kinds.js';
import { getDeclaredValueKinds } from '../utils/types/get-declared-value-kinds.js';
import { getTypeServices } from '../utils/types/get-type-services.js';
import { getTypeValueKinds } from '../utils/types/get-type-value-kinds.js';
import { hasExternalResultContract } from '../utils/types/has-external-result-contract.js';

export type { ValueClass } from '../utils/results/result-kinds.js';

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

function isClassMember(node: FunctionNode): boolean {
  return node.parent.type === AST_NODE_TYPES.MethodDefinition || node.parent.type === AST_NODE_TYPES.PropertyDefinition;
}

function isCall(expression: TSESTree.Expression): boolean {
  let current = expression.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression;
  if (current.type === AST_NODE_TYPES.ChainExpression) current = current.expression;
  return current.type === AST_NODE_TYPES.CallExpression;
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
        "This function returns `{{classes}}`: callers cannot tell a missing result from a boolean answer. Return one shape (a discriminated union such as `{ status: 'missing' } | { status: 'paid' }`) or throw a typed error for the missing case.",
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
  create(context) {
    const [options] = context.options;
    const { sourceCode } = context;
    const allowNullable = options.allowNullable !== false;
    const checkAnnotations = options.checkAnnotations !== false;
    // For each class, the kinds it may be mixed with.
    const allowedWith: Record<ValueClass, number> = { boolean: 0, absent: 0, string: 0, number: 0, bigint: 0, object: 0, function: 0 };
    for (const [first, second] of options.allowedMixes ?? []) {
      allowedWith[first] |= CLASS_KINDS[second];
      allowedWith[second] |= CLASS_KINDS[first];
    }
    const policy: ResultPolicy = { allowNullable, allowedWith };
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

    /** Reports a declared return type whose kinds encode an ambiguity. */
    function checkAnnotation(annotation: TSESTree.TypeNode, kinds: number): void {
      if (!isAmbiguousDeclaration(kinds, policy)) return;
      context.report({
        node: annotation,
        messageId: 'ambiguousAnnotation',
        data: { type: sourceCode.getText(annotation), classes: formatClasses(kinds) },
      });
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
        if (hasResultProblem(problem, kinds, policy) && (problem !== 'implicitUndefined' || !isAccepted())) return problem;
      }
      return undefined;
    }

    function check(node: FunctionNode, current: Frame): void {
      const { body } = node;
      const isBlock = body.type === AST_NODE_TYPES.BlockStatement;
      // A lone simple result (`(order) => order.id`) has one kind: nothing to compare it with.
      if (!isBlock && !node.returnType && !isCompositeResult(body)) return;
      // Most functions return one kind of thing: their returns were classified as they were met.
      let all = isBlock ? current.kinds : getExpressionValueKinds(body);
      if (node.generator || (isBlock && !(all & RETURNED))) return;
      all &= ~RETURNED;
      const annotation = node.returnType?.typeAnnotation;
      // `: any` and `: unknown` declare that the results may be anything (a default by field type).
      if (annotation?.type === AST_NODE_TYPES.TSTypePredicate || (annotation && isOpenTypeAnnotation(annotation))) return;
      // A declared return type is the contract: TypeScript holds every result to it, so when it can
      // be read it is judged instead of the results (unless annotations are not checked).
      if (annotation && checkAnnotations && !isOverloadImplementation(node)) {
        // An implementation copies its contract (an interface member, an override): reviewed where it is written.
        if (hasWrittenResultContract(node) || (services && isClassMember(node) && hasExternalResultContract(services, node))) return;
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
          (single != null && isCompositeResult(single) && node.parent.type !== AST_NODE_TYPES.CallExpression));
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
        (results.length > 1 || mayFallOff || (single != null && isCompositeResult(single)))
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
        if (withEnd !== problem && !isEndUnreachableByConvention(body, services !== undefined && strictNullChecks) && isEndReachedByType(node)) {
          problem = withEnd;
          all |= IMPLICIT;
        }
      }
      if (problem === undefined || (!refine && isExcluded())) return;
      if (services && hasExternalResultContract(services, node)) return;

      // Report where the problem first shows, reading the results in order.
      let seen = 0;
      let at: TSESTree.Node | undefined;
      // A full tri-state shows at its third state, though `null` and `true` alone already make one.
      const needsBothBooleans = problem === 'triState' && hasBothBooleans(all);
      for (const [index, argument] of results.entries()) {
        seen |= getResultKinds(argument, typed);
        if (hasResultProblem(problem, seen, policy) && (!needsBothBooleans || hasBothBooleans(seen))) {
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
