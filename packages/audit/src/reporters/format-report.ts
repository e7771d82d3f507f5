import type { AuditResult } from '../audit-result.js';
import html from './html.js';
import json from './json.js';
import md from './md.js';
import sarif from './sarif.js';
import text from './text.js';

/** The report formats, as `--format` takes them. */
export const REPORT_FORMATS = ['text', 'md', 'json', 'sarif', 'html'] as const;

/** A report format. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Options every reporter accepts; each uses what applies to it. */
export interface ReporterOptions {
  /** ANSI colors in the text report; default false. */
  color?: boolean;
}

/** The file extension each format is written with when `--output` is a folder. */
export const REPORT_EXTENSIONS: Readonly<Record<ReportFormat, string>> = {
  text: 'txt',
  md: 'md',
  json: 'json',
  sarif: 'sarif',
  html: 'html',
};

const REPORTERS: Readonly<Record<ReportFormat, (result: AuditResult, options: ReporterOptions) => string>> = {
  text,
  md,
  json,
  sarif,
  html,
};

/**
 * Formats an audit result. Pure: the same result gives the same text.
 *
 * @param format - one of {@link REPORT_FORMATS}
 * @param result - the audit result
 * @param options - reporter options; default no colors
 * @example
 * const markdown = formatReport('md', await runAudit({ path: '.' }));
 */
export function formatReport(format: ReportFormat, result: AuditResult, options: ReporterOptions = {}): string {
  return REPORTERS[format](result, options);
}

/**
 * Whether a string names a report format.
 *
 * @param value - a candidate
 * @example
 * isReportFormat('sarif'); // true
 */
export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}
