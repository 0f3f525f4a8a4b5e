import * as fs from 'node:fs';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../..');

/** Code that decides by a product or JDK version: such facts belong to the knowledge base (src/knowledge). */
const VERSION_PATTERNS: [string, RegExp][] = [
  [
    'a comparison of a version field with a number',
    /\.(feature|update|major|minor|fixPack|serviceRefresh)\s*(>=|<=|>|<|===|!==|==|!=)\s*\d/,
  ],
  [
    'a number compared with a version field',
    /\d\s*(>=|<=|>|<|===|!==|==|!=)\s*[\w.]*\.(feature|update|major|minor|fixPack|serviceRefresh)\b/,
  ],
  ['a regular expression that matches a version number', /\/\^?v?\d+\\\.\d+/],
  ['a version range helper', /\b(semver|versionAtLeast|versionBelow)\b/],
];

function sources(dir: string): string[] {
  return (fs.readdirSync(path.join(repo, dir), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}

describe('no versioned fact in rules or model code (they ask src/knowledge)', () => {
  it('src/rules and src/model hold no version comparison or version pattern', () => {
    const found: string[] = [];
    for (const file of [...sources('src/rules'), ...sources('src/model')]) {
      fs.readFileSync(path.join(repo, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (/^\s*(\*|\/\/)/.test(line)) return; // comments may name versions
          for (const [what, pattern] of VERSION_PATTERNS)
            if (pattern.test(line)) found.push(`${file}:${i + 1}: ${what}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });

  it('the patterns catch what they are meant to', () => {
    const hits = (line: string) => VERSION_PATTERNS.some(([, p]) => p.test(line));
    expect(hits('return v.feature >= 13 || (v.feature === 11 && v.update >= 21);')).toBe(true);
    expect(hits('.filter((a) => /^4\\.7(\\.|$)/.test(a.version))')).toBe(true);
    expect(hits('if (13 <= version.feature) return true;')).toBe(true);
    expect(hits('const protocols = effectiveJdkTls(runtime).clientProtocols.value;')).toBe(false);
  });
});
