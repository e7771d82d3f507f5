import { ts } from 'ts-morph';
import type { AuditProject } from '../project/audit-project.js';
import { toRelativePath } from '../project/load-project.js';
import type { DatabaseModel, DatabaseWrite } from './database-model.js';
import { findFunctionAt, getFunctionName, isFunctionNode, type FunctionNode } from './functions.js';
import { getImportedNames } from './get-imported-names.js';
import { getPluginDatabaseModel } from './plugin-database-model.js';
import { getNextRouteLabel, getRouteRegistration } from './routes.js';

/** A call from one function to another, or a function defined inside another (which it may run). */
export interface CallSite {
  caller: FunctionUnit;
  callee: FunctionUnit;
  /** The call expression, or the nested function itself. */
  node: ts.Node;
  /** Whether the call runs inside a transaction scope opened by the caller. */
  inTransaction: boolean;
  /** Whether the call repeats: in a loop or an iteration callback such as `items.map`. */
  inLoop: boolean;
}

/** A database write made directly by a function. */
export interface WriteSite {
  node: ts.CallExpression;
  write: DatabaseWrite;
  inTransaction: boolean;
  inLoop: boolean;
}

/** A function of the audited code, with what it calls, writes and touches. */
export interface FunctionUnit {
  node: FunctionNode;
  sourceFile: ts.SourceFile;
  /** File relative to the audit root. */
  file: string;
  name: string;
  /** 1-based position of the function's name (or start). */
  line: number;
  column: number;
  calls: CallSite[];
  callers: CallSite[];
  writes: WriteSite[];
  /** Tables and models the function names directly, read or written. */
  tables: Set<string>;
}

/** An HTTP route and the functions that handle it. */
export interface Route {
  label: string;
  file: string;
  handlers: FunctionUnit[];
}

/** The whole program's functions, the calls between them and the routes that enter them. */
export interface CallGraph {
  units: readonly FunctionUnit[];
  routes: readonly Route[];
  /** The unit of a function node, if it is in the audited files. */
  getUnit(node: ts.Node): FunctionUnit | undefined;
  /** The innermost unit around a 1-based position in a file given relative to the root. */
  findUnitAt(file: string, line: number, column: number): FunctionUnit | undefined;
}

const ITERATION_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'reduce', 'some', 'every', 'find', 'findIndex']);

interface WalkContext {
  unit: FunctionUnit | undefined;
  inTransaction: boolean;
  inLoop: boolean;
}

interface PendingCall {
  caller: FunctionUnit;
  call: ts.CallExpression;
  nameNode: ts.Node;
  /** `x.name()` where `x` is not imported: only a method or property of an object can be the callee. */
  onLocalObject: boolean;
  inTransaction: boolean;
  inLoop: boolean;
}

interface PendingRoute {
  label: string;
  file: string;
  handlers: ts.Node[];
}

function isLoop(node: ts.Node): node is ts.IterationStatement {
  return (
    ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node)
  );
}

function isIterationCallback(node: FunctionNode): boolean {
  const parent = node.parent;
  return (
    ts.isCallExpression(parent) &&
    ts.isPropertyAccessExpression(parent.expression) &&
    ITERATION_METHODS.has(parent.expression.name.text) &&
    parent.arguments.includes(node as ts.Expression)
  );
}

function getCalleeNameNode(call: ts.CallExpression): ts.Node | undefined {
  let callee: ts.Expression = call.expression;
  while (ts.isParenthesizedExpression(callee) || ts.isNonNullExpression(callee)) callee = callee.expression;
  if (ts.isIdentifier(callee)) return callee;
  if (ts.isPropertyAccessExpression(callee)) return callee.name;
  return undefined;
}

function getRootIdentifier(node: ts.Expression): ts.Identifier | undefined {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current) || ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
    current = current.expression;
  }
  return ts.isIdentifier(current) ? current : undefined;
}

// What a property access can resolve to: a method, accessor or function-valued property.
function isMemberFunction(node: FunctionNode): boolean {
  return ts.isMethodDeclaration(node) || ts.isAccessor(node) || ts.isPropertyAssignment(node.parent) || ts.isPropertyDeclaration(node.parent);
}

