/**
 * What a Kubernetes container's `env:` items take by `valueFrom.configMapKeyRef` from a ConfigMap the tree holds, for
 * the readers of option variables (./jvm-runtime.ts). The ConfigMap is found as ./kubernetes-sources.ts finds sources
 * (one in the container's namespace: its file, its directory, else the only one of the tree); a ConfigMap or key the
 * tree lacks, `optional: true` or not, stays unknown and says why.
 */
import type { KubernetesContainer } from '../parse/kubernetes';
import {
  addVariableOptions,
  JVM_OPTION_VARIABLE,
  noStartJvmOptions,
  type StartJvmOptions,
} from '../parse/java/container-jvm';
import { referencedKey } from '../parse/kubernetes-secret-values';
import { LineIndex } from '../parse/text';
import type { ParsedDocument } from '../parse/types';
import type { ModelContext } from './contributor';
import { heldSources, type Manifest } from './kubernetes-sources';

/**
 * The JVM option variables (`JAVA_TOOL_OPTIONS`, `JAVA_OPTS`…) a container takes by `configMapKeyRef` from a ConfigMap
 * the tree holds: the key's words, at the key's value in the ConfigMap's manifest (./jvm-runtime.ts applies them after
 * the container's own options, which they replace). Only the last `env:` item of a name counts (the kubelet's); a
 * Secret's value is a secret, and a ConfigMap or key the tree lacks stays the `valueFrom:` the cluster gives.
 */
export function keyRefJvmOptions(
  ctx: ModelContext,
  doc: Manifest,
  container: KubernetesContainer,
): { doc: ParsedDocument; options: StartJvmOptions }[] {
  const parts: { doc: ParsedDocument; options: StartJvmOptions }[] = [];
  const items = container.environment;
  for (const [i, item] of items.entries()) {
    if (!item.configMapKeyRef || !JVM_OPTION_VARIABLE.test(item.name)) continue;
    if (items.slice(i + 1).some((later) => later.name === item.name)) continue;
    const found = referencedKey(heldSources(ctx), doc, container.namespace, item);
    if (typeof found !== 'object' || found.value === undefined || found.key.encoded) {
      // Said by what it names, not as the cluster's `valueFrom:`.
      const { name, key } = item.configMapKeyRef;
      const why = typeof found === 'string' ? found : `its value is only the cluster's`;
      const opaque = `ConfigMap ${name} key ${key} (${why})`;
      parts.push({
        doc,
        options: { jvmProperties: [], jvmVariables: [{ variable: item.name, range: item.nameRange, opaque }] },
      });
      continue;
    }
    const text = found.held.doc.file.text;
    const index = new LineIndex(text);
    let [start, end] = [index.offsetAt(found.key.valueRange.start), index.offsetAt(found.key.valueRange.end)];
    if (/["']/.test(text.charAt(start)) && end - start >= 2 && text.charAt(end - 1) === text.charAt(start)) {
      start++;
      end--;
    }
    // A value the reader did not take as written here (a block scalar, a template's rendering) is read as text, placed
    // at the key's value.
    const written = text.slice(start, end) === found.value;
    const options = noStartJvmOptions();
    if (written) addVariableOptions(options, text, index, item.name, found.key.keyRange, start, end);
    else {
      const own = new LineIndex(found.value);
      addVariableOptions(options, found.value, own, item.name, found.key.keyRange, 0, found.value.length);
      options.jvmProperties = options.jvmProperties.map((p) => ({
        ...p,
        nameRange: found.key.valueRange,
        valueRange: found.key.valueRange,
      }));
    }
    parts.push({ doc: found.held.doc, options });
  }
  return parts;
}
