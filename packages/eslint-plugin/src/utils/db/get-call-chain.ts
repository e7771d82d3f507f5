import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/**
 * One step of a member/call chain, read from the root outwards:
 * - `property` — `.name` not followed by a call (`prisma.user` in `prisma.user.create()`),
 * - `method` — `.name(…)` (`.insertInto('t')`),
 * - `invoke` — a call of whatever precedes it (`knex('t')`, `getRepository(User)`),
 * - `tag` — a tagged template (`` sql`…` ``, `` prisma.$executeRaw`…` `` has name `$executeRaw`).
 */
export interface ChainStep {
  kind: 'property' | 'method' | 'invoke' | 'tag';
  /** The property or method name; `undefined` for `invoke` and for a tag that is not a member. */
  name: string | undefined;
  /** The expression that ends with this step. */
  node: TSESTree.Expression;
  /** The expression this step applies to. */
  object: TSESTree.Expression;
  /** Call arguments (`method`, `invoke`); empty otherwise. */
  args: readonly TSESTree.CallExpressionArgument[];
}

/** An expression decomposed into its innermost operand and the steps applied to it. */
export interface CallChain {
  /** The innermost expression: an identifier, `this`, `new X()`, an `await …`, a literal… */
  root: TSESTree.Expression;
  /** Steps from the root outwards; the last one ends at the expression the chain was read from. */
  steps: ChainStep[];
}

/**
 * The expression under TypeScript-only wrappers (`as`, `!`, `satisfies`, `<T>x`, `f<T>`) and the
 * `ChainExpression` of optional chaining. Parentheses are not ESTree nodes.
 *
 * @param node - any expression
 * @example
 * unwrapExpression(parse('(db as Kysely<DB>)!')); // the Identifier `db`
 */
export function unwrapExpression(node: TSESTree.Expression): TSESTree.Expression {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSInstantiationExpression:
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

/**
 * The static name of a member expression's property: `b` for `a.b`, `a['b']` and ``a[`b`]``.
 *
 * @param node - a member expression
 * @example
 * getMemberName(call.callee) === 'execute';
 */
export function getMemberName(node: TSESTree.MemberExpression): string | undefined {
  const { property } = node;
  if (!node.computed) return property.type === AST_NODE_TYPES.Identifier ? property.name : undefined;
  if (property.type === AST_NODE_TYPES.Literal && typeof property.value === 'string') return property.value;
  if (property.type === AST_NODE_TYPES.TemplateLiteral && property.expressions.length === 0) {
    return property.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

const MAX_CHAIN_LENGTH = 64;

/**
 * Reads `expression` as a chain of property accesses, method calls, direct calls and tagged
 * templates over a root, looking through TypeScript wrappers and optional chaining. A computed
 * member with a non-constant key ends the chain (it becomes the root).
 *
 * @param expression - typically a call expression
 * @example
 * const { root, steps } = getCallChain(parse("db.insertInto('t').values(v).execute()"));
 * // root: Identifier db; steps: insertInto, values, execute (all 'method')
 */
export function getCallChain(expression: TSESTree.Expression): CallChain {
  const reversed: ChainStep[] = [];
  let current = unwrapExpression(expression);
  while (reversed.length < MAX_CHAIN_LENGTH) {
    if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(current.callee);
      const name = callee.type === AST_NODE_TYPES.MemberExpression ? getMemberName(callee) : undefined;
      if (callee.type === AST_NODE_TYPES.MemberExpression && name !== undefined) {
        const object = unwrapExpression(callee.object);
        reversed.push({ kind: 'method', name, node: current, object, args: current.arguments });
        current = object;
      } else {
        reversed.push({ kind: 'invoke', name: undefined, node: current, object: callee, args: current.arguments });
        current = callee;
      }
    } else if (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = getMemberName(current);
      if (name === undefined) break;
      const object = unwrapExpression(current.object);
      reversed.push({ kind: 'property', name, node: current, object, args: [] });
      current = object;
    } else if (current.type === AST_NODE_TYPES.TaggedTemplateExpression) {
      const tag = unwrapExpression(current.tag);
      const name = tag.type === AST_NODE_TYPES.MemberExpression ? getMemberName(tag) : undefined;
      if (tag.type === AST_NODE_TYPES.MemberExpression && name !== undefined) {
        const object = unwrapExpression(tag.object);
        reversed.push({ kind: 'tag', name, node: current, object, args: [] });
        current = object;
      } else {
        reversed.push({ kind: 'tag', name: undefined, node: current, object: tag, args: [] });
        current = tag;
      }
    } else {
      break;
    }
  }
  return { root: current, steps: reversed.reverse() };
}

/**
 * Whether a call or tagged template is the outermost link of its chain: nothing is chained onto
 * it except `.then()`, `.catch()` or `.finally()`. Thenable builders (Drizzle, knex, Prisma) run
 * when their outermost link is awaited, so only that link counts as the query.
 *
 * @param node - a call or tagged template expression
 * @example
 * isChainEnd(innerCallOf("db.insert(t).values(v)")); // false: `.values()` continues it
 */
export function isChainEnd(node: TSESTree.Expression): boolean {
  let child: TSESTree.Node = node;
  let { parent } = node;
  while (
    (parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression)
  ) {
    child = parent;
    parent = parent.parent;
  }
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === child) {
    const name = getMemberName(parent);
    return name === 'then' || name === 'catch' || name === 'finally';
  }
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === child) return false;
  if (parent.type === AST_NODE_TYPES.TaggedTemplateExpression && parent.tag === child) return false;
  return true;
}

/**
 * The index of the first step named `name` of one of the given kinds, or -1.
 *
 * @param steps - a chain's steps
 * @param names - the names to look for
 * @param kinds - which kinds of step count (default: methods)
 * @example
 * const at = findStep(chain.steps, KYSELY_STARTERS);
 */
export function findStep(
  steps: readonly ChainStep[],
  names: ReadonlySet<string>,
  kinds: readonly ChainStep['kind'][] = ['method'],
): number {
  return steps.findIndex((step) => step.name !== undefined && names.has(step.name) && kinds.includes(step.kind));
}
