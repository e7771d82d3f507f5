import { describeIdempotencySuite } from './suites/idempotency.suite.js';
import { createSqliteTestDatabase } from './support/test-database.js';

describeIdempotencySuite(createSqliteTestDatabase);
