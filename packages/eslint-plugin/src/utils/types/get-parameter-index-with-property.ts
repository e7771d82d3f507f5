import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

/**
 * The index of the first parameter of the resolved call or construct signature whose type (null
 * and undefined aside) has a property named `property` — where an options bag such as
 * `ErrorOptions` goes. `undefined` when the signature has none or cannot be resolved.
 *
 * @param services - parser services with a program (see `getTypeServices`)
 * @param node - a call or `new` expression
 * @param property - the property the parameter's type must declare
 * @example
 * getParameterIndexWithProperty(services, newExpression, 'cause'); // 1 for new Error(message, options)
 */
export function getParameterIndexWithProperty(
  services: ParserServicesWithTypeInformation,
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  property: string,
): number | undefined {
  const checker = services.program.getTypeChecker();
  const tsNode = services.esTreeNodeToTSNodeMap.get(node) as ts.CallExpression | ts.NewExpression;
  const signature = checker.getResolvedSignature(tsNode);
  if (!signature) return undefined;
  const index = signature.parameters.findIndex((parameter) => {
    const type = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(parameter, tsNode));
    const parts = type.isUnion() ? type.types : [type];
    return parts.some((part) => checker.getPropertyOfType(part, property) !== undefined);
  });
  return index === -1 ? undefined : index;
}
