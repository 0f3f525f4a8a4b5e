/**
 * The Kubernetes containers of IBM MQ's developer image (or another image with scripts of its own) that run a tree MQSC
 * document, as ./mq-image-scripts.ts joins the image's scripts to it: a ConfigMap key mounted into /etc/mqm, which the
 * image applies with its own files in name order when it creates its queue manager (./mq-container-pki.ts finds the
 * containers). The container's variables are its `envFrom:` sources' keys then its `env:` items (a `configMapKeyRef`
 * read from the ConfigMap the tree holds; another `valueFrom:` or a `$(VAR)` value is set but unknown); an `envFrom:` source the tree does not show may set any other.
 */
import * as path from 'node:path';
import type { KubernetesContainer, KubernetesData } from '../parse/kubernetes';
import type { MqscData } from '../parse/mqsc';
import type { ParsedDocument } from '../parse/types';
import { mqImageScripts } from '../knowledge';
import type { ModelContext } from './contributor';
import { containerVariable, envFromVariables } from './kubernetes-sources';
import { kubernetesMqscRuns } from './mq-container-pki';
import type { ImageRun } from './mq-image-scripts';

/** The containers that run `mqsc` through an image with scripts of its own, as image runs. */
export function kubernetesImageRuns(ctx: ModelContext, mqsc: ParsedDocument<MqscData>): ImageRun[] {
  const runs: ImageRun[] = [];
  for (const { doc, container, paths, mountedAt } of kubernetesMqscRuns(ctx).get(mqsc) ?? []) {
    const image = container.image?.value;
    if (!image || mqImageScripts(image).length === 0) continue;
    const [name, ...otherNames] = paths.map((p) => path.posix.basename(p)).sort();
    if (!name) continue;
    const targets = container.mounts.map((m) => path.posix.normalize(m.mountPath).replace(/(.)\/$/, '$1'));
    runs.push({
      name,
      ...(otherNames.length > 0 && { otherNames }),
      image,
      at: mountedAt,
      how: `in ${container.label}, which mounts it as ${paths.join(', ')}`,
      ...containerEnvironment(ctx, doc, container),
      targets,
      mountedOver: targets,
      mountsUnknown: false,
    });
  }
  return runs;
}

/** The container's variables: the value written, or undefined when the cluster or a reference fills it in. */
function containerEnvironment(
  ctx: ModelContext,
  doc: ParsedDocument<KubernetesData>,
  container: KubernetesContainer,
): { environment: Map<string, string | undefined>; environmentComplete: boolean } {
  const { variables, opaque } = envFromVariables(ctx, doc, container);
  const environment = new Map<string, string | undefined>(variables.map((v) => [v.name, v.value]));
  // A `configMapKeyRef` gives the ConfigMap's key when the tree holds it; a Secret's value is used for its presence only.
  for (const item of container.environment)
    environment.set(
      item.name,
      item.value === undefined
        ? item.configMapKeyRef && containerVariable(ctx, doc, container, item.name)?.value
        : item.value.includes('$(')
          ? undefined
          : item.value,
    );
  return { environment, environmentComplete: !opaque };
}
