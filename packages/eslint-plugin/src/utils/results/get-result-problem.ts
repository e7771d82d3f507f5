import { ABSENT_KINDS, BOOLEAN_KINDS, ValueKind } from '../ast/get-expression-value-kinds.js';
import {
  countDataClasses,
  DATA_KINDS,
  ENTITY_OR_NUMBER_KINDS,
  hasBothBooleans,
  IMPLICIT,
  NON_STRING_KINDS,
  OPEN_STRING_KINDS,
  SENTINEL_KINDS,
  type ValueClass,
  VALUE_KINDS,
} from './result-kinds.js';

/** The problems of a function's results, most specific first: a function gets one report. */
export const RESULT_PROBLEMS = ['triState', 'sentinelMixed', 'errorStringMixed', 'nullableMixed', 'implicitUndefined'] as const;

// Beside these a lone boolean literal is not a plain yes/no answer (data, a narrowed name, anything unclassified).
const LONE_BOOLEAN_EXCLUDED = DATA_KINDS | ValueKind.Truthy | ValueKind.Generic | ValueKind.Unknown;

export type ResultProblem = (typeof RESULT_PROBLEMS)[number];

/** What the rule's options accept. */
export interface ResultPolicy {
  /** `T | null` results are the lookup idiom. */
  allowNullable: boolean;
  /** For each class, the kinds it may be mixed with (`allowedMixes`). */
  allowedWith: Readonly<Record<ValueClass, number>>;
}

/**
 * Whether results of these kinds make `problem`.
 *
 * @param problem - the problem to test
 * @param kinds - the kinds of all results, plus `IMPLICIT` when a path returns nothing
 * @param policy - what the options accept
 * @example
 * hasResultProblem('sentinelMixed', ValueKind.Object | ValueKind.False, policy); // true
 */
export function hasResultProblem(problem: ResultProblem, kinds: number, policy: ResultPolicy): boolean {
  const { allowedWith } = policy;
  // Results of three classes of data or more are one polymorphic value (a default by field
  // type: `''`, `0`, `false`, `null`), not a sentinel or a message beside a result.
  if (problem !== 'implicitUndefined' && problem !== 'nullableMixed' && countDataClasses(kinds) >= 3) return false;
  switch (problem) {
    case 'triState':
      if (allowedWith.boolean & ABSENT_KINDS) return false;
      // A lone `true` or `false` beside an explicit `null`/`undefined` and nothing else is a
      // boolean answer mixed with a missing one (`if (!o) return null; … return true`); beside only
      // a path that falls off the end it stays `implicitUndefined`.
      return hasBothBooleans(kinds)
        ? (kinds & (ABSENT_KINDS | IMPLICIT)) !== 0
        : (kinds & SENTINEL_KINDS) !== 0 && (kinds & ABSENT_KINDS) !== 0 && !(kinds & LONE_BOOLEAN_EXCLUDED);
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
      return !policy.allowNullable && (kinds & ABSENT_KINDS) !== 0 && (kinds & DATA_KINDS & ~allowedWith.absent) !== 0;
    case 'implicitUndefined':
      // An explicit `undefined` elsewhere says that nothing is a deliberate result.
      return (kinds & IMPLICIT) !== 0 && (kinds & VALUE_KINDS) !== 0 && !(kinds & ValueKind.Undefined);
  }
}

/**
 * Whether a declared return type of these kinds encodes an ambiguity (`boolean | null`,
 * `T | false`, `Entity | string`).
 *
 * @param kinds - the kinds the annotation declares
 * @param policy - what the options accept
 * @example
 * if (isAmbiguousDeclaration(declared, policy)) context.report({ node: annotation, messageId: 'ambiguousAnnotation', … });
 */
export function isAmbiguousDeclaration(kinds: number, policy: ResultPolicy): boolean {
  const { allowedWith } = policy;
  const data = kinds & (DATA_KINDS | ValueKind.Generic);
  const entities = kinds & (ValueKind.Object | ValueKind.Function);
  if (hasBothBooleans(kinds)) {
    // `boolean | string`: a success flag or a message (`validate(): boolean | string`).
    const isFlagOrMessage = (kinds & ValueKind.String) !== 0 && !(kinds & ENTITY_OR_NUMBER_KINDS) && !(allowedWith.string & BOOLEAN_KINDS);
    return isFlagOrMessage || ((kinds & ABSENT_KINDS) !== 0 && !data && !(allowedWith.boolean & ABSENT_KINDS));
  }
  if (kinds & SENTINEL_KINDS) return (data & ~allowedWith.boolean) !== 0;
  if (kinds & OPEN_STRING_KINDS && entities && !(kinds & (ValueKind.Number | ValueKind.BigInt | ValueKind.Generic))) {
    // Tokens (`'retry'`) beside an object discriminate it; open text (`string`, prose) does not.
    return (entities & ~allowedWith.string) !== 0;
  }
  return !policy.allowNullable && (kinds & ABSENT_KINDS) !== 0 && (data & DATA_KINDS & ~allowedWith.absent) !== 0;
}
