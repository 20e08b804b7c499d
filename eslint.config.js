import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', '.trama-test/**', 'bench/results*', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'vite.config.ts', 'bin/*.mjs', 'scripts/*.mjs', '.ci/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Fastify handlers are async by contract even when they return a value directly.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      // Test helpers type a response body by the caller's expectation.
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
    },
  },
  {
    // One clock (src/platform/time/clock.ts): the suite runs the app, its demo and its database on other
    // dates (TRAMA_NOW), which only works if nothing reads the machine's time around it.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['src/platform/time/clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Read the time from clock.nowMs() (src/platform/time/clock.ts), or performance.now() for a duration.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Read the time from clock.now() (src/platform/time/clock.ts).' },
        { selector: "CallExpression[callee.name='Date']", message: 'Read the time from clock.now() (src/platform/time/clock.ts).' },
        { selector: 'TemplateElement[value.raw=/(^|[^\\w.])now\\(\\)|current_date|current_timestamp|localtimestamp/i]', message: 'SQL reads the time from trama_now() or trama_today() (today in Italy), which follow Trama\'s clock.' },
        { selector: 'Literal[value=/(^|[^\\w.])now\\(\\)|current_date|current_timestamp|localtimestamp/i]', message: 'SQL reads the time from trama_now() or trama_today() (today in Italy), which follow Trama\'s clock.' },
      ],
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
