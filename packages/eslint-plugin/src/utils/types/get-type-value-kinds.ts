import type * as ts from 'typescript';
import { ValueKind } from '../ast/get-expression-value-kinds.js';
import { isMessageLikeType } from '../ast/is-message-like.js';
import { getTypeScript } from './get-typescript.js';

interface Flags {
  F: typeof ts.TypeFlags;
  primitives: readonly (readonly [number, number])[];
  opaque: number;
}

let flags: Flags | undefined;

// Read from the TypeScript module on first use (typed linting only): the values differ by version.
function getFlags(): Flags {
  if (flags) return flags;
  const F = getTypeScript().TypeFlags;
  flags = {
    F,
    primitives: [
      [F.Null, ValueKind.Null],
      [F.Undefined | F.Void, ValueKind.Undefined],
      [F.StringLike, ValueKind.String],
      [F.NumberLike, ValueKind.Number],
      [F.BigIntLike, ValueKind.BigInt],
      [F.NonPrimitive, ValueKind.Object],
    ],
    opaque: F.Any | F.Unknown | F.ESSymbolLike | F.Index | F.IndexedAccess | F.Conditional | F.Substitution,
  };
  return flags;
}

// Awaiting a type looks up its `then`, which resolves every member of a large mapped type (a
// database row): look only at types whose name says they are promises.
const THENABLE_NAME = /Promise|Thenable|Deferred/u;

function mayBeThenable(type: ts.Type): boolean {
  if (type.isUnionOrIntersection()) return type.types.some(mayBeThenable);
  return (type.flags & getFlags().F.Object) !== 0 && THENABLE_NAME.test(type.getSymbol()?.name ?? '');
}

function getMemberKinds(member: ts.Type): number {
  const { F, primitives, opaque } = getFlags();
  const { flags: typeFlags } = member;
  if (typeFlags & F.Never) return 0;
  if (typeFlags & F.TypeParameter) return ValueKind.Generic;
  if (typeFlags & opaque) return ValueKind.Unknown;
  if (typeFlags & F.BooleanLiteral) {
    return (member as ts.Type & { intrinsicName?: string }).intrinsicName === 'true' ? ValueKind.True : ValueKind.False;
  }
  if (typeFlags & F.Boolean) return ValueKind.Boolean;
  // A string literal type written as prose is a message; a token or a string enum member is data.
  if (member.isStringLiteral() && !(typeFlags & F.EnumLiteral)) {
    return isMessageLikeType(member.value) ? ValueKind.StringLiteral : ValueKind.StringToken;
  }
  for (const [mask, kind] of primitives) if (typeFlags & mask) return kind;
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
  if (typeFlags & F.Object) return member.getCallSignatures().length > 0 ? ValueKind.Function : ValueKind.Object;
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
