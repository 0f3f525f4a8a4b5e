/**
 * No versioned fact outside the knowledge base: no code of src/ (every folder but src/knowledge/data, and the
 * generated `*.data.ts` tables) may carry JDK updates (`8u201`, `1.8.0_202`, `11.0.2`), product releases
 * (`IBM MQ 9.2`, `nginx 1.11`, `OpenSSL 1.1.1`), IBM service levels (`SR6 FP25`), version regexes (`/^4\.7/`) or
 * version comparisons (`feature >= 11`) in code or message strings. Such facts live in src/knowledge/data with a
 * public source, and code asks for them. Comments may name versions (they explain, they do not decide).
 *
 * Two things look alike and are not facts: an example of how a version is written in user text (`e.g. 1.8.0_202`,
 * `such as 8u202`, `try 11.0.2`), and code about version syntax or OpenSSL security levels, which says so on the
 * line with a trailing `// not a version fact: <why>`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');
const SCANNED = fs
  .readdirSync(SRC, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => `src/${e.name}`);
/** Data, not code: the knowledge base's JSON and the tables scripts generate from real tools. */
const isData = (file: string) =>
  file.startsWith(path.join(SRC, 'knowledge', 'data') + path.sep) || file.endsWith('.data.ts');

/** A line that says why its version-looking code is not a fact. */
const MARKED = /\/\/ not a version fact: \S/;
/** A version after `e.g.`, `such as` or `try` in the same string is an example of the syntax. */
const EXAMPLE = /(?:\be\.g\.|\bsuch as|\btry)\s[^'"`]*$/;

const VERSION_FACT = new RegExp(
  [
    String.raw`\b\d{1,2}u\d{2,3}\b`, // 8u201, 7u211
    String.raw`\b1\.[5-8]\.0_\d+`, // 1.8.0_202
    String.raw`\b(?:8|11|17|21|25)\.0\.\d+\b`, // 11.0.2, 17.0.15
    String.raw`/\^\d+\\\.`, // /^4\.7/
    String.raw`\b(?:feature|update|major|minor|level)\s*(?:[<>]=?|===?)\s*\d+`, // feature >= 11
    String.raw`\b(?:MQ|nginx|Tomcat|OpenSSL|WebSphere|Liberty|Java|JDK)\s+\d+(?:\.\d+)+\+?`, // IBM MQ 9.2+, OpenSSL 1.1.1
    String.raw`\bSR\d+\s*FP\d+`, // SR6 FP25
  ].join('|'),
  'g',
);

/** The code of a line: a whole-line comment is skipped, a trailing `// …` is cut (not inside a string). */
function codeOf(line: string): string {
  const t = line.trim();
  if (t.startsWith('//') || t.startsWith('*') || t.startsWith('/*')) return '';
  const at = line.search(/\s\/\/\s/);
  return at >= 0 && !/['"`][^'"`]*$/.test(line.slice(0, at)) ? line.slice(0, at) : line;
}

function versionFacts(text: string): { line: number; match: string }[] {
  return text
    .split('\n')
    .flatMap((line, i) =>
      MARKED.test(line)
        ? []
        : [...codeOf(line).matchAll(VERSION_FACT)]
            .filter((m) => !EXAMPLE.test(line.slice(0, m.index)))
            .map((m) => ({ line: i + 1, match: m[0] })),
    );
}

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );
}

describe('versioned facts live in src/knowledge/data', () => {
  it('the pattern catches hard-coded version facts and leaves comments alone', () => {
    const bad = [
      'if (/^4\\.7/.test(agentVersion)) return true;',
      'const fixed = v.feature >= 11 || (v.feature === 8 && v.update >= 201);',
      "origin: 'IBM MQ 9.2+: the queue manager orders CipherSpecs'",
      "message: 'JDK 8u201, 11.0.2, 7u211 and later disable anonymous suites'",
      "const jdk = '1.8.0_202';",
      "return level === 'SR6 FP25';",
      "const floor = 'OpenSSL 1.1.1';",
    ];
    for (const line of bad) expect(versionFacts(line).length).toBeGreaterThan(0);
    expect(versionFacts('// JDK 8u201 disabled anon (JDK-8211883)\n * since 11.0.2\nconst x = 1; // 8u201')).toEqual(
      [],
    );
  });

  it('examples of the syntax and marked syntax code are not facts; an unmarked or reasonless line is', () => {
    expect(versionFacts("`--java-version expects a Java version such as 1.8.0_202, 8u202 or 17, got '${v}'`")).toEqual(
      [],
    );
    expect(versionFacts("'(e.g. 1.8.0_202, 11.0.2, 17)'")).toEqual([]);
    expect(
      versionFacts('if (feature <= 8) return `${feature}u${update}`; // not a version fact: 8u202 vs 11.0.2'),
    ).toEqual([]);
    expect(versionFacts('if (feature <= 8) return legacy; // not a version fact:')).toHaveLength(1);
    expect(versionFacts("const floor = 'OpenSSL 1.1.1'; // e.g. 1.1.1")).toHaveLength(1);
    expect(versionFacts("'8u202 e.g.'")).toHaveLength(1);
  });

  it('scans every folder of src/', () => {
    expect(SCANNED).toEqual(
      expect.arrayContaining(['src/rules', 'src/model', 'src/knowledge', 'src/engine', 'src/cli']),
    );
  });

  it.each(SCANNED)('%s has none', (dir) => {
    const found = files(path.join(ROOT, dir))
      .filter((file) => !isData(file))
      .flatMap((file) =>
        versionFacts(fs.readFileSync(file, 'utf8')).map((f) => `${path.relative(ROOT, file)}:${f.line} ${f.match}`),
      );
    expect(found).toEqual([]);
  });
});
