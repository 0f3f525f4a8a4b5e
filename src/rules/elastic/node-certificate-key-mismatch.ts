import * as path from 'node:path';
import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';
import { relativePosix } from '../../core/posix-path';
import { nodeLayers, runBy } from '../_lib/search-node-layers';

/**
 * An Elasticsearch or OpenSearch node whose TLS layer takes its certificate and private key from PEM files
 * (`certificate` and `key`; `pemcert_filepath` and `pemkey_filepath`, also the transport's `server.` pair) that do not
 * belong together: the key's public half is not the certificate's public key. The node signs the handshake with the
 * key and its peers check that signature against the certificate (TLS 1.2 ServerKeyExchange, TLS 1.3
 * CertificateVerify), so no handshake on that layer completes: on transport the node joins no cluster, on HTTP no
 * client connects. Both files must be in the tree where the layer reads them (model/search-node.ts resolves the path
 * through the service's bind mounts or beside the file); the comparison is derive's (the tree's PEM files, each key's
 * and certificate's public key by SHA-256: derived.pemFiles, as nginx/certificate-key-mismatch reads them). Not judged:
 * an encrypted key (its public half is unknown without the passphrase), a file outside the tree, a layer whose TLS is
 * off or unknown. A warning when the tree does not show how the node is started (its environment may name other files).
 */
export default defineRule({
  meta: {
    id: 'elastic/node-certificate-key-mismatch',
    description:
      "Check that an Elasticsearch or OpenSearch node's PEM key is the private key of the certificate its TLS layer presents: with another key no handshake on that layer completes",
    severity: 'error',
    messages: {
      mismatch:
        '{{keyFile}} ({{keySetting}}) is not the private key of {{certificateFile}} ({{certificateSetting}}, {{subject}}) on the {{layer}} layer of {{node}}: the node signs each handshake with that key and peers check the signature against the certificate, so no TLS handshake on the layer completes ({{effect}}). Point {{keySetting}} at the key the certificate was issued for (compare `openssl x509 -noout -pubkey` with `openssl pkey -pubout`), or {{certificateSetting}} at the certificate issued for this key',
    },
    defaultOptions: {},
    appliesTo: { documents: ['elasticsearch.config', 'opensearch.config', 'compose'] },
    symptoms: ['bad_certificate', 'Cannot verify the signature', 'handshake_failure'],
  },
  check(ctx) {
    const { deployment } = ctx;
    const pemFiles = deployment.derived.pemFiles;
    const seen = new Set<string>();
    for (const product of ['Elasticsearch', 'OpenSearch'] as const)
      for (const { node, layer } of nodeLayers(deployment, product)) {
        if (layer.enabled !== true) continue;
        for (const { certificate, key } of layer.pemPairs ?? []) {
          if (!certificate.ref.file || !key.ref.file) continue;
          const leaf = pemFiles.get(certificate.ref.file)?.data.certificates[0];
          const privateKey = pemFiles.get(key.ref.file)?.data.privateKeys[0];
          if (!leaf?.publicKeySha256 || !privateKey?.publicKeySha256) continue;
          if (leaf.publicKeySha256 === privateKey.publicKeySha256) continue;
          // The same pair on both layers is one mistake, said once (on the first layer).
          const pairKey = `${node.name}\0${certificate.ref.file}\0${key.ref.file}`;
          if (seen.has(pairKey)) continue;
          seen.add(pairKey);
          const name = (file: string) => relativePosix(deployment.root, file) || path.basename(file);
          ctx.report({
            messageId: 'mismatch',
            ...(node.settingsElsewhere && { severity: 'warning' as const }),
            data: {
              keyFile: name(key.ref.file),
              keySetting: key.setting.key,
              certificateFile: name(certificate.ref.file),
              certificateSetting: certificate.setting.key,
              subject: leaf.subjectText,
              layer: layer.layer,
              node: node.name,
              effect:
                layer.layer === 'transport'
                  ? 'the node connects to no other node and none to it'
                  : 'no REST client, Kibana or Logstash reaches it over HTTPS',
            },
            location: key.setting.at,
            related: [
              { ...certificate.setting.at, message: said`the certificate it goes with (${leaf.subjectText})` },
              { file: key.ref.file, range: privateKey.range, message: ours('the private key it names') },
              { file: certificate.ref.file, range: leaf.range, message: ours('the certificate the layer presents') },
              ...runBy(node),
            ],
            fingerprint: [node.name, key.setting.key, certificate.setting.key],
          });
        }
      }
  },
});
