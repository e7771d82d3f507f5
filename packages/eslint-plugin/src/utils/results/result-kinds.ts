import { ABSENT_KINDS, BOOLEAN_KINDS, STRING_KINDS, ValueKind } from '../ast/get-expression-value-kinds.js';

/** The classes a function's results are sorted into (the `allowedMixes` option names them). */
export type ValueClass = 'boolean' | 'absent' | 'string' | 'number' | 'bigint' | 'object' | 'function';

/** The kinds of each class. */
export const CLASS_KINDS: Readonly<Record<ValueClass, number>> = {
  boolean: BOOLEAN_KINDS,
  absent: ABSENT_KINDS,
  string: STRING_KINDS,
  number: ValueKind.Number,
  bigint: ValueKind.BigInt,
  object: ValueKind.Object,
  function: ValueKind.Function,
};
export const VALUE_CLASSES = Object.keys(CLASS_KINDS) as ValueClass[];
export const DATA_KINDS = STRING_KINDS | ValueKind.Number | ValueKind.BigInt | ValueKind.Object | ValueKind.Function;
export const SENTINEL_KINDS = ValueKind.True | ValueKind.False;
export const OPEN_STRING_KINDS = ValueKind.String | ValueKind.StringLiteral;
export const ENTITY_OR_NUMBER_KINDS = ValueKind.Number | ValueKind.BigInt | ValueKind.Object | ValueKind.Function;
export const NON_STRING_KINDS = BOOLEAN_KINDS | ENTITY_OR_NUMBER_KINDS;
/** A path that hands back nothing: a bare `return;` or the end of the body. Not a `ValueKind`. */
export const IMPLICIT = 1 << 20;
/** Some `return` has an argument. Not a `ValueKind`. */
export const RETURNED = 1 << 21;
export const VALUE_KINDS = ~(ABSENT_KINDS | IMPLICIT | RETURNED);
/** Results beside which what a returned name is may make a problem: a sentinel, a message, nothing. */
export const NAMED_MIX_KINDS = SENTINEL_KINDS | ValueKind.StringLiteral | ABSENT_KINDS | IMPLICIT;

const DATA_CLASS_MASKS = [BOOLEAN_KINDS, STRING_KINDS, ValueKind.Number, ValueKind.BigInt, ValueKind.Object, ValueKind.Function];

/**
 * How many classes of data (booleans included) `kinds` spans.
 *
 * @param kinds - `ValueKind` bits
 * @example
 * countDataClasses(ValueKind.Number | ValueKind.String); // 2
 */
export function countDataClasses(kinds: number): number {
  let classes = 0;
  for (const mask of DATA_CLASS_MASKS) if (kinds & mask) classes += 1;
  return classes;
}

/**
 * Whether `kinds` holds both booleans (a full `boolean`, or `true` and `false` apart).
 *
 * @param kinds - `ValueKind` bits
 * @example
 * hasBothBooleans(ValueKind.True | ValueKind.False); // true
 */
export function hasBothBooleans(kinds: number): boolean {
  return (kinds & ValueKind.Boolean) !== 0 || (kinds & SENTINEL_KINDS) === SENTINEL_KINDS;
}

/**
 * The kinds as a type a reader recognises, for messages: `object | false | undefined`.
 *
 * @param kinds - `ValueKind` bits, plus `IMPLICIT`
 * @example
 * formatClasses(ValueKind.Object | ValueKind.False); // 'object | false'
 */
export function formatClasses(kinds: number): string {
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
