import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const pluginSource = path.join(root, 'packages/eslint-plugin/src/index.ts');
// Set by .ci/run so that the closing "N passed, N failed" line can be summed over every run.
const jsonReport = process.env.FAULTLINE_TEST_REPORT;

export default defineConfig({
  test: {
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
    projects: [
      {
        test: {
          name: 'eslint-plugin',
          root: 'packages/eslint-plugin',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          setupFiles: ['test/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // Tests run against the plugin's source, not a possibly stale build (its utils subpath too).
        resolve: {
          alias: [
            { find: /^@faultline\/eslint-plugin\/utils\/(.*)$/, replacement: path.join(root, 'packages/eslint-plugin/src/utils/$1.ts') },
            { find: /^@faultline\/eslint-plugin$/, replacement: pluginSource },
          ],
        },
        test: {
          name: 'audit',
          root: 'packages/audit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'reference-app',
          root: 'packages/reference-app',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/pg/**'],
          testTimeout: 30_000,
        },
      },
      {
        // The PostgreSQL-only group: `npm run test:pg` with DATABASE_URL pointing at a server.
        test: {
          name: 'reference-app-pg',
          root: 'packages/reference-app',
          include: ['test/pg/**/*.test.ts'],
          testTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
