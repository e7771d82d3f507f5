export { runAudit, listAuditRules, isAtOrAbove, AUDIT_SCHEMA_VERSION, AUDIT_DOCS_URL } from './run-audit.js';
export type { AuditOptions, AuditResult, AuditRule, AuditSummary, AuditProgress, FailOn } from './run-audit.js';
export type { Finding, FindingKind, FindingSource, Risk, MoneyPath, AuditProblem, BaselineStatus } from './finding.js';
export { createBaseline, serializeBaseline, parseBaseline, compareWithBaseline, getFindingKey } from './baseline/baseline.js';
export type { Baseline, BaselineEntry } from './baseline/baseline.js';
export { AuditUsageError } from './errors.js';
export { limitHeapGrowth } from './limit-heap-growth.js';
export { REPORT_FORMATS, formatReport } from './reporters/format-report.js';
export type { ReportFormat, ReporterOptions } from './reporters/format-report.js';
