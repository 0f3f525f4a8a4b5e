/**
 * cert/expired on an expired self-signed root above an expired leaf, where the root is a member of the leaf's chain
 * other than in a PEM file or key entry (expired.test.ts has those): a CA certificate of the key repository IBM MQ's
 * container builds for a QueueManager from its spec.pki Secret (tls.crt, tls.key, ca.crt), and a root that a link's
 * verifier date-checks on the leaf's path. Shapes after jjodl/mqoncp4i@b67913a (no licence; its layout only, made anew
 * here): nativeha-crr-poc/deploy/x-1-live-active.yaml, a Native HA queue manager whose pki Secret holds its expired
 * leaf and the expired self-signed CA that issued it, was one error for the leaf and one more for the CA.
 *
 * What a verifier sees, measured with OpenSSL 3.0.19 (`openssl verify -attime` / `s_client -attime` against an
 * `s_server`, a root valid 10 days over a leaf valid 20, or a root valid 30 over a leaf valid 10):
 * - both expired: one failure, 'certificate has expired' (error 10), reported at the root first (depth 1), then at
 *   the leaf (depth 0) by `openssl verify`, which goes on after an error; s_client's handshake stops at the first;
 * - the leaf alone expired: error 10 at depth 0; the root alone expired: error 10 at depth 1, so renewing only the
 *   leaf still fails.
 * One handshake fails, so one finding: the leaf's error (every verifier rejects an expired leaf), naming the root as a
 * related place to renew with it. A root above a valid leaf, or one that issued no leaf of the repository, is judged
 * on its own as before (JSSE ends a path at a trusted anchor without checking its dates; OpenSSL and GSKit do not).
 */
import rule from '../../../src/rules/cert/expired';
import { ruleTester } from '../../helpers/rule-tester';
import { ca, daysFromNow, leaf, type Issued } from '../../helpers/pki';
import { nginxGateway } from '../tls/trees';

const expired = { notBefore: daysFromNow(-400), notAfter: daysFromNow(-30) };
const expiredRoot = ca('selfsigned-ca', undefined, expired);
const expiredLeaf = leaf('mq02ha-qm', expiredRoot, expired);
const validLeaf = leaf('mq02ha-qm', expiredRoot, { notBefore: daysFromNow(-400), notAfter: daysFromNow(300) });
const otherRoot = ca('other-ca', undefined, expired);
const b64 = (text: string) => Buffer.from(text).toString('base64');

/** The MQSC ConfigMap, the pki Secret (tls.crt, tls.key, ca.crt) and the QueueManager applying them, in one file. */
function queueManagerFile(own: Issued, caCertificate: Issued): string {
  return [
    'kind: ConfigMap',
    'apiVersion: v1',
    'metadata:',
    '  name: mq02ha-mqsc',
    'data:',
    '  mq02ha.mqsc: |-',
    "    DEFINE CHANNEL(APP.SVRCONN) CHLTYPE(SVRCONN) TRPTYPE(TCP) SSLCAUTH(OPTIONAL) SSLCIPH('ANY_TLS12_OR_HIGHER')",
    '---',
    'kind: Secret',
    'apiVersion: v1',
    'metadata:',
    '  name: mq02ha-qm-tls',
    'data:',
    `  tls.crt: ${b64(own.pem)}`,
    `  tls.key: ${b64(own.keyPem)}`,
    `  ca.crt: ${b64(caCertificate.pem)}`,
    'type: Opaque',
    '---',
    'apiVersion: mq.ibm.com/v1beta1',
    'kind: QueueManager',
    'metadata:',
    '  name: mq02ha',
    'spec:',
    '  version: 9.4.2.0-r1',
    '  pki:',
    '    keys:',
    '    - name: default',
    '      secret:',
    '        secretName: mq02ha-qm-tls',
    '        items:',
    '          - tls.key',
    '          - tls.crt',
    '          - ca.crt',
    '  queueManager:',
    '    name: mq02ha',
    '    mqsc:',
    '      - configMap:',
    '          name: mq02ha-mqsc',
    '          items:',
    '            - mq02ha.mqsc',
  ].join('\n');
}

