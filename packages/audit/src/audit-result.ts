import type { AuditProblem, Finding, FindingKind, FindingSource, Risk } from './finding.js';

/** The version of the JSON report's schema (`schema/audit-report.schema.json`). */
export const AUDIT_SCHEMA_VERSION = 1;

/** Where the documentation of the audit's own analyzers lives. */
export const AUDIT_DOCS_URL = 'https://github.com/faultline-dev/faultline/blob/main/docs/audit.md';

/** The lowest risk that fails the audit, or `none` to never fail on findings. */
export type FailOn = Risk | 'none';

/** A rule or analyzer as reports describe it. */
export interface AuditRule {
  id: string;
  source: FindingSource;
  kind: FindingKind;
  description: string;
  helpUri: string | undefined;
}

/** Counts for the summary of every report. */
export interface AuditSummary {
  total: number;
  byRisk: Record<Risk, number>;
  byRule: Record<string, number>;
  /** Findings at or above the fail level that are not in the baseline: the exit code's reason. */
  failing: number;
}

/** The outcome of an audit: data for reporters and for the CLI's exit code. */
export interface AuditResult {
  schemaVersion: typeof AUDIT_SCHEMA_VERSION;
  tool: { name: string; version: string };
  /** The audited folder, absolute. */
  root: string;
  /** The tsconfig loaded, relative to the root, or `null`. */
  tsconfig: string | null;
  failOn: FailOn;
  rules: AuditRule[];
  findings: Finding[];
  problems: AuditProblem[];
  stats: { files: number; lines: number; durationMs: number };
  summary: AuditSummary;
  /** Set when a baseline was given. */
  baseline?: { path: string; new: number; known: number; fixed: number };
}
