import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getCalleeName } from './get-function-name.js';

/**
 * Whether `node` is handed to `waitUntil(…)` (Vercel's `@vercel/functions`, Cloudflare's
 * `ctx.waitUntil`, `event.waitUntil`): it runs detached, after the response, on its own terms —
 * not as a step of the function around it.
 *
 * @param node - a call inside `boundary`
 * @param boundary - the function that owns it
 * @example
 * isDetachedCall(writeIn('waitUntil(prisma.link.update(…))'), fn); // true
 */
export function isDetachedCall(node: TSESTree.Node, boundary: TSESTree.Node): boolean {
  for (let current: TSESTree.Node = node; current !== boundary && current.parent !== undefined; current = current.parent) {
    const { parent } = current;
    if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee !== current && getCalleeName(parent) === 'waitUntil') return true;
  }
  return false;
}
