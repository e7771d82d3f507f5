import { describeLeakageSuite } from './suites/leakage.suite.js';
import { createSqliteTestDatabase } from './support/test-database.js';

describeLeakageSuite(createSqliteTestDatabase);
