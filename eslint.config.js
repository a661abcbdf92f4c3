// Lint: typescript-eslint's recommended (not type-checked) rules, plus the
// import boundaries of DESIGN.md checked by `no-restricted-imports` per folder.
// `npm run lint` runs this; test/unit/lint/boundaries.test.ts proves the
// boundaries fire.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const sources = ['src-main', 'src-preload', 'src-renderer', 'src-shared', 'test', 'bench', 'scripts'];
const code = sources.flatMap((dir) => [`${dir}/**/*.{ts,tsx,mts,cts}`, `${dir}/**/*.{js,mjs,cjs}`]);

/** One `no-restricted-imports` rule from a list of { regex, message } boundaries. */
function boundary(patterns) {
  return {
    'no-restricted-imports': ['error', { patterns: patterns.map(({ regex, message }) => ({ regex, message })) }],
  };
}

// A folder segment anywhere in an import path: '../../workers/x', 'src-main/api',
// and the bare package 'electron'.
const segment = (name) => `(^|/)${name}(/|$)`;

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.bench/**', 'test-results/**', 'test-reports/**'] },
  {
    files: code,
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // `_name` marks an argument or binding kept for its position or its type.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // CommonJS files exist to be CommonJS (a thread's first file from source): require() is their import.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // tokenizers' normalizers match control characters by design: that is the text they drop or split on.
    files: ['src-main/core/tokens/**'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['src-main/core/**'],
    rules: boundary(
      [
        {
          regex: `${segment('workers')}|${segment('api')}|${segment('serve')}|${segment('electron')}|${segment('src-renderer')}`,
          message:
            'src-main/core is domain logic: it never imports workers, api, serve, electron or the renderer (issue 15).',
        },
      ],
    ),
  },
  {
    files: ['src-main/workers/**'],
    rules: boundary([
      {
        regex: `${segment('api')}|${segment('serve')}|${segment('electron')}|${segment('src-renderer')}`,
        message: 'src-main/workers run pixel and index work: they never import api, serve, electron or the renderer.',
      },
    ]),
  },
  {
    files: ['src-renderer/**'],
    rules: boundary([
      {
        regex: `${segment('src-main')}|${segment('src-preload')}`,
        message: 'The renderer reaches the main process only through the bridge; share code via src-shared.',
      },
    ]),
  },
  {
    files: ['src-preload/**'],
    rules: boundary([
      {
        regex: '^(?!(electron|\\.\\./src-shared/.+|\\./[^/]+)$)',
        message: 'The sandboxed preload imports only electron and src-shared.',
      },
    ]),
  },
  {
    files: ['src-shared/**'],
    rules: boundary([
      {
        regex: `${segment('src-main')}|${segment('src-renderer')}|${segment('src-preload')}`,
        message: 'src-shared is shared by every side: it imports nothing from src-main, src-renderer or src-preload.',
      },
    ]),
  },
);
