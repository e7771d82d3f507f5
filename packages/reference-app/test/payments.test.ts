import { describePaymentsSuite } from './suites/payments.suite.js';
import { createSqliteTestDatabase } from './support/test-database.js';

describePaymentsSuite(createSqliteTestDatabase);
