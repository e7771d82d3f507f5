import { describeLoggingSuite } from '../suites/logging.suite.js';
import { createPostgresTestDatabase } from '../support/pg-database.js';

describeLoggingSuite(createPostgresTestDatabase);
