import { ours } from '../../core/phrase';
import { defineRule } from '../types';
import { nodeLayers, runBy } from '../_lib/search-node-layers';

/**
 * An Elasticsearch node that sets `verification_mode: none` on a TLS layer: it then accepts any certificate at all —
 * "Performs no certificate validation", which the reference calls suitable only for temporary diagnosis
 * (https://www.elastic.co/guide/en/elasticsearch/reference/8.15/security-settings.html#ssl-tls-settings). On the
 * transport layer every node is a client of the others, so any host can join the cluster as a node and read or change
 * its data. On the HTTP layer the setting checks the certificates clients present, so it matters only where
 * `client_authentication` asks for one (optional or required; the HTTP layer's default is none). A value with `${…}`
 * is unknown. Read from model/search-node.ts.
 */
export default defineRule({
  meta: {
    id: 'elastic/node-verification-none',
    description:
      "Warn when an Elasticsearch node's TLS layer sets verification_mode none: it accepts any certificate, so any host can pose as a node or a client",
    severity: 'warning',
    messages: {
      transport:
        "{{setting}} is none for {{node}}: on the transport layer it accepts any certificate from the nodes it connects to and that connect to it, so any host that can reach port 9300 can join the cluster as a node and read or change its data. Use certificate (the CA is checked) or full (the host name too), with certificate_authorities naming the CA that signs the nodes' certificates",
      http: "{{setting}} is none for {{node}}, whose HTTP layer asks clients for a certificate ({{clientAuthentication}}): any certificate a client presents is accepted, so client certificates prove nothing (a PKI realm trusts whoever presents one). Use certificate or full, with certificate_authorities naming the CA of the clients' certificates",
    },
    defaultOptions: {},
    appliesTo: { documents: ['elasticsearch.config', 'compose'] },
    symptoms: [],
  },
  check(ctx) {
    for (const { node, layer } of nodeLayers(ctx.deployment, 'Elasticsearch')) {
      const mode = layer.settings.get('verification_mode');
      if (layer.enabled !== true || !mode || mode.placeholder || mode.value.toLowerCase() !== 'none') continue;
      const auth = layer.settings.get('client_authentication');
      const asks = auth && !auth.placeholder && ['optional', 'required'].includes(auth.value.toLowerCase());
      if (layer.layer === 'http' && !asks) continue;
      ctx.report({
        messageId: layer.layer,
        data: {
          setting: mode.key,
          node: node.name,
          clientAuthentication: auth ? `${auth.key}: ${auth.value}` : '',
        },
        location: mode.at,
        related: [
          ...runBy(node),
          ...(auth && layer.layer === 'http'
            ? [{ ...auth.at, message: ours('asks for a client certificate here') }]
            : []),
        ],
        fingerprint: [node.name, layer.layer],
      });
    }
  },
});
