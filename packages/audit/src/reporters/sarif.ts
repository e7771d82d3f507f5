import type { Log, ReportingDescriptor, Result } from 'sarif';
import { getFindingKey } from '../baseline/baseline.js';
import { getKindTitle } from '../classify.js';
import type { Finding, Risk } from '../finding.js';
import type { AuditResult } from '../audit-result.js';

const LEVELS: Readonly<Record<Risk, Result.level>> = { high: 'error', medium: 'warning', low: 'note' };
const INFORMATION_URI = 'https://github.com/faultline-dev/faultline';
const SRCROOT = '%SRCROOT%';

function toFileUri(root: string): string {
  const withSlash = root.endsWith('/') ? root : `${root}/`;
  return new URL(`file://${withSlash.startsWith('/') ? '' : '/'}${withSlash}`).href;
}

function describeResult(finding: Finding): string {
  const parts = [finding.message];
  if (finding.moneyPath) parts.push(`On a money path: ${finding.moneyPath.route} touches ${finding.moneyPath.tables.join(', ')}.`);
  parts.push(`Impact: ${finding.impact}`, `Fix: ${finding.fix}`);
  return parts.join(' ');
}

/**
 * The SARIF 2.1.0 report, as GitHub code scanning takes it: one run, the rules with help text and
 * documentation links, results with locations relative to `%SRCROOT%` and `partialFingerprints`
 * (the baseline key), so that code scanning tracks a finding across line shifts.
 *
 * @param result - the audit result
 * @example
 * writeFileSync('faultline.sarif', sarif(result));
 */
export default function sarif(result: AuditResult): string {
  const rules: ReportingDescriptor[] = result.rules.map((rule) => ({
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description}. Category: ${getKindTitle(rule.kind)}.` },
    ...(rule.helpUri === undefined ? {} : { helpUri: rule.helpUri }),
    help: {
      text: `${rule.description}. See ${rule.helpUri ?? INFORMATION_URI} for examples and the fix.`,
      markdown: `${rule.description}. See [the documentation](${rule.helpUri ?? INFORMATION_URI}) for examples and the fix.`,
    },
    defaultConfiguration: { level: rule.kind === 'ambiguous-result' ? 'note' : 'warning' },
    properties: { tags: ['reliability', rule.kind], precision: 'high' },
  }));
  const ruleIndex = new Map(result.rules.map((rule, index) => [rule.id, index]));

  const results: Result[] = result.findings.map((finding) => {
    const index = ruleIndex.get(finding.ruleId);
    return {
      ruleId: finding.ruleId,
      ...(index === undefined ? {} : { ruleIndex: index }),
      level: LEVELS[finding.risk],
      message: { text: describeResult(finding) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(finding.file), uriBaseId: SRCROOT },
            region: {
              startLine: finding.line,
              startColumn: finding.column,
              endLine: finding.endLine,
              endColumn: finding.endColumn,
            },
          },
          ...(finding.function === '<module>' ? {} : { logicalLocations: [{ name: finding.function, kind: 'function' }] }),
        },
      ],
      partialFingerprints: { 'faultlineKey/v1': getFindingKey(finding) },
      ...(finding.baseline === undefined ? {} : { baselineState: finding.baseline === 'new' ? 'new' : 'unchanged' }),
      properties: {
        risk: finding.risk,
        kind: finding.kind,
        impact: finding.impact,
        fix: finding.fix,
        ...(finding.moneyPath ? { moneyPath: finding.moneyPath } : {}),
        ...(finding.chain ? { chain: finding.chain } : {}),
      },
    };
  });

  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Faultline',
            informationUri: INFORMATION_URI,
            version: result.tool.version,
            semanticVersion: result.tool.version,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: toFileUri(result.root) } },
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: result.problems.map((problem) => ({
              level: 'warning' as const,
              message: { text: problem.message },
              ...(problem.file === undefined
                ? {}
                : { locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(problem.file), uriBaseId: SRCROOT } } }] }),
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, undefined, 2)}\n`;
}
