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

function collectReachedWrites(
  unit: FunctionUnit,
  memo: Map<FunctionUnit, readonly ReachedWrite[]>,
  active: Set<FunctionUnit>,
): readonly ReachedWrite[] {
  const known = memo.get(unit);
  if (known !== undefined) return known;
  if (active.has(unit)) return [];
  active.add(unit);
  const reached = new Map<WriteSite, ReachedWrite>();
  for (const site of unit.writes) {
    if (!site.inTransaction) reached.set(site, { site, unit, path: [], repeated: site.inLoop });
  }
  for (const call of unit.calls) {
    if (call.inTransaction) continue;
    for (const write of collectReachedWrites(call.callee, memo, active)) {
      // One path per write keeps the result linear in the number of writes, whatever the graph.
      if (!reached.has(write.site)) {
        reached.set(write.site, { ...write, path: [call, ...write.path], repeated: write.repeated || call.inLoop });
      }
    }
  }
  active.delete(unit);
  const result = [...reached.values()];
  memo.set(unit, result);
  return result;
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
 * count, nor do calls made inside one. Each chain is reported once, at its outermost function:
 * the one whose callers are all inside transactions or do not qualify themselves.
 *
 * @param project - the loaded project
 * @param options - the database model to use
 * @example
 * const findings = analyze(project, {});
 */
export default function analyze(project: AuditProject, options: CrossFileMultiWriteOptions = {}): Finding[] {
  const graph = getCallGraph(project, options.model);
  const memo = new Map<FunctionUnit, readonly ReachedWrite[]>();
  const qualifies = (unit: FunctionUnit): boolean => {
    const reached = collectReachedWrites(unit, memo, new Set());
    const weight = reached.reduce((sum, write) => sum + (write.repeated ? 2 : 1), 0);
    // Writes made directly by one function are `require-transaction`'s; this analyzer needs a call.
    return weight >= 2 && reached.some((write) => write.path.length > 0);
  };

  const findings: Finding[] = [];
  for (const unit of graph.units) {
    if (!qualifies(unit)) continue;
    const onlyCalledInTransactions = unit.callers.length > 0 && unit.callers.every((site) => site.inTransaction);
    const reportedByCaller = unit.callers.some((site) => !site.inTransaction && qualifies(site.caller));
    if (onlyCalledInTransactions || reportedByCaller) continue;

    const reached = collectReachedWrites(unit, memo, new Set());
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
