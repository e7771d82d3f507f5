import { describePaymentErrorsSuite } from '../suites/payment-errors.suite.js';
import { createPostgresTestDatabase } from '../support/pg-database.js';

describePaymentErrorsSuite(createPostgresTestDatabase);
