import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, TSESLint } from '@typescript-eslint/utils';
import type { DbModel } from './create-db-model.js';
import { getMemberName, unwrapExpression } from './get-call-chain.js';

type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

const { DefinitionType } = TSESLint.Scope;

/**
 * The function of this file a call runs: a function declaration or a function kept in a variable
 * (by scope), or a method of the enclosing class (`this.debit(…)`).
 *
 * @param call - the call
 * @param model - the file's database model (for scope lookups)
 * @example
 * getLocalCallee(parse('await insertOrder(db, order)'), model); // the FunctionDeclaration
 */
export function getLocalCallee(call: TSESTree.CallExpression, model: DbModel): FunctionNode | undefined {
  const callee = unwrapExpression(call.callee);
  let found: TSESTree.Node | undefined;
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const definition = model.findVariable(callee)?.defs[0];
    if (definition?.type === DefinitionType.FunctionName && definition.node.type === AST_NODE_TYPES.FunctionDeclaration) found = definition.node;
    if (definition?.type === DefinitionType.Variable && definition.node.init !== null) found = unwrapExpression(definition.node.init);
  } else if (callee.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(callee.object).type === AST_NODE_TYPES.ThisExpression) {
    const name = getMemberName(callee);
    let body: TSESTree.Node = callee.parent;
    while (body.type !== AST_NODE_TYPES.ClassBody && body.type !== AST_NODE_TYPES.Program) body = body.parent;
    for (const member of body.type === AST_NODE_TYPES.ClassBody ? body.body : []) {
      if ((member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition) && !member.computed) {
        if (member.key.type === AST_NODE_TYPES.Identifier && member.key.name === name && member.value !== null) found = member.value;
      }
    }
  }
  return found?.type === AST_NODE_TYPES.FunctionDeclaration ||
    found?.type === AST_NODE_TYPES.FunctionExpression ||
    found?.type === AST_NODE_TYPES.ArrowFunctionExpression
    ? found
    : undefined;
}
