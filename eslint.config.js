// @ts-check
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import * as espree from 'espree';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

// Folders are layers. The arrows (ARCHITECTURE.md): renderer -> shared, main -> shared,
// shared -> nothing of ours. Node built-ins and Electron are main's alone.
const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noNodeOrElectron = {
  paths: [
    ...nodeModules.map((name) => ({ name, message: 'Node APIs belong in main/.' })),
    { name: 'electron', message: 'Electron belongs in main/.' },
  ],
  patterns: [{ group: ['electron/*', '@electron/*'], message: 'Electron belongs in main/.' }],
};

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
      'boundaries/include': ['shared/**/*', 'renderer/**/*', 'main/**/*', 'test/**/*'],
      'boundaries/elements': [
        { type: 'shared', pattern: 'shared/**/*', partialMatch: false },
        { type: 'renderer', pattern: 'renderer/**/*', partialMatch: false },
        { type: 'main', pattern: 'main/**/*', partialMatch: false },
        { type: 'test', pattern: 'test/**/*', partialMatch: false },
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
            ['renderer', ['renderer', 'shared']],
            ['main', ['main', 'shared']],
            ['test', ['test', 'main', 'renderer', 'shared']],
          ]),
        },
      ],
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
    files: ['main/**/*.{ts,mjs}', 'test/**/*.{ts,tsx}', '*.config.{ts,js}'],
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
