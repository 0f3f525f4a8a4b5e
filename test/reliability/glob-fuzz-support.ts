/**
 * Fuzzing of glob matching and nginx include resolution with adversarial patterns (issue 18): many
 * stars, globstars, classes and braces against long near-miss paths; nginx trees whose files include
 * each other through such globs. Shared by the fast tier (fuzz.test.ts) and `npm run fuzz`.
 */
import fc from 'fast-check';
import { compileGlob, GlobTooComplexError } from '../../src/core/glob';
import type { TreeFile } from './pipeline-support';

const PIECES = [
  '*',
  '**',
  '?',
  '[a-c]',
  '[!a]',
  '{a,b}',
  '{a,{b,c}}',
  'a',
  'b',
  '/',
  '.',
  '\\*',
  '{',
  '}',
  '[',
  ']',
  '!',
  'a*',
  '*a',
];

/** A glob of up to 60 pieces: the shapes that make backtracking matchers explode. */
export const arbitraryAdversarialGlob: fc.Arbitrary<string> = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 60 })
  .map((parts) => parts.join(''));

/** A path of a's and b's with slashes and dots, up to 2,000 characters (long near-misses). */
export const arbitraryGlobSubject: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.constantFrom('a', 'b', '/', '.'), { maxLength: 40 }), fc.nat({ max: 2000 }))
  .map(([parts, repeat]) => `${'a'.repeat(repeat)}${parts.join('')}`);

/** compileGlob throws nothing but GlobTooComplexError, and matching gives a boolean (and returns: no blow-up). */
export function checkGlob(pattern: string, subject: string): void {
  for (const options of [
    {},
    { dot: true },
    { braces: false, globstar: false, negation: false },
    { starOnly: true },
    { matchBase: true },
  ]) {
    let match: (path: string) => boolean;
    try {
      match = compileGlob(pattern, options);
    } catch (error) {
      if (error instanceof GlobTooComplexError) continue;
      throw new Error(
        `compileGlob(${JSON.stringify(pattern)}, ${JSON.stringify(options)}) threw ${(error as Error).message}`,
      );
    }
    if (typeof match(subject) !== 'boolean') throw new Error('the matcher did not return a boolean');
  }
}

const INCLUDES = [
  '*.conf',
  '*',
  'conf.d/*.conf',
  '/etc/nginx/conf.d/*.conf',
  '/etc/nginx/nginx.conf',
  'a*a*a*a*a*a*a*a*a*a*b.conf',
  '[a-z]*.conf',
  'inc?.conf',
  '../*.conf',
  'self.conf',
];

/** 1–6 nginx files that include each other (twice, through adversarial globs), as a tree for checkPipeline. */
export function arbitraryIncludeTree(): fc.Arbitrary<TreeFile[]> {
  const file = fc.tuple(
    fc.constantFrom('nginx.conf', 'self.conf', 'inc1.conf', 'conf.d/a.conf', 'conf.d/b.conf', 'sites/x.conf'),
    fc.array(
      fc.oneof(
        fc.constantFrom(...INCLUDES),
        arbitraryAdversarialGlob.map((g) => `${g}.conf`),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    fc.boolean(),
  );
  return fc.uniqueArray(file, { minLength: 1, maxLength: 6, selector: ([name]) => name }).map((files) =>
    files.map(([name, includes, server]) => {
      const lines = includes.flatMap((pattern) => [`include ${pattern};`, `include ${pattern};`]);
      const text = server
        ? `http {\n  server {\n    listen 443 ssl;\n    ${lines.join('\n    ')}\n  }\n}\n`
        : `${lines.join('\n')}\nssl_protocols TLSv1.2;\n`;
      return { path: name, text };
    }),
  );
}
