// Lint enforces the runtime zones of the architecture (see README): who may import what.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream', 'events', 'worker_threads'];

export default tseslint.config(
  { ignores: ['node_modules/', 'build/', 'dist/', 'renderer/dist/', 'db/migrations/', 'test-results/', 'playwright-report/', '.data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression[callee.property.name="transaction"] > :matches(ArrowFunctionExpression, FunctionExpression)[async=true]', message: 'Never pass an async function to a SQLite transaction: it breaks atomicity.' },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.mjs'],
    ignores: ['renderer/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Services, db and reports are plain Node: only the two shell files may import electron.
    files: ['electron/**/*.ts', 'db/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/window-policy.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only electron/main.ts and electron/preload.ts may import electron.' }] },
      ],
    },
  },
  {
    // Helpers beside the shell may use Electron's types, never its runtime.
    files: ['electron/window-policy.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Use import type: only main.ts and preload.ts load electron.', allowTypeImports: true }] },
      ],
    },
  },
  {
    // The contract is shared with the renderer: zod only.
    files: ['electron/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!zod$)(?!\\./)(?!\\.\\./(contract|channels)(/|$))', message: 'electron/api may import zod and itself only.' }] }],
    },
  },
  {
    // The renderer is a browser page: the contract and browser APIs, never Node or the database.
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [...nodeBuiltins.filter((n) => !n.includes('*')), 'electron', 'better-sqlite3', 'drizzle-orm', 'pdfkit', 'sharp', 'exceljs'].map((name) => ({ name, message: 'The renderer must not import Node-only modules.' })),
          patterns: [
            { group: ['node:*'], message: 'The renderer must not import Node built-ins.' },
            { group: ['**/electron/services/**', '**/db/**', '**/electron/reports/**', '**/electron/main', '**/electron/preload'], message: 'The renderer reaches the services only through window.api (renderer/src/api.ts).' },
          ],
        },
      ],
    },
  },
);
