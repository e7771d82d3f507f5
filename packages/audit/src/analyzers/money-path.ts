import { getCallGraph, type CallGraph, type FunctionUnit } from '../analysis/call-graph.js';
import { classifyFinding } from '../classify.js';
import type { Finding } from '../finding.js';
import type { AuditProject } from '../project/audit-project.js';

/** Table and model names that put a function on a money path, matched as case-insensitive substrings. */
export const DEFAULT_MONEY_TABLES: readonly string[] = [
  'payment',
  'order',
  'balance',
  'account',
  'ledger',
  'refund',
  'transfer',
  'wallet',
  'invoice',
  'charge',
];

/** Options of the `money-path` analyzer. */
export interface MoneyPathOptions {
  /** The findings to classify. */
  findings: readonly Finding[];
  /** Substrings of table or model names that hold money; default {@link DEFAULT_MONEY_TABLES}. */
  moneyTables?: readonly string[];
}

/** The analyzer's id. */
export const id = 'money-path';

function getRouteReach(graph: CallGraph): Map<FunctionUnit, string> {
  const reach = new Map<FunctionUnit, string>();
  for (const route of graph.routes) {
    const label = `${route.label} (${route.file})`;
    const queue = route.handlers.filter((unit) => !reach.has(unit));
    for (const unit of queue) reach.set(unit, label);
    while (queue.length > 0) {
      const unit = queue.shift();
      if (unit === undefined) break;
      for (const call of unit.calls) {
        if (!reach.has(call.callee)) {
          reach.set(call.callee, label);
          queue.push(call.callee);
        }
      }
    }
  }
  return reach;
}

function collectTables(unit: FunctionUnit, memo: Map<FunctionUnit, ReadonlySet<string>>, active: Set<FunctionUnit>): ReadonlySet<string> {
  const known = memo.get(unit);
  if (known !== undefined) return known;
  if (active.has(unit)) return unit.tables;
  active.add(unit);
  const tables = new Set(unit.tables);
  for (const call of unit.calls) {
    for (const table of collectTables(call.callee, memo, active)) tables.add(table);
  }
  active.delete(unit);
  memo.set(unit, tables);
  return tables;
}

/**
 * Marks the findings whose function is on a money path: reachable from an HTTP route
 * registration (Hono, Express, Koa Router, Fastify, Next.js handlers) and touching, directly or
 * through its callees, a table or model named like money. Such findings get a `moneyPath` and
 * their risk raised one step; the others come back unchanged.
 *
 * @param project - the loaded project
 * @param options - the findings to classify and the money table names
 * @example
 * const classified = analyze(project, { findings, moneyTables: ['payment', 'payout'] });
 */
export default function analyze(project: AuditProject, options: MoneyPathOptions): Finding[] {
  const graph = getCallGraph(project);
  const reach = getRouteReach(graph);
  const patterns = (options.moneyTables ?? DEFAULT_MONEY_TABLES).map((name) => name.toLowerCase());
  const isMoney = (table: string): boolean => patterns.some((pattern) => table.toLowerCase().includes(pattern));
  const memo = new Map<FunctionUnit, ReadonlySet<string>>();

  return options.findings.map((finding) => {
    const unit = graph.findUnitAt(finding.file, finding.line, finding.column);
    const route = unit === undefined ? undefined : reach.get(unit);
    if (unit === undefined || route === undefined) return finding;
    const tables = [...collectTables(unit, memo, new Set())].filter((table) => isMoney(table)).sort();
    if (tables.length === 0) return finding;
    return classifyFinding({ ...finding, moneyPath: { route, tables } }, finding.helpUri);
  });
}
