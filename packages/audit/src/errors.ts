/**
 * An error in how the audit was asked to run (a missing path, an unreadable baseline, an unknown
 * rule), as opposed to a defect in the audit itself. The CLI prints its message and exits with 2.
 *
 * @example
 * throw new AuditUsageError(`no such directory: ${root}`);
 */
export class AuditUsageError extends Error {
  override name = 'AuditUsageError';
}
