import { describeIdempotencyModesSuite } from '../suites/idempotency-modes.suite.js';
import { createPostgresTestDatabase } from '../support/pg-database.js';

describeIdempotencyModesSuite(createPostgresTestDatabase);
