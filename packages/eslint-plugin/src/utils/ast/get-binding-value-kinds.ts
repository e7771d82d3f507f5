import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getDeclaredValueKinds } from '../types/get-declared-value-kinds.js';
import { ABSENT_KINDS, getExpressionValueKinds, ValueKind } from './get-expression-value-kinds.js';
import { getPatternIdentifiers } from './get-pattern-identifiers.js';
import { isFunctionNode } from './is-function-node.js';

// Single-row reads of query builders and ORMs (Kysely, Prisma, Drizzle): a row, or nothing.
const SINGLE_ROW_READS: ReadonlyMap<string, number> = new Map([
  ['executeTakeFirst', ValueKind.Object | ValueKind.Undefined],
  ['executeTakeFirstOrThrow', ValueKind.Object],
  ['findUnique', ValueKind.Object | ValueKind.Null],
  ['findUniqueOrThrow', ValueKind.Object],
  ['findFirst', ValueKind.Object | ValueKind.Null],
  ['findFirstOrThrow', ValueKind.Object],
]);

function classifyInitializerLeaf(expression: TSESTree.Expression): number {
  const { callee } = expression.type === AST_NODE_TYPES.CallExpression ? expression : { callee: undefined };
  if (callee?.type !== AST_NODE_TYPES.MemberExpression || callee.property.type !== AST_NODE_TYPES.Identifier) {
    return ValueKind.Unknown;
  }
  return SINGLE_ROW_READS.get(callee.property.name) ?? ValueKind.Unknown;
}

function bindsName(node: TSESTree.Node | null, name: string): boolean {
  if (node?.type === AST_NODE_TYPES.VariableDeclaration) return node.declarations.some((declarator) => bindsName(declarator.id, name));
  return node !== null && getPatternIdentifiers(node).some((identifier) => identifier.name === name);
}

/** What a statement declares under `name`: its `const` declarator, `true` for any other binding, or `false`. */
function getDeclaration(statement: TSESTree.Node, name: string): TSESTree.VariableDeclarator | boolean {
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
    const declarator = statement.declarations.find((each) => bindsName(each.id, name));
    if (!declarator) return false;
    return statement.kind === 'const' && declarator.id.type === AST_NODE_TYPES.Identifier ? declarator : true;
  }
  return (
    (statement.type === AST_NODE_TYPES.FunctionDeclaration || statement.type === AST_NODE_TYPES.ClassDeclaration) &&
    statement.id?.name === name
  );
}

function getLoopBinding(node: TSESTree.Node): TSESTree.Node | null {
  switch (node.type) {
    case AST_NODE_TYPES.CatchClause:
      return node.param;
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ForInStatement:
      return node.left;
    case AST_NODE_TYPES.ForStatement:
      return node.init;
    default:
      return null;
  }
}

/**
 * The kinds a `const` or a parameter of the enclosing function gives `identifier`, from syntax;
 * `undefined` when it is bound any other way (`let`, a loop, an enclosing function), where guards
 * before a use prove nothing either.
 */
function getDeclaredKinds(identifier: TSESTree.Identifier): number | undefined {
  const { name } = identifier;
  let child: TSESTree.Node = identifier;
  for (let node: TSESTree.Node | undefined = identifier.parent; node; child = node, node = node.parent) {
    if (node.type === AST_NODE_TYPES.BlockStatement || node.type === AST_NODE_TYPES.Program) {
      for (const statement of node.body) {
        if (statement === child) break;
        const declaration = getDeclaration(statement, name);
        if (declaration === true) return undefined;
        if (declaration) {
          const { id, init } = declaration;
          if (id.typeAnnotation) return getDeclaredValueKinds(declaration, id.typeAnnotation.typeAnnotation);
          return init ? getExpressionValueKinds(init, classifyInitializerLeaf) : ValueKind.Unknown;
        }
      }
    } else if (isFunctionNode(node)) {
      // Bindings of enclosing functions are not followed.
      const parameter = node.params.find((each) => bindsName(each, name));
      if (parameter?.type !== AST_NODE_TYPES.Identifier) return undefined;
      if (!parameter.typeAnnotation) return ValueKind.Unknown;
      const kinds = getDeclaredValueKinds(node, parameter.typeAnnotation.typeAnnotation);
      return parameter.optional ? kinds | ValueKind.Undefined : kinds;
    } else if (bindsName(getLoopBinding(node), name)) {
      return undefined;
    }
  }
  return undefined;
}

/** `if (!x) return …;`, `if (x == null) throw …`: a guard that leaves the function when `name` is falsy (or nullish). */
function getGuard(statement: TSESTree.Statement, name: string): 'falsy' | 'nullish' | undefined {
  if (statement.type !== AST_NODE_TYPES.IfStatement || statement.alternate) return undefined;
  const { consequent, test } = statement;
  const exit = consequent.type === AST_NODE_TYPES.BlockStatement ? consequent.body.at(-1) : consequent;
  if (exit?.type !== AST_NODE_TYPES.ReturnStatement && exit?.type !== AST_NODE_TYPES.ThrowStatement) return undefined;
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') {
    return test.argument.type === AST_NODE_TYPES.Identifier && test.argument.name === name ? 'falsy' : undefined;
  }
  if (test.type !== AST_NODE_TYPES.BinaryExpression || !['==', '==='].includes(test.operator)) return undefined;
  const [subject, other] = test.left.type === AST_NODE_TYPES.Identifier && test.left.name === name ? [test.left, test.right] : [test.right, test.left];
  const isAbsent =
    (other.type === AST_NODE_TYPES.Literal && other.value === null) ||
    (other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined');
  return subject.type === AST_NODE_TYPES.Identifier && subject.name === name && isAbsent ? 'nullish' : undefined;
}

