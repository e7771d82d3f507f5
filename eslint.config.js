// @ts-check
import faultline from '@faultline/eslint-plugin';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    '**/dist/',
    '**/coverage/',
    '**/test/fixtures/',
    '**/data/',
    '.ci/out/',
    'audit-report/',
  ]),
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'vitest.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  // Dogfood: the repository is held to every Faultline rule at error level.
  {
    files: ['**/*.ts'],
    ...faultline.configs.all,
  },
  {
    files: ['packages/eslint-plugin/src/**/*.ts'],
    ...eslintPlugin.configs.recommended,
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
