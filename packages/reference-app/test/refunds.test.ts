import { describeRefundsSuite } from './suites/refunds.suite.js';
import { createSqliteTestDatabase } from './support/test-database.js';

describeRefundsSuite(createSqliteTestDatabase);
