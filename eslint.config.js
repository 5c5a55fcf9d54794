// ESLint's recommended rules, typescript-eslint's recommended type-aware
// rules, and eslint-plugin-astro's recommended rules for .astro files.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'content/entries/', 'test/.output/', 'test-results/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Non-null assertions mark places where a regexp group or an index is known to exist.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
