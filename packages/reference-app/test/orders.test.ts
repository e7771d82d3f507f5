import { describeOrdersSuite } from './suites/orders.suite.js';
import { createSqliteTestDatabase } from './support/test-database.js';

describeOrdersSuite(createSqliteTestDatabase);
