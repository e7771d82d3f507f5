import type { DbModel } from '@faultline/eslint-plugin/utils/db/create-db-model';
import { getDbModel } from '@faultline/eslint-plugin/utils/db/get-db-model';
import { parseForESLint } from '@typescript-eslint/parser';
import { ts } from 'ts-morph';
import type { AuditProject } from '../project/audit-project.js';
import { releaseSyntaxChildren } from '../project/release-syntax-children.js';
import { databaseModel as shapeModel, type DatabaseModel, type DatabaseWrite } from './database-model.js';

type ParseResult = ReturnType<typeof parseForESLint>;
type EstreeNode = Parameters<DbModel['getQuery']>[0];

/** What the plugin's model says about one file, keyed by the program's own TypeScript nodes. */
interface FileFacts {
  writes: Map<ts.Node, DatabaseWrite>;
  scopes: Map<ts.Node, ts.Node[]>;
  manualStarts: Set<ts.Node>;
}

const OPERATIONS: readonly [RegExp, DatabaseWrite['operation']][] = [
  [/^(?:insert|create|add|save|persist|push)/i, 'insert'],
  [/^(?:update|increment|decrement|set|patch)/i, 'update'],
  [/^(?:delete|del|remove|destroy|truncate|softDelete)/i, 'delete'],
  [/^(?:upsert|replace|merge)/i, 'upsert'],
];

function getOperation(method: string): DatabaseWrite['operation'] {
  return OPERATIONS.find(([pattern]) => pattern.test(method))?.[1] ?? 'write';
}

/** The table a query names somewhere along its builder chain (`db.insertInto('orders')…execute()`). */
function findTable(node: ts.Node): string | undefined {
  let current: ts.Node = node;
  while (ts.isCallExpression(current)) {
    const table = shapeModel.getTable(current);
    if (table !== undefined) return table;
    const callee = current.expression;
    if (!ts.isPropertyAccessExpression(callee)) break;
    current = callee.expression;
  }
  return undefined;
}

/** Visits every node depth-first, first setting `parent` as ESLint does: the plugin's model reads it. */
function walk(root: EstreeNode, visitorKeys: ParseResult['visitorKeys']): EstreeNode[] {
  const nodes: EstreeNode[] = [];
  const stack: EstreeNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    nodes.push(node);
    const record = node as unknown as Record<string, unknown>;
    for (const key of visitorKeys[node.type] ?? []) {
      const value = record[key];
      for (const child of Array.isArray(value) ? (value as unknown[]) : [value]) {
        if (child !== null && typeof child === 'object' && 'type' in child) {
          (child as Record<string, unknown>).parent = node;
          stack.push(child as EstreeNode);
        }
      }
    }
  }
  return nodes;
}

const TRANSACTION_STARTERS = /^(?:startTransaction|beginTransaction|begin|query|execute|exec|raw|run|none|executeQuery)$/;
const BEGIN_SQL = /\b(?:begin|start\s+transaction)\b/i;

/** Whether a call or tagged template could be a `BEGIN` (cheap, syntactic: no types asked). */
function mayStartTransaction(node: EstreeNode): boolean {
  const record = node as unknown as { type: string; callee?: { type: string; property?: { type: string; name?: string } }; quasi?: { quasis: { value: { raw: string } }[] } };
  if (record.type === 'TaggedTemplateExpression') return record.quasi?.quasis.some((quasi) => BEGIN_SQL.test(quasi.value.raw)) === true;
  const property = record.callee?.type === 'MemberExpression' ? record.callee.property : undefined;
  return property?.type === 'Identifier' && property.name !== undefined && TRANSACTION_STARTERS.test(property.name);
}

function parseFile(project: AuditProject, sourceFile: ts.SourceFile): ParseResult | undefined {
  try {
    return parseForESLint(sourceFile.text, {
      filePath: sourceFile.fileName,
      programs: [project.program],
      projectService: false,
      range: true,
      loc: true,
      tokens: false,
      comment: false,
    });
  } catch (error) {
    // typescript-estree's TSError (it carries a location): a file that does not parse is reported
    // by the rules run; here it simply has no writes. Anything else is a bug worth crashing on.
    if (error instanceof Error && 'location' in error) return undefined;
    throw error;
  }
}

