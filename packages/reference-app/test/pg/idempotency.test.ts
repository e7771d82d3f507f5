import { describeIdempotencySuite } from '../suites/idempotency.suite.js';
import { createPostgresTestDatabase } from '../support/pg-database.js';

describeIdempotencySuite(createPostgresTestDatabase);
