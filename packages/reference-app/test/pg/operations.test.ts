import { describeOperationsSuite } from '../suites/operations.suite.js';
import { createPostgresTestDatabase } from '../support/pg-database.js';

describeOperationsSuite(createPostgresTestDatabase);
