import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';

/** What counts as carrying a tracked value, and where the trail goes cold. */
export interface CarryingOptions {
  /** Whether an identifier refers to a tracked value (resolve it with the scope manager). */
  isSource: (node: TSESTree.Identifier) => boolean;
  /**
   * `false` (default): only the value itself counts, as is or inside objects, arrays, `new`
   * arguments and call arguments (`{ err }`, `[e]`, `new X('…', { cause: e })`, `wrap(e)`).
   * `true`: anything computed from it also counts (`e.message`, `String(e)`, `` `${e}` ``).
   */
  derived?: boolean;
  /** Calls whose result carries nothing of their arguments, not even derived data (`isX(e)`). */
  isOpaqueCall?: (node: TSESTree.CallExpression | TSESTree.NewExpression) => boolean;
  /** Calls that turn their arguments into text (`String(e)`, `JSON.stringify(e)`): derived only. */
  isStringifyingCall?: (node: TSESTree.CallExpression | TSESTree.NewExpression) => boolean;
  /** Member reads that carry the value itself even in value mode (for an error: `e.stack`). */
  isCarryingMember?: (node: TSESTree.MemberExpression) => boolean;
}

const NON_CARRYING_BINARY = new Set(['==', '===', '!=', '!==', '<', '<=', '>', '>=', 'instanceof', 'in']);

/**
 * Whether evaluating `node` yields (something holding) a tracked value — the intraprocedural
 * taint question "does this argument pass the caught error on?". Functions are opaque.
 *
 * @param node - the expression to inspect
 * @param options - the sources, the mode and the cold spots
 * @example
 * isCarryingValue(call.arguments[0], { isSource: (id) => errorRefs.has(id) }); // true for { err: e }
 */
export function isCarryingValue(node: TSESTree.Node, options: CarryingOptions): boolean {
  return carries(node, options, false);
}

function carries(raw: TSESTree.Node | null | undefined, options: CarryingOptions, inString: boolean): boolean {
  if (raw == null) return false;
  const node = skipExpressionWrappers(raw);
  const derived = options.derived === true;
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      // A value turned into text is not the value (its stack and fields are gone).
      return (derived || !inString) && options.isSource(node);
    case AST_NODE_TYPES.MemberExpression:
      if (options.isCarryingMember?.(node) === true && carries(node.object, options, false)) return true;
      return derived && carries(node.object, options, inString);
    case AST_NODE_TYPES.ObjectExpression:
      for (const property of node.properties) {
        const value = property.type === AST_NODE_TYPES.SpreadElement ? property.argument : property.value;
        if (carries(value, options, inString)) return true;
      }
      return false;
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.some((element) => carries(element, options, inString));
    case AST_NODE_TYPES.SpreadElement:
    case AST_NODE_TYPES.AwaitExpression:
      return carries(node.argument, options, inString);
    case AST_NODE_TYPES.ConditionalExpression:
      return carries(node.consequent, options, inString) || carries(node.alternate, options, inString);
    case AST_NODE_TYPES.LogicalExpression:
      return carries(node.left, options, inString) || carries(node.right, options, inString);
    case AST_NODE_TYPES.SequenceExpression:
      return carries(node.expressions.at(-1), options, inString);
    case AST_NODE_TYPES.AssignmentExpression:
      return carries(node.right, options, inString);
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      if (options.isOpaqueCall?.(node) === true) return false;
      const stringified = inString || options.isStringifyingCall?.(node) === true;
      if (node.arguments.some((argument) => carries(argument, options, stringified))) return true;
      // `e.toJSON()`, `e.response.data.map(…)`: a method of the value computes from it.
      return derived && node.callee.type === AST_NODE_TYPES.MemberExpression && carries(node.callee.object, options, true);
    }
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.some((expression) => carries(expression, options, true));
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return node.quasi.expressions.some((expression) => carries(expression, options, true));
    case AST_NODE_TYPES.BinaryExpression:
      if (NON_CARRYING_BINARY.has(node.operator)) return false;
      return carries(node.left, options, true) || carries(node.right, options, true);
    case AST_NODE_TYPES.UnaryExpression:
      return derived && (node.operator === '-' || node.operator === '+') && carries(node.argument, options, inString);
    default:
      return false;
  }
}
