import { getCallGraph, type CallSite, type FunctionUnit, type WriteSite } from '../analysis/call-graph.js';
import type { DatabaseModel } from '../analysis/database-model.js';
import { describePosition } from '../analysis/functions.js';
import { classifyFinding } from '../classify.js';
import type { Finding } from '../finding.js';
import type { AuditProject } from '../project/audit-project.js';

/** Options of the `cross-file-multi-write` analyzer. */
export interface CrossFileMultiWriteOptions {
  /** How to recognise writes and transactions; default the audit's database model. */
  model?: DatabaseModel;
}

/** The analyzer's id, as findings and `--rules` name it. */
export const id = 'cross-file-multi-write';

interface ReachedWrite {
  site: WriteSite;
  unit: FunctionUnit;
  path: readonly CallSite[];
  repeated: boolean;
}

interface Reach {
  writes: readonly ReachedWrite[];
  /** True when a call back into a function still being explored was cut: a partial answer. */
  partial: boolean;
}

/**
 * The writes a unit reaches outside transactions. Answers cut short by recursion are not
 * memoised (the cycle's head recomputes them whole), unless the graph is so recursive that the
 * work budget runs out, in which case a partial answer is kept rather than going exponential.
 */
function reachWrites(unit: FunctionUnit, memo: Map<FunctionUnit, readonly ReachedWrite[]>, active: Set<FunctionUnit>, budget: { left: number }): Reach {
  const known = memo.get(unit);
  if (known !== undefined) return { writes: known, partial: false };
  if (active.has(unit)) return { writes: [], partial: true };
  budget.left -= 1;
  active.add(unit);
  let partial = false;
  const reached = new Map<WriteSite, ReachedWrite>();
  for (const site of unit.writes) {
    if (!site.inTransaction) reached.set(site, { site, unit, path: [], repeated: site.inLoop });
  }
  for (const call of unit.calls) {
    if (call.inTransaction) continue;
    const callee = reachWrites(call.callee, memo, active, budget);
    partial ||= callee.partial;
    for (const write of callee.writes) {
      // One path per write keeps the result linear in the number of writes, whatever the graph;
      // a write reached along two paths runs twice, so it is marked repeated.
      const seen = reached.get(write.site);
      if (seen === undefined) {
        reached.set(write.site, { ...write, path: [call, ...write.path], repeated: write.repeated || call.inLoop });
      } else {
        seen.repeated = true;
      }
    }
  }
  active.delete(unit);
  const writes = [...reached.values()];
  if (!partial || budget.left <= 0) memo.set(unit, writes);
  return { writes, partial };
}

function collectReachedWrites(unit: FunctionUnit, memo: Map<FunctionUnit, readonly ReachedWrite[]>, budget: { left: number }): readonly ReachedWrite[] {
  const { writes } = reachWrites(unit, memo, new Set(), budget);
  memo.set(unit, writes);
  return writes;
}

function describeWrite(write: ReachedWrite): string {
  const { operation, table } = write.site.write;
  return `${operation} ${table ?? '(unnamed table)'}${write.repeated ? ' (repeated)' : ''}`;
}

function describeChain(root: FunctionUnit, write: ReachedWrite): string {
  const steps = [root.name, ...write.path.filter((call) => call.callee !== call.caller).map((call) => `${call.callee.name} (${call.callee.file}:${call.callee.line})`)];
  const { line } = write.unit.sourceFile.getLineAndCharacterOfPosition(write.site.node.getStart(write.unit.sourceFile));
  return `${steps.join(' → ')} → ${describeWrite(write)} at ${write.unit.file}:${line + 1}`;
}

/**
 * Finds functions that reach two or more database writes through calls into other functions or
 * files, with no transaction around them: a failure between the writes keeps some and loses the
 * rest. Writes inside a transaction scope (or in a function that runs `BEGIN` by hand) do not
 * count, nor do calls made inside one. Each chain is reported at the outermost function that brings
 * the writes together (not at a caller that merely passes through, such as a route handler calling
 * one service function), unless every path to it already runs inside a transaction.
 *
 * @param project - the loaded project
 * @param options - the database model to use
 * @example
 * const findings = analyze(project, {});
 */
export default function analyze(project: AuditProject, options: CrossFileMultiWriteOptions = {}): Finding[] {
  const graph = getCallGraph(project, options.model);
  const memo = new Map<FunctionUnit, readonly ReachedWrite[]>();
  const budget = { left: 50 * graph.units.length + 10_000 };
  const qualifies = (unit: FunctionUnit): boolean => {
    const reached = collectReachedWrites(unit, memo, budget);
    const weight = reached.reduce((sum, write) => sum + (write.repeated ? 2 : 1), 0);
    // Writes made directly by one function are `require-transaction`'s; this analyzer needs a call.
    return weight >= 2 && reached.some((write) => write.path.length > 0);
  };

  // A pass-through reaches all its writes through one call: the transaction belongs further down.
  const isCandidate = (unit: FunctionUnit): boolean => {
    if (!qualifies(unit)) return false;
    const direct = unit.writes.filter((site) => !site.inTransaction).length;
    const calls = unit.calls.filter((call) => !call.inTransaction && collectReachedWrites(call.callee, memo, budget).length > 0);
    return direct > 0 || calls.length > 1;
  };
  // Exposed: some chain of callers outside transactions reaches an entry point (a function nobody
  // calls) without meeting another candidate, which would be the better place to report.
  const isExposed = (unit: FunctionUnit): boolean => {
    const stack = [unit];
    const visited = new Set<FunctionUnit>(stack);
    const blocked = new Set<FunctionUnit>();
    while (stack.length > 0) {
      const current = stack.pop();
      if (current === undefined) break;
      if (current.callers.length === 0) return true;
      const outside = current.callers.filter((site) => !site.inTransaction);
      // Called only from functions already on this chain: a recursion nobody else enters.
      if (outside.length > 0 && outside.every((site) => visited.has(site.caller))) return true;
      for (const site of outside) {
        if (visited.has(site.caller) || blocked.has(site.caller)) continue;
        if (isCandidate(site.caller)) {
          blocked.add(site.caller);
        } else {
          visited.add(site.caller);
          stack.push(site.caller);
        }
      }
    }
    return false;
  };

  const findings: Finding[] = [];
  for (const unit of graph.units) {
    if (!isCandidate(unit) || !isExposed(unit)) continue;

    const reached = collectReachedWrites(unit, memo, budget);
    const files = new Set(reached.map((write) => write.unit.file));
    const summary = reached.map((write) => describeWrite(write)).join(', ');
    const position = describePosition(unit.sourceFile, unit.line, unit.column);
    const end = unit.sourceFile.getLineAndCharacterOfPosition(unit.node.getEnd());
    findings.push(
      classifyFinding({
        ruleId: id,
        source: 'analyzer',
        file: unit.file,
        line: unit.line,
        column: unit.column,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        message: `\`${unit.name}\` reaches ${reached.length} database writes in ${files.size} ${files.size === 1 ? 'file' : 'files'} through calls, with no transaction around them: ${summary}. Open one transaction here and pass its handle down.`,
        function: unit.name,
        snippet: position.snippet,
        chain: reached.map((write) => describeChain(unit, write)),
      }),
    );
  }
  return findings;
}
