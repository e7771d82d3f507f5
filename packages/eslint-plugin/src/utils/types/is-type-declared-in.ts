import type * as ts from 'typescript';

/**
 * Whether a type (or a member of its union or intersection) is one of the named types declared
 * by one of the given modules: an ambient `declare module 'express'`, or a file under
 * `node_modules/<module>/` or `node_modules/@types/<module>/`. Matching the declaring module keeps
 * a project's own `Context` or `Response` apart from Hono's or Express's.
 *
 * @param checker - the program's type checker
 * @param type - the type to test
 * @param names - type or type alias names, e.g. `['Context']`
 * @param modules - module names, e.g. `['hono']`
 * @example
 * isTypeDeclaredIn(checker, services.getTypeAtLocation(node), ['FastifyReply'], ['fastify']);
 */
export function isTypeDeclaredIn(
  checker: ts.TypeChecker,
  type: ts.Type,
  names: readonly string[],
  modules: readonly string[],
): boolean {
  const candidates = [type, ...(type.isUnionOrIntersection() ? type.types : [])];
  return candidates.some((candidate) =>
    [candidate.aliasSymbol, candidate.getSymbol()].some(
      (symbol) => symbol !== undefined && names.includes(symbol.getName()) && isDeclaredIn(checker, symbol, modules),
    ),
  );
}

function isDeclaredIn(checker: ts.TypeChecker, symbol: ts.Symbol, modules: readonly string[]): boolean {
  // `"express".Response` for an ambient module, `"/…/node_modules/hono/dist/types/context".Context` for a file.
  const qualified = checker.getFullyQualifiedName(symbol);
  const origin = /^"([^"]+)"/u.exec(qualified)?.[1];
  if (origin === undefined) return false;
  return modules.some((name) => {
    const typesName = name.startsWith('@') ? name.slice(1).replace('/', '__') : name;
    return (
      origin === name ||
      origin.includes(`/node_modules/${name}/`) ||
      origin.includes(`/node_modules/@types/${typesName}/`)
    );
  });
}
