// Lint rules that catch what a review misses: focused or skipped tests, floating promises.
import tseslint from 'typescript-eslint';
import vitest from '@vitest/eslint-plugin';

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.local/', '.test-output/', 'dist/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    // Short files and functions, so each can be read at once; tests may run longer.
    files: ['{functions,shared,infra,ops,local,bench,web/portal}/**/*.{ts,js,mjs,cjs}'],
    rules: {
      'max-lines-per-function': ['error', { max: 80 }],
      'max-lines': ['error', { max: 300 }],
    },
  },
  {
    // Types come from parsing at the boundaries (zod), guards and generics, not from assertions:
    // the few that remain say on their line why they hold.
    files: ['{functions,shared,infra,ops,local,bench}/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }] },
  },
  {
    // One or two assertions each, not yet annotated: Object.keys/entries read as their keys (needs,
    // api-stack, stateful-stack), a server's address and the SES emulator's store (bench). When these
    // files next change, each gets a disable comment on its line that says why it holds, like the rest.
    files: ['bench/run.ts', 'functions/needs.ts', 'infra/stacks/api-stack.ts', 'infra/stacks/stateful-stack.ts'],
    rules: { '@typescript-eslint/consistent-type-assertions': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    plugins: { vitest },
    rules: {
      ...vitest.configs.recommended.rules,
      'vitest/no-focused-tests': 'error',
      'vitest/no-disabled-tests': 'error',
      // CDK's Template assertions (hasResourceProperties, resourceCountIs, …) throw on failure.
      'vitest/expect-expect': [
        'error',
        {
          assertFunctionNames: [
            'expect',
            'expect*',
            'assert*',
            '*.has*',
            '*.resourceCountIs',
            '*.allResourcesProperties',
          ],
        },
      ],
      'no-console': 'off',
      // Leaving a property out by destructuring it to an _underscored name is deliberate.
      '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // vitest's expect takes a message as its second argument.
      'vitest/valid-expect': ['error', { maxArgs: 2 }],
      // A check after every test (afterEach) is a test of each test, not a stray expect.
      'vitest/no-standalone-expect': ['error', { additionalTestBlockFunctions: ['afterEach'] }],
    },
  },
  {
    // The bundle runner is plain CommonJS on purpose: it loads a Lambda bundle as Lambda does.
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['local/**/*', 'bench/**/*', '.ci/**/*'],
    rules: { 'no-console': 'off' },
  },
);
