import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { formatReport, REPORT_FORMATS } from '../../src/reporters/format-report.js';
import html from '../../src/reporters/html.js';
import json from '../../src/reporters/json.js';
import md from '../../src/reporters/md.js';
import sarif from '../../src/reporters/sarif.js';
import text from '../../src/reporters/text.js';
import { createSampleResult } from '../helpers/sample-result.js';

const here = import.meta.dirname;
const packageRoot = path.join(here, '../..');

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/**
 * The official SARIF 2.1.0 schema is draft-04; Ajv 8 speaks draft-06 and later. The schema uses
 * no draft-04-only keyword (no boolean exclusiveMinimum/Maximum), so renaming `id` to `$id` and
 * dropping `$schema` validates exactly the same documents.
 */
function loadSarifSchema(): Record<string, unknown> {
  const schema = readJson(path.join(packageRoot, 'test/fixtures/sarif/sarif-schema-2.1.0.json'));
  const { id } = schema;
  delete schema.$schema;
  delete schema.id;
  return { ...schema, $id: id };
}

function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv;
}

describe('reporters', () => {
  it('formats the text report as findings grouped by file, then counts per category and the verdict', async () => {
    await expect(text(createSampleResult())).toMatchFileSnapshot('__snapshots__/report.txt');
  });

  it('colors the text report only when asked to', () => {
    expect(text(createSampleResult())).not.toContain('\u001B[');
    expect(text(createSampleResult(), { color: true })).toContain('\u001B[31m2 high\u001B[0m');
  });

  it('formats the Markdown report as a category table and a location | rule | risk | impact | fix table', async () => {
    await expect(md(createSampleResult())).toMatchFileSnapshot('__snapshots__/report.md');
  });

  it('escapes pipes in Markdown table cells', () => {
    const result = createSampleResult();
    result.findings = result.findings.slice(0, 1).map((finding) => ({ ...finding, impact: 'a | b' }));
    expect(md(result)).toContain('a \\| b');
  });

  it('formats the JSON report with its schema version', async () => {
    await expect(json(createSampleResult())).toMatchFileSnapshot('__snapshots__/report.json');
  });

  it('writes JSON that the published audit-report schema accepts', () => {
    const validate = createAjv().compile(readJson(path.join(packageRoot, 'schema/audit-report.schema.json')));
    const valid = validate(JSON.parse(json(createSampleResult())));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('has a JSON schema that rejects a finding with an unknown risk', () => {
    const validate = createAjv().compile(readJson(path.join(packageRoot, 'schema/audit-report.schema.json')));
    const report = JSON.parse(json(createSampleResult())) as { findings: { risk: string }[] };
    for (const finding of report.findings) finding.risk = 'critical';
    expect(validate(report)).toBe(false);
  });

  it('formats the SARIF report with rules, locations and partial fingerprints', async () => {
    await expect(sarif(createSampleResult())).toMatchFileSnapshot('__snapshots__/report.sarif');
  });

  it('writes SARIF that the official SARIF 2.1.0 schema accepts', () => {
    const validate = createAjv().compile(loadSarifSchema());
    const valid = validate(JSON.parse(sarif(createSampleResult())));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is checked by a SARIF schema that rejects a result without a message', () => {
    const validate = createAjv().compile(loadSarifSchema());
    const log = JSON.parse(sarif(createSampleResult())) as { runs: { results: Record<string, unknown>[] }[] };
    for (const result of log.runs.flatMap((run) => run.results)) delete result.message;
    expect(validate(log)).toBe(false);
  });

  it('formats the HTML report as one self-contained page with three charts and a sortable table', async () => {
    const page = html(createSampleResult());
    await expect(page).toMatchFileSnapshot('__snapshots__/report.html');
    expect(page).not.toMatch(/<(?:script|link|img)[^>]+(?:src|href)=/);
    expect(page.match(/<svg /g)).toHaveLength(3);
  });

  it('escapes finding text in the HTML report', () => {
    const result = createSampleResult();
    result.findings = result.findings.slice(0, 1).map((finding) => ({ ...finding, message: '<script>alert(1)</script>' }));
    expect(html(result)).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('gives the same text for the same result in every format', () => {
    for (const format of REPORT_FORMATS) {
      expect(formatReport(format, createSampleResult())).toBe(formatReport(format, createSampleResult()));
    }
  });
});
