import path from 'node:path';
import { getKindTitle } from './classify.js';
import { RISKS, type Finding, type Risk } from './finding.js';
import type { AuditResult } from './audit-result.js';

/** Counts of findings per risk. */
export type RiskCounts = Record<Risk, number>;

/** A row of a summary table: a category, a rule or a directory with its counts. */
export interface CountRow {
  label: string;
  total: number;
  byRisk: RiskCounts;
}

function emptyCounts(): RiskCounts {
  return { high: 0, medium: 0, low: 0 };
}

function countBy(findings: readonly Finding[], key: (finding: Finding) => string): CountRow[] {
  const rows = new Map<string, CountRow>();
  for (const finding of findings) {
    const label = key(finding);
    const row = rows.get(label) ?? { label, total: 0, byRisk: emptyCounts() };
    row.total += 1;
    row.byRisk[finding.risk] += 1;
    rows.set(label, row);
  }
  // Most findings first; ties by label so that reports are stable.
  return [...rows.values()].sort((a, b) => b.total - a.total || (a.label < b.label ? -1 : 1));
}

/**
 * Counts per category (finding kind), with the category's title as label.
 *
 * @param findings - the findings
 * @example
 * countByCategory(result.findings)[0]; // { label: 'Swallowed errors', total: 3, byRisk: {…} }
 */
export function countByCategory(findings: readonly Finding[]): CountRow[] {
  return countBy(findings, (finding) => getKindTitle(finding.kind));
}

/**
 * Counts per rule or analyzer id.
 *
 * @param findings - the findings
 * @example
 * countByRule(result.findings);
 */
export function countByRule(findings: readonly Finding[]): CountRow[] {
  return countBy(findings, (finding) => finding.ruleId);
}

/**
 * Counts per directory of the finding's file (`.` for the root).
 *
 * @param findings - the findings
 * @example
 * countByDirectory(result.findings);
 */
export function countByDirectory(findings: readonly Finding[]): CountRow[] {
  return countBy(findings, (finding) => path.posix.dirname(finding.file));
}

/**
 * Counts per risk, most severe first, including risks with no findings.
 *
 * @param findings - the findings
 * @example
 * countByRisk(result.findings); // [{ label: 'high', … }, { label: 'medium', … }, { label: 'low', … }]
 */
export function countByRisk(findings: readonly Finding[]): CountRow[] {
  return RISKS.map((risk) => {
    const total = findings.filter((finding) => finding.risk === risk).length;
    return { label: risk, total, byRisk: { ...emptyCounts(), [risk]: total } };
  });
}

/**
 * The number of distinct files with findings.
 *
 * @param findings - the findings
 * @example
 * countFiles(result.findings);
 */
export function countFiles(findings: readonly Finding[]): number {
  return new Set(findings.map((finding) => finding.file)).size;
}

/**
 * One line saying whether the audit passes, for the end of the text and Markdown reports.
 *
 * @param result - the audit result
 * @example
 * getVerdict(result); // 'FAIL: 3 findings at or above high'
 */
export function getVerdict(result: AuditResult): string {
  const { failing } = result.summary;
  if (result.failOn === 'none') return 'PASS: fail level is none';
  const scope = result.baseline === undefined ? '' : ' not in the baseline';
  if (failing === 0) return `PASS: no findings at or above ${result.failOn}${scope}`;
  return `FAIL: ${failing} ${failing === 1 ? 'finding' : 'findings'} at or above ${result.failOn}${scope}`;
}

/**
 * `file:line:column` for a finding.
 *
 * @param finding - a finding
 * @example
 * formatLocation(finding); // 'src/payment.service.ts:42:7'
 */
export function formatLocation(finding: Pick<Finding, 'file' | 'line' | 'column'>): string {
  return `${finding.file}:${finding.line}:${finding.column}`;
}
