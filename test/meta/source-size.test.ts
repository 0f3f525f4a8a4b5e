/**
 * No source file of src/ over ~400 lines without a reason (docs/CONTRIBUTING.md "Rules of the house"): a long file
 * is split along a seam, a cohesive group of functions moved whole to a module whose name says what they are. A file
 * that is long for a reason (one generated table, one list of facts) says so in a comment among its first lines,
 * `// size: one table of …` (or ` * size: …` in its opening block comment).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const LIMIT = 400;
/** How far down the reason may stand. */
const REASON_LINES = 10;
/** A comment line `size: <reason>`, the reason at least a few words long. */
const SIZE_REASON = /^\s*(?:\/\/|\/\*+|\*)\s*size:\s*\S.{10,}$/;
/** Code, not data: JSON files hold no comments, and their size is their facts'. */
const CODE = /\.(?:ts|js|mjs|cjs)$/;

/** The file's lines as `wc -l` counts them (a last line without a newline counts too). */
function lineCount(text: string): number {
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

/** Why a file of this text is too long, or undefined when it is not (or says why it is). */
function oversized(file: string, text: string): string | undefined {
  const lines = lineCount(text);
  if (lines <= LIMIT) return undefined;
  if (
    text
      .split('\n')
      .slice(0, REASON_LINES)
      .some((line) => SIZE_REASON.test(line))
  )
    return undefined;
  return (
    `${file}: ${lines} lines, over ${LIMIT}. Split it along a seam (move a cohesive group of functions whole to a ` +
    `module named for what they are), or, if its size has a reason, give it in a comment among its first ` +
    `${REASON_LINES} lines: // size: <the reason>`
  );
}

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? files(path.join(dir, e.name)) : CODE.test(e.name) ? [path.join(dir, e.name)] : [],
    );
}

describe(`no file of src/ over ${LIMIT} lines without a reason`, () => {
  const lines = (n: number, first = '') => first + 'const x = 1;\n'.repeat(n - (first ? 1 : 0));

  it('the check counts lines as wc -l does and takes a reason only near the top', () => {
    expect(lineCount('a\nb\n')).toBe(2);
    expect(lineCount('a\nb')).toBe(2);
    expect(oversized('a.ts', lines(LIMIT))).toBeUndefined();
    expect(oversized('a.ts', lines(LIMIT + 1))).toBe(
      `a.ts: ${LIMIT + 1} lines, over ${LIMIT}. Split it along a seam (move a cohesive group of functions whole to a ` +
        `module named for what they are), or, if its size has a reason, give it in a comment among its first ` +
        `${REASON_LINES} lines: // size: <the reason>`,
    );
    expect(oversized('a.ts', lines(LIMIT + 1, '// size: one generated table of the suites\n'))).toBeUndefined();
    expect(oversized('a.ts', '/**\n * size: one generated table of the suites\n */\n' + lines(LIMIT))).toBeUndefined();
    // A reason too far down, an empty one, or the word in code, is none.
    expect(oversized('a.ts', lines(REASON_LINES) + '// size: one generated table\n' + lines(LIMIT))).toBeDefined();
    expect(oversized('a.ts', lines(LIMIT + 1, '// size:\n'))).toBeDefined();
    expect(oversized('a.ts', lines(LIMIT + 1, 'const size: number = 1; // a number\n'))).toBeDefined();
  });

  it('src/ has none', () => {
    const found = files(path.join(ROOT, 'src')).flatMap((file) => {
      const why = oversized(path.relative(ROOT, file), fs.readFileSync(file, 'utf8'));
      return why === undefined ? [] : [why];
    });
    expect(found).toEqual([]);
  });
});
