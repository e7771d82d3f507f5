import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

function isThenable(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): boolean {
  if (type.isUnion()) return type.types.some((part) => isThenable(checker, part, at));
  const then = checker.getPropertyOfType(checker.getApparentType(type), 'then');
  return then !== undefined && checker.getTypeOfSymbolAtLocation(then, at).getCallSignatures().length > 0;
}

/**
 * Whether the value of `node` may be a thenable (a `Promise` or anything with a callable `then`),
 * by its type. `any` and `unknown` are not: the question is asked to find promises, not to guess.
 *
 * @param services - parser services with a program (see `getTypeServices`)
 * @param node - the expression whose type is checked
 * @example
 * const services = getTypeServices(context);
 * if (services && isThenableType(services, returnStatement.argument)) report();
 */
export function isThenableType(services: ParserServicesWithTypeInformation, node: TSESTree.Node): boolean {
  const tsNode = services.esTreeNodeToTSNodeMap.get(node);
  return isThenable(services.program.getTypeChecker(), services.getTypeAtLocation(node), tsNode);
}
