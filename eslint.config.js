import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Never inject HTML: captured data is attacker-controlled.',
        },
        {
          selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]",
          message: 'Never inject HTML: captured data is attacker-controlled.',
        },
      ],
    },
  },
  {
    // The core is pure: no UI, no shells, no browser APIs (DESIGN §1).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/devtools/**', '**/panel/**', '**/viewer/**', '**/cli/**'], message: 'core must not import shells or UI' },
            { group: ['webextension-polyfill', 'preact', 'preact/*', '@preact/*', 'node:*'], message: 'core is runtime-neutral' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'chrome', 'browser', 'navigator', 'process', 'localStorage'],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.mjs', 'test/**/*.mjs'],
    // Node scripts that also hand functions to pages (puppeteer evaluate): both sets of globals.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
