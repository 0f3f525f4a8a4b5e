import { ours, said } from '../../core/phrase';
import { isMqChannel, type StoreRef } from '../../model/types';
import { defineRule } from '../types';

/**
 * A server whose certificate or store is a file that a Kubernetes ConfigMap or Secret volume puts at the path its
 * settings name, when the tree does not show that file's content: the Secret's manifest is not in the tree, its key is
 * empty or a template's placeholder, or it is base64 data of no file read (src/model/kubernetes-sources.ts); a Spring
 * Boot app's store paths read through its containers' volumes (src/model/kubernetes-app-stores.ts); an IBM MQ queue
 * manager's key repository built from the Secrets its container mounts or its QueueManager resource's `spec.pki` names
 * (src/model/mq-container-pki.ts, once per queue manager, not per channel). Nothing about that
 * certificate can be judged, and no tree file of its name is taken for it: an info saying which manifest to include.
 */
export default defineRule({
  meta: {
    id: 'cert/volume-store-unknown',
    description:
      'Say when a server reads its certificate or a store from a Kubernetes ConfigMap or Secret volume whose content the tree does not show, and which manifest to include',
    severity: 'info',
    messages: {
      unknown:
        '{{server}} reads its {{role}} {{path}}{{setting}} from a Kubernetes volume mounted at that path, but {{why}}: its certificates are unknown, and no other file of that name is taken for it. To have them checked, include the manifest of the ConfigMap or Secret with its content',
    },
    defaultOptions: {},
    appliesTo: { components: ['keycloak.server', 'spring.server', 'mq.svrconn', 'mq.sender'] },
    symptoms: [],
  },
  check(ctx) {
    // The channels of one queue manager share its key repository: said once, on the first.
    const saidForQueueManager = new Set<string>();
    for (const component of ctx.deployment.components) {
      const trust = component.tls?.trust;
      const stores: [StoreRef | undefined, string][] = [
        [trust?.keyStore, trust?.keyStore?.type?.value === 'PEM' ? 'certificate' : 'key store'],
        [trust?.trustStore, 'trust store'],
      ];
      for (const [store, role] of stores) {
        if (!store?.volumeUnknown || !store.mountedFromOutside || store.path.from.kind !== 'file') continue;
        // One store that is both (an MQ key repository) is said once.
        if (role === 'trust store' && store === trust?.keyStore) continue;
        const where = `${role}\n${store.path.value}\n${JSON.stringify(store.mountedFromOutside)}`;
        if (isMqChannel(component) && saidForQueueManager.has(where)) continue;
        saidForQueueManager.add(where);
        ctx.report({
          messageId: 'unknown',
          data: {
            server: component.name,
            role,
            path: store.path.value.trim(),
            setting: store.setting ? said` (${store.setting})` : '',
            why: store.volumeUnknown,
          },
          location: store.path.from.location,
          related: [{ ...store.mountedFromOutside, message: ours('the volume is mounted here') }],
          fingerprint: [component.id, role, store.path.value.trim()],
          outcome: 'unknown',
        });
      }
    }
  },
});
