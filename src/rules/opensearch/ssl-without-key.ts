import { defineRule } from '../types';
import { said } from '../../core/phrase';
import { nodeLayers, noKeyMaterialMessage, runBy } from '../_lib/search-node-layers';

/**
 * An OpenSearch node whose security plugin speaks TLS on a layer that names no key: the transport layer (always TLS
 * with the security plugin: `plugins.security.ssl.transport.enabled` defaults to true) or the HTTP layer
 * (`plugins.security.ssl.http.enabled: true`) with neither `keystore_filepath` nor `pemcert_filepath` (for transport, or
 * both `server.pemcert_filepath` and `client.pemcert_filepath`). The plugin throws OpenSearchException when it loads
 * ("plugins.security.ssl.http.keystore_filepath or plugins.security.ssl.http.pemkey_filepath must be set if http ssl
 * is requested.": opensearch-project/security@05d1556b DefaultSecurityKeyStore.java initHttpSSLConfig,
 * initTransportSSLConfig): the node does not start. Not said when no `plugins.security.*` setting is written at all
 * (the image's and archive's demo configuration installer then adds its own), when `plugins.security.disabled` is
 * true, or for a value with `${…}`; a node whose start the tree does not show is a warning. Read from
 * model/search-node.ts.
 */
export default defineRule({
  meta: {
    id: 'opensearch/ssl-without-key',
    description:
      'Report an OpenSearch node whose security plugin speaks TLS on a layer that names no key store or PEM certificate: the node does not start',
    severity: 'error',
    messages: {
      noKey:
        '{{node}} speaks TLS on its {{layer}} layer ({{why}}) but names neither {{prefix}}keystore_filepath nor {{prefix}}pemcert_filepath: the security plugin fails to load and the node does not start ("{{log}}"). Set {{prefix}}pemcert_filepath, {{prefix}}pemkey_filepath and {{prefix}}pemtrustedcas_filepath (PEM files in the config directory), or the key store settings',
      noKeyUnlessStart:
        '{{node}} speaks TLS on its {{layer}} layer ({{why}}) but names neither {{prefix}}keystore_filepath nor {{prefix}}pemcert_filepath, and {{elsewhere}}: unless they do, the security plugin fails to load and the node does not start ("{{log}}"). Set {{prefix}}pemcert_filepath and {{prefix}}pemkey_filepath here',
    },
    defaultOptions: {},
    appliesTo: { documents: ['opensearch.config', 'compose'] },
    symptoms: ['must be set if transport ssl is requested', 'must be set if http ssl is requested'],
  },
  check(ctx) {
    for (const found of nodeLayers(ctx.deployment, 'OpenSearch')) {
      const { node, layer } = found;
      if (layer.enabled !== true || layer.keyMaterial !== 'none') continue;
      const { message, source } = noKeyMaterialMessage(found);
      const at = layer.enabledBy?.at ?? node.location;
      ctx.report({
        messageId: node.settingsElsewhere ? 'noKeyUnlessStart' : 'noKey',
        ...(node.settingsElsewhere && { severity: 'warning' as const }),
        data: {
          node: node.name,
          layer: layer.layer,
          why: layer.enabledBy ? `${layer.enabledBy.key} is true` : `${layer.prefix}enabled defaults to true`,
          prefix: layer.prefix,
          log: message,
          elsewhere: node.settingsElsewhere ?? '',
        },
        location: at,
        related: [...runBy(node), { file: at.file, message: said`the security plugin's check: ${source}` }],
        fingerprint: [node.name, layer.layer],
      });
    }
  },
});
