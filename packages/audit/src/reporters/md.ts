import type { Finding } from '../finding.js';
import { countByCategory, countFiles, formatLocation, getVerdict } from '../report-data.js';
import type { AuditResult } from '../audit-result.js';

/** GitHub caps a comment at 65,536 characters; past this many rows the table stops. */
const MAX_ROWS = 200;

function cell(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replaceAll(/\r?\n/g, ' ');
}

function formatRisk(finding: Finding): string {
  const status = finding.baseline === 'new' ? ' · **new**' : finding.baseline === 'known' ? ' · known' : '';
  return `${finding.risk}${finding.moneyPath ? ' · money path' : ''}${status}`;
}

function formatRule(finding: Finding): string {
  return finding.helpUri === undefined ? `\`${finding.ruleId}\`` : `[\`${finding.ruleId}\`](${finding.helpUri})`;
}

/**
 * The Markdown report, fit for a pull-request comment: a summary table per category with counts
 * and risk, then a findings table (location | rule | risk | impact | fix).
 *
 * @param result - the audit result
 * @example
 * writeFileSync('audit.md', md(result));
 */
export default function md(result: AuditResult): string {
  const { summary } = result;
  const files = countFiles(result.findings);
  const lines = [
    '## Faultline audit',
    '',
    `**${summary.total} ${summary.total === 1 ? 'finding' : 'findings'}** in ${files} ${files === 1 ? 'file' : 'files'} ` +
      `(${result.stats.files} files, ${result.stats.lines} lines audited): ` +
      `**${summary.byRisk.high} high**, ${summary.byRisk.medium} medium, ${summary.byRisk.low} low.`,
  ];
  if (result.baseline !== undefined) {
    lines.push('', `Against the baseline: **${result.baseline.new} new**, ${result.baseline.known} known, ${result.baseline.fixed} fixed.`);
  }
  lines.push('', `**${getVerdict(result)}**`, '');

  if (summary.total > 0) {
    lines.push('| Category | Findings | High | Medium | Low |', '| --- | ---: | ---: | ---: | ---: |');
    for (const row of countByCategory(result.findings)) {
      lines.push(`| ${cell(row.label)} | ${row.total} | ${row.byRisk.high} | ${row.byRisk.medium} | ${row.byRisk.low} |`);
    }
    lines.push('', '### Findings', '', '| Location | Rule | Risk | Impact | Fix |', '| --- | --- | --- | --- | --- |');
    for (const finding of result.findings.slice(0, MAX_ROWS)) {
      lines.push(
        `| \`${cell(formatLocation(finding))}\` | ${formatRule(finding)} | ${formatRisk(finding)} | ${cell(finding.impact)} | ${cell(finding.fix)} |`,
      );
    }
    if (result.findings.length > MAX_ROWS) {
      lines.push('', `…and ${result.findings.length - MAX_ROWS} more: see the HTML or SARIF report.`);
    }
  }
  if (result.problems.length > 0) {
    lines.push('', '### Problems', '');
    for (const problem of result.problems) lines.push(`- ${problem.file === undefined ? '' : `\`${problem.file}\`: `}${problem.message}`);
  }
  return `${lines.join('\n')}\n`;
}
