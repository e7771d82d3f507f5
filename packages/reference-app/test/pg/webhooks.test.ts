import { describeWebhooksSuite } from '../suites/webhooks.suite.js';
import { createPostgresTestDatabase } from '../support/pg-database.js';

describeWebhooksSuite(createPostgresTestDatabase);
