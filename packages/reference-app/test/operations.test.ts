import { describeOperationsSuite } from './suites/operations.suite.js';
import { createSqliteTestDatabase } from './support/test-database.js';

describeOperationsSuite(createSqliteTestDatabase);
