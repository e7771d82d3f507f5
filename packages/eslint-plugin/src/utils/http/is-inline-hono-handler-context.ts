import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils, TSESLint } from '@typescript-eslint/utils';
import { isFunctionNode } from '../ast/is-function-node.js';
import { getPropertyName } from '../ast/get-static-name.js';
import { hono } from './hono.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const HONO_MODULE = 'hono';
const HONO_CLASS = 'Hono';
const resolvedImports = new WeakMap<TSESTree.ImportSpecifier, boolean>();

function findVariable(identifier: TSESTree.Identifier, context: Context): TSESLint.Scope.Variable | null {
  return ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier);
}

// Hono's own `Hono` class, imported by value from 'hono' and resolved by the program: when the
// module does not resolve, the handler's parameter is `any` and the names decide, not this.
function isResolvedHonoImport(variable: TSESLint.Scope.Variable, services: ParserServicesWithTypeInformation): boolean {
  const definition = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== TSESLint.Scope.DefinitionType.ImportBinding) return false;
  const specifier = definition.node;
  if (specifier.type !== AST_NODE_TYPES.ImportSpecifier || specifier.importKind === 'type') return false;
  const declaration = definition.parent;
  if (declaration.type !== AST_NODE_TYPES.ImportDeclaration || declaration.importKind === 'type' || declaration.source.value !== HONO_MODULE) return false;
  if ((specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value) !== HONO_CLASS) return false;
  const cached = resolvedImports.get(specifier);
  if (cached !== undefined) return cached;
  const checker = services.program.getTypeChecker();
  const local = checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(specifier.local));
  const resolved = local !== undefined && (checker.getAliasedSymbol(local).declarations?.length ?? 0) > 0;
  resolvedImports.set(specifier, resolved);
  return resolved;
}

// `const app = new Hono()` (type arguments allowed, nothing that could change its type).
function isHonoApp(identifier: TSESTree.Identifier, context: Context, services: ParserServicesWithTypeInformation): boolean {
  const definition = findVariable(identifier, context)?.defs;
  const declarator = definition?.length === 1 ? definition[0]?.node : undefined;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  if (declarator.parent.kind !== 'const' || declarator.id.typeAnnotation !== undefined) return false;
  const init = declarator.init;
  if (init?.type !== AST_NODE_TYPES.NewExpression || init.callee.type !== AST_NODE_TYPES.Identifier) return false;
  const constructor = findVariable(init.callee, context);
  return constructor !== null && isResolvedHonoImport(constructor, services);
}

/**
 * Whether `identifier` is, by syntax alone, the `Context` of a Hono handler: the first parameter,
 * unannotated, of a function written inline in a route registration (`app.get('/x', (c) => …)`)
 * on a `const app = new Hono()` of the same file. TypeScript would give it Hono's `Context` by
 * resolving the registration's overloads, the costliest type query of the HTTP rules; here that
 * answer needs only the import of `Hono` to resolve.
 *
 * @param identifier - a parameter or a reference to one
 * @param context - the rule context
 * @param services - the parser services with type information
 * @example
 * isInlineHonoHandlerContext(call.callee.object, context, services); // true for `c` in routes.get('/x', (c) => c.json(x))
 */
export function isInlineHonoHandlerContext(identifier: TSESTree.Identifier, context: Context, services: ParserServicesWithTypeInformation): boolean {
  const definitions = findVariable(identifier, context)?.defs;
  const definition = definitions?.length === 1 ? definitions[0] : undefined;
  if (definition?.type !== TSESLint.Scope.DefinitionType.Parameter) return false;
  const fn = definition.node;
  const parameter = definition.name;
  if (!isFunctionNode(fn) || fn.params[0] !== parameter || parameter.typeAnnotation !== undefined) return false;
  const call = fn.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || !call.arguments.some((argument) => argument === fn)) return false;
  if (call.callee.type !== AST_NODE_TYPES.MemberExpression || call.callee.object.type !== AST_NODE_TYPES.Identifier) return false;
  const method = getPropertyName(call.callee);
  // `openapi` belongs to `OpenAPIHono`, not to `Hono`.
  if (method === undefined || method === 'openapi' || hono.routeMethods?.includes(method) !== true) return false;
  return isHonoApp(call.callee.object, context, services);
}
