import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, TSESLint } from '@typescript-eslint/utils';
import type { DbHandle, DbLibrary, DbLibraryEnvironment, DbTransaction, DbTransactionControl } from './create-db-library.js';
import { getAnnotationHandle, type DbAnnotation } from './get-annotation-handle.js';
import { getCallChain, getMemberName, unwrapExpression } from './get-call-chain.js';
import { getClassMemberDeclaration } from './get-class-member-declaration.js';
import { getDbType, type DbType } from './get-db-type.js';
import { getNamedHandle, type HandleFacts } from './get-named-handle.js';
import type { DbModelSource } from './create-db-model.js';

type Variable = TSESLint.Scope.Variable;

const { DefinitionType } = TSESLint.Scope;

/** What `createDbModel` hands the resolver. */
export interface HandleResolverSetup {
  source: DbModelSource;
  libraries: readonly DbLibrary[];
  handlePattern: RegExp;
  environment: DbLibraryEnvironment;
  getCallbackTransaction: (node: TSESTree.Node) => DbTransaction | undefined;
  getTransactionControl: (node: TSESTree.Node) => DbTransactionControl | undefined;
}

/** Resolves expressions to database handles. */
export interface HandleResolver {
  getHandle: (node: TSESTree.Expression) => DbHandle | undefined;
  getReceiverHandle: (node: TSESTree.Expression) => DbHandle | undefined;
  getInitializer: (node: TSESTree.Identifier) => TSESTree.Expression | undefined;
  findVariable: (node: TSESTree.Identifier) => Variable | undefined;
}

function stripAwait(node: TSESTree.Expression): TSESTree.Expression {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrapExpression(current.argument);
  return current;
}

/** The written annotation of a parameter or variable name, if it has one. */
function getAnnotation(name: TSESTree.Node): TSESTree.TypeNode | undefined {
  if (name.type === AST_NODE_TYPES.Identifier) return name.typeAnnotation?.typeAnnotation;
  return undefined;
}

/**
 * Creates the handle resolver behind `createDbModel`: scope lookups, names, annotations,
 * constructors, aliases and (when available) declared types. Internal to `src/utils/db/`.
 *
 * @param setup - the file, the libraries and the model's callbacks
 * @example
 * const resolver = createHandleResolver(setup);
 * resolver.getHandle(identifier)?.kind;
 */
