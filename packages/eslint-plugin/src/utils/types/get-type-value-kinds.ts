import ts from 'typescript';
import { isMessageLike, ValueKind } from '../ast/get-expression-value-kinds.js';

const PRIMITIVE_FLAGS: readonly (readonly [ts.TypeFlags, number])[] = [
  [ts.TypeFlags.Null, ValueKind.Null],
  [ts.TypeFlags.Undefined | ts.TypeFlags.Void, ValueKind.Undefined],
  [ts.TypeFlags.StringLike, ValueKind.String],
  [ts.TypeFlags.NumberLike, ValueKind.Number],
  [ts.TypeFlags.BigIntLike, ValueKind.BigInt],
  [ts.TypeFlags.NonPrimitive, ValueKind.Object],
];
const OPAQUE_FLAGS =
  ts.TypeFlags.Any |
  ts.TypeFlags.Unknown |
  ts.TypeFlags.ESSymbolLike |
  ts.TypeFlags.Index |
  ts.TypeFlags.IndexedAccess |
  ts.TypeFlags.Conditional |
  ts.TypeFlags.Substitution;

// Awaiting a type looks up its `then`, which resolves every member of a large mapped type (a
// database row): look only at types whose name says they are promises.
const THENABLE_NAME = /Promise|Thenable|Deferred/u;

function mayBeThenable(type: ts.Type): boolean {
  if (type.isUnionOrIntersection()) return type.types.some(mayBeThenable);
  return (type.flags & ts.TypeFlags.Object) !== 0 && THENABLE_NAME.test(type.getSymbol()?.name ?? '');
}

function getMemberKinds(member: ts.Type): number {
  const { flags } = member;
  if (flags & ts.TypeFlags.Never) return 0;
  if (flags & ts.TypeFlags.TypeParameter) return ValueKind.Generic;
  if (flags & OPAQUE_FLAGS) return ValueKind.Unknown;
  if (flags & ts.TypeFlags.BooleanLiteral) {
    return (member as ts.Type & { intrinsicName?: string }).intrinsicName === 'true' ? ValueKind.True : ValueKind.False;
  }
  if (flags & ts.TypeFlags.Boolean) return ValueKind.Boolean;
  // A message-like string literal type is a message written somewhere; a string enum member is data.
  if (member.isStringLiteral() && !(flags & ts.TypeFlags.EnumLiteral) && isMessageLike(member.value)) {
    return ValueKind.StringLiteral;
  }
  for (const [mask, kind] of PRIMITIVE_FLAGS) if (flags & mask) return kind;
  if (member.isIntersection()) {
    // A branded primitive (`string & { __brand: 'Id' }`) is still the primitive.
    let kinds = 0;
    for (const part of member.types) {
      const partKinds = getMemberKinds(part);
      if (partKinds & ~(ValueKind.Object | ValueKind.Function)) return partKinds;
      kinds |= partKinds;
    }
    return kinds & ValueKind.Function ? ValueKind.Function : ValueKind.Object;
  }
  if (flags & ts.TypeFlags.Object) return member.getCallSignatures().length > 0 ? ValueKind.Function : ValueKind.Object;
  return ValueKind.Unknown;
}

/**
 * What a value of `type` can be at run time, as `ValueKind` flags: one flag per union member,
 * with `true | false` folded into `ValueKind.Boolean`. Promises (types named like one:
 * `Promise`, `PromiseLike`, `PrismaPromise`…) are looked through to the value they settle to, as
 * callers of an async function see it. `any`, `unknown`, symbols and
 * unresolved conditional or indexed types are `ValueKind.Unknown`; type parameters are
 * `ValueKind.Generic`.
 *
 * @param checker - the program's type checker
 * @param type - the type to classify
 * @example
 * getTypeValueKinds(checker, services.getTypeAtLocation(node)); // ValueKind.Object | ValueKind.Undefined
 */
export function getTypeValueKinds(checker: ts.TypeChecker, type: ts.Type): number {
  const settled = mayBeThenable(type) ? (checker.getAwaitedType(type) ?? type) : type;
  const members = settled.isUnion() ? settled.types : [settled];
  let kinds = 0;
  for (const member of members) kinds |= getMemberKinds(member);
  if ((kinds & ValueKind.True) !== 0 && (kinds & ValueKind.False) !== 0) {
    kinds = (kinds & ~(ValueKind.True | ValueKind.False)) | ValueKind.Boolean;
  }
  return kinds;
}
