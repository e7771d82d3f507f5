import { describeIdempotencyModesSuite } from './suites/idempotency-modes.suite.js';
import { createSqliteTestDatabase } from './support/test-database.js';

describeIdempotencyModesSuite(createSqliteTestDatabase);