export function createHandleResolver(setup: HandleResolverSetup): HandleResolver {
  const { source, libraries, handlePattern, environment } = setup;
  const { scopeManager, parserServices } = source;
  const handles = new WeakMap<TSESTree.Node, DbHandle | null>();
  const types = new WeakMap<TSESTree.Node, DbType | null | undefined>();
  const variableKeys = new WeakMap<Variable, string>();
  let nextKey = 0;

  const findVariable = (node: TSESTree.Identifier): Variable | undefined => {
    if (scopeManager === null) return undefined;
    let scope: TSESLint.Scope.Scope | null = null;
    for (let current: TSESTree.Node = node; scope === null; current = current.parent) {
      scope = scopeManager.acquire(current, true);
      if (current.type === AST_NODE_TYPES.Program) break;
    }
    for (let current = scope ?? scopeManager.globalScope; current !== null; current = current.upper) {
      const variable = current.set.get(node.name);
      if (variable !== undefined) return variable;
    }
    return undefined;
  };

  const keyOfVariable = (variable: Variable): string => {
    let key = variableKeys.get(variable);
    if (key === undefined) {
      nextKey += 1;
      key = `${variable.name}#${String(nextKey)}`;
      variableKeys.set(variable, key);
    }
    return key;
  };

  const keyOf = (node: TSESTree.Expression): string => {
    const expression = unwrapExpression(node);
    if (expression.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(expression);
      return variable === undefined ? `global:${expression.name}` : keyOfVariable(variable);
    }
    if (expression.type === AST_NODE_TYPES.ThisExpression) {
      let current: TSESTree.Node | undefined = expression.parent;
      while (current != null && current.type !== AST_NODE_TYPES.ClassBody) current = current.parent;
      return `this@${String(current?.range[0] ?? 0)}`;
    }
    if (expression.type === AST_NODE_TYPES.MemberExpression) {
      return `${keyOf(expression.object)}.${getMemberName(expression) ?? '?'}`;
    }
    return `@${String(expression.range[0])}`;
  };

  const getType = (node: TSESTree.Expression): DbType | null | undefined => {
    if (parserServices === undefined) return undefined;
    if (types.has(node)) return types.get(node);
    const type = getDbType(parserServices.getTypeAtLocation(node), parserServices.program.getTypeChecker(), libraries);
    types.set(node, type);
    return type;
  };

  const make = (node: TSESTree.Expression, key: string, facts: HandleFacts, isParameter = false): DbHandle => ({
    node,
    key,
    kind: facts.kind,
    role: facts.role,
    libraries: facts.libraries,
    evidence: facts.evidence,
    generic: facts.generic ?? false,
    isParameter,
  });

  const fromAnnotation = (annotation: DbAnnotation): HandleFacts => ({ ...annotation, evidence: 'annotation' });
  const fromType = (type: DbType): HandleFacts => ({ kind: type.kind, role: type.role, libraries: [type.library], evidence: 'type' });

  const byName = (name: string): HandleFacts | undefined => getNamedHandle(name, handlePattern);


  const getInitializer = (node: TSESTree.Identifier): TSESTree.Expression | undefined => {
    const variable = findVariable(node);
    const definition = variable?.defs[0];
    if (variable === undefined || definition?.type !== DefinitionType.Variable) return undefined;
    const declarator = definition.node;
    if (declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.init === null) return undefined;
    // Reassignments must extend the same value (`query = query.where(…)`), as builders are.
    for (const reference of variable.references) {
      if (!reference.isWrite() || reference.init === true) continue;
      const assignment = reference.identifier.parent;
      if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=') return undefined;
      const root = getCallChain(assignment.right).root;
      if (root.type !== AST_NODE_TYPES.Identifier || root.name !== node.name) return undefined;
    }
    return unwrapExpression(declarator.init);
  };

  /** What a variable's initializer makes it: a handle, certainly not one (`null`), or unknown. */
  const fromInitializer = (initializer: TSESTree.Expression, node: TSESTree.Expression, key: string): DbHandle | null | undefined => {
    const value = stripAwait(initializer);
    for (const library of libraries) {
      const origin = library.getHandleOrigin?.(value, environment);
      if (origin !== undefined) return make(node, key, { ...origin, libraries: [library.name], evidence: 'origin' });
    }
    const control = setup.getTransactionControl(value);
    if (control?.action === 'begin' && control.returnsHandle) {
      return make(node, key, { kind: 'transaction', role: 'client', libraries: [control.library], evidence: 'origin' });
    }
    if (
      value.type === AST_NODE_TYPES.Identifier ||
      value.type === AST_NODE_TYPES.MemberExpression ||
      value.type === AST_NODE_TYPES.CallExpression
    ) {
      const aliased = getHandle(value);
      if (aliased !== undefined) return { ...aliased, node };
      return undefined;
    }
    if (
      value.type === AST_NODE_TYPES.NewExpression ||
      value.type === AST_NODE_TYPES.Literal ||
      value.type === AST_NODE_TYPES.TemplateLiteral ||
      value.type === AST_NODE_TYPES.ObjectExpression ||
      value.type === AST_NODE_TYPES.ArrayExpression ||
      value.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      value.type === AST_NODE_TYPES.FunctionExpression ||
      value.type === AST_NODE_TYPES.ClassExpression
    ) {
      return null;
    }
    return undefined;
  };

  const resolveIdentifier = (node: TSESTree.Identifier): DbHandle | undefined => {
    const variable = findVariable(node);
    const key = variable === undefined ? `global:${node.name}` : keyOfVariable(variable);
    const definition = variable?.defs[0];
    const isParameter = definition?.type === DefinitionType.Parameter;
    if (definition?.type === DefinitionType.Parameter) {
      const transaction = setup.getCallbackTransaction(definition.node);
      const { parameter } = transaction ?? {};
      if (transaction !== undefined && parameter !== undefined && parameter.range[0] <= definition.name.range[0] && definition.name.range[1] <= parameter.range[1]) {
        const library = transaction.library;
        return {
          ...make(node, key, { kind: 'transaction', role: library === 'typeorm' ? 'manager' : 'client', libraries: [library], evidence: 'scope' }, true),
          transaction,
        };
      }
    }
    // An initializer says where the value comes from, which a type cannot (a repository of the
    // transaction's manager is a `Repository` like any other).
    if (definition?.type === DefinitionType.Variable) {
      const initializer = getInitializer(node);
      const initialized = initializer === undefined ? undefined : fromInitializer(initializer, node, key);
      if (initialized === null) return undefined;
      if (initialized !== undefined) return initialized;
    }
    const named = byName(node.name);
    // A parameter named as a transaction but typed as the database (`trx: Kysely<DB>`, Drizzle's
    // `tx: typeof db`) receives the caller's transaction: the type says what it can do, the name
    // what is passed.
    const received = (facts: HandleFacts): HandleFacts =>
      isParameter && named?.kind === 'transaction' && facts.kind === 'database' && facts.role === 'client' ? { ...facts, kind: 'transaction' } : facts;
    const type = getType(node);
    if (type === null) return undefined;
    if (type !== undefined) return make(node, key, received(fromType(type)), isParameter);
    const annotation = definition === undefined ? undefined : getAnnotation(definition.name);
    if (annotation !== undefined) {
      const annotated = getAnnotationHandle(annotation, libraries);
      if (annotated === null) return undefined;
      if (annotated !== undefined) return make(node, key, received(fromAnnotation(annotated)), isParameter);
    }
    if (definition?.type === DefinitionType.ImportBinding && definition.parent.type === AST_NODE_TYPES.ImportDeclaration) {
      const from = definition.parent.source.value;
      const library = libraries.find((candidate) => candidate.modules.test(from));
      if (library !== undefined && named !== undefined) return make(node, key, { ...named, libraries: [library.name], generic: false });
      if (library !== undefined && /^[a-z]/u.test(node.name)) {
        return make(node, key, { kind: 'database', role: 'client', libraries: [library.name], evidence: 'origin' });
      }
    }
    return named && make(node, key, named, isParameter);
  };

  /** A `this.<name>` member's declared annotation or initializer in the enclosing class. */
  const fromClassMember = (node: TSESTree.MemberExpression, name: string, key: string): DbHandle | null | undefined => {
    const declaration = getClassMemberDeclaration(node, name);
    if (declaration === undefined) return undefined;
    const annotated = declaration.annotation === undefined ? undefined : getAnnotationHandle(declaration.annotation, libraries);
    if (annotated !== undefined) return annotated && make(node, key, fromAnnotation(annotated));
    return declaration.value === undefined ? undefined : fromInitializer(declaration.value, node, key);
  };


  const fromDerivation = (node: TSESTree.Expression): DbHandle | undefined => {
    const chain = getCallChain(node);
    for (const library of libraries) {
      const derived = library.getDerivedHandle?.(chain, environment);
      if (derived === undefined) continue;
      const { base } = derived;
      return {
        ...base,
        node,
        kind: derived.kind ?? base.kind,
        role: derived.role,
        libraries: [library.name],
        isParameter: base.isParameter || derived.kind === 'transaction',
      };
    }
    return undefined;
  };

  const resolveMember = (node: TSESTree.MemberExpression): DbHandle | undefined => {
    const derived = fromDerivation(node);
    if (derived !== undefined) return derived;
    const name = getMemberName(node);
    const key = keyOf(node);
    const type = getType(node);
    if (type === null) return undefined;
    if (type !== undefined) return make(node, key, fromType(type));
    if (name === undefined) return undefined;
    if (unwrapExpression(node.object).type === AST_NODE_TYPES.ThisExpression) {
      const declared = fromClassMember(node, name, key);
      if (declared === null) return undefined;
      if (declared !== undefined) return declared;
    }
    const named = byName(name);
    return named && make(node, key, named);
  };

  const resolveCall = (node: TSESTree.CallExpression | TSESTree.NewExpression): DbHandle | undefined => {
    const key = keyOf(node);
    for (const library of libraries) {
      const origin = library.getHandleOrigin?.(node, environment);
      if (origin !== undefined) return make(node, key, { ...origin, libraries: [library.name], evidence: 'origin' });
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const derived = fromDerivation(node);
      if (derived !== undefined) return derived;
      // Hono's c.get('db'), a container's resolve('db')
      const callee = unwrapExpression(node.callee);
      const [first] = node.arguments;
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        getMemberName(callee) === 'get' &&
        node.arguments.length === 1 &&
        first?.type === AST_NODE_TYPES.Literal &&
        typeof first.value === 'string'
      ) {
        const named = byName(first.value);
        if (named !== undefined) return make(node, key, named);
      }
    }
    const type = getType(node);
    return type ? make(node, key, fromType(type)) : undefined;
  };

  function getHandle(node: TSESTree.Expression): DbHandle | undefined {
    const expression = stripAwait(node);
    const cached = handles.get(expression);
    if (cached !== undefined) return cached ?? undefined;
    handles.set(expression, null);
    let handle: DbHandle | undefined;
    switch (expression.type) {
      case AST_NODE_TYPES.Identifier:
        handle = resolveIdentifier(expression);
        break;
      case AST_NODE_TYPES.MemberExpression:
        handle = resolveMember(expression);
        break;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        handle = resolveCall(expression);
        break;
      default:
        handle = undefined;
    }
    handles.set(expression, handle ?? null);
    return handle;
  }

  const getReceiverHandle = (node: TSESTree.Expression): DbHandle | undefined => {
    const handle = getHandle(node);
    if (handle !== undefined) return handle;
    const expression = stripAwait(node);
    if (getType(expression) === null) return undefined;
    if (expression.type === AST_NODE_TYPES.Identifier) {
      const definition = findVariable(expression)?.defs[0];
      return make(expression, keyOf(expression), { kind: 'database', role: 'client', libraries: [], evidence: 'shape' }, definition?.type === DefinitionType.Parameter);
    }
    return make(expression, keyOf(expression), { kind: 'database', role: 'client', libraries: [], evidence: 'shape' });
  };

  return { getHandle, getReceiverHandle, getInitializer, findVariable };
}
