import { describeAuthSuite } from '../suites/auth.suite.js';
import { createPostgresTestDatabase } from '../support/pg-database.js';

describeAuthSuite(createPostgresTestDatabase);
