/**
 * ConfigMaps made from an nginx file of a `*-available` directory (`kubectl create configmap --from-file`, a
 * kustomization's `configMapGenerator:`, a Helm template's `.Files.Get`/`.Files.Glob`: src/parse/script-file-placements.ts,
 * src/parse/config-map-placements.ts) and where the tree's Pods mount them (their `configMap:` volumes and
 * `volumeMounts:`, with `subPath` and `items:`: src/parse/kubernetes-volumes.ts). Mounted where nginx reads (conf.d, a
 * `*-enabled` directory, nginx.conf) the ConfigMap may enable the file; mounted by no Pod of the tree, where it goes is
 * unknown and it may too. Only when every Pod that mounts it puts the file elsewhere (at sites-available) does it
 * enable nothing.
 */
import * as path from 'node:path';
import type { RelatedLocation } from '../core/types';
import type { KubernetesData } from '../parse/kubernetes';
import type { KubernetesVolume, KubernetesVolumeMount } from '../parse/kubernetes-volumes';
import type { FilePlacementsData } from '../parse/script-file-placements';
import type { ParsedDocument } from '../parse/types';
import { globMatches, loadedAt, segments, unknownPath, type Enablers } from './nginx-places';

type Manifest = ParsedDocument<KubernetesData>;

/**
 * The ConfigMaps made from `file` that may put it where nginx reads, each with where it is made and mounted; and the
 * mounts of those ConfigMaps that put it elsewhere or hold other keys (they decide that it is not loaded).
 */
export function configMapEnablers(
  file: string,
  scripts: readonly ParsedDocument<FilePlacementsData>[],
  manifests: readonly Manifest[],
): Enablers {
  const enabling: RelatedLocation[] = [];
  const elsewhere: RelatedLocation[] = [];
  for (const doc of scripts)
    for (const p of doc.data.placements) {
      if (!p.configMap) continue;
      const { name, keys, base } = p.configMap;
      const namesDirectory = doc.file.text.includes(path.basename(path.dirname(file)));
      const fileKeys = p.sources.flatMap((s, k) => {
        const key = keyOf(file, s, keys[k], base, namesDirectory);
        return key === undefined ? [] : [key];
      });
      if (fileKeys.length === 0) continue;
      const made = { file: doc.file.path, range: p.range };
      const mounts = mountsOf(name, manifests);
      if (mounts.length === 0) {
        const message = `makes ConfigMap ${name} of it, which no Pod of the tree mounts: where it goes is unknown, it may enable it`;
        enabling.push({ ...made, message });
        continue;
      }
      const loaded: RelatedLocation[] = [];
      for (const { doc: manifest, mount, volume } of mounts) {
        const places = fileKeys.map((key) => seenAt(mount, volume, key)).filter((s) => s !== undefined);
        const seen = places.find(loadedAt);
        const at = { file: manifest.file.path, range: mount.range };
        if (seen !== undefined) loaded.push({ ...at, message: `mounts ConfigMap ${name} at ${seen}: may enable it` });
        else
          elsewhere.push({
            ...at,
            message:
              places.length > 0
                ? `mounts ConfigMap ${name}, made of it, at ${places[0]}, where nginx does not read it`
                : `mounts other keys of ConfigMap ${name}, made of it, at ${mount.mountPath}`,
          });
      }
      if (loaded.length > 0) enabling.push({ ...made, message: `makes ConfigMap ${name} of it` }, ...loaded);
    }
  return { enabling, elsewhere };
}

/**
 * The key a ConfigMap source puts the file under: its written key, else the file's name; null when a template or a
 * variable decides it; undefined when the source is not the file nor its directory. A relative source of a
 * kustomization or a chart is read from its directory; a command's, from wherever it runs, is matched by its last
 * names (a directory puts each of its files at its name; a variable in the directory may name it when the file that
 * makes the ConfigMap names the directory).
 */
function keyOf(
  file: string,
  source: string,
  key: string | undefined,
  base: string | undefined,
  namesDirectory: boolean,
): string | null | undefined {
  const name = path.basename(file);
  const own = key === undefined ? name : unknownPath(key) ? null : key;
  if (base !== undefined && !unknownPath(source) && !path.isAbsolute(source)) {
    const resolved = path.join(base, source);
    if (resolved === file) return own;
    if (resolved === path.dirname(file)) return name;
    return path.dirname(resolved) === path.dirname(file) && globMatches(path.basename(resolved), name)
      ? own
      : undefined;
  }
  const parts = segments(source);
  const last = parts.at(-1) ?? '';
  const parent = parts.at(-2);
  const dirName = path.basename(path.dirname(file));
  const inDirectory = parent === undefined || parent === dirName || unknownPath(parent);
  if (last === dirName || (inDirectory && (last === name || globMatches(last, name))))
    return last === dirName ? name : own;
  return unknownPath(last) && (parent === dirName || namesDirectory) ? null : undefined;
}

/** The `configMap:` volumes of the tree's Pods that name the ConfigMap, with each container's mount of them. */
function mountsOf(
  name: string,
  manifests: readonly Manifest[],
): { doc: Manifest; volume: KubernetesVolume; mount: KubernetesVolumeMount }[] {
  const seen = new Set<string>();
  return manifests.flatMap((doc) =>
    doc.data.containers.flatMap((container) =>
      container.volumes
        .filter((v) => v.source === 'configMap' && v.sourceName === name)
        .flatMap((volume) =>
          container.mounts
            .filter((m) => m.volume === volume.name)
            .filter((m) => {
              const at = `${doc.file.path}:${m.range.start.line}:${m.range.start.character}`;
              return !seen.has(at) && !!seen.add(at);
            })
            .map((mount) => ({ doc, volume, mount })),
        ),
    ),
  );
}

/**
 * Where the container sees the ConfigMap's key (the kubelet's `items:` path, then the mount's `subPath`); undefined when
 * the mount does not hold it; for an unknown key, a file in the mounted directory (or the mounted file itself).
 */
function seenAt(mount: KubernetesVolumeMount, volume: KubernetesVolume, key: string | null): string | undefined {
  if (key === null) return mount.subPath === undefined ? path.posix.join(mount.mountPath, 'unknown') : mount.mountPath;
  const item = volume.items ? volume.items.find((i) => i.key === key)?.path : key;
  if (item === undefined) return undefined;
  if (mount.subPath === undefined) return path.posix.join(mount.mountPath, item);
  if (mount.subPath === item) return mount.mountPath;
  return item.startsWith(`${mount.subPath}/`)
    ? path.posix.join(mount.mountPath, item.slice(mount.subPath.length + 1))
    : undefined;
}
