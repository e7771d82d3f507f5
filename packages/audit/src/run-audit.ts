import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import crossFileMultiWrite, { id as crossFileMultiWriteId } from './analyzers/cross-file-multi-write.js';
import moneyPath from './analyzers/money-path.js';
import { compareWithBaseline, parseBaseline, type Baseline } from './baseline/baseline.js';
import { getFindingKind } from './classify.js';
import { AuditUsageError } from './errors.js';
import { AUDIT_DOCS_URL, AUDIT_SCHEMA_VERSION, type AuditResult, type AuditRule, type AuditSummary, type FailOn } from './audit-result.js';
import { compareFindings, RISKS, type Finding, type Risk } from './finding.js';
import { getPluginRules, runRules } from './lint/run-rules.js';
import type { AuditProject } from './project/audit-project.js';
import { loadProject, toRelativePath } from './project/load-project.js';

const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

/** A stage of the audit, for progress reports. */
export interface AuditProgress {
  phase: 'load' | 'rules' | 'analyzers';
  done: number;
  total: number;
}

/** What to audit and how. Paths are resolved against the current directory. */
export interface AuditOptions {
  /** The folder to audit. */
  path: string;
  /** The tsconfig, relative to `path`; default `tsconfig.json` in it when present. */
  project?: string;
  /** Rule and analyzer ids to run; default all of them. */
  rules?: readonly string[];
  /** Globs, relative to `path`, a file must match to be audited. */
  include?: readonly string[];
  /** Globs, relative to `path`, of files to leave out. */
  exclude?: readonly string[];
  /** The lowest risk that fails the audit; default `high`. */
  failOn?: FailOn;
  /** A baseline file: only findings not in it count toward failing. */
  baseline?: string;
  /** Substrings of table or model names that hold money; default payment, order, balance, … */
  moneyTables?: readonly string[];
  /** Called as the audit advances. */
  onProgress?: (progress: AuditProgress) => void;
  /** Files to audit from memory instead of disk, keyed by absolute path (tests). */
  inMemoryFiles?: Readonly<Record<string, string>>;
}

interface Analyzer {
  description: string;
  analyze: (project: AuditProject) => Finding[];
}

const ANALYZERS: Readonly<Record<string, Analyzer>> = {
  [crossFileMultiWriteId]: {
    description: 'Disallow functions that reach several database writes through calls without a transaction',
    analyze: (project) => crossFileMultiWrite(project),
  },
};

/**
 * Every rule and analyzer the audit can run.
 *
 * @example
 * listAuditRules().map((rule) => rule.id);
 */
export function listAuditRules(): AuditRule[] {
  const fromPlugin = getPluginRules().map((rule): AuditRule => ({ ...rule, source: 'rule', kind: getFindingKind(rule.id) }));
  const fromAnalyzers = Object.entries(ANALYZERS).map(
    ([id, analyzer]): AuditRule => ({ id, source: 'analyzer', kind: getFindingKind(id), description: analyzer.description, helpUri: `${AUDIT_DOCS_URL}#${id}` }),
  );
  return [...fromPlugin, ...fromAnalyzers];
}

/**
 * Whether a risk is at or above the fail level.
 *
 * @param risk - a finding's risk
 * @param failOn - the fail level
 * @example
 * isAtOrAbove('medium', 'high'); // false
 */
export function isAtOrAbove(risk: Risk, failOn: FailOn): boolean {
  return failOn !== 'none' && RISKS.indexOf(risk) <= RISKS.indexOf(failOn);
}

