import type * as ts from 'typescript';

// ts.TypeFlags.Any | ts.TypeFlags.Unknown; read from the type's flags so that rules need not load
// the TypeScript runtime, which is an optional peer dependency.
const ANY_OR_UNKNOWN = 1 | 2;

/**
 * Whether a type says nothing: `any` (including unresolved imports) or `unknown`.
 *
 * @param type - the type to test
 * @example
 * if (isAnyOrUnknownType(type)) return guessFromNames(node);
 */
export function isAnyOrUnknownType(type: ts.Type): boolean {
  return (type.flags & ANY_OR_UNKNOWN) !== 0;
}
