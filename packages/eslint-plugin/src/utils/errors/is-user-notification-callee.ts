import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';

// Receivers that show a message to the person at the screen: sonner's and react-hot-toast's
// `toast`, antd's `message` and `notification`, Element's `ElMessage`, notistack's snackbars, a
// `useToast()` result kept as `toaster`, Vue's `this.$toast`.
const USER_NOTIFIER = /^\$?(?:toast(?:er)?|message|notification|snackbar|ElMessage|ElNotification)s?$/iu;

/**
 * Whether a callee is a UI notification such as `toast.error(…)` or `message.warn(…)`: what it is
 * given is shown to the user, so an Error object (its message, its driver text) must not be.
 *
 * @param callee - a call's callee
 * @example
 * const pass = isUserNotificationCallee(call.callee) ? undefined : getPassErrorFix(sourceCode, call, name);
 */
export function isUserNotificationCallee(callee: TSESTree.Expression): boolean {
  const node = skipExpressionWrappers(callee);
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = skipExpressionWrappers(node.object);
  const name =
    object.type === AST_NODE_TYPES.Identifier
      ? object.name
      : object.type === AST_NODE_TYPES.MemberExpression && object.property.type === AST_NODE_TYPES.Identifier && !object.computed
        ? object.property.name
        : undefined;
  return name !== undefined && USER_NOTIFIER.test(name);
}
