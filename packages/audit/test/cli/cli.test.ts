import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The built binary, as users run it: `npm test` builds before vitest runs.
const cli = path.join(import.meta.dirname, '../../dist/cli.js');
const fixtures = path.join(import.meta.dirname, '../fixtures');

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('faultline audit (built binary)', () => {
  let folder: string;

  beforeAll(() => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build -w @faultline/eslint-plugin && npm run build -w @faultline/audit`);
    folder = mkdtempSync(path.join(tmpdir(), 'faultline-cli-'));
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('exits 0 when nothing reaches the fail level', () => {
    const { status, stdout } = run('audit', path.join(fixtures, 'clean-service'));
    expect(stdout).toContain('PASS: no findings at or above high');
    expect(status).toBe(0);
  });

  it('exits 1 when a finding reaches the fail level', () => {
    const { status, stdout } = run('audit', path.join(fixtures, 'no-tsconfig'), '--rules', 'cross-file-multi-write', '--fail-on', 'medium', '--quiet');
    expect(stdout).toContain('cross-file-multi-write');
    expect(status).toBe(1);
  });

  it('exits 0 on the same findings once they are recorded in a baseline', () => {
    const baseline = path.join(folder, 'baseline.json');
    const target = path.join(fixtures, 'no-tsconfig');
    const update = run('audit', target, '--rules', 'cross-file-multi-write', '--fail-on', 'medium', '--baseline', baseline, '--update-baseline');
    expect(update.stderr).toContain(`recorded 1 findings in ${baseline}`);
    expect(update.status).toBe(0);
    const again = run('audit', target, '--rules', 'cross-file-multi-write', '--fail-on', 'medium', '--baseline', baseline, '--format', 'json');
    expect((JSON.parse(again.stdout) as { baseline: unknown }).baseline).toEqual({ path: baseline, new: 0, known: 1, fixed: 0 });
    expect(again.status).toBe(0);
  });

  it('exits 2 with a one-line message for a missing path, and no stack trace', () => {
    const { status, stderr } = run('audit', path.join(fixtures, 'no-such-folder'));
    expect(stderr).toBe(`faultline: no such file or directory: ${path.join(fixtures, 'no-such-folder')}\n`);
    expect(status).toBe(2);
  });

  it('exits 2 on an unknown option or format, and on an unknown rule', () => {
    expect(run('audit', '--no-such-option').status).toBe(2);
    const format = run('audit', '--format', 'pdf');
    expect(format.stderr).toContain('expected one of text, md, json, sarif, html');
    expect(format.status).toBe(2);
    const rule = run('audit', path.join(fixtures, 'clean-service'), '--rules', 'no-such-rule');
    expect(rule.stderr).toMatch(/^faultline: unknown rule no-such-rule; known rules: .*\n$/);
    expect(rule.status).toBe(2);
  });

  it('exits 2 on an unreadable baseline', () => {
    const { status, stderr } = run('audit', path.join(fixtures, 'clean-service'), '--baseline', path.join(folder, 'missing.json'));
    expect(stderr).toMatch(/^faultline: cannot read baseline .*missing\.json\n$/);
    expect(status).toBe(2);
  });

  it('writes every requested format into the output folder', () => {
    const output = path.join(folder, 'reports');
    const { status, stdout } = run('audit', path.join(fixtures, 'no-tsconfig'), '-f', 'md', '-f', 'html', '--format', 'sarif,json', '-o', output, '-q');
    expect(stdout).toBe('');
    expect(status).toBe(0);
    for (const extension of ['md', 'html', 'sarif', 'json']) {
      expect(existsSync(path.join(output, `faultline-audit.${extension}`))).toBe(true);
    }
    expect(readFileSync(path.join(output, 'faultline-audit.md'), 'utf8')).toContain('## Faultline audit');
  });

  it('writes one format to the file named by --output and nothing to stdout', () => {
    const output = path.join(folder, 'audit.sarif');
    const { stdout } = run('audit', path.join(fixtures, 'no-tsconfig'), '-f', 'sarif', '-o', output, '-q');
    expect(stdout).toBe('');
    expect((JSON.parse(readFileSync(output, 'utf8')) as { version: string }).version).toBe('2.1.0');
  });

  it('keeps stderr free of progress when it is not a terminal', () => {
    const { stderr } = run('audit', path.join(fixtures, 'clean-service'), '-f', 'json');
    expect(stderr).not.toContain('running rules');
  });

  it('prints loading problems on stderr when the report goes elsewhere, and nothing with --quiet', () => {
    const noisy = run('audit', path.join(fixtures, 'syntax-error'), '-f', 'json');
    expect(noisy.stderr).toMatch(/^faultline: src\/broken\.ts: does not parse/m);
    const quiet = run('audit', path.join(fixtures, 'syntax-error'), '-f', 'json', '--quiet');
    expect(quiet.stderr).toBe('');
  });

  it('prints its version and help with exit code 0', () => {
    expect(run('--version')).toMatchObject({ status: 0, stdout: '0.1.0\n' });
    const help = run('audit', '--help');
    expect(help.stdout).toContain('--update-baseline');
    expect(help.status).toBe(0);
  });
});
