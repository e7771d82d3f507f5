import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { getKeyName } from '../ast/get-key-name.js';
import type { FunctionNode } from '../ast/is-function-node.js';
import { ValueKind } from '../ast/get-expression-value-kinds.js';
import { getTypeValueKinds } from './get-type-value-kinds.js';

function getMemberSignatures(checker: ts.TypeChecker, owner: ts.Type, name: string, at: ts.Node): readonly ts.Signature[] {
  const property = checker.getPropertyOfType(checker.getApparentType(owner), name);
  return property ? checker.getTypeOfSymbolAtLocation(property, at).getCallSignatures() : [];
}

/**
 * For a function passed to a call, the signatures its parameter declares, before inference: the
 * contextual type would already carry what TypeScript inferred from the function itself.
 */
function getParameterSignatures(
  checker: ts.TypeChecker,
  services: ParserServicesWithTypeInformation,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  node: FunctionNode,
): readonly ts.Signature[] | undefined {
  const index = (call.arguments as readonly TSESTree.Node[]).indexOf(node);
  const declaration = checker
    .getResolvedSignature(services.esTreeNodeToTSNodeMap.get(call))
    ?.getDeclaration();
  if (index === -1 || !declaration) return undefined;
  const parameters = checker.getSignatureFromDeclaration(declaration)?.getParameters() ?? [];
  const parameter = parameters[Math.min(index, parameters.length - 1)];
  if (!parameter) return [];
  const type = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(parameter, services.esTreeNodeToTSNodeMap.get(node)));
  // A rest parameter `...handlers: H[]` declares its elements.
  const element = checker.isArrayType(type) ? checker.getTypeArguments(type as ts.TypeReference)[0] : undefined;
  return (element ?? type).getCallSignatures();
}

/** The signatures that govern `node`'s result from outside it: where it is passed, assigned or overrides. */
function getGoverningSignatures(services: ParserServicesWithTypeInformation, node: FunctionNode): readonly ts.Signature[] {
  const checker = services.program.getTypeChecker();
  const at = services.esTreeNodeToTSNodeMap.get(node);
  const { parent } = node;
  if (parent.type === AST_NODE_TYPES.Property && parent.value === node) {
    const name = getKeyName(parent.key, parent.computed);
    const owner = checker.getContextualType(services.esTreeNodeToTSNodeMap.get(parent.parent) as ts.Expression);
    return name === undefined || !owner ? [] : getMemberSignatures(checker, owner, name, at);
  }
  if (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.PropertyDefinition) {
    const classNode = parent.parent.parent;
    const name = getKeyName(parent.key, parent.computed);
    if (parent.static || name === undefined || (!classNode.superClass && classNode.implements.length === 0)) return [];
    const classType = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(classNode));
    const bases: ts.Type[] = [
      ...(classType.isClassOrInterface() ? (checker.getBaseTypes(classType) as ts.Type[]) : []),
      ...classNode.implements.map((clause) => checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(clause))),
    ];
    return bases.flatMap((base) => getMemberSignatures(checker, base, name, at));
  }
  if (node.type === AST_NODE_TYPES.FunctionDeclaration) return [];
  if (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) {
    const declared = getParameterSignatures(checker, services, parent, node);
    if (declared) return declared;
  }
  return checker.getContextualType(at as ts.Expression)?.getCallSignatures() ?? [];
}

/**
 * Whether a function's result is governed by a signature declared elsewhere, which TypeScript
 * holds it to: the parameter it is passed to, the typed variable or object it is assigned to, or
 * the base-class or interface member it overrides. That signature either ignores the result
 * (`void`, `any`, `unknown`) or declares it, and whatever it declares is reviewed where it is
 * written. A generic pass-through (`map<U>(fn: (x: T) => U)`) governs nothing.
 *
 * @param services - parser services with a program
 * @param node - the function
 * @example
 * hasExternalResultContract(services, handler); // true for an Express RequestHandler (returns void)
 */
export function hasExternalResultContract(services: ParserServicesWithTypeInformation, node: FunctionNode): boolean {
  const checker = services.program.getTypeChecker();
  return getGoverningSignatures(services, node).some((signature) => {
    const kinds = getTypeValueKinds(checker, signature.getReturnType());
    return (kinds & ValueKind.Generic) === 0;
  });
}
