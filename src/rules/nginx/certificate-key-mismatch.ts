import * as path from 'node:path';
import { range } from '../../core/types';
import { defineRule } from '../types';
import { presentedPemFile } from '../_lib/pem-files';
import { ours, said } from '../../core/phrase';
import { reportOnNginxFile } from './_lib/unloaded';

/**
 * An `ssl_certificate_key` whose key is not the key of the `ssl_certificate` in the same place (nginx pairs them by
 * order: ngx_ssl_certificates), so nginx refuses to start: `[emerg] SSL_CTX_use_PrivateKey("…") failed (SSL: …
 * key values mismatch)` (measured with Debian 12's nginx 1.22.1, `nginx -t`). The certificate is the tree PEM file its
 * `ssl_certificate` resolves to (derive's presented certificates), its first certificate the one nginx uses; the key
 * is the file of the key's name in that same directory (certificates and keys are deployed together), its first key
 * block, compared by the SHA-256 of the public key. A key file that is a PEM file without any key block (the
 * certificate named twice) fails earlier: `[emerg] cannot load certificate key "…": PEM_read_bio_PrivateKey() failed`.
 * An info for a file of a `*-available` directory nginx does not read (./_lib/unloaded.ts). Not judged: a key outside
 * that directory (another file of the same name elsewhere in the tree may be another deployment's), a path with
 * variables (loaded per handshake, nginx 1.15.9+), `data:` and `engine:` keys, an encrypted key (its public half is
 * unknown without the passphrase).
 */
export default defineRule({
  meta: {
    id: 'nginx/certificate-key-mismatch',
    description:
      "Check that every nginx ssl_certificate_key is the key of the ssl_certificate it goes with: another certificate's key stops nginx from starting",
    severity: 'error',
    appliesTo: { components: ['nginx.server'] },
    messages: {
      noKeyInFile:
        '{{keyFile}}, the ssl_certificate_key of {{certificateFile}} in {{server}}, holds no private key ({{holds}}): nginx refuses to start ([emerg] cannot load certificate key "{{keyWritten}}": PEM_read_bio_PrivateKey() failed). Point ssl_certificate_key at the file with the private key the certificate was issued for',
      unloaded:
        '{{keyFile}}, the ssl_certificate_key of {{certificateFile}} in {{server}}, {{problem}}: it would stop nginx at start if enabled ([emerg] {{emerg}}), but this file lies in {{directory}}, which no include of the configuration nginx runs reaches, so nginx does not read it as the tree stands. Before enabling it, point ssl_certificate_key at the key the certificate was issued for',
      mismatch:
        '{{keyFile}} is not the private key of {{certificateFile}} ({{subject}}), the ssl_certificate it goes with in {{server}}: nginx refuses to start ([emerg] SSL_CTX_use_PrivateKey("{{keyWritten}}") failed (SSL: … key values mismatch)). Point ssl_certificate_key at the key the certificate was issued for (compare `openssl x509 -noout -pubkey` with `openssl pkey -pubout`), or the certificate at the one issued for this key',
    },
    options: {},
    symptoms: ['key values mismatch', 'SSL_CTX_use_PrivateKey'],
  },
  check(ctx) {
    const { deployment } = ctx;
    const pemByPath = deployment.derived.pemFiles;
    for (const component of deployment.components) {
      if (component.type !== 'nginx.server') continue;
      const keys = component.attributes.certificateKeys ?? [];
      const named = deployment.derived.presented.get(component.id) ?? [];
      named.forEach(({ ref, certificates }, index) => {
        const keyRef = keys[index];
        const presented = presentedPemFile(certificates, pemByPath);
        if (!keyRef || !presented || /\$|^(data|engine):/.test(keyRef.file)) return;
        const { file: certificateFile, leaf } = presented;
        const keyFile = path.join(path.dirname(certificateFile), path.posix.basename(keyRef.file));
        const keyPem = pemByPath.get(keyFile)?.data;
        const key = keyPem?.privateKeys[0];
        const data = {
          keyFile: path.basename(keyFile),
          certificateFile: path.basename(certificateFile),
          subject: leaf.subjectText,
          server: component.name,
          keyWritten: keyRef.file,
        };
        const related = ref.reference ? [{ ...ref.reference, message: ours('the ssl_certificate it goes with') }] : [];
        const { loading } = component.attributes;
        // A PEM file with certificates (or DH parameters) and no key block: nothing for PEM_read_bio_PrivateKey.
        if (keyPem && !key) {
          const holds = keyPem.certificates.length > 0 ? 'only certificates' : 'no key block';
          reportOnNginxFile(ctx, loading, {
            messageId: 'noKeyInFile',
            data: {
              ...data,
              holds,
              problem: said`holds no private key (${holds})`,
              emerg: said`cannot load certificate key "${keyRef.file}"`,
            },
            location: keyRef.reference,
            related: [
              {
                file: keyFile,
                range: keyPem.certificates[0]?.range ?? range(0, 0, 0, 0),
                message: ours('the file it names: no private key block in it'),
              },
              ...related,
            ],
            fingerprint: [component.id, keyRef.file, 'no key'],
          });
          return;
        }
        if (!key?.publicKeySha256 || key.publicKeySha256 === leaf.publicKeySha256) return;
        reportOnNginxFile(ctx, loading, {
          messageId: 'mismatch',
          data: {
            ...data,
            problem: said`is not the private key of ${leaf.subjectText}`,
            emerg: said`SSL_CTX_use_PrivateKey("${keyRef.file}") failed`,
          },
          location: keyRef.reference,
          related: [
            { file: keyFile, range: key.range, message: ours('the private key it names') },
            { file: certificateFile, range: leaf.range, message: said`the certificate (${leaf.subjectText})` },
            ...related,
          ],
          fingerprint: [component.id, keyRef.file],
        });
      });
    }
  },
});
