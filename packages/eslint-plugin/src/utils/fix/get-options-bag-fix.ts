import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

function hasProperty(node: TSESTree.ObjectExpression, key: string): boolean {
  return node.properties.some(
    (property) =>
      property.type === AST_NODE_TYPES.SpreadElement ||
      (property.key.type === AST_NODE_TYPES.Identifier && !property.computed && property.key.name === key) ||
      (property.key.type === AST_NODE_TYPES.Literal && property.key.value === key),
  );
}

/**
 * A fix that sets `key: value` in the options bag a call or `new` takes at argument `index`:
 * a property added to an object literal there, or a new `{ key: value }` argument (missing
 * arguments before it become `undefined`). `undefined` when the argument there is not an object
 * literal or may already set the key (a spread, an existing property).
 *
 * @param sourceCode - the rule context's source code
 * @param call - the call or `new` expression
 * @param index - where the options bag goes (1 for `new Error(message, options)`)
 * @param key - the property name
 * @param value - the property value's source text
 * @example
 * const fix = getOptionsBagFix(sourceCode, newError, 1, 'cause', 'error'); // new Error('x', { cause: error })
 * if (fix) context.report({ node, messageId, suggest: [{ messageId: 'addCause', fix }] });
 */
export function getOptionsBagFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  index: number,
  key: string,
  value: string,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
  const { arguments: args } = call;
  const property = `${key}: ${value}`;
  const existing = args[index];
  if (existing) {
    if (existing.type !== AST_NODE_TYPES.ObjectExpression || hasProperty(existing, key)) return undefined;
    const last = existing.properties.at(-1);
    return last
      ? (fixer) => fixer.insertTextAfter(last, `, ${property}`)
      : (fixer) => fixer.replaceText(existing, `{ ${property} }`);
  }
  if (args.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const bag = `${'undefined, '.repeat(index - args.length)}{ ${property} }`;
  const lastArgument = args.at(-1);
  if (lastArgument) return (fixer) => fixer.insertTextAfter(lastArgument, `, ${bag}`);
  const closing = sourceCode.getLastToken(call);
  if (closing?.value !== ')') return (fixer) => fixer.insertTextAfter(call, `(${bag})`);
  return (fixer) => fixer.insertTextBefore(closing, bag);
}
