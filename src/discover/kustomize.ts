import * as path from 'node:path';
import { relativePosix } from '../core/posix-path';
import { readRegularFile } from '../core/safe-fs';
import { LineIndex } from '../parse/text';
import { yaml, yamlTextErrors } from '../parse/yaml-flatten';

/**
 * Kustomize overlays as the deployments they are (docs/deployments.md, heuristic "Kustomize overlays"). A directory
 * holding a kustomization file that another kustomization names under `resources`, `bases` or `components` is a base;
 * a kustomization that names a base (directly or through another kustomization) and that none names is an overlay, and
 * `kustomize build` of it deploys its own directory's files and its bases'. Two overlays of a tree are two environments
 * (`overlays/dev`, `overlays/prod`): each is a deployment of its directory and its bases' directories, the base is none
 * of its own. A tree with fewer than two overlays stays one deployment: there is nothing to keep apart.
 *
 * Field names and semantics: kubernetes-sigs/kustomize@401be204 (tag api/v0.21.1), api/types/kustomization.go
 * (`resources`, `bases`, `components`, `configMapGenerator`, `secretGenerator`), api/konfig/general.go (the recognised
 * file names), api/internal/generators/utils.go ParseFileSource (`key=path`, else the path's base name is the key),
 * api/resmap/reswrangler.go appendReplaceOrMerge (a generator of a base's generated name with `behavior: replace`
 * takes the base's data whole; `merge` sets its keys over the base's, api/resource/resource.go mergeStringMaps).
 */

/** The names kustomize reads as a kustomization (api/konfig/general.go RecognizedKustomizationFileNames). */
const KUSTOMIZATION_FILE_NAMES = new Set(['kustomization.yaml', 'kustomization.yml', 'Kustomization']);
const MAX_KUSTOMIZATION_BYTES = 1024 * 1024;
/** A resource kustomize fetches (a git URL, `github.com/org/repo/path?ref=v1`, an HTTP file), never a tree path. */
const REMOTE_RESOURCE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|(?:github\.com|gitlab\.com|bitbucket\.org)\/)|\?ref=/i;

/** A base's generator input that the overlay's generator of the same name leaves out of the generated object. */
export interface SetAsideFile {
  file: string;
  /** The overlay's kustomization file and line of the generator that replaces it. */
  by: { file: string; line: number };
  generator: string;
  behavior: 'merge' | 'replace';
  key: string;
  /** The file whose content the key holds instead (merge), if any. */
  instead?: string;
}

export interface KustomizeOverlay {
  /** The overlay's directory. */
  dir: string;
  /** The kustomization directories it reaches, sorted. */
  bases: string[];
  /** Base files left out of its deployment (their generated key is the overlay's). */
  setAside: SetAsideFile[];
  /** What it names that the tree does not hold (`--debug`): remote resources, directories outside the tree. */
  unknown: string[];
}

interface GeneratorFile {
  key: string;
  file: string;
}
interface Generator {
  /** `configmap:` or `secret:`, the namespace and the name: the generated object's identity. */
  id: string;
  name: string;
  behavior: string;
  line: number;
  files: GeneratorFile[];
  /** A file source whose keys kustomize decides from a directory's listing: the merge result is not certain. */
  uncertain: boolean;
}
interface Kustomization {
  dir: string;
  file: string;
  /** Kustomization directories it names, in order, with the line naming each. */
  refs: string[];
  unknown: string[];
  generators: Generator[];
}

/** The overlays of a walked tree, each with its bases, or none when the tree holds fewer than two. */
export function kustomizeOverlays(root: string, files: readonly string[]): KustomizeOverlay[] {
  const candidates = files.filter((f) => KUSTOMIZATION_FILE_NAMES.has(path.basename(f)));
  if (candidates.length < 3) return [];
  const fileSet = new Set(files);
  const byDir = new Map<string, Kustomization>();
  for (const file of candidates) {
    const read = readKustomization(file, root, fileSet);
    if (read && !byDir.has(read.dir)) byDir.set(read.dir, read);
  }
  for (const k of byDir.values()) {
    const [inTree, outside] = partitionBy(k.refs, (dir) => byDir.has(dir));
    k.refs = inTree;
    for (const dir of outside)
      k.unknown.push(
        `${display(k.file, root)} names ${display(dir, root)}, where the linted tree holds no kustomization or file: what it adds is unknown`,
      );
  }
  const named = new Set([...byDir.values()].flatMap((k) => k.refs));
  const overlays = [...byDir.values()].filter((k) => !named.has(k.dir) && k.refs.length > 0);
  // An overlay at the linted directory itself would take every file of the tree: nothing is kept apart then.
  if (overlays.length < 2 || overlays.some((k) => k.dir === root)) return [];
  return overlays
    .map((overlay) => {
      const reached = reach(overlay, byDir);
      const built = generated(overlay, byDir, new Set());
      return {
        dir: overlay.dir,
        bases: reached.filter((dir) => dir !== overlay.dir).sort(),
        setAside: setAside(reached, byDir, built, fileSet),
        unknown: reached.flatMap((dir) => byDir.get(dir)!.unknown),
      };
    })
    .sort((a, b) => (a.dir < b.dir ? -1 : 1));
}

