import { describeLoggingSuite } from './suites/logging.suite.js';
import { createSqliteTestDatabase } from './support/test-database.js';

describeLoggingSuite(createSqliteTestDatabase);
