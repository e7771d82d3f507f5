import { describeWebhooksSuite } from './suites/webhooks.suite.js';
import { createSqliteTestDatabase } from './support/test-database.js';

describeWebhooksSuite(createSqliteTestDatabase);
