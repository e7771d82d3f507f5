import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { getPropertyName } from '../ast/get-static-name.js';
import type { AtomFact } from '../ast/is-implied-by-branch.js';
import { skipExpressionWrappers } from '../ast/skip-expression-wrappers.js';
import { hasBaseTypeNamed } from '../types/has-base-type-named.js';

/** What a safe-error guard needs to know. */
export interface SafeErrorGuardOptions {
  sourceCode: Readonly<TSESLint.SourceCode>;
  /** Type information, when the file is linted with it. */
  services: ParserServicesWithTypeInformation | undefined;
  /** Whether a class name is one whose messages may reach clients. */
  isSafeClassName: (name: string) => boolean;
}

// A member only a safe class has, tested with `in` instead of `instanceof`.
const DUCK_TYPED_MEMBERS: Readonly<Record<string, string>> = { getResponse: 'HTTPException', issues: 'ZodError' };

/**
 * Creates the test of an elementary condition that narrows an error to a safe class:
 * `e instanceof HTTPException` (also `z.ZodError`, an import alias, a class of the file extending
 * a safe one, or with type information any subclass), `'getResponse' in e`,
 * `e.name === 'ZodError'`, `e.constructor.name === 'ZodError'` and `isZodError(e)`.
 *
 * @param options - the source code, type services and the safe class names
 * @example
 * const getSafeErrorFact = createSafeErrorGuard({ sourceCode, services, isSafeClassName });
 * isImpliedByBranch(test, outcome, (atom) => getSafeErrorFact(atom, (node) => node === error));
 */
export function createSafeErrorGuard({
  sourceCode,
  services,
  isSafeClassName,
}: SafeErrorGuardOptions): (atom: TSESTree.Expression, isSubject: (node: TSESTree.Node) => boolean) => AtomFact | undefined {
  function isSafeClassReference(node: TSESTree.Node, depth = 0): boolean {
    const expression = skipExpressionWrappers(node);
    if (depth > 5) return false;
    if (expression.type === AST_NODE_TYPES.MemberExpression) return isSafeClassName(getPropertyName(expression) ?? '');
    if (expression.type !== AST_NODE_TYPES.Identifier) return false;
    if (isSafeClassName(expression.name)) return true;
    const definition = ASTUtils.findVariable(sourceCode.getScope(expression), expression)?.defs[0]?.node;
    // import { ValidationError as SequelizeValidationError } from 'sequelize'
    if (definition?.type === AST_NODE_TYPES.ImportSpecifier && definition.imported.type === AST_NODE_TYPES.Identifier) {
      return isSafeClassName(definition.imported.name);
    }
    const declaration =
      definition?.type === AST_NODE_TYPES.VariableDeclarator && definition.init?.type === AST_NODE_TYPES.ClassExpression
        ? definition.init
        : definition;
    if (
      (declaration?.type === AST_NODE_TYPES.ClassDeclaration || declaration?.type === AST_NODE_TYPES.ClassExpression) &&
      declaration.superClass !== null
    ) {
      return isSafeClassReference(declaration.superClass, depth + 1);
    }
    if (services === undefined) return false;
    return services
      .getTypeAtLocation(expression)
      .getConstructSignatures()
      .some((signature) => hasBaseTypeNamed(signature.getReturnType(), isSafeClassName));
  }

  return (atom, isSubject) => {
    if (atom.type === AST_NODE_TYPES.BinaryExpression) {
      if (atom.operator === 'instanceof') {
        return isSubject(skipExpressionWrappers(atom.left)) && isSafeClassReference(atom.right) ? 'whenTrue' : undefined;
      }
      if (atom.operator === 'in') {
        // Hono's own error handler tests 'getResponse' in err.
        const member = atom.left.type === AST_NODE_TYPES.Literal ? DUCK_TYPED_MEMBERS[String(atom.left.value)] : undefined;
        return member !== undefined && isSafeClassName(member) && isSubject(skipExpressionWrappers(atom.right)) ? 'whenTrue' : undefined;
      }
      const equality =
        atom.operator === '===' || atom.operator === '==' ? 'whenTrue' : atom.operator === '!==' || atom.operator === '!=' ? 'whenFalse' : undefined;
      const [name, literal] = atom.right.type === AST_NODE_TYPES.Literal ? [atom.left, atom.right] : [atom.right, atom.left];
      if (
        equality !== undefined &&
        literal.type === AST_NODE_TYPES.Literal &&
        typeof literal.value === 'string' &&
        isSafeClassName(literal.value) &&
        name.type === AST_NODE_TYPES.MemberExpression &&
        getPropertyName(name) === 'name'
      ) {
        const object = skipExpressionWrappers(name.object);
        const owner = object.type === AST_NODE_TYPES.MemberExpression && getPropertyName(object) === 'constructor' ? object.object : object;
        return isSubject(skipExpressionWrappers(owner)) ? equality : undefined;
      }
      return undefined;
    }
    if (atom.type === AST_NODE_TYPES.CallExpression && atom.arguments[0] !== undefined) {
      const callee = skipExpressionWrappers(atom.callee);
      const name =
        callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getPropertyName(callee) : undefined;
      // isZodError(e), isHTTPException(e)
      if (name !== undefined && /^is[A-Z]/u.test(name) && isSafeClassName(name.slice(2)) && isSubject(skipExpressionWrappers(atom.arguments[0]))) {
        return 'whenTrue';
      }
    }
    return undefined;
  };
}