function selectRules(requested: readonly string[] | undefined): AuditRule[] {
  const all = listAuditRules();
  if (requested === undefined) return all;
  const known = new Map(all.map((rule) => [rule.id, rule]));
  const unknown = requested.filter((id) => !known.has(id.replace(/^faultline\//, '')));
  if (unknown.length > 0) {
    throw new AuditUsageError(`unknown rule ${unknown.join(', ')}; known rules: ${[...known.keys()].join(', ')}`);
  }
  return requested.map((id) => known.get(id.replace(/^faultline\//, ''))).filter((rule) => rule !== undefined);
}

function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AuditUsageError(`cannot read baseline ${file}`, { cause: error });
  }
  return parseBaseline(text, file);
}

function summarize(findings: readonly Finding[], failOn: FailOn): AuditSummary {
  const byRisk: Record<Risk, number> = { high: 0, medium: 0, low: 0 };
  const byRule: Record<string, number> = {};
  let failing = 0;
  for (const finding of findings) {
    byRisk[finding.risk] += 1;
    byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
    if (finding.baseline !== 'known' && isAtOrAbove(finding.risk, failOn)) failing += 1;
  }
  return { total: findings.length, byRisk, byRule, failing };
}

/**
 * One defect, one finding: when a rule already reports a function that an analyzer reports for the
 * same kind of defect (require-transaction also follows calls when it has types), the rule's
 * finding stays and takes the analyzer's chain of calls.
 */
function mergeOverlaps(fromRules: readonly Finding[], fromAnalyzers: readonly Finding[]): Finding[] {
  const merged = [...fromRules];
  for (const finding of fromAnalyzers) {
    const index = merged.findIndex(
      (other) => other.source === 'rule' && other.kind === finding.kind && other.file === finding.file && other.function === finding.function,
    );
    const overlap = merged[index];
    if (overlap === undefined) {
      merged.push(finding);
    } else if (finding.chain !== undefined) {
      merged[index] = { ...overlap, chain: finding.chain };
    }
  }
  return merged;
}

/**
 * Audits a TypeScript code base: loads it once with ts-morph, runs the plugin's rules through
 * ESLint with type information, adds the whole-program analyzers, classifies each finding (risk,
 * impact, fix, money path) and compares with the baseline. Prints nothing; the CLI does.
 *
 * @param options - what to audit; `failOn` defaults to `high`
 * @returns the findings sorted by file, line and column, with counts for the summary
 * @throws AuditUsageError when the path, tsconfig, baseline or a rule id is wrong
 * @example
 * import { runAudit } from '@faultline/audit';
 *
 * const result = await runAudit({ path: 'services/payments', failOn: 'medium' });
 * if (result.summary.failing > 0) console.log(`${result.summary.failing} findings to fix`);
 */
export async function runAudit(options: AuditOptions): Promise<AuditResult> {
  const started = performance.now();
  const failOn = options.failOn ?? 'high';
  const rules = selectRules(options.rules);
  const baseline = options.baseline === undefined ? undefined : readBaseline(path.resolve(options.baseline));

  options.onProgress?.({ phase: 'load', done: 0, total: 1 });
  const project = loadProject({
    root: options.path,
    ...(options.project === undefined ? {} : { tsconfig: options.project }),
    ...(options.include === undefined ? {} : { include: options.include }),
    ...(options.exclude === undefined ? {} : { exclude: options.exclude }),
    ...(options.inMemoryFiles === undefined ? {} : { inMemoryFiles: options.inMemoryFiles }),
  });
  options.onProgress?.({ phase: 'load', done: 1, total: 1 });

  const ruleRun = await runRules(project, {
    rules: rules.filter((rule) => rule.source === 'rule').map((rule) => rule.id),
    onProgress: (done, total) => options.onProgress?.({ phase: 'rules', done, total }),
  });
  const analyzers = rules.filter((rule) => rule.source === 'analyzer');
  options.onProgress?.({ phase: 'analyzers', done: 0, total: analyzers.length });
  const analyzed = analyzers.flatMap((rule, index) => {
    const found = ANALYZERS[rule.id]?.analyze(project) ?? [];
    options.onProgress?.({ phase: 'analyzers', done: index + 1, total: analyzers.length });
    return found;
  });
  const classified = moneyPath(project, {
    findings: mergeOverlaps(ruleRun.findings, analyzed),
    ...(options.moneyTables === undefined ? {} : { moneyTables: options.moneyTables }),
  }).sort(compareFindings);
  const comparison = baseline === undefined ? undefined : compareWithBaseline(classified, baseline);
  const findings = comparison?.findings ?? classified;

  return {
    schemaVersion: AUDIT_SCHEMA_VERSION,
    tool: { name: '@faultline/audit', version },
    root: project.root,
    tsconfig: project.tsconfig === undefined ? null : toRelativePath(project.root, project.tsconfig),
    failOn,
    rules,
    findings,
    problems: [...project.problems, ...ruleRun.problems].map((problem) =>
      problem.file !== undefined && path.isAbsolute(problem.file) ? { ...problem, file: toRelativePath(project.root, problem.file) } : problem,
    ),
    stats: {
      files: project.files.length,
      lines: project.files.reduce((sum, file) => sum + file.getLineStarts().length, 0),
      durationMs: Math.round(performance.now() - started),
    },
    summary: summarize(findings, failOn),
    ...(comparison === undefined || options.baseline === undefined
      ? {}
      : { baseline: { path: options.baseline, new: comparison.newCount, known: comparison.knownCount, fixed: comparison.fixedCount } }),
  };
}

export { AUDIT_DOCS_URL, AUDIT_SCHEMA_VERSION } from './audit-result.js';
export type { AuditResult, AuditRule, AuditSummary, FailOn } from './audit-result.js';
