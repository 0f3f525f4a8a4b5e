import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateFleet } from '../../bench/genfleet';
import { loadConfig } from '../../src/engine/config/load';
import { lint } from '../../src/engine/lint';
import { ParseCache } from '../../src/engine/run/parse-cache';
import { readDocuments } from '../../src/engine/run/read';
import { classifyBinary, classifyFile } from '../../src/parse/registry';
import type { ParsedDocument } from '../../src/parse/types';

/**
 * Parse once per distinct content (issue 21): the cache must be invisible in the output. A parser whose
 * result depended on the directory of a file, or a stage that wrote to a shared document, would break it.
 */
const repo = path.resolve(__dirname, '../..');
const filesUnder = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((d) =>
      d.isDirectory() ? filesUnder(path.join(dir, d.name)) : d.isFile() ? [path.join(dir, d.name)] : [],
    );
/** Every string in a value (parsed trees link parents: cycles are followed once). */
const stringsIn = (value: unknown, seen = new Set<unknown>()): string[] => {
  if (typeof value === 'string') return [value];
  if (!value || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  return Object.values(value).flatMap((v) => stringsIn(v, seen));
};
const withoutFile = ({ file: _file, ...rest }: ParsedDocument) => rest;

describe('ParseCache', () => {
  it('no format handler puts the path of a file into what it parses (examples and the corpus, under two directories)', () => {
    const inputs = [...filesUnder(path.join(repo, 'examples')), ...filesUnder(path.join(repo, 'test/fixtures/corpus'))];
    const handlers = new Map<string, number>();
    let compared = 0;
    for (const input of inputs) {
      const bytes = fs.readFileSync(input);
      const text = bytes.toString('utf8');
      const classified = classifyFile(input, text.slice(0, 64 * 1024));
      // Up to 12 files per handler keeps this fast; examples come first, then the corpus.
      if (!classified || bytes.includes(0) || (handlers.get(classified.handler.id) ?? 0) >= 12) continue;
      const parse = (dir: string) =>
        classified.handler.parse({ path: path.join(dir, path.basename(input)), text, hadBom: false }, classified.kind);
      const [a, b] = [parse('/srv/env-a/conf'), parse('/opt/other/env-b')];
      expect(stringsIn(withoutFile(a)).filter((s) => s.includes('env-a'))).toEqual([]);
      expect(withoutFile(a)).toEqual(withoutFile(b));
      handlers.set(classified.handler.id, (handlers.get(classified.handler.id) ?? 0) + 1);
      compared++;
    }
    expect(compared).toBeGreaterThan(80);
    expect(handlers.size).toBeGreaterThanOrEqual(14);
  });

  it('nor does a binary (key store) handler', () => {
    let compared = 0;
    for (const input of filesUnder(path.join(repo, 'test/fixtures/keystores'))) {
      const bytes = fs.readFileSync(input);
      const classified = classifyBinary(input, bytes);
      if (!classified) continue;
      const parse = (dir: string) =>
        classified.handler.parse(
          { path: path.join(dir, path.basename(input)), text: '', hadBom: false, bytes },
          classified.kind,
        );
      const [a, b] = [parse('/srv/env-a/conf'), parse('/opt/other/env-b')];
      expect(stringsIn(withoutFile(a)).filter((s) => s.includes('env-a'))).toEqual([]);
      expect(withoutFile(a)).toEqual(withoutFile(b));
      compared++;
    }
    expect(compared).toBeGreaterThan(3);
  });

  it('hands out a document per file: its own SourceFile and problems, the same parse', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-parse-cache-'));
    const text = 'jdk.tls.disabledAlgorithms=SSLv3, RC4\nbroken line without separator \\\n';
    const files = ['a', 'b', 'c'].map((env) => {
      const file = path.join(dir, env, 'java.security');
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      return file;
    });
    const cache = new ParseCache(true);
    const docs = files.map((file) => readDocuments([file], cache).documents[0]);
    expect(cache.hits).toBe(1); // stored at its second sighting, handed out at the third
    expect(docs.map((d) => d.file.path)).toEqual(files);
    expect(new Set(docs.map((d) => d.problems)).size).toBe(3);
    for (const doc of docs) expect(JSON.stringify(withoutFile(doc))).toBe(JSON.stringify(withoutFile(docs[0])));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('two identical files of ONE deployment do not share objects', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-parse-cache-'));
    const files = ['x', 'y', 'z'].map((sub) => path.join(dir, sub, 'application.yml'));
    for (const file of files) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'spring:\n  application:\n    name: orders\n');
    }
    const cache = new ParseCache();
    readDocuments(files.slice(0, 2), cache);
    const { documents } = readDocuments(files, cache);
    expect(new Set(documents.map((d) => d.entries)).size).toBe(3);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a fleet linted with frozen cached documents reports exactly what parsing every file reports', () => {
    const fleet = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-deploy-parse-cache-fleet-'));
    generateFleet(fleet, { count: 24, seed: 11, defectRate: 0.5 });
    const config = loadConfig(path.join(fleet, 'lint-deploy.config.json'), fleet);
    const frozen = new ParseCache(true);
    const cached = lint({ paths: [], cwd: fleet, config, keepModel: false, parseCache: frozen });
    // A cache that never stores: every file parsed on its own.
    const never = new ParseCache();
    (never as unknown as { seen: { has: () => boolean; add: () => void; size: number } }).seen = {
      has: () => false,
      add: () => undefined,
      size: 0,
    };
    const uncached = lint({ paths: [], cwd: fleet, config, keepModel: false, parseCache: never });
    expect(frozen.hits).toBeGreaterThan(24);
    expect(never.hits).toBe(0);
    expect(cached.internalError).toBe(false);
    expect(JSON.stringify(cached.findings)).toBe(JSON.stringify(uncached.findings));
    expect(JSON.stringify(cached.runtimes)).toBe(JSON.stringify(uncached.runtimes));
    fs.rmSync(fleet, { recursive: true, force: true });
  });
});
