import type { AuditResult } from '../audit-result.js';

/** Where the JSON report's schema is published; the report's `$schema` points at it. */
export const JSON_SCHEMA_URL = 'https://github.com/faultline-dev/faultline/blob/main/packages/audit/schema/audit-report.schema.json';

/**
 * The audit result as JSON (schema `audit-report.schema.json`, version in `schemaVersion`):
 * for dashboards and scripts that track the number going down.
 *
 * @param result - the audit result
 * @example
 * const report = JSON.parse(json(result)) as AuditResult;
 */
export default function json(result: AuditResult): string {
  return `${JSON.stringify({ $schema: JSON_SCHEMA_URL, ...result }, undefined, 2)}\n`;
}
