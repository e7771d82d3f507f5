import { describeWalletSuite } from '../suites/wallet.suite.js';
import { createPostgresTestDatabase } from '../support/pg-database.js';

describeWalletSuite(createPostgresTestDatabase);
