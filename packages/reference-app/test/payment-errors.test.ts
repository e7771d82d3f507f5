import { describePaymentErrorsSuite } from './suites/payment-errors.suite.js';
import { createSqliteTestDatabase } from './support/test-database.js';

describePaymentErrorsSuite(createSqliteTestDatabase);
