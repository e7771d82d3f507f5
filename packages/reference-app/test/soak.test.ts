import { describeSoakSuite } from './suites/soak.suite.js';
import { createSqliteTestDatabase } from './support/test-database.js';

describeSoakSuite(createSqliteTestDatabase, 400);
