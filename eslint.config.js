import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Gmail enforces Trusted Types and contact data is untrusted: never parse HTML from strings.
      'no-restricted-properties': [
        'error',
        {
          property: 'innerHTML',
          message: 'Never innerHTML: render text nodes (Trusted Types, untrusted data).',
        },
        { property: 'outerHTML', message: 'Never outerHTML.' },
        { property: 'insertAdjacentHTML', message: 'Never insertAdjacentHTML.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Never dangerouslySetInnerHTML.',
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  prettier,
);