function getReportNode(node: FunctionNode): ts.Node {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isAccessor(node)) && node.name !== undefined) return node.name;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name;
  return node;
}

const cache = new WeakMap<AuditProject, CallGraph>();

/**
 * Builds (once per project) the call graph of the audited files: every function, the calls
 * between functions resolved with the type checker (so imports, methods and object-literal
 * services resolve across files), the database writes and tables each function touches, and the
 * HTTP routes with their handlers. Walks with `ts.forEachChild`, which is far faster than
 * ts-morph's wrapped nodes on large programs.
 *
 * @param project - the loaded project
 * @param model - how to recognise database writes and transactions; default the plugin's model
 * @example
 * const graph = getCallGraph(project);
 * for (const route of graph.routes) console.log(route.label, route.handlers.length);
 */
export function getCallGraph(project: AuditProject, model?: DatabaseModel): CallGraph {
  const cached = cache.get(project);
  if (cached !== undefined) return cached;
  const graph = buildCallGraph(project, model ?? getPluginDatabaseModel(project));
  cache.set(project, graph);
  return graph;
}

function buildCallGraph(project: AuditProject, model: DatabaseModel): CallGraph {
  const units: FunctionUnit[] = [];
  const byNode = new Map<ts.Node, FunctionUnit>();
  const names = new Set<string>();
  const memberNames = new Set<string>();
  const pendingCalls: PendingCall[] = [];
  const pendingRoutes: PendingRoute[] = [];
  const manualTransactions = new Set<FunctionUnit>();
  const filesByPath = new Map<string, ts.SourceFile>();

  for (const sourceFile of project.files) {
    const file = toRelativePath(project.root, sourceFile.fileName);
    filesByPath.set(file, sourceFile);
    const importedNames = getImportedNames(sourceFile);

    const createUnit = (node: FunctionNode): FunctionUnit => {
      const name = getFunctionName(node, sourceFile);
      const start = sourceFile.getLineAndCharacterOfPosition(getReportNode(node).getStart(sourceFile));
      const unit: FunctionUnit = {
        node,
        sourceFile,
        file,
        name,
        line: start.line + 1,
        column: start.character + 1,
        calls: [],
        callers: [],
        writes: [],
        tables: new Set(),
      };
      units.push(unit);
      byNode.set(node, unit);
      const simple = name.split(/[.›\s]/).pop();
      if (simple !== undefined) names.add(simple);
      if (simple !== undefined && isMemberFunction(node)) memberNames.add(simple);
      return unit;
    };

    const visitCall = (call: ts.CallExpression, context: WalkContext): void => {
      const route = getRouteRegistration(call);
      if (route !== undefined) pendingRoutes.push({ label: route.label, file, handlers: route.handlers });
      const scope = model.getTransactionScope(call);
      const { unit } = context;
      if (unit !== undefined) {
        if (model.isManualTransactionStart(call)) manualTransactions.add(unit);
        const write = model.getWrite(call);
        if (write !== undefined) unit.writes.push({ node: call, write, inTransaction: context.inTransaction, inLoop: context.inLoop });
        const table = write?.table ?? model.getTable(call);
        if (table !== undefined) unit.tables.add(table);
        const nameNode = getCalleeNameNode(call);
        if (nameNode !== undefined) {
          const access = nameNode.parent;
          const root = ts.isPropertyAccessExpression(access) ? getRootIdentifier(access.expression) : undefined;
          const onLocalObject = ts.isPropertyAccessExpression(access) && (root === undefined || !importedNames.has(root.text));
          pendingCalls.push({ caller: unit, call, nameNode, onLocalObject, inTransaction: context.inTransaction, inLoop: context.inLoop });
        }
      }
      visit(call.expression, context);
      for (const argument of call.arguments) {
        visit(argument, scope?.includes(argument) === true ? { ...context, inTransaction: true } : context);
      }
    };

    const visit = (node: ts.Node, context: WalkContext): void => {
      if (isFunctionNode(node)) {
        const unit = createUnit(node);
        if (context.unit !== undefined) {
          const site: CallSite = {
            caller: context.unit,
            callee: unit,
            node,
            inTransaction: context.inTransaction,
            inLoop: context.inLoop || isIterationCallback(node),
          };
          context.unit.calls.push(site);
          unit.callers.push(site);
        }
        if (ts.isFunctionDeclaration(node)) {
          const label = getNextRouteLabel(node, file);
          if (label !== undefined) pendingRoutes.push({ label, file, handlers: [node] });
        }
        ts.forEachChild(node, (child) => {
          visit(child, { unit, inTransaction: context.inTransaction, inLoop: false });
        });
        return;
      }
      if (ts.isCallExpression(node)) {
        visitCall(node, context);
        return;
      }
      if (isLoop(node)) {
        ts.forEachChild(node, (child) => {
          visit(child, child === node.statement ? { ...context, inLoop: true } : context);
        });
        return;
      }
      ts.forEachChild(node, (child) => {
        visit(child, context);
      });
    };

    ts.forEachChild(sourceFile, (child) => {
      visit(child, { unit: undefined, inTransaction: false, inLoop: false });
    });
  }

  // A function that runs `BEGIN` (or startTransaction()) by hand manages its own transaction.
  for (const unit of manualTransactions) {
    for (const write of unit.writes) write.inTransaction = true;
    for (const site of unit.calls) site.inTransaction = true;
  }

  const { checker } = project;
  const resolveFunction = (node: ts.Node): FunctionUnit | undefined => {
    let symbol = checker.getSymbolAtLocation(node);
    if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
    for (const declaration of symbol?.declarations ?? []) {
      const unit = byNode.get(declaration) ?? getInitializerUnit(declaration, byNode);
      if (unit !== undefined) return unit;
    }
    return undefined;
  };

  for (const pending of pendingCalls) {
    const name = ts.isIdentifier(pending.nameNode) ? pending.nameNode.text : undefined;
    if (name === undefined || !names.has(name)) continue;
    // Common method names (get, report) would otherwise each cost the checker a symbol lookup.
    if (pending.onLocalObject && !memberNames.has(name)) continue;
    const callee = resolveFunction(pending.nameNode);
    if (callee === undefined || callee === pending.caller) continue;
    const site: CallSite = {
      caller: pending.caller,
      callee,
      node: pending.call,
      inTransaction: manualTransactions.has(pending.caller) || pending.inTransaction,
      inLoop: pending.inLoop,
    };
    pending.caller.calls.push(site);
    callee.callers.push(site);
  }

  const routes: Route[] = pendingRoutes.map((pending) => ({
    label: pending.label,
    file: pending.file,
    handlers: pending.handlers.flatMap((handler) => resolveHandler(handler, byNode, resolveFunction)),
  }));

  return {
    units,
    routes,
    getUnit: (node) => byNode.get(node),
    findUnitAt(file, line, column) {
      const sourceFile = filesByPath.get(file);
      if (sourceFile === undefined) return undefined;
      const lineStart = sourceFile.getLineStarts()[line - 1];
      if (lineStart === undefined) return undefined;
      const owner = findFunctionAt(sourceFile, lineStart + column - 1);
      return owner === undefined ? undefined : byNode.get(owner);
    },
  };
}

function getInitializerUnit(declaration: ts.Declaration, byNode: ReadonlyMap<ts.Node, FunctionUnit>): FunctionUnit | undefined {
  if (ts.isVariableDeclaration(declaration) || ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) {
    const initializer = declaration.initializer;
    return initializer === undefined ? undefined : byNode.get(initializer);
  }
  return undefined;
}

function resolveHandler(
  handler: ts.Node,
  byNode: ReadonlyMap<ts.Node, FunctionUnit>,
  resolveFunction: (node: ts.Node) => FunctionUnit | undefined,
): FunctionUnit[] {
  const direct = byNode.get(handler);
  if (direct !== undefined) return [direct];
  if (ts.isIdentifier(handler)) return [resolveFunction(handler)].filter((unit) => unit !== undefined);
  if (ts.isPropertyAccessExpression(handler)) return [resolveFunction(handler.name)].filter((unit) => unit !== undefined);
  // A wrapper such as `asyncHandler(async (req, res) => …)` or a validator middleware factory.
  if (ts.isCallExpression(handler)) {
    return handler.arguments.flatMap((argument) => resolveHandler(argument, byNode, resolveFunction));
  }
  return [];
}
