import { describeAuthSuite } from './suites/auth.suite.js';
import { createSqliteTestDatabase } from './support/test-database.js';

describeAuthSuite(createSqliteTestDatabase);