const display = (p: string, root: string) => relativePosix(root, p) || '.';

function partitionBy<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}

/** The kustomization directories an overlay builds from, itself first, each once. */
function reach(start: Kustomization, byDir: ReadonlyMap<string, Kustomization>): string[] {
  const seen = new Set<string>();
  const visit = (k: Kustomization) => {
    if (seen.has(k.dir)) return;
    seen.add(k.dir);
    for (const dir of k.refs) visit(byDir.get(dir)!);
  };
  visit(start);
  return [...seen];
}

/** One generated object's data: each key and the file it comes from (undefined: not certain). */
type Generated = Map<string, Map<string, string> | undefined>;

/** The generated objects `kustomize build` of a directory makes, by identity (appendReplaceOrMerge). */
function generated(k: Kustomization, byDir: ReadonlyMap<string, Kustomization>, building: Set<string>): Generated {
  const result: Generated = new Map();
  if (building.has(k.dir)) return result;
  building.add(k.dir);
  // Two bases generating one identity is a build error: neither's keys are certain.
  for (const dir of k.refs)
    for (const [id, data] of generated(byDir.get(dir)!, byDir, building))
      result.set(id, result.has(id) ? undefined : data);
  building.delete(k.dir);
  for (const generator of k.generators) {
    const own = generator.uncertain ? undefined : new Map(generator.files.map((f) => [f.key, f.file]));
    const before = result.get(generator.id);
    if (generator.behavior === 'merge' && before && own) result.set(generator.id, new Map([...before, ...own]));
    else if (generator.behavior === 'replace' && result.has(generator.id)) result.set(generator.id, own);
    // create over an existing identity, or merge/replace of none: kustomize refuses the build.
    else result.set(generator.id, result.has(generator.id) || generator.behavior !== 'create' ? undefined : own);
  }
  return result;
}

/**
 * The base generator inputs no generated object of the overlay holds: each replaced by a generator of the overlay's
 * kustomizations with `behavior: merge` (the same key) or `replace`. A file any kustomization also names as a resource, or
 * that a generator of uncertain result holds, stays.
 */
function setAside(
  reached: readonly string[],
  byDir: ReadonlyMap<string, Kustomization>,
  built: Generated,
  files: ReadonlySet<string>,
): SetAsideFile[] {
  const kept = new Set<string>();
  const uncertainIds = new Set<string>();
  for (const [id, data] of built) {
    if (!data) uncertainIds.add(id);
    else for (const file of data.values()) kept.add(file);
  }
  const out: SetAsideFile[] = [];
  for (const dir of reached) {
    const k = byDir.get(dir)!;
    for (const generator of k.generators) {
      if (uncertainIds.has(generator.id)) continue;
      for (const { key, file } of generator.files) {
        if (kept.has(file) || !files.has(file) || out.some((s) => s.file === file)) continue;
        const by = replacer(reached, byDir, generator, key);
        if (by) out.push({ file, key, generator: generator.name, ...by });
      }
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : 1));
}

/** The later generator of the same identity that took a key away: a replace, else a merge giving the key. */
function replacer(
  reached: readonly string[],
  byDir: ReadonlyMap<string, Kustomization>,
  base: Generator,
  key: string,
): Pick<SetAsideFile, 'by' | 'behavior' | 'instead'> | undefined {
  for (const dir of reached) {
    const k = byDir.get(dir)!;
    for (const generator of k.generators) {
      if (generator === base || generator.id !== base.id || generator.behavior === 'create') continue;
      const instead = generator.files.find((f) => f.key === key)?.file;
      if (generator.behavior === 'replace' || instead)
        return {
          by: { file: k.file, line: generator.line },
          behavior: generator.behavior as 'merge' | 'replace',
          ...(instead ? { instead } : {}),
        };
    }
  }
  return undefined;
}

