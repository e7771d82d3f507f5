import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/**
 * The name a property, method or member signature is declared under when it is static: `a` for
 * `a()`, `'a'` and `['a']`; `undefined` for a computed key such as `[key]`.
 *
 * @param key - the declaration's key
 * @param computed - whether the key is written in brackets
 * @example
 * getKeyName(method.key, method.computed); // 'authenticate'
 */
export function getKeyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (key.type === AST_NODE_TYPES.Identifier && !computed) return key.name;
  if (key.type === AST_NODE_TYPES.Literal) return String(key.value);
  return undefined;
}
