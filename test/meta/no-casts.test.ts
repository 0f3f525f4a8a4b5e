/**
 * No escape from the type checker in src/: `as unknown as T` and `as any` assert what the code never checked (a
 * component's attributes, a JSON file's rows, a config entry). Narrow with a type guard (`isMqChannel(c)`), read
 * through a checking reader (src/knowledge/read.ts, src/engine/custom-rules/spec.ts), or type the value where it
 * is made. Comments may name the forms.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
/** `as unknown as`, `as any`, and the old `<any>value` assertion (not `Rule<any>`, a type argument). */
const CAST = /\bas\s+unknown\s+as\b|\bas\s+any\b|(?:^|[=(,:?!&|]|\breturn)\s*<any>\s*[\w(]/g;

/** Casts in code lines (whole-line comments and trailing `// …` are skipped). */
function casts(text: string): { line: number; match: string }[] {
  return text.split('\n').flatMap((line, i) => {
    const t = line.trim();
    if (t.startsWith('//') || t.startsWith('*') || t.startsWith('/*')) return [];
    const code = line.replace(/\s\/\/\s.*$/, '');
    return [...code.matchAll(CAST)].map((m) => ({ line: i + 1, match: m[0] }));
  });
}

function files(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? files(path.join(dir, e.name)) : /\.(ts|js)$/.test(e.name) ? [path.join(dir, e.name)] : [],
    );
}

describe('no unchecked casts in src/', () => {
  it('the pattern catches the casts and leaves comments alone', () => {
    for (const line of [
      'const a = c.attributes as unknown as MqChannelAttributes;',
      'const x = (raw as any).id;',
      'const y = <any>raw;',
      'const z = raw as  unknown  as T;',
    ])
      expect(casts(line)).toHaveLength(1);
    expect(casts('// never `as unknown as`\n * or as any\nconst ok = 1; // not as any')).toEqual([]);
    expect(casts('const n = value as number;')).toEqual([]);
    expect(casts('export type AnyRule = Rule<any>;')).toEqual([]);
  });

  it('src/ has none', () => {
    const found = files(path.join(ROOT, 'src'))
      .filter((file) => !file.endsWith('.generated.js'))
      .flatMap((file) =>
        casts(fs.readFileSync(file, 'utf8')).map((c) => `${path.relative(ROOT, file)}:${c.line} ${c.match}`),
      );
    expect(found).toEqual([]);
  });
});
