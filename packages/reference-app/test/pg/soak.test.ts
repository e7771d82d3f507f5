import { describeSoakSuite } from '../suites/soak.suite.js';
import { createPostgresTestDatabase } from '../support/pg-database.js';

describeSoakSuite(createPostgresTestDatabase, 240);
