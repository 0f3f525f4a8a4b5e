/**
 * What a Kubernetes Pod puts into its containers as files and variables from ConfigMaps and Secrets: each container's
 * `volumeMounts:` (`mountPath`, `subPath`), the Pod's `configMap:`/`secret:` volumes (with their `items:` key → path),
 * and every ConfigMap's and Secret's keys (`data:`, a Secret's `stringData:`), with the manifest's namespace. Which
 * manifest of the tree a name means is the model's question (src/model/kubernetes-sources.ts).
 * https://kubernetes.io/docs/concepts/storage/volumes/#configmap https://kubernetes.io/docs/concepts/storage/volumes/#secret
 * https://kubernetes.io/docs/concepts/configuration/secret/#restriction-names-data
 */
import type { Range } from '../core/types';
import type { Entry } from './types';

/** A `volumeMounts:` item of a container. */
export interface KubernetesVolumeMount {
  volume: string;
  mountPath: string;
  /** The one file (or directory) of the volume mounted at `mountPath`. */
  subPath?: string;
  /** Where `mountPath` is written. */
  range: Range;
}

/** A Pod volume filled from a ConfigMap or a Secret. */
export interface KubernetesVolume {
  name: string;
  source: 'configMap' | 'secret';
  /** The ConfigMap's or Secret's name. */
  sourceName: string;
  /** `items:`: only these keys are files, each at its `path`; undefined: every key, at its own name. */
  items?: { key: string; path: string }[];
  /** Where the ConfigMap or Secret is named. */
  range: Range;
}

/** One key of a ConfigMap or Secret. */
export interface KubernetesSourceKey {
  key: string;
  /** As written (a Secret's `data:` value is base64). */
  value: string;
  /** A Secret's `data:` (base64) or a ConfigMap's `binaryData:`. */
  encoded: boolean;
  keyRange: Range;
  valueRange: Range;
  /** Of a source made of files (src/model/kubernetes-made-sources.ts): the tree file it holds, or why that is unknown. */
  file?: string;
  unread?: string;
}

export interface KubernetesSource {
  source: 'configMap' | 'secret';
  name: string;
  namespace?: string;
  keys: KubernetesSourceKey[];
  /** The lines of its YAML document (for ./kubernetes-env-sources.ts keysFromTemplate). */
  lines?: Range;
  /** Where its name is written. */
  range: Range;
}

const POD = '^(?:spec\\.jobTemplate\\.)?(?:spec\\.template\\.)?spec\\.';
const MOUNT = new RegExp(`${POD}containers\\[(\\d+)\\]\\.volumeMounts\\[(\\d+)\\]\\.(name|mountPath|subPath)$`);
/** A volume's name, its ConfigMap or Secret (a `projected:` volume's each source), and their `items:`. */
const VOLUME = new RegExp(
  `${POD}volumes\\[(\\d+)\\]\\.(?:(name)|(?:projected\\.sources\\[(\\d+)\\]\\.)?(?:(configMap)\\.name|(secret)\\.(?:secretName|name)|(?:configMap|secret)\\.items\\[(\\d+)\\]\\.(key|path)))$`,
);
const SOURCE_KEY = /^(data|stringData|binaryData)\.(.+)$/;

/** The `volumeMounts:` of each container of a workload, by the container's index. */
export function volumeMountsOf(entries: readonly Entry[]): Map<string, KubernetesVolumeMount[]> {
  const found = new Map<string, Partial<Record<'name' | 'mountPath' | 'subPath', Entry>>>();
  for (const entry of entries) {
    const m = MOUNT.exec(entry.key);
    if (!m) continue;
    const key = `${m[1]}.${m[2]}`;
    const mount = found.get(key) ?? {};
    mount[m[3] as 'name' | 'mountPath' | 'subPath'] = entry;
    found.set(key, mount);
  }
  const out = new Map<string, KubernetesVolumeMount[]>();
  for (const [key, { name, mountPath, subPath }] of found) {
    if (!name || !mountPath) continue;
    const container = key.slice(0, key.indexOf('.'));
    const mounts = out.get(container) ?? [];
    mounts.push({
      volume: name.value.trim(),
      mountPath: mountPath.value.trim(),
      ...(subPath && { subPath: subPath.value.trim() }),
      range: mountPath.valueRange,
    });
    out.set(container, mounts);
  }
  return out;
}

/**
 * The Pod's volumes that a ConfigMap or a Secret fills. A `projected:` volume is one such volume per source, all of its
 * name: each puts its keys (or `items:`) in the one directory (https://kubernetes.io/docs/concepts/storage/projected-volumes/).
 */
export function sourceVolumesOf(entries: readonly Entry[]): KubernetesVolume[] {
  interface Written {
    source?: KubernetesVolume['source'];
    of?: Entry;
    items: Map<string, { key?: string; path?: string }>;
  }
  const names = new Map<string, string>();
  // By volume index, then source index ('' for a secret:/configMap: volume's one source).
  const found = new Map<string, Map<string, Written>>();
  for (const entry of entries) {
    const m = VOLUME.exec(entry.key);
    if (!m) continue;
    const [, index, isName, sourceIndex = '', configMap, secret, item, field] = m;
    if (isName) {
      names.set(index!, entry.value.trim());
      continue;
    }
    const sources = found.get(index!) ?? new Map<string, Written>();
    const volume: Written = sources.get(sourceIndex) ?? { items: new Map() };
    if (configMap || secret) {
      volume.source = configMap ? 'configMap' : 'secret';
      volume.of = entry;
    } else {
      const written = volume.items.get(item!) ?? {};
      written[field as 'key' | 'path'] = entry.value.trim();
      volume.items.set(item!, written);
    }
    sources.set(sourceIndex, volume);
    found.set(index!, sources);
  }
  return [...found].flatMap(([index, sources]) => {
    const name = names.get(index);
    return [...sources.values()].flatMap(({ source, of, items }) =>
      name && source && of
        ? [
            {
              name,
              source,
              sourceName: of.value.trim(),
              ...(items.size > 0 && {
                items: [...items.values()].flatMap((i) =>
                  i.key !== undefined && i.path !== undefined ? [{ key: i.key, path: i.path }] : [],
                ),
              }),
              range: of.valueRange,
            },
          ]
        : [],
    );
  });
}

/** A ConfigMap's or Secret's keys (`data:`, `stringData:`, `binaryData:`; `stringData:` wins over `data:`). */
export function sourceOf(
  entries: readonly Entry[],
  source: KubernetesSource['source'],
  name: Entry,
  namespace: string | undefined,
): KubernetesSource {
  const keys = new Map<string, KubernetesSourceKey>();
  for (const entry of entries) {
    const m = SOURCE_KEY.exec(entry.key);
    if (!m) continue;
    const encoded = m[1] === 'binaryData' || (source === 'secret' && m[1] === 'data');
    if (encoded && keys.has(m[2]!)) continue;
    keys.set(m[2]!, {
      key: m[2]!,
      value: entry.value,
      encoded,
      keyRange: entry.keyRange,
      valueRange: entry.valueRange,
    });
  }
  return {
    source,
    name: name.value.trim(),
    ...(namespace !== undefined && { namespace }),
    keys: [...keys.values()],
    range: name.valueRange,
  };
}

/** A Secret's base64 value as text; undefined when it is not base64 of printable text. */
export function decodedText(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) return undefined;
  const text = Buffer.from(compact, 'base64').toString('utf8');
  return /^[\x20-\x7e]*$/.test(text) ? text : undefined;
}
