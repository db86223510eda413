import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';

export default [
  {
    ignores: ['**/dist/**', '**/node_modules/**', '.data/**', '.nx/**', 'coverage/**', 'apps/web/src/shared/api-client/schema.d.ts'],
  },
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
  },
  // Layout is the formatter's business, not lint's.
  vue.configs['no-layout-rules'],
  {
    files: ['**/*.ts', '**/*.mts', '**/*.vue'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            {
              // Pure libraries: plain data in, plain data out. No framework, no database, no I/O.
              sourceTag: 'type:pure-lib',
              onlyDependOnLibsWithTags: ['type:pure-lib'],
              bannedExternalImports: [
                '@nestjs/*', 'typeorm', 'pg', 'ioredis', 'bullmq', 'express', 'vue',
                'smtp-server', 'nodemailer', 'mailparser',
              ],
            },
            { sourceTag: 'type:migrations', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:pure-lib', 'type:migrations'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:pure-lib', 'type:app'] },
          ],
        },
      ],
    },
  },
  {
    // Node's own modules are not packages, so the boundary rule does not see them: ban them here.
    files: ['libs/*/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'libs/* are pure: no Node I/O.' },
            {
              group: ['fs', 'fs/*', 'path', 'os', 'net', 'http', 'https', 'child_process', 'crypto', 'stream', 'worker_threads', 'dgram', 'dns', 'tls', 'cluster', 'process'],
              message: 'libs/* are pure: no Node I/O.',
            },
          ],
        },
      ],
    },
  },
];
