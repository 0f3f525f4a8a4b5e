// @ts-check
import tseslint from 'typescript-eslint';

/**
 * typescript-eslint's strict-type-checked rules, on src/ only (typed linting reads the TypeScript program: on
 * test/, scripts/ and bench/ too it would double the lint time for little). Measured on src (#14, after
 * noUncheckedIndexedAccess): every rule of the set is on and clean except these, left off:
 *   restrict-template-expressions  297  numbers, booleans and unions in message templates are intended
 *   no-non-null-assertion          195  the `!`s are deliberate: indexes whose bound the code just checked
 *                                       (noUncheckedIndexedAccess), each with the bound stated beside it
 *   no-unnecessary-condition        44  many guard data typed narrower than it arrives (plugin modules,
 *                                       JSON, `m.index ?? 0`): each needs a judgement, not a mechanical fix
 *   no-confusing-void-expression    13  style only (`(x) => void-call` shorthands)
 *   no-require-imports              20  lazy require() keeps start-up fast (off before, in recommended too)
 */
const strictOffOnSrc = {
  '@typescript-eslint/restrict-template-expressions': 'off',
  '@typescript-eslint/no-non-null-assertion': 'off',
  '@typescript-eslint/no-unnecessary-condition': 'off',
  '@typescript-eslint/no-confusing-void-expression': 'off',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-artifacts/**', 'examples/**', 'bench/out/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      ...strictOffOnSrc,
      // Not in strict-type-checked: a switch over a union (component types, outcomes) must handle every member.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // scripts/build.mjs turns `__toESM(require("node:…"))` into the plain module, which has no `.default`.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/^node:/] > ImportDefaultSpecifier',
          message:
            "Import a node: module as a namespace (import * as path from 'node:path'): the bundle has no .default",
        },
      ],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
      },
    },
  },
);
