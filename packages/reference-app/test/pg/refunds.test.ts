import { describeRefundsSuite } from '../suites/refunds.suite.js';
import { createPostgresTestDatabase } from '../support/pg-database.js';

describeRefundsSuite(createPostgresTestDatabase);
