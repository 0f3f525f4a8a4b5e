/**
 * The ConfigMaps and Secrets the tree makes of its files rather than writes as manifests: a kustomization's
 * `secretGenerator:`/`configMapGenerator:` and a script's `kubectl create secret generic|tls` / `oc create secret` /
 * `kubectl create configmap` (src/parse/config-map-placements.ts, src/parse/script-file-placements.ts). Each key is a
 * file (`key=path`, else the file's name): a generator's path is relative to its kustomization's directory, a
 * command's to its script's (where most scripts run; a path elsewhere is said to be unknown, never guessed). A Pod
 * mounting such a source by its name (kustomize adds its hash suffix to both at build time) sees those files
 * (./kubernetes-sources.ts). A name or path holding a variable, an env file or a generator merging into another's
 * leaves the source or the key unknown.
 */
import * as path from 'node:path';
import type { KubernetesSource, KubernetesSourceKey } from '../parse/kubernetes-volumes';
import { heldSource, type SourceNamer, type SourceOfTree } from '../parse/kubernetes-secret-values';
import type { FilePlacement, FilePlacementsData, MadeSource } from '../parse/script-file-placements';
import { LineIndex } from '../parse/text';
import type { ParsedDocument, SourceFile } from '../parse/types';
import type { Range } from '../core/types';
import type { ModelContext } from './contributor';
import { filePlacementDocuments } from './script-placements';

/** A shell word that the script's run decides (`$DIR/tls.crt`, `` `pwd` ``). */
const DECIDED_AT_RUN = /[$`]/;

/**
 * The source a file of the tree names for a volume: a manifest's (`manifests`: see heldSource), else, when no manifest of the tree
 * writes that name, one the tree makes of files (./kubernetes-made-sources.ts). A manifest wins: its content is written
 * (a script that also makes it, from files it makes when it runs, adds nothing the manifest does not say).
 */
export function volumeSource(
  ctx: ModelContext,
  manifests: readonly SourceOfTree[],
  doc: SourceNamer,
  namespace: string | undefined,
  source: KubernetesSource['source'],
  name: string,
  at?: Range,
): SourceOfTree | string {
  const held = heldSource(manifests, doc, namespace, source, name, at);
  const named = (all: readonly SourceOfTree[]) =>
    all.some((h) => h.source.source === source && h.source.name === name.trim());
  if (typeof held !== 'string' || named(manifests)) return held;
  const made = madeSources(ctx);
  return named(made) ? heldSource(made, doc, namespace, source, name) : held;
}

/** Every ConfigMap and Secret the deployment makes of files (once per build). */
function madeSources(ctx: ModelContext): SourceOfTree[] {
  return ctx.once('kubernetesMadeSources', () => {
    const files = new Set(ctx.deployment.documents.filter((d) => !d.embedded).map((d) => d.file.path));
    const made = new Map<string, SourceOfTree>();
    const merged = new Set<string>();
    for (const doc of filePlacementDocuments(ctx))
      for (const [k, placement] of doc.data.placements.entries()) {
        const source: KubernetesSource['source'] | undefined = placement.secret
          ? 'secret'
          : placement.configMap && !placement.verb.startsWith('.Files')
            ? 'configMap'
            : undefined;
        const making = placement.secret ?? placement.configMap;
        if (!source || !making || DECIDED_AT_RUN.test(making.name) || making.moreKeys) {
          if (source && making?.moreKeys) merged.add(`${source}:${making.name}`);
          continue;
        }
        // A generator's files are one placement each: one source of the kustomization; a command is one source.
        const id = placement.verb.endsWith('Generator')
          ? `${doc.file.path}\n${source}\n${making.namespace ?? ''}\n${making.name}`
          : `${doc.file.path}\n${k}`;
        const held = made.get(id) ?? newSource(doc, source, making, placement);
        const keys = keysOf(placement, making, doc.file, files);
        // A directory puts each of its files at its name: its regular files are more than the documents read.
        if (keys === undefined) merged.add(`${source}:${making.name}`);
        else held.source.keys.push(...keys);
        made.set(id, held);
      }
    // A generator that merges into or replaces another's, adds an env file's keys or a directory's: not all known.
    return [...made.values()].filter((m) => !merged.has(`${m.source.source}:${m.source.name}`));
  });
}

function newSource(
  doc: ParsedDocument<FilePlacementsData>,
  source: KubernetesSource['source'],
  making: MadeSource,
  placement: FilePlacement,
): SourceOfTree {
  const literals = (making.literalKeys ?? []).map((key) => madeKey(key, placement, {}));
  return {
    source: {
      source,
      name: making.name,
      ...(making.namespace !== undefined && { namespace: making.namespace }),
      keys: literals,
      range: placement.range,
    },
    doc,
    namespace: making.namespace,
  };
}

/**
 * The keys a placement puts into its source, each the tree file it holds or why that is unknown; undefined when a
 * source is a directory of the tree or a key a variable (which keys it holds is then unknown).
 */
function keysOf(
  placement: FilePlacement,
  making: MadeSource,
  maker: SourceFile,
  files: ReadonlySet<string>,
): KubernetesSourceKey[] | undefined {
  const keys: KubernetesSourceKey[] = [];
  const by = `is made by ${madeBy(maker, placement, making)} in ${path.basename(maker.path)}:${placement.range.start.line + 1} from`;
  for (const [k, written] of placement.sources.entries()) {
    const key = making.keys[k] ?? path.posix.basename(written.replace(/\/+$/, ''));
    if (DECIDED_AT_RUN.test(key)) return undefined;
    if (DECIDED_AT_RUN.test(written)) {
      keys.push(madeKey(key, placement, { unread: `${by} ${written}, a path decided when the command runs` }));
      continue;
    }
    if (path.isAbsolute(written)) {
      keys.push(madeKey(key, placement, { unread: `${by} ${written}, outside the tree` }));
      continue;
    }
    const file = path.join(making.base ?? path.dirname(maker.path), written);
    if (files.has(file)) keys.push(madeKey(key, placement, { file }));
    else if (making.keys[k] === undefined && [...files].some((f) => f.startsWith(`${file}${path.sep}`)))
      return undefined;
    else {
      // A script may make the file itself when it runs (`openssl req … -out qm1.crt`), or run elsewhere.
      const where = making.base
        ? "in the kustomization's directory"
        : 'beside the script (one it makes when it runs, or one where it runs)';
      keys.push(madeKey(key, placement, { unread: `${by} ${written}, no file lint-deploy reads ${where}` }));
    }
  }
  return keys;
}

const madeKey = (
  key: string,
  placement: FilePlacement,
  content: Pick<KubernetesSourceKey, 'file' | 'unread'>,
): KubernetesSourceKey => ({
  key,
  value: '',
  encoded: false,
  keyRange: placement.range,
  valueRange: placement.range,
  ...content,
});

/** How the source is made, as users know it: `` `oc create secret tls qm1-tls …` ``, `the secretGenerator kc-tls`. */
function madeBy(maker: SourceFile, placement: FilePlacement, making: MadeSource): string {
  if (placement.verb.endsWith('Generator')) return `the ${placement.verb} ${making.name}`;
  const index = new LineIndex(maker.text);
  const command = maker.text.slice(index.offsetAt(placement.range.start), index.offsetAt(placement.range.end));
  const named = command.indexOf(making.name);
  return named < 0 ? placement.verb : `\`${command.slice(0, named + making.name.length).replace(/\s+/g, ' ')} …\``;
}
