import type { Finding, Risk } from '../finding.js';
import { countByCategory, countFiles, getVerdict } from '../report-data.js';
import type { AuditResult } from '../audit-result.js';
import type { ReporterOptions } from './format-report.js';

const COLORS: Readonly<Record<Risk | 'dim' | 'bold', string>> = {
  high: '\u001B[31m',
  medium: '\u001B[33m',
  low: '\u001B[36m',
  dim: '\u001B[2m',
  bold: '\u001B[1m',
};
const RESET = '\u001B[0m';

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.file) ?? [];
    group.push(finding);
    groups.set(finding.file, group);
  }
  return groups;
}

/**
 * The terminal report: findings grouped by file, then a summary per category and the verdict.
 * Colors only when `options.color` is set (the CLI sets it on a TTY).
 *
 * @param result - the audit result
 * @param options - `color` for ANSI colors
 * @example
 * process.stdout.write(text(result, { color: process.stdout.isTTY }));
 */
export default function text(result: AuditResult, options: ReporterOptions = {}): string {
  const paint = (style: keyof typeof COLORS, value: string): string => (options.color === true ? `${COLORS[style]}${value}${RESET}` : value);
  const lines: string[] = [];
  const { summary } = result;

  for (const [file, findings] of groupByFile(result.findings)) {
    lines.push(paint('bold', file));
    for (const finding of findings) {
      const position = `${finding.line}:${finding.column}`.padEnd(8);
      const risk = paint(finding.risk, finding.risk.padEnd(7));
      const status = finding.baseline === 'new' ? ' [new]' : finding.baseline === 'known' ? paint('dim', ' [known]') : '';
      lines.push(`  ${position}${risk}${finding.ruleId.padEnd(24)} ${finding.message}${status}`);
      if (finding.moneyPath) {
        lines.push(paint('dim', `          money path: ${finding.moneyPath.route} → ${finding.moneyPath.tables.join(', ')}`));
      }
      for (const step of finding.chain ?? []) lines.push(paint('dim', `          ${step}`));
      lines.push(paint('dim', `          fix: ${finding.fix}`));
    }
    lines.push('');
  }

  if (result.problems.length > 0) {
    lines.push(paint('bold', 'Problems'));
    for (const problem of result.problems) lines.push(`  ${problem.file === undefined ? '' : `${problem.file}: `}${problem.message}`);
    lines.push('');
  }

  const files = countFiles(result.findings);
  lines.push(
    paint(
      'bold',
      `${summary.total} ${summary.total === 1 ? 'finding' : 'findings'} in ${files} ${files === 1 ? 'file' : 'files'} ` +
        `(${result.stats.files} audited, ${result.stats.lines} lines): ` +
        `${paint('high', `${summary.byRisk.high} high`)}, ${paint('medium', `${summary.byRisk.medium} medium`)}, ${paint('low', `${summary.byRisk.low} low`)}`,
    ),
  );
  for (const row of countByCategory(result.findings)) {
    lines.push(`  ${row.label.padEnd(34)}${String(row.total).padStart(4)}   high ${row.byRisk.high}, medium ${row.byRisk.medium}, low ${row.byRisk.low}`);
  }
  if (result.baseline !== undefined) {
    lines.push(`Baseline ${result.baseline.path}: ${result.baseline.new} new, ${result.baseline.known} known, ${result.baseline.fixed} fixed`);
  }
  lines.push(getVerdict(result));
  return `${lines.join('\n')}\n`;
}
