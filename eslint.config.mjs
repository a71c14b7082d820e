// Type-aware linting for every workspace; zero warnings allowed (--max-warnings 0 in each lint script).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/*.gen.ts',
      '**/coverage/**',
      'apps/api/src/database/migrations/**',
      '**/*.config.mjs',
      '**/*.config.js',
      '**/*.config.ts',
      'eslint.config.mjs',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
    },
  },
  {
    files: ['apps/api/**/*.ts'],
    rules: {
      // Nest injects by the runtime class of constructor parameters: such imports must stay value imports.
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    // The data layer (apps/api/src/database/README.md): SQL is written only in repositories and their *.sql.ts
    // helpers; services, controllers and workers reach the database through them.
    files: ['apps/api/src/**/*.ts'],
    ignores: [
      'apps/api/src/**/*.repository.ts',
      'apps/api/src/**/*.sql.ts',
      'apps/api/src/**/entities/**',
      'apps/api/src/**/*.spec.ts',
      'apps/api/src/database/**',
      'apps/api/src/scripts/**',
      'apps/api/src/common/db/**',
      // The error filter maps TypeORM's QueryFailedError; entity column transformers are TypeORM types.
      'apps/api/src/common/errors/**',
      'apps/api/src/common/transformers/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'kysely', message: 'Statements belong in a <table>.repository.ts (or its *.sql.ts helper).' },
            { name: 'typeorm', message: 'Run SQL through a repository and Db; entities only declare the schema.' },
            { name: 'pg', message: 'Run SQL through a repository and Db.' },
          ],
          patterns: [
            {
              group: ['**/database/query-builder', '**/database/generated/*'],
              message: 'Statements belong in a <table>.repository.ts (or its *.sql.ts helper).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      // Tests index arrays they just built; a non-null assertion documents that, whatever the compiler flags.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
