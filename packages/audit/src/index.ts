/** The version of the audit's JSON report schema. */
export const AUDIT_SCHEMA_VERSION = 1;
