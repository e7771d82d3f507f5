import { describeLeakageSuite } from '../suites/leakage.suite.js';
import { createPostgresTestDatabase } from '../support/pg-database.js';

describeLeakageSuite(createPostgresTestDatabase);