/** Lines of queueManagerFile (one-based): the channel's DEFINE, the Secret's tls.crt and ca.crt, spec.pki's secretName. */
const CHANNEL_LINE = 7;
const TLS_CRT_LINE = 14;
const CA_CRT_LINE = 16;
const SECRET_NAME_LINE = 29;
const QM_FILE = 'deploy/x-1-live-active.yaml';

/** An nginx server (api/) presenting `served` alone, and a gateway (gw/) verifying it against ca.pem (OpenSSL). */
function nginxLink(served: Issued, anchor: Issued): Record<string, string> {
  return {
    'api/nginx.conf': [
      'http {',
      '  server {',
      '    listen 8443 ssl;',
      '    server_name api.example.internal;',
      '    ssl_certificate /etc/nginx/ssl/api.crt;',
      '    ssl_certificate_key /etc/nginx/ssl/api.key;',
      '  }',
      '}',
      '',
    ].join('\n'),
    'api/ssl/api.crt': served.pem,
    'api/ssl/api.key': served.keyPem,
    ...nginxGateway(['proxy_ssl_verify on;', 'proxy_ssl_trusted_certificate /etc/nginx/ssl/ca.pem;']),
    'gw/ssl/ca.pem': anchor.pem,
  };
}

ruleTester(rule, {
  valid: [],
  invalid: [
    {
      // jjodl/mqoncp4i: one error for the leaf, the CA of its key set named there (it was a second error, or a
      // warning saying chains through it fail, for the same failure).
      name: "a QueueManager pki Secret's expired CA above its expired tls.crt: one error, at the leaf, naming the CA",
      files: { [QM_FILE]: queueManagerFile(expiredLeaf, expiredRoot) },
      errors: [
        {
          messageId: 'expired',
          file: QM_FILE,
          line: TLS_CRT_LINE,
          severity: 'error',
          // The channel, the spec.pki entry that mounts the Secret, then the CA.
          related: [
            { file: QM_FILE, line: CHANNEL_LINE },
            { file: QM_FILE, line: SECRET_NAME_LINE },
            { file: QM_FILE, line: CA_CRT_LINE },
          ],
        },
      ],
    },
    {
      // Once the leaf is valid the CA is judged on its own: no link shows who verifies it, and the verifier's stack
      // decides (JSSE accepts an expired anchor, OpenSSL and GSKit refuse it): a warning, as before.
      name: 'the same CA above a valid tls.crt: judged on its own, a warning',
      files: { [QM_FILE]: queueManagerFile(validLeaf, expiredRoot) },
      errors: [{ messageId: 'expiredUnlinkedCa', file: QM_FILE, line: CA_CRT_LINE, severity: 'warning' }],
    },
    {
      // A CA of the repository that did not issue the key is no member of its chain: each is said.
      name: 'an expired CA in ca.crt that did not issue the expired tls.crt: two findings',
      files: { [QM_FILE]: queueManagerFile(expiredLeaf, otherRoot) },
      errors: [
        { messageId: 'expired', file: QM_FILE, line: TLS_CRT_LINE, severity: 'error' },
        { messageId: 'expiredUnlinkedCa', file: QM_FILE, line: CA_CRT_LINE, severity: 'warning' },
      ],
    },
    {
      // An OpenSSL verifier date-checks the anchor of the path it builds: with both expired the handshake fails once
      // (error 10 at the root, measured above), so one error at the leaf names the root.
      name: 'a link whose OpenSSL verifier trusts the expired root of the expired leaf it is sent: one error, at the leaf',
      files: nginxLink(expiredLeaf, expiredRoot),
      errors: [
        {
          messageId: 'expired',
          file: 'api/ssl/api.crt',
          line: 1,
          severity: 'error',
          related: [
            { file: 'api/nginx.conf', line: 5 },
            { file: 'gw/ssl/ca.pem', line: 1 },
          ],
        },
      ],
    },
  ],
});
