import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

/**
 * The one definition of the variable an identifier refers to, resolved with the scope manager:
 * `undefined` when the name is global or defined more than once (`var x` twice, a function and a
 * `var`), since then the file does not say for certain what it holds.
 *
 * @param sourceCode - the file's source code, for scopes
 * @param node - an identifier in value position
 * @example
 * getSoleDefinition(sourceCode, identifier)?.node.type === AST_NODE_TYPES.FunctionDeclaration;
 */
export function getSoleDefinition(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Identifier,
): TSESLint.Scope.Definition | undefined {
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
  return variable?.defs.length === 1 ? variable.defs[0] : undefined;
}
