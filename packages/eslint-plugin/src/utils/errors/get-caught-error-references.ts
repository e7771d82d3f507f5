import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { isCarryingValue } from '../taint/is-carrying-value.js';

/** Where a handler's code refers to the error it caught. */
export interface CaughtErrorReferences {
  /** Identifiers that hold the error itself: the binding and aliases such as `const err = toError(e)`. */
  values: Set<TSESTree.Node>;
  /** Identifiers that hold data taken from it: destructured fields, `const msg = e.message`. */
  parts: Set<TSESTree.Node>;
  /** Identifiers that hold a test of it, as in `const notFound = e instanceof NotFound`. */
  tests: Set<TSESTree.Node>;
}

/** How to recognise an alias's initialiser: a carrier of the value, a test, or derived data. */
export interface CaughtErrorAliasing {
  isCarryingError: (node: TSESTree.Expression, references: CaughtErrorReferences) => boolean;
  isErrorTest: (node: TSESTree.Expression, references: CaughtErrorReferences) => boolean;
}

function addReferences(target: Set<TSESTree.Node>, variables: readonly TSESLint.Scope.Variable[]): void {
  for (const variable of variables) {
    for (const reference of variable.references) target.add(reference.identifier);
  }
}

/**
 * The identifiers inside a handler that refer to the caught error, its aliases, its parts and
 * tests of it, resolved with the scope manager (shadowing is respected). Aliases are the handler's
 * own `const`/`let` declarations, followed in source order.
 *
 * @param sourceCode - the rule context's source code
 * @param binding - the `catch` parameter or the callback's first parameter, if any
 * @param owner - the node declaring `binding` (the `CatchClause` or the function)
 * @param declarators - the handler's own variable declarators (not those of nested functions), in source order
 * @param aliasing - classifies alias initialisers
 * @example
 * const references = getCaughtErrorReferences(sourceCode, clause.param, clause, declarators, aliasing);
 * references.values.has(identifier); // identifier refers to the caught error
 */
export function getCaughtErrorReferences(
  sourceCode: Readonly<TSESLint.SourceCode>,
  binding: TSESTree.Node | null | undefined,
  owner: TSESTree.Node,
  declarators: readonly TSESTree.VariableDeclarator[],
  aliasing: CaughtErrorAliasing,
): CaughtErrorReferences {
  const references: CaughtErrorReferences = { values: new Set(), parts: new Set(), tests: new Set() };
  if (binding) {
    const [start, end] = binding.range;
    const declared = sourceCode
      .getDeclaredVariables(owner)
      .filter((variable) => variable.defs.some((def) => def.name.range[0] >= start && def.name.range[1] <= end));
    const direct =
      binding.type === AST_NODE_TYPES.Identifier ||
      (binding.type === AST_NODE_TYPES.AssignmentPattern && binding.left.type === AST_NODE_TYPES.Identifier);
    addReferences(direct ? references.values : references.parts, declared);
  }
  if (references.values.size + references.parts.size === 0) return references;

  const isSource = (id: TSESTree.Identifier): boolean => isReference(references, id);
  for (const declarator of declarators) {
    const { init } = declarator;
    if (!init) continue;
    const isName = declarator.id.type === AST_NODE_TYPES.Identifier;
    if (isName && aliasing.isCarryingError(init, references)) {
      addReferences(references.values, sourceCode.getDeclaredVariables(declarator));
    } else if (isName && aliasing.isErrorTest(init, references)) {
      addReferences(references.tests, sourceCode.getDeclaredVariables(declarator));
    } else if (isCarryingValue(init, { isSource, derived: true })) {
      addReferences(references.parts, sourceCode.getDeclaredVariables(declarator));
    }
  }
  return references;
}

/**
 * Whether an identifier refers to the caught error or to data taken from it.
 *
 * @param references - from `getCaughtErrorReferences`
 * @param node - the identifier
 * @example
 * isReference(references, node);
 */
export function isReference(references: CaughtErrorReferences, node: TSESTree.Node): boolean {
  return references.values.has(node) || references.parts.has(node);
}
