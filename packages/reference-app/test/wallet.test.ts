import { describeWalletSuite } from './suites/wallet.suite.js';
import { createSqliteTestDatabase } from './support/test-database.js';

describeWalletSuite(createSqliteTestDatabase);
