import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The rooms of the design card (ARCHITECTURE.md) and what each may import:
 * lib/shared ← components ← lib/{content,pages} ← entrypoints, and lib/worker ← lib/shared only.
 * A room never imports one it is not allowed to; each rule names the reason, so the error says why.
 * Import specifiers are matched by path segment, which works for relative and `@/` imports alike.
 */
const room = (names) => `(^|/)(${names.join('|')})/`;
const ROOMS = {
  worker: {
    regex: room(['worker']),
    message:
      'Only the worker holds the key and talks to Vivre: ask it through lib/shared/messaging.',
  },
  content: {
    regex: room(['content']),
    message: 'The Gmail content script is not imported: it runs in another world.',
  },
  pages: {
    regex: room(['pages']),
    message: 'Extension pages’ I/O (lib/pages) is imported only by their entrypoints.',
  },
  components: {
    regex: room(['components']),
    message: 'Components are views: lib/shared and lib/worker do not import them.',
  },
  entrypoints: {
    regex: room(['entrypoints']),
    message: 'Entrypoints are the top: nothing imports them.',
  },
};
const only = (...names) => names.map((name) => ROOMS[name]);

/** Modules that do I/O: components receive what they need through props. */
const IO_MODULES = [
  { name: 'wxt/browser', message: 'Components do no I/O: receive it through props.' },
  { name: 'wxt/utils/storage', message: 'Components do no I/O: receive it through props.' },
  { name: 'webextension-polyfill', message: 'Components do no I/O: receive it through props.' },
  { name: 'idb', message: 'Components do no I/O: receive it through props.' },
  { name: '@webext-core/messaging', message: 'Components do no I/O: receive it through props.' },
];
const IO_PATHS = {
  regex: '(^|/)shared/(messaging/messenger|storage/(items|follow)|write-status|host-permission)$',
  message: 'Components do no I/O: receive `ask`, storage and followers through props.',
  allowTypeImports: true,
};
const IO_GLOBALS = ['fetch', 'indexedDB', 'chrome', 'browser', 'XMLHttpRequest', 'WebSocket'].map(
  (name) => ({ name, message: 'Components do no I/O: receive it through props.' }),
);

const restrict = (patterns, paths = []) => [
  'error',
  { patterns: patterns.map((p) => ({ allowTypeImports: false, ...p })), paths },
];

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
  // ---- Rooms: nothing imports upward or sideways into another runtime ----
  {
    files: ['lib/shared/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        only('worker', 'content', 'pages', 'components', 'entrypoints'),
        [{ name: 'preact', message: 'lib/shared is plain TypeScript, used by every runtime.' }],
      ),
    },
  },
  {
    files: ['lib/worker/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        only('content', 'pages', 'components', 'entrypoints'),
        [{ name: 'preact', message: 'The worker renders nothing.' }],
      ),
    },
  },
  {
    files: ['lib/pages/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        only('worker', 'content', 'entrypoints'),
      ),
    },
  },
  {
    // The key and zod stay out of the Gmail content script: its bundle has a size budget, and
    // the key never reaches a page's process. Types are fine (erased at build time).
    files: ['lib/content/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [
          ...only('worker', 'pages', 'entrypoints'),
          {
            regex: '(^|/)shared/(messaging/(schemas|messages)|vivre/contract)$',
            message: 'Zod stays out of the content script: import types only.',
            allowTypeImports: true,
          },
          {
            regex: '(^|/)shared/storage/items$',
            message: 'The storage library is too big for the content script: use storage/follow.',
          },
        ],
        [
          { name: 'zod', message: 'Zod stays out of the content script (size budget).' },
          { name: 'idb', message: 'The content script cannot open the extension’s databases.' },
          { name: 'webextension-polyfill', message: 'The content script uses the native API.' },
        ],
      ),
    },
  },
  {
    // Gmail's DOM, lowest room of the content script: it knows nothing about Vivre or UI.
    files: ['lib/content/gmail/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [
          ...only('worker', 'pages', 'entrypoints', 'components'),
          {
            regex: '(^|/)(chips|email-logging|lookups|card-host)/',
            message: 'Gmail reading knows nothing of chips, logging, lookups or the card.',
          },
          {
            regex: '(^|/)shared/(messaging|storage/|write-)',
            message: 'Gmail reading does no messaging.',
          },
        ],
        [{ name: 'preact', message: 'Gmail reading renders nothing.' }],
      ),
    },
  },
  {
    // Components: they render what they are given and do no I/O, in Gmail and on our pages.
    files: ['components/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict(
        [
          ...only('worker', 'content', 'pages', 'entrypoints'),
          IO_PATHS,
          {
            regex: '(^|/)shared/(messaging/(schemas|messages)|vivre/contract)$',
            message: 'Components get validated data: import types only.',
            allowTypeImports: true,
          },
        ],
        [...IO_MODULES, { name: 'zod', message: 'Components get validated data.' }],
      ),
      'no-restricted-globals': ['error', ...IO_GLOBALS],
    },
  },
  {
    files: ['sandbox/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        ...only('worker', 'content', 'pages', 'components', 'entrypoints'),
        {
          regex: '(^|/)lib/shared/(?!vivre/)',
          message:
            'The sandbox shares only the API contract (lib/shared/vivre) with the extension.',
        },
      ]),
    },
  },
  prettier,
);
