// Type-aware lint for every TypeScript workspace; `npm test` runs it (`npm run lint`).
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.local/**', 'coverage/**', 'gateway/app/src/gql/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        // Two files of the dashboard sit outside its tsconfig (vite's config; a jest test of the app).
        projectService: { allowDefaultProject: ['gateway/app/vite.config.mts', 'gateway/app/src/session.test.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Type-aware: a promise nobody awaits loses its error (and a test's assertion).
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // type-graphql and MikroORM take classes as values; `Function` is their own type for them.
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
);