function mentions(expression: TSESTree.Node, name: string): boolean {
  switch (expression.type) {
    case AST_NODE_TYPES.Identifier:
      return expression.name === name;
    case AST_NODE_TYPES.UnaryExpression:
      return mentions(expression.argument, name);
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return mentions(expression.left, name) || mentions(expression.right, name);
    // `x.length > 0` reads a property: it neither changes the class of `x` nor leaves it absent.
    case AST_NODE_TYPES.ChainExpression:
      return mentions(expression.expression, name);
    case AST_NODE_TYPES.MemberExpression:
      return expression.optional && mentions(expression.object, name);
    case AST_NODE_TYPES.CallExpression:
      return expression.arguments.some((argument) => mentions(argument, name));
    default:
      return false;
  }
}

type Narrowing = 'truthy' | 'defined' | 'unknown';

/** What a test tells of `name` on its `yes` (or else its no) branch; `unknown` when it mentions `name` otherwise. */
function getNarrowing(test: TSESTree.Expression, name: string, yes: boolean): Narrowing | undefined {
  if (test.type === AST_NODE_TYPES.Identifier && test.name === name) return yes ? 'truthy' : 'unknown';
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!' && test.argument.type === AST_NODE_TYPES.Identifier) {
    if (test.argument.name === name) return yes ? 'unknown' : 'truthy';
  }
  if (test.type === AST_NODE_TYPES.BinaryExpression && ['==', '===', '!=', '!=='].includes(test.operator)) {
    const { left, right } = test;
    const other = left.type === AST_NODE_TYPES.Identifier && left.name === name ? right : left;
    const subject = other === right ? left : right;
    const isAbsent =
      (other.type === AST_NODE_TYPES.Literal && other.value === null) ||
      (other.type === AST_NODE_TYPES.Identifier && other.name === 'undefined');
    if (subject.type === AST_NODE_TYPES.Identifier && subject.name === name && isAbsent) {
      return test.operator.startsWith('!') === yes ? 'defined' : 'unknown';
    }
  }
  return mentions(test, name) ? 'unknown' : undefined;
}

/**
 * How the conditions around a use narrow it: `x ? x : …` and `x === undefined ? … : x` are
 * followed, any other condition that mentions `x` (`x && x.y`) leaves it unknown.
 */
function getConditionNarrowing(identifier: TSESTree.Identifier): Narrowing | undefined {
  let child: TSESTree.Node = identifier;
  let found: Narrowing | undefined;
  for (let node: TSESTree.Node | undefined = identifier.parent; node && !isFunctionNode(node); child = node, node = node.parent) {
    let narrowing: Narrowing | undefined;
    if ((node.type === AST_NODE_TYPES.ConditionalExpression || node.type === AST_NODE_TYPES.IfStatement) && node.test !== child) {
      narrowing = getNarrowing(node.test, identifier.name, node.consequent === child);
    } else if (node.type === AST_NODE_TYPES.LogicalExpression && node.right === child) {
      narrowing = mentions(node.left, identifier.name) ? 'unknown' : undefined;
    }
    if (narrowing === 'unknown') return narrowing;
    if (narrowing === 'truthy' || found === undefined) found = narrowing ?? found;
  }
  return found;
}

/** The strongest guard of `name` among the statements before `identifier`'s, up to its function. */
function getDominatingGuard(identifier: TSESTree.Identifier): 'falsy' | 'nullish' | undefined {
  let child: TSESTree.Node = identifier;
  let found: 'falsy' | 'nullish' | undefined;
  for (let node: TSESTree.Node | undefined = identifier.parent; node && !isFunctionNode(node); child = node, node = node.parent) {
    if (node.type !== AST_NODE_TYPES.BlockStatement) continue;
    for (const statement of node.body) {
      if (statement === child) break;
      const guard = getGuard(statement, identifier.name);
      if (guard === 'falsy') return guard;
      found ??= guard;
    }
  }
  return found;
}

/**
 * What an identifier can be, read from syntax alone: from the `const` that declares it
 * (its type annotation, or an initializer the syntax can classify: a literal, a template, `new`, a
 * single-row read such as Kysely's `executeTakeFirst()` or Prisma's `findUnique()`) or from the
 * annotation of the parameter it names, narrowed by the guards before it and the conditions around
 * it: after `if (!x) return …` and in `x ? x : …`, `x` is neither absent nor `false`, and is
 * `ValueKind.Truthy` when nothing else is known; other conditions that mention `x` leave it
 * unknown. Anything else is `ValueKind.Unknown`: nothing is guessed.
 *
 * @param expression - a leaf of a returned expression
 * @example
 * getBindingValueKinds(returned); // Object for `u` in `const u = { id }; return u;`
 */
export function getBindingValueKinds(expression: TSESTree.Expression): number {
  if (expression.type !== AST_NODE_TYPES.Identifier) return ValueKind.Unknown;
  let kinds = getDeclaredKinds(expression);
  if (kinds === undefined) return ValueKind.Unknown;
  const around = getConditionNarrowing(expression);
  if (around === 'unknown') return ValueKind.Unknown;
  const guard = getDominatingGuard(expression);
  const isTruthy = guard === 'falsy' || around === 'truthy';
  if (!isTruthy && guard === undefined && around === undefined) return kinds;
  kinds &= ~ABSENT_KINDS;
  if (isTruthy) {
    kinds &= ~ValueKind.False;
    if (kinds & ValueKind.Unknown) kinds |= ValueKind.Truthy;
  }
  return kinds;
}
