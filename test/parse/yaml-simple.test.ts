import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSpringYaml } from '../../src/parse/spring';
import { simpleYamlPairs } from '../../src/parse/yaml-simple';

/**
 * The reader of simple Spring YAML (src/parse/yaml-simple.ts) answers only where its answer is the yaml
 * library's: on every text it accepts, the entries (keys, values, ranges, profile) are the library's and
 * the library reports no problem. Texts: every YAML file of the repository's examples and fixtures,
 * real public application.yml files, and generated variations of the constructs it must refuse.
 */
const ROOT = path.resolve(__dirname, '../..');

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(full));
    else if (/\.ya?ml$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** True when the simple reader refused the text, or gave exactly what the library gives. */
function agrees(text: string): { accepted: boolean; same: boolean } {
  const pairs = simpleYamlPairs(text);
  if (!pairs) return { accepted: false, same: true };
  const fast = parseSpringYaml(text, true);
  const library = parseSpringYaml(text, false);
  return {
    accepted: true,
    same: library.problems.length === 0 && JSON.stringify(fast) === JSON.stringify(library),
  };
}

/** A small deterministic generator (the same texts on every run). */
function* generated(count: number): Generator<string> {
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pick = <T>(list: readonly T[]): T => list[next(list.length)]!;
  const keys = [
    'server',
    'port',
    'ssl',
    'key-store',
    'a.b',
    '_x',
    'enabled-protocols',
    'true',
    'Null',
    'x1',
    '1',
    'a b',
    '"q"',
    'k:',
    '-k',
    '?k',
    'FALSE_',
    'trueish',
  ];
  const values = [
    'x',
    'orders-env-1',
    '8443',
    '-1',
    '+3',
    '007',
    '-0',
    '1.5',
    '1.',
    '.5',
    '1e3',
    '0x1F',
    '0o7',
    '.inf',
    '-.Inf',
    '.nan',
    'true',
    'True',
    'FALSE',
    'null',
    'NULL',
    '~',
    'yes',
    'on',
    '',
    '# c',
    'x # c',
    'x#y',
    'a: b',
    'x:',
    'x: ',
    '- a',
    '-a',
    '[a]',
    '{a: 1}',
    "'q'",
    '"q"',
    '|',
    '>-',
    '&a x',
    '*a',
    '!t x',
    '@x',
    '`x',
    '${A:b}',
    '${A: b}',
    'http://h:1/p',
    'x  y',
    '%x',
    '?x',
    ':x',
    ',x',
    'x,y',
    'a{b}',
    "it's",
    '12345678901234567890',
    '1_000',
    'x ',
    '#c',
    'x\ty',
  ];
  const indents = [0, 0, 2, 2, 4, 1, 3, 6];
  for (let i = 0; i < count; i++) {
    const lines: string[] = [];
    const n = 1 + next(8);
    for (let j = 0; j < n; j++) {
      const r = next(20);
      if (r === 0) lines.push('');
      else if (r === 1) lines.push(`${' '.repeat(pick(indents))}# comment ${j}`);
      else if (r === 2) lines.push(pick(['---', '...', '%YAML 1.2', '  ', '- item', 'just text']));
      else {
        const value = pick(values);
        lines.push(`${' '.repeat(pick(indents))}${pick(keys)}:${value === '' ? pick(['', ' ', '  ']) : ' ' + value}`);
      }
    }
    const eol = next(10) === 0 ? '\r\n' : '\n';
    yield lines.join(eol) + (next(3) === 0 ? '' : eol);
  }
}

describe('simple Spring YAML reader', () => {
  it("gives the library's entries on every YAML file of the repository it accepts", () => {
    const files = [...yamlFiles(path.join(ROOT, 'examples')), ...yamlFiles(path.join(ROOT, 'test/fixtures'))];
    let accepted = 0;
    for (const file of files) {
      const result = agrees(fs.readFileSync(file, 'utf8'));
      expect({ file, same: result.same }).toEqual({ file, same: true });
      if (result.accepted) accepted++;
    }
    // The examples' application.yml files and six of the real ones in test/fixtures/spring-yaml (from
    // spring-petclinic-microservices; its MANIFEST.tsv) are the simple shape: the reader must take them.
    expect(accepted).toBeGreaterThanOrEqual(12);
  });

  it('gives the library’s entries on generated texts it accepts, and refuses what it cannot read', () => {
    let accepted = 0;
    const differing: string[] = [];
    for (const text of generated(20_000)) {
      const result = agrees(text);
      if (result.accepted) accepted++;
      if (!result.same) differing.push(text);
    }
    expect(differing.slice(0, 5)).toEqual([]);
    expect(accepted).toBeGreaterThan(1_000);
  });

  it.each([
    ['nested keys, ints, bools, nulls and comments', 'a:\n  b: 1 # one\n  c: true\n  d:\n  e: ~\nf: -007\n', 5],
    ['a comment line between a key and its map', 'server:\n  # the port\n  port: 8443\n', 1],
    ['CRLF line ends', 'a:\r\n  b: x\r\n', 1],
  ])('reads %s', (_name, text, count) => {
    expect(simpleYamlPairs(text)).toHaveLength(count);
    expect(agrees(text)).toEqual({ accepted: true, same: true });
  });

  it.each([
    ['a float', 'a: 1.50\n'],
    ['a quoted value', "a: 'x'\n"],
    ['a sequence', 'a:\n  - x\n'],
    ['a multi-line plain scalar', 'a: x\n  y\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['a key YAML reads as a boolean', 'true: x\n'],
    ['uneven indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a tab', 'a:\tx\n'],
    ['non-ASCII text', 'a: é\n'],
    ['an empty text', ''],
  ])('leaves %s to the library', (_name, text) => {
    expect(simpleYamlPairs(text)).toBeUndefined();
  });
});
