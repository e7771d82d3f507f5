import { describeConcurrencySuite } from '../suites/concurrency.suite.js';
import { createPostgresTestDatabase } from '../support/pg-database.js';

describeConcurrencySuite(createPostgresTestDatabase);
