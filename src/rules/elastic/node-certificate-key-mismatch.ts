import * as path from 'node:path';
import { defineRule } from '../types';
import { ours, said } from '../../core/phrase';
import { relativePosix } from '../../core/posix-path';
import { nodeLayers, runBy } from '../_lib/search-node-layers';
import { certutilFilenameOf, certutilKeyFilenameOf } from '../../knowledge/certutil';
import type { SearchLayerFile } from '../../model/search-node-types';
import type { CertutilInstanceRecord } from '../../model/certutil-instance-records';

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
 *
 * Files the tree does not hold are judged only when elasticsearch-certutil makes them: a certificate
 * `<dir>/<a>/<a>.crt` with the key `<dir>/<b>/<b>.key` of another instance of the same instances file (certutil makes a
 * new key pair for every instance: knowledge certutil.json). An error when both come from a bind mount under the
 * instances file's directory (certutil's output beside its input), else a warning (only the names tie them).
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
      certutilPair:
        "{{keyPath}} ({{keySetting}}) is the key elasticsearch-certutil makes for instance {{keyInstance}}, but {{certificatePath}} ({{certificateSetting}}) is the certificate it makes for instance {{certificateInstance}} of {{instancesFile}}, with a key pair of its own: the {{layer}} layer of {{node}} pairs them, so no TLS handshake on the layer completes ({{effect}}). Name {{certificateInstance}}'s key or {{keyInstance}}'s certificate{{certainty}}",
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
          const generated = generatedPair(certificate, key, deployment.certutilInstances ?? []);
          if (generated) {
            const where = (f: SearchLayerFile) =>
              f.outsideFile ? relativePosix(deployment.root, f.outsideFile) : f.setting.value;
            ctx.report({
              messageId: 'certutilPair',
              ...((node.settingsElsewhere || !generated.besideInput) && { severity: 'warning' as const }),
              data: {
                keyPath: where(key),
                keySetting: key.setting.key,
                keyInstance: generated.keyInstance,
                certificatePath: where(certificate),
                certificateSetting: certificate.setting.key,
                certificateInstance: generated.certificateInstance,
                instancesFile: relativePosix(deployment.root, generated.file),
                layer: layer.layer,
                node: node.name,
                effect: effectOf(layer.layer),
                certainty: generated.besideInput
                  ? ''
                  : '. Only the file names tie them to the instances file (the tree does not show which run wrote them)',
              },
              location: key.setting.at,
              related: [
                { ...certificate.setting.at, message: ours('the certificate it goes with') },
                ...generated.related,
                ...runBy(node),
              ],
              fingerprint: [node.name, key.setting.key, certificate.setting.key],
            });
            continue;
          }
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
              effect: effectOf(layer.layer),
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

const effectOf = (layer: 'http' | 'transport') =>
  layer === 'transport'
    ? 'the node connects to no other node and none to it'
    : 'no REST client, Kibana or Logstash reaches it over HTTPS';

/**
 * A certificate and key the tree does not hold that certutil makes for two different instances of one instances file
 * (`certs/es02/es02.crt` with `certs/es03/es03.key`): whether both come from under that file's directory.
 */
function generatedPair(
  certificate: SearchLayerFile,
  key: SearchLayerFile,
  instances: readonly CertutilInstanceRecord[],
) {
  if (certificate.ref.file || key.ref.file || certificate.setting.placeholder || key.setting.placeholder)
    return undefined;
  const certificatePath = certificate.outsideFile ?? certificate.setting.value;
  const keyPath = key.outsideFile ?? key.setting.value;
  const certificateInstance = certutilFilenameOf(certificatePath);
  const keyInstance = certutilKeyFilenameOf(keyPath);
  if (!certificateInstance || !keyInstance || certificateInstance === keyInstance) return undefined;
  // The same output directory: `<dir>/<a>/<a>.crt` and `<dir>/<b>/<b>.key`.
  const outputOf = (file: string) => path.posix.dirname(path.posix.dirname(file.replace(/\\/g, '/')));
  if (outputOf(certificatePath) !== outputOf(keyPath)) return undefined;
  const byFile = (name: string) =>
    new Map(instances.filter((r) => r.instance.filename === name).map((r) => [r.file, r]));
  const certificateDeclared = byFile(certificateInstance);
  const keyDeclared = byFile(keyInstance);
  const file = [...certificateDeclared.keys()].find((f) => keyDeclared.has(f));
  if (!file) return undefined;
  const beside = (f: SearchLayerFile) =>
    f.outsideFile !== undefined && !path.relative(path.dirname(file), f.outsideFile).startsWith('..');
  const instance = (r: CertutilInstanceRecord) => ({
    file,
    range: r.instance.name.range,
    message: said`instance ${r.instance.name.value} (certutil makes its own key pair)`,
  });
  return {
    file,
    certificateInstance,
    keyInstance,
    besideInput: beside(certificate) && beside(key),
    related: [instance(certificateDeclared.get(file)!), instance(keyDeclared.get(file)!)],
  };
}
