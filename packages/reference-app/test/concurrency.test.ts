import { describeConcurrencySuite } from './suites/concurrency.suite.js';
import { createSqliteTestDatabase } from './support/test-database.js';

describeConcurrencySuite(createSqliteTestDatabase);
