import { describePaymentsSuite } from '../suites/payments.suite.js';
import { createPostgresTestDatabase } from '../support/pg-database.js';

describePaymentsSuite(createPostgresTestDatabase);
