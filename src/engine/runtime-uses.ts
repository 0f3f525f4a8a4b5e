import { describeJdk } from '../knowledge';
import type { Deployment, RuntimeUse } from '../model/types';

/**
 * Each JDK attachment of a deployment and the components it runs (issue 13: every attachment keeps its
 * provenance, shown in `--format json`). Plain data, so worker threads and the cache can carry it.
 */
export function runtimeUses(deployment: Deployment, mask: (text: string) => string = (text) => text): RuntimeUse[] {
  const byAttachment = new Map<string, RuntimeUse>();
  for (const component of deployment.components) {
    const runtime = component.runtime;
    if (!runtime) continue;
    const from = mask(runtime.attachment?.text ?? 'JDK of unknown origin');
    const jdk = describeJdk(runtime.vendor.value, runtime.version.value);
    const key = `${jdk}\u0000${from}`;
    const use = byAttachment.get(key) ?? {
      deployment: deployment.name ?? deployment.root,
      jdk,
      from,
      location: runtime.attachment?.location,
      components: [],
    };
    use.components.push(mask(component.name));
    byAttachment.set(key, use);
  }
  return [...byAttachment.values()];
}
