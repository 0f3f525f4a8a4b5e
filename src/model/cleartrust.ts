import { CLEARTRUST_ROLES } from '../parse/cleartrust';
import { entryLocation } from '../parse/types';
import type { ModelContributor } from './contributor';

/** Keys that carry a component's SSL mode (clear | anon | auth). */
export const SSL_MODE_KEYS = ['cleartrust.net.ssl.use', 'cleartrust.agent.ssl.use'];

/** One component per ClearTrust configuration file, with its role and SSL mode. */
export const cleartrustContributor: ModelContributor = {
  id: 'cleartrust',
  contribute(ctx) {
    for (const doc of ctx.documentsOf('cleartrust.')) {
      const role = CLEARTRUST_ROLES[doc.kind] ?? 'ClearTrust component';
      const host = ctx.hostOf(doc.file.path);
      const modeEntry = [...doc.entries].reverse().find((e) => SSL_MODE_KEYS.includes(e.key));
      const mode = modeEntry?.value.trim().toLowerCase();
      ctx.addComponent({
        id: `${doc.kind}:${host || '.'}:${doc.file.path.slice(ctx.deployment.root.length + 1)}`,
        type: doc.kind,
        name: host ? `${role} (${host})` : role,
        role: doc.kind === 'cleartrust.webagent' || doc.kind === 'cleartrust.admingui' ? 'client' : 'both',
        location: { file: doc.file.path },
        host,
        runtime: ctx.runtimeFor(doc.file.path),
        tls: modeEntry
          ? {
              enabled: { value: mode !== 'clear', from: { kind: 'file', location: entryLocation(doc, modeEntry, 'value') } },
              implementation: 'jsse',
            }
          : undefined,
        documents: [doc],
        attributes: { cleartrustRole: role, sslMode: mode },
      });
    }
  },
};
