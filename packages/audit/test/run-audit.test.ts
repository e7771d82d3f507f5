import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBaseline, serializeBaseline } from '../src/baseline/baseline.js';
import { AuditUsageError } from '../src/errors.js';
import { compareFindings } from '../src/finding.js';
import { listAuditRules, runAudit, type AuditProgress } from '../src/run-audit.js';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const fixture = (name: string): string => path.join(fixtures, name);

describe('runAudit', () => {
  it('audits a folder without a tsconfig with default options, and says so', async () => {
    const result = await runAudit({ path: fixture('no-tsconfig'), rules: ['cross-file-multi-write'] });
    expect(result.tsconfig).toBeNull();
    expect(result.problems).toEqual([{ message: `no tsconfig.json in ${fixture('no-tsconfig')}: auditing its TypeScript files with default compiler options` }]);
    expect(result.findings.map((finding) => [finding.ruleId, finding.file, finding.function])).toEqual([['cross-file-multi-write', 'src/refund.ts', 'refund']]);
  });

  it('reports a file that does not parse as a problem and audits the rest', async () => {
    const result = await runAudit({ path: fixture('syntax-error') });
    expect(result.problems).toEqual([{ file: 'src/broken.ts', message: expect.stringMatching(/^does not parse \(2:\d+\): .*rules skipped for this file$/) as string }]);
    expect(result.findings.map((finding) => finding.file)).toContain('src/refund.ts');
    expect(result.stats.files).toBe(2);
  });

  it('follows the references of a solution-style tsconfig and resolves calls across its projects', async () => {
    const result = await runAudit({ path: fixture('solution-style'), rules: ['cross-file-multi-write'] });
    expect(result.problems).toEqual([]);
    expect(result.stats.files).toBe(2);
    expect(result.findings.map((finding) => [finding.file, finding.function])).toEqual([['packages/api/src/transfer.ts', 'transfer']]);
  });

  it('finds nothing in a service that opens a transaction around its writes', async () => {
    const result = await runAudit({ path: fixture('clean-service') });
    expect(result.findings).toEqual([]);
    expect(result.summary).toEqual({ total: 0, byRisk: { high: 0, medium: 0, low: 0 }, byRule: {}, failing: 0 });
  });

  it('audits an empty folder to an empty result with a problem saying there was nothing to audit', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'faultline-empty-'));
    try {
      const result = await runAudit({ path: empty });
      expect(result.findings).toEqual([]);
      expect(result.problems.map((problem) => problem.message)).toContain(`no TypeScript files to audit under ${empty}`);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('rejects a missing folder, a missing tsconfig and an unknown rule with usage errors', async () => {
    await expect(runAudit({ path: fixture('does-not-exist') })).rejects.toThrow(AuditUsageError);
    await expect(runAudit({ path: fixture('clean-service'), project: 'nope.json' })).rejects.toThrow(/tsconfig not found: .*nope\.json/);
    await expect(runAudit({ path: fixture('clean-service'), rules: ['no-such-rule'] })).rejects.toThrow(/unknown rule no-such-rule; known rules: /);
  });

  it('runs only the rules asked for, with or without the faultline/ prefix', async () => {
    const result = await runAudit({ path: fixture('no-tsconfig'), rules: ['faultline/no-error-leak'] });
    expect(result.rules.map((rule) => rule.id)).toEqual(['no-error-leak']);
    expect(result.findings).toEqual([]);
  });

  it('leaves out files matched by exclude and keeps only files matched by include', async () => {
    const excluded = await runAudit({ path: fixture('solution-style'), exclude: ['packages/api/**'] });
    expect(excluded.stats.files).toBe(1);
    const included = await runAudit({ path: fixture('solution-style'), include: ['packages/db/**'] });
    expect(included.stats.files).toBe(1);
    expect(included.findings).toEqual([]);
  });

  it('counts only findings at or above the fail level and not in the baseline as failing', async () => {
    const first = await runAudit({ path: fixture('no-tsconfig'), failOn: 'medium', rules: ['cross-file-multi-write'] });
    expect(first.summary.failing).toBe(1);
    expect((await runAudit({ path: fixture('no-tsconfig'), failOn: 'high', rules: ['cross-file-multi-write'] })).summary.failing).toBe(0);
    expect((await runAudit({ path: fixture('no-tsconfig'), failOn: 'none' })).summary.failing).toBe(0);

    const folder = mkdtempSync(path.join(tmpdir(), 'faultline-baseline-'));
    try {
      const baseline = path.join(folder, 'baseline.json');
      writeFileSync(baseline, serializeBaseline(createBaseline(first.findings)));
      const second = await runAudit({ path: fixture('no-tsconfig'), failOn: 'medium', baseline, rules: ['cross-file-multi-write'] });
      expect(second.summary.failing).toBe(0);
      expect(second.baseline).toEqual({ path: baseline, new: 0, known: 1, fixed: 0 });
      expect(second.findings.map((finding) => finding.baseline)).toEqual(['known']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('reports progress through loading, rules and analyzers', async () => {
    const phases: AuditProgress['phase'][] = [];
    await runAudit({ path: fixture('clean-service'), onProgress: (progress) => phases.push(progress.phase) });
    expect(new Set(phases)).toEqual(new Set(['load', 'rules', 'analyzers']));
  });

  it('sorts findings by file, line and column', async () => {
    const result = await runAudit({ path: fixture('legacy-payment-service') });
    expect(result.findings).toEqual([...result.findings].sort(compareFindings));
  });

  it('lists the plugin rules of the all config and its own analyzers', () => {
    const rules = listAuditRules();
    expect(rules.filter((rule) => rule.source === 'analyzer').map((rule) => rule.id)).toEqual(['cross-file-multi-write']);
    expect(rules.filter((rule) => rule.source === 'rule').length).toBeGreaterThan(0);
  });
});
