import { defineRule } from '../types';
import { said } from '../../core/phrase';
import { nodeLayers, noKeyMaterialMessage, runBy } from '../_lib/search-node-layers';

/**
 * An Elasticsearch node that turns TLS on for its HTTP or transport layer (`xpack.security.http.ssl.enabled: true`,
 * `xpack.security.transport.ssl.enabled: true`) without naming the key it presents: neither `keystore.path` nor both
 * `key` and `certificate`. SSLService checks every enabled server context when the node starts and throws
 * ElasticsearchSecurityException ("invalid SSL configuration for xpack.security.http.ssl - server ssl configuration
 * requires a key and certificate, but these have not been configured; …": elastic/elasticsearch@f4d958db
 * x-pack/plugin/core/src/main/java/org/elasticsearch/xpack/core/ssl/SSLService.java): the node does not start. A
 * setting written with `${…}`, one the image's security auto-configuration may add (no `xpack.security.*` setting at
 * all), or a node whose start the tree does not show (its environment may set the key) is not an error: the last is a
 * warning saying so. Read from model/search-node.ts.
 */
export default defineRule({
  meta: {
    id: 'elastic/node-ssl-without-key',
    description:
      'Report an Elasticsearch node that enables TLS on its HTTP or transport layer without a key and certificate: the node does not start',
    severity: 'error',
    messages: {
      noKey:
        '{{setting}} is true for {{node}}, but its {{layer}} layer names no key and certificate (neither {{prefix}}keystore.path nor both {{prefix}}key and {{prefix}}certificate): the node does not start, failing with "{{log}}". Set {{prefix}}key and {{prefix}}certificate (PEM files in the config directory) or {{prefix}}keystore.path (a PKCS#12 key store), or turn TLS off on this layer',
      noKeyUnlessStart:
        '{{setting}} is true for {{node}}, but its {{layer}} layer names no key and certificate (neither {{prefix}}keystore.path nor both {{prefix}}key and {{prefix}}certificate), and {{elsewhere}}: unless they do, the node does not start, failing with "{{log}}". Set {{prefix}}key and {{prefix}}certificate, or {{prefix}}keystore.path, here',
    },
    defaultOptions: {},
    appliesTo: { documents: ['elasticsearch.config', 'compose'] },
    symptoms: ['server ssl configuration requires a key and certificate, but these have not been configured'],
  },
  check(ctx) {
    for (const found of nodeLayers(ctx.deployment, 'Elasticsearch')) {
      const { node, layer } = found;
      if (layer.enabled !== true || layer.keyMaterial !== 'none' || !layer.enabledBy) continue;
      const { message, source } = noKeyMaterialMessage(found);
      ctx.report({
        messageId: node.settingsElsewhere ? 'noKeyUnlessStart' : 'noKey',
        ...(node.settingsElsewhere && { severity: 'warning' as const }),
        data: {
          setting: layer.enabledBy.key,
          node: node.name,
          layer: layer.layer,
          prefix: layer.prefix,
          log: message,
          elsewhere: node.settingsElsewhere ?? '',
        },
        location: layer.enabledBy.at,
        related: [...runBy(node), { file: layer.enabledBy.at.file, message: said`Elasticsearch's check: ${source}` }],
        fingerprint: [node.name, layer.layer],
      });
    }
  },
});