function extractFacts(parsed: ParseResult): FileFacts {
  const facts: FileFacts = { writes: new Map(), scopes: new Map(), manualStarts: new Set() };
  const { ast, scopeManager, services, visitorKeys } = parsed;
  const toTs = (node: EstreeNode): ts.Node | undefined => services.esTreeNodeToTSNodeMap.get(node);
  // Shared with the rules that lint this file next: each handle is resolved (and typed) once.
  const model = getDbModel({ ast, scopeManager, parserServices: services.program === null ? undefined : services });
  for (const node of walk(ast, visitorKeys)) {
    const type: string = node.type;
    if (type !== 'CallExpression' && type !== 'TaggedTemplateExpression') continue;
    const query = model.getQuery(node);
    if (query?.operation === 'write') {
      const target = toTs(query.node);
      if (target !== undefined) {
        const shape = ts.isCallExpression(target) ? shapeModel.getWrite(target) : undefined;
        facts.writes.set(target, { operation: shape?.operation ?? getOperation(query.method), table: shape?.table ?? findTable(target) });
      }
    }
    const transaction = model.getTransaction(node);
    if (transaction !== undefined) {
      const call = toTs(transaction.node);
      const inside = [transaction.callback, transaction.batch].flatMap((part) => (part === undefined ? [] : [toTs(part)])).filter((part) => part !== undefined);
      if (call !== undefined) facts.scopes.set(call, inside);
    }
    // Asking every call would resolve the type of every receiver (costly on large Kysely schemas);
    // only calls that can start a transaction by hand are asked.
    if (mayStartTransaction(node) && model.getTransactionControl(node)?.action === 'begin') {
      const start = toTs(node);
      if (start !== undefined) facts.manualStarts.add(start);
    }
  }
  return facts;
}

const models = new WeakMap<AuditProject, PluginDatabaseModel>();

/** The audit's database model, fed by the rules run when there is one. */
export interface PluginDatabaseModel extends DatabaseModel {
  /** Takes the facts of a file from an ESTree the rules run already built for it. */
  collect: (filePath: string, parsed: ParseResult) => void;
}

/**
 * The audit's database model backed by the plugin's (`@faultline/eslint-plugin/utils/db`), so that
 * the audit and the rules agree on what a write and a transaction are. The plugin's model works on
 * ESTree: the rules run hands over each file's ESTree as its parser makes it (see `collect`), so
 * nothing is converted twice; a file the rules did not lint is converted from the program's own
 * AST here. Answers are keyed by TypeScript nodes for the call graph. Table names, which the
 * plugin's model does not track, come from the call shapes. One model per project.
 *
 * @param project - the loaded project
 * @example
 * const graph = getCallGraph(project, getPluginDatabaseModel(project));
 */
export function getPluginDatabaseModel(project: AuditProject): PluginDatabaseModel {
  const existing = models.get(project);
  if (existing !== undefined) return existing;
  const files = new Map<string, FileFacts>();
  const factsOf = (node: ts.Node): FileFacts => {
    const sourceFile = node.getSourceFile();
    let facts = files.get(sourceFile.fileName);
    if (facts === undefined) {
      const parsed = parseFile(project, sourceFile);
      facts = parsed === undefined ? { writes: new Map(), scopes: new Map(), manualStarts: new Set() } : extractFacts(parsed);
      releaseSyntaxChildren(sourceFile);
      files.set(sourceFile.fileName, facts);
    }
    return facts;
  };
  const model: PluginDatabaseModel = {
    collect: (filePath, parsed) => {
      files.set(filePath, extractFacts(parsed));
    },
    getWrite: (call) => factsOf(call).writes.get(call),
    getTable: (call) => shapeModel.getTable(call),
    getTransactionScope: (call) => factsOf(call).scopes.get(call),
    isManualTransactionStart: (call) => factsOf(call).manualStarts.has(call),
  };
  models.set(project, model);
  return model;
}
