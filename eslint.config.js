// @ts-check
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import * as espree from 'espree';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import roomcheck from './lint/index.js';

// Folders are layers (README.md, "Layers"): renderer -> shared, main -> shared, shared ->
// nothing of ours. Node built-ins are main's alone, and inside main only main/electron/ may
// import Electron. Inside renderer only renderer/db/ reads the database. A file that belongs
// to no layer is an error (boundaries/no-unknown-files), like VS Code's layer check.
const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noNodeOrElectron = {
  paths: [
    ...nodeModules.map((name) => ({ name, message: 'Node APIs belong in main/.' })),
    { name: 'electron', message: 'Electron belongs in main/.' },
  ],
  patterns: [{ group: ['electron/*', '@electron/*'], message: 'Electron belongs in main/.' }],
};

// Only main/electron/ may import Electron: everything else in main/ is plain Node, so the
// CLI, signing and verification run (and are tested) without it.
const electronOnlyInMainElectron = {
  paths: [{ name: 'electron', message: 'Only main/electron/ may import Electron.' }],
  patterns: [
    { group: ['electron/*', '@electron/*'], message: 'Only main/electron/ may import Electron.' },
  ],
};
const noDynamicElectron = {
  selector:
    "ImportExpression[source.value='electron'], CallExpression[callee.name='require'][arguments.0.value='electron']",
  message: 'Only main/electron/ may import Electron.',
};

// Where translations may be written as {en, zh} pairs; everywhere else is an error, except the
// files (with their counts) that had pairs when the rule arrived: the to-fix list.
const MESSAGE_CATALOGS = [
  'renderer/i18n/',
  'shared/i18n/',
  'shared/import/messages.ts',
  'shared/report/strings.ts',
  'shared/verify/messages.ts',
];
const inlineTranslationsBaseline = JSON.parse(
  readFileSync(new URL('./lint/inline-translations-baseline.json', import.meta.url), 'utf8'),
).files;

/** @param {[string, string[]][]} arrows */
const layer = (arrows) =>
  arrows.map(([from, to]) => ({
    from: { element: { type: from } },
    allow: { to: { element: { types: { anyOf: to } } } },
  }));

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'test-results/',
      'playwright-report/',
      'assets/',
      '.cache/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    plugins: { boundaries },
    settings: {
      'boundaries/include': ['**/*'],
      // Tool configuration at the project root (vite, vitest, playwright, this file) is no layer.
      'boundaries/ignore': ['*.config.{js,ts}'],
      // First match wins: the inner layers come before their enclosing folder.
      'boundaries/elements': [
        { type: 'shared', pattern: 'shared/**', partialMatch: false },
        { type: 'renderer-db', pattern: 'renderer/db/**', partialMatch: false },
        { type: 'renderer', pattern: 'renderer/**', partialMatch: false },
        { type: 'main-electron', pattern: 'main/electron/**', partialMatch: false },
        { type: 'main', pattern: 'main/**', partialMatch: false },
        { type: 'test', pattern: 'test/**', partialMatch: false },
        { type: 'lint', pattern: 'lint/**', partialMatch: false },
      ],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: layer([
            ['shared', ['shared']],
            ['renderer-db', ['renderer-db', 'shared']],
            ['renderer', ['renderer', 'renderer-db', 'shared']],
            ['main', ['main', 'shared']],
            ['main-electron', ['main-electron', 'main', 'shared']],
            [
              'test',
              [
                'test',
                'main',
                'main-electron',
                'renderer',
                'renderer-db',
                'shared',
                'lint',
                'config',
              ],
            ],
            ['lint', ['lint']],
            ['config', ['config', 'lint']],
          ]),
        },
      ],
      'boundaries/no-unknown-files': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noNodeOrElectron,
          patterns: [
            ...noNodeOrElectron.patterns,
            {
              group: ['react', 'react-dom', 'react/*', 'dexie', 'zustand'],
              message: 'shared/ is pure: no UI or database.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'indexedDB',
          'process',
          'Buffer',
          'require',
        ].map((name) => ({
          name,
          message: 'shared/ runs in the renderer, main and the CLI: no DOM or Node globals.',
        })),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', noNodeOrElectron],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', '__dirname'].map((name) => ({
          name,
          message: 'renderer/ has no Node.',
        })),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/db/**'],
    plugins: { roomcheck },
    rules: { 'roomcheck/no-table-reads': 'error' },
  },
  {
    files: ['main/**/*.{ts,mjs}'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': ['error', electronOnlyInMainElectron],
      'no-restricted-syntax': ['error', noDynamicElectron],
    },
  },
  {
    files: ['{shared,renderer,main}/**/*.{ts,tsx,mjs}'],
    plugins: { roomcheck },
    rules: {
      'roomcheck/no-inline-translations': [
        'error',
        { catalogs: MESSAGE_CATALOGS, baseline: inlineTranslationsBaseline },
      ],
    },
  },
  {
    files: ['main/**/*.{ts,mjs}', 'test/**/*.{ts,tsx}', 'lint/**/*.js', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // CouchDB's validate_doc_update functions: one function expression each, run by CouchDB's
    // JavaScript engine (SpiderMonkey 1.8.5 on some 3.x builds), so ES5 and no globals at all.
    files: ['main/hub/couchdb/*.js'],
    languageOptions: { parser: espree, ecmaVersion: 5, sourceType: 'script', globals: {} },
    rules: {
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
);
