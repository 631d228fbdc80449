// ESLint for the extension, the server, the tests and the bench: TypeScript's recommended rules, and
// promises that are awaited, returned or given a handler (an unhandled rejection can end the server).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NO_IO_PATHS = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process', 'worker_threads', 'node:worker_threads'].map((name) => ({
  name,
  message: 'The readout service does no I/O: reach the disk through the workspace interface (io/ implements it).',
}));
const NO_IO_PATTERNS = [{ group: ['**/io/*', '**/io'], message: 'The readout service does no I/O: io/ implements the interfaces the core is given.' }];
const KNOWLEDGE_PEOPLE = ['../knowledge/people', './people'].map((name) => ({
  name,
  importNames: ['PEOPLE'],
  message: "Names resolve against the people the parse is given (a PeopleIndex parameter), which hold the workspace's own.",
}));

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.cache/**', 'node_modules/**', '**/*.mjs', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Japanese text holds ideographic spaces on purpose, in patterns, strings and examples alike.
      'no-irregular-whitespace': ['error', { skipRegExps: true, skipStrings: true, skipTemplates: true, skipComments: true }],
    },
  },
  {
    // node:test's describe/it return promises the runner awaits itself.
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  {
    // The readout service reads no file and starts no process: the disk, the cache file's bytes,
    // workers and the tokenizer's process stay in io/ and nlp/, behind the interfaces the core is given.
    // The cache store is the one part of the corpus that still reads and writes through io/.
    files: ['server/src/{parse,model,knowledge,features,corpus}/**/*.ts', 'server/src/service.ts', 'server/src/documentCache.ts'],
    ignores: ['server/src/corpus/cacheStore.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: NO_IO_PATHS, patterns: NO_IO_PATTERNS }] },
  },
  {
    // The parser and the features read names against the people they are given (the workspace's
    // people.json merged in), never the knowledge file's alone.
    files: ['server/src/{parse,features}/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [...NO_IO_PATHS, ...KNOWLEDGE_PEOPLE], patterns: NO_IO_PATTERNS }] },
  },
);