/** A kustomization file read with its positions, or undefined when it is none (Flux's `Kustomization`, a parse error). */
function readKustomization(file: string, root: string, files: ReadonlySet<string>): Kustomization | undefined {
  const read = readRegularFile(file, MAX_KUSTOMIZATION_BYTES);
  if (!read.ok) return undefined;
  const text = read.bytes.toString('utf8');
  const lib = yaml();
  // Duplicate keys are read, the last one winning: kustomize decodes the file through YAMLToJSON, not strictly
  // (api/types/kustomization.go Unmarshal, kubernetes-sigs/kustomize#5061).
  const docs = lib.parseAllDocuments(text, { uniqueKeys: false });
  const [doc, ...more] = Array.isArray(docs) ? docs : [];
  if (!doc || more.length || yamlTextErrors(doc).length) return undefined;
  const contents = doc.contents;
  if (!lib.isMap(contents)) return undefined;
  const index = new LineIndex(text);
  const lineOf = (node: { range?: [number, number, number] | null } | null | undefined) =>
    index.positionAt(node?.range?.[0] ?? 0).line + 1;
  const apiVersion = plain(last(contents, 'apiVersion'));
  const kind = plain(last(contents, 'kind'));
  if (apiVersion !== undefined && !apiVersion.startsWith('kustomize.config.k8s.io/')) return undefined;
  if (kind !== undefined && kind !== 'Kustomization' && kind !== 'Component') return undefined;
  const dir = path.dirname(file);
  const where = (node: Parameters<typeof lineOf>[0]) => `${display(file, root)}:${lineOf(node)}`;
  const strings = (key: string, within: import('yaml').YAMLMap = contents) => {
    const seq = last(within, key);
    return lib.isSeq(seq)
      ? seq.items.filter((i): i is import('yaml').Scalar<string> => lib.isScalar(i) && typeof i.value === 'string')
      : [];
  };
  const refs: string[] = [];
  const unknown: string[] = [];
  for (const entry of [...strings('resources'), ...strings('bases'), ...strings('components')]) {
    if (REMOTE_RESOURCE.test(entry.value)) {
      unknown.push(`${where(entry)} names the remote resource ${entry.value}: not read, what it adds is unknown`);
      continue;
    }
    const target = path.resolve(dir, entry.value);
    // A manifest file of the kustomization (the files kustomize reads from a directory are the kustomization's).
    if (files.has(target)) continue;
    refs.push(target);
  }
  const generators: Generator[] = [];
  for (const [field, kindName] of [
    ['configMapGenerator', 'configmap'],
    ['secretGenerator', 'secret'],
  ] as const) {
    const seq = last(contents, field);
    if (!lib.isSeq(seq)) continue;
    for (const item of seq.items) {
      if (!lib.isMap(item)) continue;
      const name = plain(last(item, 'name'));
      if (typeof name !== 'string') continue;
      const namespace = plain(last(item, 'namespace'));
      const behavior = plain(last(item, 'behavior'));
      const sources = strings('files', item).map((s) => parseFileSource(s.value, dir));
      generators.push({
        id: `${kindName}:${typeof namespace === 'string' ? namespace : ''}:${name}`,
        name,
        behavior: typeof behavior === 'string' && behavior ? behavior : 'create',
        line: lineOf(item),
        files: sources.filter((s) => files.has(s.file)),
        uncertain: sources.some((s) => !files.has(s.file)),
      });
    }
  }
  return { dir, file, refs: [...new Set(refs)], unknown, generators };
}

/** The value of a map's last pair of a key (the one kustomize's JSON decoding keeps). */
function last(map: import('yaml').YAMLMap, key: string): unknown {
  const lib = yaml();
  const pairs = map.items.filter((p) => (lib.isScalar(p.key) ? p.key.value : p.key) === key);
  return pairs[pairs.length - 1]?.value;
}

/** A scalar node's string value. */
function plain(node: unknown): string | undefined {
  const value: unknown = yaml().isScalar(node) ? node.value : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** kustomize's ParseFileSource: `key=path`, else the path's base name is the key. */
function parseFileSource(source: string, dir: string): GeneratorFile {
  const at = source.indexOf('=');
  return at > 0
    ? { key: source.slice(0, at), file: path.resolve(dir, source.slice(at + 1)) }
    : { key: path.posix.basename(source), file: path.resolve(dir, source) };
}
