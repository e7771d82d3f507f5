import { describeOrdersSuite } from '../suites/orders.suite.js';
import { createPostgresTestDatabase } from '../support/pg-database.js';

describeOrdersSuite(createPostgresTestDatabase);
