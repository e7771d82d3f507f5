import type * as ts from 'typescript';

const NULLISH = 32768 | 65536 | 16384; // ts.TypeFlags.Undefined | Null | Void

function isNamedOrDerived(type: ts.Type, isName: (name: string) => boolean, depth: number): boolean {
  if (depth > 10) return false;
  const symbol = type.getSymbol();
  if (symbol !== undefined && isName(symbol.getName())) return true;
  const target = (type as Partial<ts.TypeReference>).target ?? type;
  return (target.getBaseTypes() ?? []).some((base) => isNamedOrDerived(base, isName, depth + 1));
}

/**
 * Whether every non-nullish member of a type is a class or interface with one of the given names
 * or derives from one, such as `class NotFound extends HTTPException` for `['HTTPException']`.
 *
 * @param type - the type to test
 * @param names - class or interface names, or a test of a name
 * @example
 * hasBaseTypeNamed(services.getTypeAtLocation(node), new Set(['HTTPException']));
 */
export function hasBaseTypeNamed(type: ts.Type, names: ReadonlySet<string> | ((name: string) => boolean)): boolean {
  const isName = typeof names === 'function' ? names : (name: string): boolean => names.has(name);
  const members = (type.isUnion() ? type.types : [type]).filter((member) => (member.flags & NULLISH) === 0);
  return members.length > 0 && members.every((member) => isNamedOrDerived(member, isName, 0));
}
